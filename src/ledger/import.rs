//! From a ledger sheet to a plan: find the header row by its usual names, read area rows
//! (a lone first cell, or a row merged across the table), items and numbered sub-items, owner
//! cells ("A牵头，B配合") and deadlines in words; every cell that cannot be read is a problem
//! located as `SHEET!CELL`.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::date::Period;
use crate::ledger::read::{Sheet, Value};
use crate::ledger::words::{self, Field};
use crate::model::{PlanYear, TaskStatus};
use crate::phrase::{self, Deadline};

/// One imported task.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub parent: Option<String>,
    pub owners: Vec<String>,
    pub with: Vec<String>,
    pub leaders: Vec<String>,
    pub deadline: Option<Deadline>,
    pub status: Option<TaskStatus>,
    pub progress: Vec<String>,
    pub note: Option<String>,
    /// Where its title is: `台账!C7`.
    pub at: String,
}

/// One imported area.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

/// A ledger read into a plan's shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ledger {
    /// The sheet's title row, if it has one.
    pub title: Option<String>,
    pub areas: Vec<Area>,
    pub items: usize,
}

/// What went wrong in a cell, or with the sheet as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No row has the usual header names; `looked_for` lists them.
    NoHeader,
    /// A deadline cell this reader cannot read.
    BadDeadline { at: String, text: String },
    /// A status cell with an unknown word.
    BadStatus { at: String, text: String },
    /// A row with a title and no deadline: kept without `due` (a notice, not an error).
    NoDeadline { at: String, title: String },
}

impl Problem {
    /// Whether the problem stops the import.
    pub fn is_error(&self) -> bool {
        !matches!(self, Problem::NoDeadline { .. })
    }
}

/// `--map`: other header names and the fields they hold.
pub type Map = Vec<(String, Field)>;

/// A header or cell made comparable: full-width folded, white space and line breaks removed.
fn normal(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// The field a header cell names, by `map` first, then by the usual names (a header such as
/// "完成时限（2023年）" is read by its words before the bracket).
fn field_of(text: &str, map: &Map) -> Option<Field> {
    let t = normal(text);
    if t.is_empty() {
        return None;
    }
    let bare = t.split(['(', '（']).next().unwrap_or(&t).to_string();
    map.iter()
        .find(|(name, _)| normal(name) == t || normal(name) == bare)
        .map(|(_, f)| *f)
        .or_else(|| {
            words::HEADERS
                .iter()
                .find(|(name, _)| *name == t || *name == bare)
                .map(|(_, f)| *f)
        })
}

/// The header row: the first of the first 30 rows with a title column and one other known
/// column; its columns by field.
fn header(sheet: &Sheet, map: &Map) -> Option<(usize, Vec<(usize, Field)>)> {
    for (r, row) in sheet.rows.iter().enumerate().take(30) {
        let mut fields: Vec<(usize, Field)> = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            if sheet.covered(r, c) {
                continue;
            }
            if let Some(f) = field_of(&cell.text(), map)
                && !fields.iter().any(|(_, g)| *g == f)
            {
                fields.push((c, f));
            }
        }
        if fields.iter().any(|(_, f)| *f == Field::Title) && fields.len() >= 2 {
            // 责任单位 is the owner, unless a 牵头单位 column names the owner.
            let has_owner = fields.iter().any(|(_, f)| *f == Field::Owner);
            for (_, f) in &mut fields {
                if *f == Field::Responsible {
                    *f = if has_owner { Field::With } else { Field::Owner };
                }
            }
            return Some((r, fields));
        }
    }
    None
}

/// How an item is numbered: items numbered alike are siblings; another style under an item
/// starts its sub-items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 1, 1、
    Arabic,
    /// 1.
    ArabicDot,
    /// （1）, (1)
    ParenArabic,
    /// ①
    Circled,
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1.1
    Dotted,
}

/// The numbering at the start of `text`, and its style.
fn numbering(text: &str) -> Option<Style> {
    let t = text.trim();
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return Some(Style::Circled);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    if !digits.is_empty() {
        return match rest.chars().next() {
            None | Some('、' | ' ' | '，') => Some(Style::Arabic),
            Some('.' | '．') => {
                let after = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
                if after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    Some(Style::Dotted)
                } else {
                    Some(Style::ArabicDot)
                }
            }
            _ => None,
        };
    }
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|s| s.split_once(['）', ')']))
        .map(|(n, _)| n);
    if let Some(n) = inner {
        if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
            return Some(Style::ParenArabic);
        }
        if !n.is_empty() && n.chars().all(|c| words::CHINESE_DIGITS.contains(c)) {
            return Some(Style::ParenChinese);
        }
        return None;
    }
    let chinese: String = t
        .chars()
        .take_while(|c| words::CHINESE_DIGITS.contains(*c))
        .collect();
    if !chinese.is_empty() && t[chinese.len()..].starts_with(['、', '.', '．']) {
        return Some(Style::Chinese);
    }
    None
}

/// An area row's title without its numbering ("一、招商引资" → "招商引资").
fn area_title(text: &str) -> String {
    let t = text.trim();
    let cut = match numbering(t) {
        Some(Style::ParenChinese | Style::ParenArabic) => t
            .find(['）', ')'])
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8)),
        Some(Style::Chinese | Style::Arabic | Style::ArabicDot) => t
            .find(['、', '.', '．', ' '])
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8)),
        Some(Style::Circled) => t.chars().next().map(char::len_utf8),
        Some(Style::Dotted) | None => None,
    };
    let title = cut.map_or(t, |i| &t[i..]).trim();
    if title.is_empty() {
        t.to_string()
    } else {
        title.to_string()
    }
}

/// Names in a cell, split at 、，,；; and line breaks, each trimmed, empty ones dropped.
fn names(text: &str) -> Vec<String> {
    text.split(words::NAME_SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// An owner cell: "A牵头，B配合" gives lead A and assisting B; names without a mark lead.
fn owner_cell(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut lead, mut assist) = (Vec::new(), Vec::new());
    for part in text.split(['，', ',', '；', ';', '\n']) {
        let part = part.trim();
        if let Some(p) = words::ASSIST_MARKS
            .iter()
            .find_map(|m| part.strip_suffix(m))
        {
            assist.extend(names(p));
        } else if let Some(p) = words::LEAD_MARKS.iter().find_map(|m| part.strip_suffix(m)) {
            lead.extend(names(p));
        } else {
            lead.extend(names(part));
        }
    }
    (lead, assist)
}

/// A deadline cell: an Excel date, a serial number, a date in text (2016-03-31, 2016/3/31,
/// 2016.3.31), a period ("2016-03", "2016-Q1") or a phrase.
fn deadline(value: &Value, span: PlanYear) -> Option<Deadline> {
    match value {
        Value::Empty => None,
        Value::Date(d) => Some(Deadline::Due(Period::Day(*d))),
        Value::Number(n) => serial(*n).map(|d| Deadline::Due(Period::Day(d))),
        Value::Text(t) => {
            let t = t.trim();
            if let Ok(p) = Period::parse(t) {
                return Some(Deadline::Due(p));
            }
            for form in ["%Y/%m/%d", "%Y.%m.%d", "%Y-%m-%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(t, form) {
                    return Some(Deadline::Due(Period::Day(d)));
                }
            }
            if let Ok(n) = t.parse::<f64>() {
                return serial(n).map(|d| Deadline::Due(Period::Day(d)));
            }
            phrase::read(t, span)
        }
    }
}

/// An Excel serial date (days since 1899-12-30), for the years 1900 to 9999.
fn serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let days = n as i64;
    NaiveDate::from_ymd_opt(1899, 12, 30).map(|epoch| crate::date::add_days(epoch, days))
}

fn status(text: &str) -> Option<TaskStatus> {
    let t = normal(text);
    words::STATUSES
        .iter()
        .find(|(w, _)| *w == t)
        .map(|(_, s)| *s)
        .or_else(|| {
            TaskStatus::NAMES.iter().position(|n| *n == t).map(|i| {
                [
                    TaskStatus::Todo,
                    TaskStatus::Doing,
                    TaskStatus::Blocked,
                    TaskStatus::Done,
                    TaskStatus::Dropped,
                ][i]
            })
        })
}

/// Read `sheet` as a ledger for a plan whose year is `span`.
pub fn import(sheet: &Sheet, span: PlanYear, map: &Map) -> (Ledger, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some((head, columns)) = header(sheet, map) else {
        return (Ledger::default(), vec![Problem::NoHeader]);
    };
    let col = |f: Field| columns.iter().find(|(_, g)| *g == f).map(|(c, _)| *c);
    let Some(title_col) = col(Field::Title) else {
        return (Ledger::default(), vec![Problem::NoHeader]);
    };
    let first_col = columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let last_col = columns.iter().map(|(c, _)| *c).max().unwrap_or(0);
    let mut ledger = Ledger {
        title: sheet
            .rows
            .iter()
            .take(head)
            .find_map(|row| row.iter().map(Value::text).find(|t| !t.is_empty())),
        ..Ledger::default()
    };
    // Numbering styles open at each level, and the item open at each.
    let mut levels: Vec<(Option<Style>, String)> = Vec::new();
    let mut counters: Vec<usize> = Vec::new();
    for r in head + 1..sheet.rows.len() {
        let filled: Vec<usize> = (first_col..=last_col)
            .filter(|c| !sheet.get(r, *c).is_empty())
            .collect();
        if filled.is_empty() {
            continue;
        }
        let text = |f: Field| col(f).map(|c| sheet.get(r, c).text()).unwrap_or_default();
        // An area row: its only filled cell is its first, or it is merged across the table.
        let merged = sheet
            .merged_across(r)
            .is_some_and(|(a, b)| a <= title_col && b >= title_col && b - a >= 2);
        let lone_first = filled.len() == 1 && filled[0] == first_col && first_col != title_col;
        let lone_heading = filled.len() == 1
            && filled[0] == title_col
            && numbering(&text(Field::Title)) == Some(Style::Chinese);
        let area_row = col(Field::Area).is_none() && (merged || lone_first || lone_heading);
        if area_row {
            let t = sheet.get(r, filled[0]).text();
            let n = ledger.areas.len() + 1;
            ledger.areas.push(Area {
                id: format!("a{n}"),
                title: area_title(&t),
                items: Vec::new(),
            });
            levels.clear();
            counters.clear();
            continue;
        }
        let title = text(Field::Title);
        if title.is_empty() || sheet.covered(r, title_col) {
            // A row under a merged title continues the item above: its names and notes join it.
            if let Some(item) = ledger.areas.last_mut().and_then(|a| a.items.last_mut())
                && sheet.covered(r, title_col)
            {
                if let Some(c) = col(Field::Owner).filter(|c| !sheet.covered(r, *c)) {
                    let (lead, assist) = owner_cell(&sheet.get(r, c).text());
                    extend(&mut item.owners, lead);
                    extend(&mut item.with, assist);
                }
                if let Some(c) = col(Field::With).filter(|c| !sheet.covered(r, *c)) {
                    extend(&mut item.with, names(&sheet.get(r, c).text()));
                }
                if let Some(c) = col(Field::Progress).filter(|c| !sheet.covered(r, *c)) {
                    let t = sheet.get(r, c).text();
                    if !t.is_empty() {
                        item.progress.push(t);
                    }
                }
            }
            continue;
        }
        // The area: this row's (an exported ledger), else the last area row's.
        if let Some(c) = col(Field::Area) {
            let name = area_title(&sheet.get(r, c).text());
            if ledger.areas.last().is_none_or(|a| a.title != name) {
                let n = ledger.areas.len() + 1;
                ledger.areas.push(Area {
                    id: format!("a{n}"),
                    title: name,
                    items: Vec::new(),
                });
                levels.clear();
                counters.clear();
            }
        }
        if ledger.areas.is_empty() {
            ledger.areas.push(Area {
                id: "a1".to_string(),
                title: sheet.name.clone(),
                items: Vec::new(),
            });
        }
        let Some(area) = ledger.areas.last_mut() else {
            continue;
        };
        // Its level: an open style closes the deeper ones; a new style nests under the item
        // above; an unnumbered row stays at the level of the row above.
        let number = text(Field::Number);
        let style = numbering(&number).or_else(|| numbering(&title));
        let depth = match style {
            None => levels.len().max(1) - 1,
            Some(s) => match levels.iter().position(|(l, _)| *l == Some(s)) {
                Some(i) => i,
                None if levels.is_empty() => 0,
                None => levels.len(),
            },
        };
        levels.truncate(depth);
        counters.truncate(depth + 1);
        counters.resize(depth + 1, 0);
        counters[depth] += 1;
        let parent = levels.last().map(|(_, id)| id.clone());
        let id = match &parent {
            Some(p) => format!("{p}-{}", counters[depth]),
            None => format!("{}-{}", area.id, counters[depth]),
        };
        levels.push((style, id.clone()));
        let (mut owners, mut with) = col(Field::Owner)
            .map(|c| owner_cell(&sheet.get(r, c).text()))
            .unwrap_or_default();
        extend(
            &mut with,
            col(Field::With)
                .map(|c| names(&sheet.get(r, c).text()))
                .unwrap_or_default(),
        );
        owners.dedup();
        let at = sheet.at(r, title_col);
        let deadline = match col(Field::Due) {
            Some(c) => {
                let cell = sheet.get(r, c);
                if cell.is_empty() {
                    problems.push(Problem::NoDeadline {
                        at: at.clone(),
                        title: title.clone(),
                    });
                    None
                } else {
                    let d = deadline(cell, span);
                    if d.is_none() {
                        problems.push(Problem::BadDeadline {
                            at: sheet.at(r, c),
                            text: cell.text(),
                        });
                    }
                    d
                }
            }
            None => {
                problems.push(Problem::NoDeadline {
                    at: at.clone(),
                    title: title.clone(),
                });
                None
            }
        };
        let status = match col(Field::Status).map(|c| (c, sheet.get(r, c).text())) {
            Some((c, t)) if !t.is_empty() => {
                let s = status(&t);
                if s.is_none() {
                    problems.push(Problem::BadStatus {
                        at: sheet.at(r, c),
                        text: t,
                    });
                }
                s
            }
            _ => None,
        };
        let progress = text(Field::Progress);
        let note = text(Field::Note);
        area.items.push(Item {
            id,
            title,
            parent,
            owners,
            with,
            leaders: names(&text(Field::Leader)),
            deadline,
            status,
            progress: if progress.is_empty() {
                Vec::new()
            } else {
                vec![progress]
            },
            note: (!note.is_empty()).then_some(note),
            at,
        });
        ledger.items += 1;
    }
    (ledger, problems)
}

/// Add the names not already there.
fn extend(list: &mut Vec<String>, more: Vec<String>) {
    for name in more {
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

/// A TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// One name as a string, several as an array.
fn one_or_more(list: &[String]) -> String {
    match list {
        [one] => quoted(one),
        _ => format!(
            "[{}]",
            list.iter()
                .map(|s| quoted(s))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The text of plan.toml.
pub fn plan_toml(
    id: &str,
    title: &str,
    year: i32,
    start: Option<NaiveDate>,
    source: &str,
) -> String {
    let mut s = format!(
        "# plan import {}\n[plan]\nid = {}\ntitle = {}\nyear = {year}\nlang = \"zh\"\n",
        source,
        quoted(id),
        quoted(title)
    );
    if let Some(start) = start {
        s.push_str(&format!("start = {}\n", crate::date::ymd(start)));
    }
    s
}

/// The text of one area file; progress cells become reports dated `today`.
pub fn area_toml(area: &Area, today: NaiveDate) -> String {
    let mut s = format!(
        "[area]\nid = {}\ntitle = {}\n",
        quoted(&area.id),
        quoted(&area.title)
    );
    for item in &area.items {
        s.push_str(&format!(
            "\n# {}\n[[task]]\nid = {}\ntitle = {}\n",
            item.at,
            quoted(&item.id),
            quoted(&item.title)
        ));
        if let Some(p) = &item.parent {
            s.push_str(&format!("parent = {}\n", quoted(p)));
        }
        if !item.owners.is_empty() {
            s.push_str(&format!("owner = {}\n", one_or_more(&item.owners)));
        }
        if !item.with.is_empty() {
            s.push_str(&format!(
                "with = [{}]\n",
                item.with
                    .iter()
                    .map(|w| quoted(w))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !item.leaders.is_empty() {
            s.push_str(&format!("leader = {}\n", one_or_more(&item.leaders)));
        }
        match item.deadline {
            Some(Deadline::Every { every, day, month }) => {
                s.push_str(&format!("every = \"{}\"\n", every.name()));
                if let Some(m) = month {
                    s.push_str(&format!("month = {m}\n"));
                }
                if let Some(d) = day {
                    s.push_str(&format!("day = {d}\n"));
                }
            }
            Some(d) => {
                s.push_str(&phrase::as_keys(d));
                s.push('\n');
            }
            None => {}
        }
        match item.status {
            Some(st) if st != TaskStatus::Todo => {
                s.push_str(&format!("status = \"{}\"\n", st.name()));
            }
            _ => {}
        }
        if !item.progress.is_empty() {
            let entries: Vec<String> = item
                .progress
                .iter()
                .map(|p| {
                    format!(
                        "{{ on = {}, text = {} }}",
                        crate::date::ymd(today),
                        quoted(p)
                    )
                })
                .collect();
            s.push_str(&format!("progress = [{}]\n", entries.join(", ")));
        }
        if let Some(n) = &item.note {
            s.push_str(&format!("note = {}\n", quoted(n)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles() {
        assert_eq!(numbering("1"), Some(Style::Arabic));
        assert_eq!(numbering("12、"), Some(Style::Arabic));
        assert_eq!(numbering("1."), Some(Style::ArabicDot));
        assert_eq!(numbering("1.2"), Some(Style::Dotted));
        assert_eq!(numbering("（1）配齐网格员"), Some(Style::ParenArabic));
        assert_eq!(numbering("(2)"), Some(Style::ParenArabic));
        assert_eq!(numbering("①"), Some(Style::Circled));
        assert_eq!(numbering("一、招商引资"), Some(Style::Chinese));
        assert_eq!(numbering("（一）配齐网格员"), Some(Style::ParenChinese));
        assert_eq!(numbering("加强税收征管"), None);
        assert_eq!(numbering("2016年"), None);
        assert_eq!(area_title("一、招商引资"), "招商引资");
        assert_eq!(area_title("（二）基层治理"), "基层治理");
        assert_eq!(area_title("稳住经济大盘"), "稳住经济大盘");
    }

    #[test]
    fn owner_cells() {
        assert_eq!(
            owner_cell("区财政局牵头，区税务局、各街道配合"),
            (
                vec!["区财政局".to_string()],
                vec!["区税务局".to_string(), "各街道".to_string()]
            )
        );
        assert_eq!(
            owner_cell("区财政局、区税务局"),
            (vec!["区财政局".to_string(), "区税务局".to_string()], vec![])
        );
    }
}

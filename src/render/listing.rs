//! The listings: `status` (per area, or one area's items), `overdue`, `upcoming`, `owners`
//! and the calendar feed, from the rows of `compute::report`.

use crate::compute::report::{self, By, ItemRow, Listed, OwnerRow, StatusReport};
use crate::date::ymd;
use crate::model::Lang;
use crate::render::grid::{self, Grid, GridCell, Text, Tone};
use crate::render::labels::{self, Labels, bracket, item_words};
use crate::render::{Format, View, json};

/// Which dated listing: the words and tone that differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    Overdue,
    Upcoming { within: i64 },
}

/// `plan overdue` or `plan upcoming`; `many`: more than one plan is in view (a plan column).
/// A table for a pipe or a file (cron's mail) is made while it is printed, its cells made on
/// demand, so that a province's listing never holds all its cells or all its text at once;
/// other formats are rendered from the whole grid.
pub fn dated(
    view: View,
    which: Dated,
    rows: Listed<report::DatedRow<'static>>,
    many: bool,
) -> Text {
    let t = view.labels();
    if rows.is_empty() && view.format == Format::Table {
        return match which {
            Dated::Overdue => format!("{}\n", labels::nothing_overdue(view.lang)),
            Dated::Upcoming { within } => {
                format!("{}\n", labels::nothing_upcoming(view.lang, within))
            }
        }
        .into();
    }
    let (days_header, tone) = match which {
        Dated::Overdue => (t.days_late, Tone::Alert),
        Dated::Upcoming { .. } => (t.days_left, Tone::Warn),
    };
    if view.format == Format::Table && grid::streams(view.table) {
        return Text::Stream(Box::new(move |out| {
            let headers = dated_headers(t, days_header, many);
            grid::write_plain(
                &headers,
                &DatedRows {
                    t,
                    many,
                    tone,
                    rows: &rows,
                },
                out,
            )
        }));
    }
    // JSON and CSV are written while they are made, like the table: a province's listing never
    // holds all its text at once.
    if view.format == Format::Json {
        return Text::Stream(Box::new(move |out| {
            grid::write_json(rows.len(), |i| rows.get(i), out)
        }));
    }
    if view.format == Format::Csv {
        return Text::Stream(Box::new(move |out| {
            let headers = dated_headers(t, days_header, many);
            grid::write_csv(
                &headers,
                &DatedRows {
                    t,
                    many,
                    tone,
                    rows: &rows,
                },
                view.bom,
                out,
            )
        }));
    }
    let grid = dated_grid(t, days_header, many, tone, &rows);
    view.emit(&grid, &rows).into()
}

/// The rows of `overdue` or `upcoming` as a table made while it is printed.
struct DatedRows<'l, 'a> {
    t: &'static Labels,
    many: bool,
    tone: Tone,
    rows: &'l Listed<report::DatedRow<'a>>,
}

impl grid::Rows for DatedRows<'_, '_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>])) {
        if let Some(r) = self.rows.stored(at) {
            f(&dated_cells(self.t, self.many, self.tone, r));
        }
    }

    fn order(&self) -> Option<&[usize]> {
        Some(self.rows.order())
    }
}

/// The headers of `overdue` and `upcoming`: days, due, [plan,] area, id, title, owner.
fn dated_headers(t: &Labels, days_header: &str, many: bool) -> Vec<String> {
    let mut headers = vec![days_header.to_string(), t.due.to_string()];
    if many {
        headers.push(t.plan.to_string());
    }
    headers.extend([t.area, t.id, t.title, t.owner, t.light].map(str::to_string));
    headers
}

/// The cells of one row of `overdue` or `upcoming`.
fn dated_cells<'a>(
    t: &Labels,
    many: bool,
    tone: Tone,
    r: &report::DatedRow<'a>,
) -> Vec<GridCell<'a>> {
    let mut cells = Vec::with_capacity(8);
    cells.extend([
        GridCell::num(itoa::Buffer::new().format(r.days.count()).to_string()).tone(tone),
        GridCell::num(ymd(r.due)),
    ]);
    if many {
        cells.push(GridCell::text(r.plan));
    }
    cells.extend([
        GridCell::text(r.area_title),
        GridCell::text(r.id),
        GridCell::text(r.title),
        GridCell::text(owners_text(t, r.owners)),
    ]);
    let (light, tone) = labels::light_words(t, r.light);
    cells.push(GridCell::text(light).tone(tone));
    cells
}

/// Every lead unit of a row, or the word for none.
pub fn owners_text(t: &Labels, owners: &[String]) -> String {
    if owners.is_empty() {
        t.no_owner.to_string()
    } else {
        owners.join(t.list_sep)
    }
}

/// The whole table of `overdue` and `upcoming`, for every format but a streamed table.
fn dated_grid<'a>(
    t: &Labels,
    days_header: &str,
    many: bool,
    tone: Tone,
    rows: &Listed<report::DatedRow<'a>>,
) -> Grid<'a> {
    Grid {
        headers: dated_headers(t, days_header, many),
        rows: rows.iter().map(|r| dated_cells(t, many, tone, r)).collect(),
    }
}

/// The on-time rate in words: a percentage, or `-` when nothing is due.
fn rate(r: &OwnerRow) -> String {
    r.on_time_rate
        .map_or_else(|| "-".to_string(), crate::number::percent)
}

/// `plan owners`, by lead unit or by leader: the scoreboard, best first. Markdown is the
/// 通报: a title, a summary, the ranking and the units to press.
pub fn owners(view: View, by: By, rows: &[OwnerRow], today: chrono::NaiveDate) -> String {
    let t = view.labels();
    let tone = |n: usize, tone: Tone| if n > 0 { tone } else { Tone::Plain };
    let who = match by {
        By::Unit => t.owner,
        By::Leader => t.leader,
    };
    let grid = Grid {
        headers: [
            t.rank,
            who,
            t.on_time_rate,
            t.open,
            t.overdue,
            t.done,
            t.late,
            t.red,
            t.yellow,
            t.feedback_missed,
            t.postponed,
            t.indicators_behind,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    GridCell::num(r.rank.to_string()),
                    GridCell::text(r.who.name().unwrap_or(t.no_owner)),
                    GridCell::num(rate(r)).plain(r.on_time_rate),
                    GridCell::num(r.open.to_string()),
                    GridCell::num(r.overdue.to_string()).tone(tone(r.overdue, Tone::Alert)),
                    GridCell::num(r.done.to_string()),
                    GridCell::num(r.late.to_string()),
                    GridCell::num(r.red.to_string()).tone(tone(r.red, Tone::Alert)),
                    GridCell::num(r.yellow.to_string()).tone(tone(r.yellow, Tone::Warn)),
                    GridCell::num(r.feedback_missed.to_string())
                        .tone(tone(r.feedback_missed, Tone::Warn)),
                    GridCell::num(r.delays.to_string()),
                    GridCell::num(r.behind.to_string()).tone(tone(r.behind, Tone::Alert)),
                ]
            })
            .collect(),
    };
    if view.format != Format::Markdown {
        return view.emit(&grid, rows);
    }
    let due: usize = rows.iter().map(|r| r.due_by_today).sum();
    let on_time: usize = rows.iter().map(|r| r.on_time).sum();
    #[allow(clippy::cast_precision_loss)]
    let overall = (due > 0).then(|| crate::number::percent(on_time as f64 * 100.0 / due as f64));
    let mut out = format!(
        "# {}\n\n{}\n\n",
        grid::md_text(&labels::sentences::scoreboard_title(view.lang, &ymd(today))),
        grid::md_text(&labels::sentences::scoreboard_summary(
            view.lang,
            by == By::Leader,
            rows.len(),
            due,
            on_time,
            overall.as_deref(),
        )),
    );
    out.push_str(&grid::markdown(&grid));
    out.push_str(&format!("\n## {}\n\n", t.units_to_press));
    let press: Vec<&OwnerRow> = rows
        .iter()
        .filter(|r| r.overdue + r.red + r.feedback_missed > 0)
        .collect();
    if press.is_empty() {
        out.push_str(labels::sentences::none_to_press(view.lang));
        out.push('\n');
    }
    for r in press {
        out.push_str(&format!(
            "- {}\n",
            grid::md_text(&labels::sentences::press(
                view.lang,
                r.who.name().unwrap_or(t.no_owner),
                r.overdue,
                r.red,
                r.feedback_missed,
            ))
        ));
    }
    out
}

/// `plan status`: a table per plan with a heading (one CSV for all plans, with a plan column);
/// a table names the plans directory it read first, so that a `plans/` found by walking up, or
/// the one beside the current directory, is never a surprise.
pub fn status(view: View, report: &StatusReport, root: &str) -> String {
    let t = view.labels();
    let header = |plan: &report::PlanStatus| {
        labels::as_of(
            view.lang,
            &ymd(report.today),
            plan.year,
            plan.fiscal,
            &crate::number::percent(plan.year_elapsed),
        )
    };
    match view.format {
        Format::Json => json(report),
        Format::Csv => {
            let verify = report.plans.iter().any(|p| p.verify);
            let mut all = Grid {
                headers: status_headers(t, true, verify),
                rows: Vec::new(),
            };
            for plan in &report.plans {
                all.rows.extend(status_grid(t, plan, true, verify).rows);
            }
            view.csv(&all)
        }
        Format::Table | Format::Markdown => {
            let mut out = String::new();
            if view.format == Format::Table {
                out.push_str(&labels::plans_root(view.lang, &crate::source::escape(root)));
                out.push('\n');
            }
            for (i, plan) in report.plans.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let grid = status_grid(t, plan, false, plan.verify);
                if view.format == Format::Markdown {
                    out.push_str(&format!(
                        "## {}\n\n{}\n\n",
                        grid::md_text(&plan.title),
                        header(plan)
                    ));
                    out.push_str(&grid::markdown(&grid));
                } else {
                    out.push_str(&format!(
                        "{}\n{}\n",
                        crate::source::escape(&plan.title),
                        header(plan)
                    ));
                    out.push_str(&grid::table(&grid, view.table));
                }
            }
            out
        }
    }
}

/// The status table's headers; `verify`: a column of items awaiting verification (待销号).
fn status_headers(t: &Labels, with_plan: bool, verify: bool) -> Vec<String> {
    let mut headers = Vec::new();
    if with_plan {
        headers.push(t.plan.to_string());
    }
    // CSV (with a plan column) gives each count and its total in columns of their own.
    let counts: &[&str] = if with_plan {
        &[
            t.tasks_done,
            t.tasks_total,
            t.overdue,
            t.due_soon,
            t.targets_met,
            t.targets_total,
            t.indicators_on_track,
            t.indicators_total,
        ]
    } else {
        &[
            t.tasks_done,
            t.overdue,
            t.due_soon,
            t.targets_met,
            t.indicators_on_track,
        ]
    };
    headers.extend([t.id, t.area, t.key].map(str::to_string));
    headers.extend(counts.iter().map(|s| s.to_string()));
    headers.extend([t.red, t.yellow].map(str::to_string));
    if verify {
        headers.push(t.awaiting.to_string());
    }
    headers
}

/// The status table of one plan: a row per area.
fn status_grid<'r>(
    t: &Labels,
    plan: &'r report::PlanStatus,
    with_plan: bool,
    verify: bool,
) -> Grid<'r> {
    // An area with nothing of a kind shows `-`, not `0/0`.
    let count = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{a}/{b}")
        }
    };
    let rows = plan
        .areas
        .iter()
        .map(|a| {
            let mut cells = Vec::new();
            if with_plan {
                cells.push(GridCell::text(&plan.id));
            }
            let late = if a.overdue > 0 {
                Tone::Alert
            } else {
                Tone::Plain
            };
            let soon = if a.due_soon > 0 {
                Tone::Warn
            } else {
                Tone::Plain
            };
            cells.extend([
                GridCell::text(&a.id),
                GridCell::text(&a.title),
                GridCell::text(if a.key { t.key_mark } else { "" }),
            ]);
            if with_plan {
                cells.extend(
                    [
                        a.tasks_done,
                        a.tasks_total,
                        a.overdue,
                        a.due_soon,
                        a.targets_met,
                        a.targets_total,
                        a.indicators_on_track,
                        a.indicators_total,
                    ]
                    .map(|n| GridCell::num(n.to_string())),
                );
            } else {
                cells.extend([
                    GridCell::num(count(a.tasks_done, a.tasks_total)),
                    GridCell::num(a.overdue.to_string()).tone(late),
                    GridCell::num(a.due_soon.to_string()).tone(soon),
                    GridCell::num(count(a.targets_met, a.targets_total)),
                    GridCell::num(count(a.indicators_on_track, a.indicators_total)),
                ]);
            }
            cells.extend([
                GridCell::num(a.red.to_string()).tone(if a.red > 0 {
                    Tone::Alert
                } else {
                    Tone::Plain
                }),
                GridCell::num(a.yellow.to_string()).tone(if a.yellow > 0 {
                    Tone::Warn
                } else {
                    Tone::Plain
                }),
            ]);
            if verify {
                cells.push(GridCell::num(a.awaiting_verification.to_string()));
            }
            cells
        })
        .collect();
    Grid {
        headers: status_headers(t, with_plan, verify),
        rows,
    }
}

/// The area a `plan status --area` section shows: its title, whether it is key (重点), and the
/// plan's title when several plans have the area.
#[derive(Debug, Clone, Copy)]
pub struct AreaHeading<'a> {
    pub title: &'a str,
    pub key: bool,
    pub plan_title: Option<&'a str>,
}

/// One plan's part of `plan status --area`: the area's heading and its items.
#[derive(Debug)]
pub struct AreaSection<'a> {
    pub heading: AreaHeading<'a>,
    pub rows: Vec<ItemRow>,
}

/// `plan status --area`: one area's items with their state in words, a section per plan that
/// has the area (never one plan's rows under another's heading). JSON is every row; CSV one
/// table, with a plan column when there are several sections.
pub fn area(view: View, sections: &[AreaSection<'_>]) -> String {
    if view.format == Format::Json {
        let rows: Vec<&ItemRow> = sections.iter().flat_map(|s| &s.rows).collect();
        return json(&rows);
    }
    let t = view.labels();
    let many = sections.len() > 1;
    let grid = |rows: &[&ItemRow], with_plan: bool| {
        let mut headers = Vec::new();
        if with_plan {
            headers.push(t.plan.to_string());
        }
        headers
            .extend([t.id, t.kind, t.title, t.owner, t.due, t.state, t.light].map(str::to_string));
        let rows = rows
            .iter()
            .map(|r| {
                let kind = if r.stretch {
                    bracket(view.lang, t.kind_name(r.kind), t.stretch)
                } else {
                    t.kind_name(r.kind).to_string()
                };
                let (words, tone) = item_words(view.lang, r);
                let mut cells = Vec::new();
                if with_plan {
                    cells.push(GridCell::text(r.plan.clone()));
                }
                // A sub-item is indented under its group (one level in tables, ↳ in Markdown).
                let indent = match (r.parent.is_some(), view.format) {
                    (false, _) | (true, Format::Csv | Format::Json) => "",
                    (true, Format::Markdown) => "↳ ",
                    (true, Format::Table) => "  ",
                };
                cells.extend([
                    GridCell::text(r.id.clone()),
                    GridCell::text(kind),
                    GridCell::text(format!("{indent}{}", r.title)),
                    GridCell::text(r.owners.join(t.list_sep)),
                    GridCell::num(r.due.map(ymd).unwrap_or_default()),
                    GridCell::text(words).tone(tone),
                ]);
                let (light, light_tone) = labels::light_words(t, r.light);
                cells.push(GridCell::text(light).tone(light_tone));
                cells
            })
            .collect();
        Grid { headers, rows }
    };
    if view.format == Format::Csv {
        let rows: Vec<&ItemRow> = sections.iter().flat_map(|s| &s.rows).collect();
        return view.csv(&grid(&rows, many));
    }
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let h = section.heading;
        let key = if h.key {
            bracket(view.lang, "", t.key_mark)
        } else {
            String::new()
        };
        let title = match h.plan_title {
            Some(plan) if many => bracket(view.lang, &format!("{}{key}", h.title), plan),
            _ => format!("{}{key}", h.title),
        };
        let rows: Vec<&ItemRow> = section.rows.iter().collect();
        match view.format {
            Format::Markdown => {
                out.push_str(&format!("## {}\n\n", grid::md_text(&title)));
                out.push_str(&grid::markdown(&grid(&rows, false)));
            }
            _ => {
                out.push_str(&format!("{}\n", crate::source::escape(&title)));
                out.push_str(&grid::table(&grid(&rows, false), view.table));
            }
        }
    }
    out
}

/// `plan calendar`: the dated rows as an iCalendar feed named after the plans' `titles`;
/// `area_title` names a row's area.
pub fn calendar<'a>(
    lang: Lang,
    rows: &'a [ItemRow],
    area_title: impl Fn(&'a ItemRow) -> &'a str,
    titles: &[&str],
    today: chrono::NaiveDate,
) -> String {
    let t = labels::labels(lang);
    let events: Vec<crate::render::ical::Event<'_>> = rows
        .iter()
        .map(|r| crate::render::ical::Event {
            row: r,
            area_title: area_title(r),
            state: item_words(lang, r).0,
            light: labels::light_words(t, r.light).0,
        })
        .collect();
    let words = crate::render::ical::Words {
        calendar: &titles.join(" / "),
        colon: t.colon,
        area: t.area,
        owner: t.owner,
        state: t.state,
        light: t.light,
        list_sep: t.list_sep,
    };
    crate::render::ical::feed(&events, &words, today)
}

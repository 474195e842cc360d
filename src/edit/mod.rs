//! Editing plan files without disturbing them: a pure function from (file text, item, change)
//! to new text through `toml_edit`, so that comments (including the one after a changed
//! value), key order and spacing stay; CRLF line ends and a byte-order mark are restored.

/// Which edits each kind of item accepts: a request and the item give a change or a refusal.
pub mod rules;
/// Atomic, locked writes that never lose another writer's work.
pub mod write;

use std::str::FromStr;

use chrono::NaiveDate;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::date::Period;
use crate::model::{Kind, Stage, TaskStatus};

/// One change to one item.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A task is done on a day; for a recurring task `last` moves instead.
    Done { on: NaiveDate, recurring: bool },
    /// A duty fixed to the calendar is done on a day: the day joins `submitted`, in date order.
    Submit { on: NaiveDate },
    /// A progress report joins `progress`, after every report of the same day or earlier.
    Progress {
        on: NaiveDate,
        text: String,
        percent: Option<String>,
        by: Option<String>,
    },
    /// The office verifies it (销号): `verified` is set and the evidence joins `evidence`.
    Verify {
        on: NaiveDate,
        evidence: Vec<String>,
    },
    /// A task's status (not `done`); an open status clears a `done` date.
    Mark { status: TaskStatus },
    /// Add or replace one reported period of an indicator, keeping periods in order.
    Record {
        period: Period,
        value: String,
        prior: Option<String>,
    },
    /// A project reaches a stage (on a day, when given); dates of later stages are removed.
    Stage { stage: Stage, on: Option<NaiveDate> },
    /// A numeric target's value so far.
    Actual { value: String },
    /// Move a deadline and log it: `from` is the deadline replaced.
    Postpone {
        from: Period,
        to: Period,
        on: NaiveDate,
        reason: String,
        approved_by: Option<String>,
    },
}

/// Why an edit could not be made to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file does not parse (it changed since it was loaded).
    Parse(String),
    /// No `[[kind]]` table with this id in the file.
    NotFound,
}

/// How the original text was written, to be restored after editing.
struct Shape {
    bom: bool,
    crlf: bool,
}

/// Apply `change` to the `[[kind]]` table whose id is `id` in `text`.
pub fn apply(text: &str, kind: Kind, id: &str, change: &Change) -> Result<String, EditError> {
    let (body, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    // Only a file whose every line ends in CRLF is rewritten with CRLF.
    let crlf = body.contains("\r\n") && !body.replace("\r\n", "").contains('\n');
    let shape = Shape { bom, crlf };
    let lf = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_string()
    };
    let mut doc = DocumentMut::from_str(&lf).map_err(|e| EditError::Parse(e.to_string()))?;
    let (table, inline) = find(&mut doc, kind, id).ok_or(EditError::NotFound)?;
    change_table(table, inline, change);
    if inline {
        // An inline item is one line: normalise its spacing after keys were added to it.
        table.fmt();
    }
    Ok(restore(&doc.to_string(), &shape))
}

fn restore(text: &str, shape: &Shape) -> String {
    let mut out = if shape.crlf {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    if shape.bom {
        out.insert(0, '\u{feff}');
    }
    out
}

/// The item's table: a `[[kind]]` table, or an inline table in `kind = [{ ... }]` (then
/// `true`, and new arrays inside it are written on one line).
fn find<'a>(
    doc: &'a mut DocumentMut,
    kind: Kind,
    id: &str,
) -> Option<(&'a mut dyn TableLike, bool)> {
    let has_id = |t: &dyn TableLike| t.get("id").and_then(Item::as_str) == Some(id);
    match doc.get_mut(kind.name())? {
        Item::ArrayOfTables(tables) => tables
            .iter_mut()
            .find(|t| has_id(*t))
            .map(|t| (t as &mut dyn TableLike, false)),
        Item::Value(Value::Array(values)) => values
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .find(|t| has_id(*t))
            .map(|t| (t as &mut dyn TableLike, true)),
        _ => None,
    }
}

/// A date as TOML: a day is a TOML local date, a period its string form.
pub fn date_value(p: Period) -> Value {
    match p {
        Period::Day(d) => day_value(d),
        other => Value::from(other.to_string()),
    }
}

fn day_value(d: NaiveDate) -> Value {
    let text = d.format("%Y-%m-%d").to_string();
    text.parse::<toml_edit::Datetime>()
        .map_or_else(|_| Value::from(text), Value::from)
}

/// A number as the user wrote it: an integer stays an integer.
pub fn number_value(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(i) => Value::from(i),
        Err(_) => Value::from(text.parse::<f64>().unwrap_or(f64::NAN)),
    }
}

/// A string as a basic string on one line: line breaks and other control characters are
/// escaped, so that a CRLF file's line ends never reach inside a string.
pub fn string_value(text: &str) -> Value {
    let mut repr = String::with_capacity(text.len() + 2);
    repr.push('"');
    for c in text.chars() {
        match c {
            '"' => repr.push_str("\\\""),
            '\\' => repr.push_str("\\\\"),
            '\n' => repr.push_str("\\n"),
            '\r' => repr.push_str("\\r"),
            '\t' => repr.push_str("\\t"),
            c if c.is_control() => repr.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => repr.push(c),
        }
    }
    repr.push('"');
    repr.parse::<Value>().unwrap_or_else(|_| Value::from(text))
}

/// Set `key` to `value`, keeping the decor (spacing and the trailing comment) of the old value.
fn set(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            value.decor_mut().set_prefix(" ");
            table.insert(key, Item::Value(value));
        }
    }
}

fn change_table(table: &mut dyn TableLike, inline: bool, change: &Change) {
    match change {
        Change::Done {
            on,
            recurring: true,
        } => set(table, "last", day_value(*on)),
        Change::Done {
            on,
            recurring: false,
        } => {
            set(table, "status", Value::from("done"));
            set(table, "done", day_value(*on));
        }
        Change::Submit { on } => {
            let day = day_value(*on);
            let key = on.format("%Y-%m-%d").to_string();
            match table.get_mut("submitted").and_then(Item::as_array_mut) {
                Some(days) => {
                    // After every day up to and including this one: the list stays in order.
                    let at = days
                        .iter()
                        .position(|v| bare_text(v).as_str() > key.as_str())
                        .unwrap_or(days.len());
                    insert_inline(days, at, day);
                }
                None => {
                    let mut days = Array::new();
                    days.push(day);
                    set(table, "submitted", Value::Array(days));
                }
            }
        }
        Change::Progress {
            on,
            text,
            percent,
            by,
        } => {
            let key = on.format("%Y-%m-%d").to_string();
            let days: Vec<Option<String>> = entries_mut(table, "progress")
                .map(|e| e.texts("on"))
                .unwrap_or_default();
            let at = days
                .iter()
                .position(|d| d.as_deref().is_some_and(|d| d > key.as_str()))
                .unwrap_or(days.len());
            let mut fields = vec![("on", day_value(*on)), ("text", string_value(text))];
            if let Some(percent) = percent {
                fields.push(("percent", number_value(percent)));
            }
            if let Some(by) = by {
                fields.push(("by", string_value(by)));
            }
            add_entry(table, inline, "progress", at, fields);
        }
        Change::Mark { status } => {
            set(
                table,
                "status",
                Value::from(TaskStatus::NAMES[*status as usize]),
            );
            if status.is_open() {
                table.remove("done");
            }
        }
        Change::Actual { value } => set(table, "actual", number_value(value)),
        Change::Verify { on, evidence } => {
            set(table, "verified", day_value(*on));
            if !evidence.is_empty() {
                match table.get_mut("evidence").and_then(Item::as_array_mut) {
                    Some(list) => {
                        for e in evidence {
                            insert_inline(list, list.len(), string_value(e));
                        }
                    }
                    None => {
                        let mut list = Array::new();
                        for e in evidence {
                            list.push(string_value(e));
                        }
                        set(table, "evidence", Value::Array(list));
                    }
                }
            }
        }
        Change::Stage { stage, on } => {
            set(table, "stage", Value::from(stage.name()));
            for later in Stage::ALL.iter().filter(|s| *s > stage) {
                table.remove(later.name());
            }
            if let Some(on) = on {
                set(table, stage.name(), day_value(*on));
            }
        }
        Change::Record {
            period,
            value,
            prior,
        } => {
            record(table, inline, *period, value, prior.as_deref());
        }
        Change::Postpone {
            from,
            to,
            on,
            reason,
            approved_by,
        } => {
            set(table, "due", date_value(*to));
            let mut fields = vec![
                ("from", date_value(*from)),
                ("to", date_value(*to)),
                ("on", day_value(*on)),
                ("reason", string_value(reason)),
            ];
            if let Some(name) = approved_by {
                fields.push(("approved_by", string_value(name)));
            }
            add_entry(table, inline, "delays", usize::MAX, fields);
        }
    }
}

/// The entries of an array key, in either form TOML allows for them: an array of inline
/// tables (`actuals = [{ … }, …]`) or an array of tables (`[[indicator.actuals]]`).
enum Entries<'a> {
    Inline(&'a mut Array),
    Tables(&'a mut ArrayOfTables),
}

fn entries_mut<'a>(table: &'a mut dyn TableLike, key: &str) -> Option<Entries<'a>> {
    match table.get_mut(key)? {
        Item::Value(Value::Array(array)) => Some(Entries::Inline(array)),
        Item::ArrayOfTables(tables) => Some(Entries::Tables(tables)),
        _ => None,
    }
}

impl Entries<'_> {
    /// The text of `field` in each entry, whatever its type (a date reads `2016-03-15`); `None`
    /// where it is missing or the entry is not a table.
    fn texts(&self, field: &str) -> Vec<Option<String>> {
        let of = |t: &dyn TableLike| t.get(field).and_then(Item::as_value).map(bare_text);
        match self {
            Entries::Inline(array) => array
                .iter()
                .map(|v| v.as_inline_table().and_then(|t| of(t)))
                .collect(),
            Entries::Tables(tables) => tables.iter().map(|t| of(t)).collect(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Entries::Inline(array) => array.len(),
            Entries::Tables(tables) => tables.len(),
        }
    }

    /// The entry at `at`, to change in place.
    fn get_mut(&mut self, at: usize) -> Option<&mut dyn TableLike> {
        match self {
            Entries::Inline(array) => array
                .get_mut(at)
                .and_then(Value::as_inline_table_mut)
                .map(|t| t as &mut dyn TableLike),
            Entries::Tables(tables) => tables.get_mut(at).map(|t| t as &mut dyn TableLike),
        }
    }

    /// Insert a new entry at `at`, in the form the others are written in.
    fn insert(&mut self, at: usize, fields: Vec<(&str, Value)>) {
        match self {
            Entries::Inline(array) => {
                insert_inline(array, at, Value::InlineTable(inline_entry(fields)));
            }
            Entries::Tables(tables) => {
                let mut entry = Table::new();
                for (k, v) in fields {
                    entry.insert(k, Item::Value(v));
                }
                // A blank line before the header, as tables are usually separated.
                entry.decor_mut().set_prefix("\n");
                // An array of tables has no insert: take the entries out and put them back
                // in order. Each keeps its decor (the comments above its header) and its
                // place in the document.
                let mut all = Vec::with_capacity(tables.len() + 1);
                while !tables.is_empty() {
                    all.push(tables.remove(0));
                }
                all.insert(at.min(all.len()), entry);
                for t in all {
                    tables.push(t);
                }
            }
        }
    }
}

/// An entry written as an inline table, spaced as `{ key = value, … }`.
fn inline_entry(fields: Vec<(&str, Value)>) -> InlineTable {
    let mut entry = InlineTable::new();
    for (k, v) in fields {
        entry.insert(k, v);
    }
    entry.fmt();
    entry
}

/// The part of a decor string on the line it starts on, and the rest (from the first line
/// break on, empty when there is none). A comment after an entry's comma is on its line.
fn split_line(s: &str) -> (&str, &str) {
    match s.find('\n') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

fn decor_text(d: Option<&toml_edit::RawString>) -> String {
    d.and_then(|p| p.as_str()).unwrap_or_default().to_string()
}

/// A value as it reads without the comments and spaces around it: a string's text, a date as
/// `2016-03-15`, a number as written.
fn bare_text(value: &Value) -> String {
    if let Some(text) = value.as_str() {
        return text.to_string();
    }
    let mut bare = value.clone();
    bare.decor_mut().clear();
    bare.to_string()
}

/// Insert a value into an inline array so that every comment stays beside the entry it was
/// written for: a comment on an entry's line (after its comma, or in the array's closing part)
/// stays on that line; comments on lines of their own stay above the entry that follows them.
fn insert_inline(array: &mut Array, at: usize, mut value: Value) {
    let len = array.len();
    let prefixes: Vec<String> = array
        .iter()
        .map(|v| decor_text(v.decor().prefix()))
        .collect();
    let multiline = prefixes.iter().any(|p| p.contains('\n'))
        || decor_text(Some(array.trailing())).contains('\n');
    if len == 0 || !multiline {
        // One line: entries are separated by ", ".
        if at < len {
            let first = prefixes.get(at).cloned().unwrap_or_default();
            if let Some(next) = array.get_mut(at) {
                next.decor_mut().set_prefix(" ");
            }
            value.decor_mut().set_prefix(first);
        } else {
            value
                .decor_mut()
                .set_prefix(if len == 0 { "" } else { " " });
        }
        value.decor_mut().set_suffix("");
        array.insert_formatted(at.min(len), value);
        return;
    }
    let indent = prefixes
        .iter()
        .rev()
        .find_map(|p| p.rfind('\n').map(|i| p[i + 1..].to_string()))
        .unwrap_or_else(|| "  ".to_string());
    if at < len {
        let (same, rest) = split_line(&prefixes[at]);
        let (same, rest) = (same.to_string(), rest.to_string());
        value.decor_mut().set_prefix(format!("{same}\n{indent}"));
        if let Some(next) = array.get_mut(at) {
            next.decor_mut().set_prefix(if rest.is_empty() {
                format!("\n{indent}")
            } else {
                rest
            });
        }
    } else {
        // After the last entry: its same-line comment is in its suffix (no trailing comma) or
        // at the start of the array's closing part.
        let mut tail = String::new();
        if let Some(last) = array.get_mut(len - 1) {
            tail.push_str(&decor_text(last.decor().suffix()));
            last.decor_mut().set_suffix("");
        }
        tail.push_str(&decor_text(Some(array.trailing())));
        let (same, rest) = split_line(&tail);
        value.decor_mut().set_prefix(format!("{same}\n{indent}"));
        let rest = if rest.is_empty() { "\n" } else { rest };
        array.set_trailing(rest.to_string());
        array.set_trailing_comma(true);
    }
    value.decor_mut().set_suffix("");
    array.insert_formatted(at, value);
}

fn record(
    table: &mut dyn TableLike,
    inline: bool,
    period: Period,
    value: &str,
    prior: Option<&str>,
) {
    let same = |p: Period| {
        p == period || (p.is_full_year() && period.is_full_year() && p.year() == period.year())
    };
    let periods: Vec<Option<Period>> = entries_mut(table, "actuals")
        .map(|e| e.texts("period"))
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.and_then(|s| Period::parse(&s).ok()))
        .collect();
    if let Some(at) = periods.iter().position(|p| p.is_some_and(same)) {
        if let Some(mut entries) = entries_mut(table, "actuals")
            && let Some(entry) = entries.get_mut(at)
        {
            set(entry, "value", number_value(value));
            if let Some(prior) = prior {
                set(entry, "prior", number_value(prior));
            }
        }
        return;
    }
    // Keep periods in order of their end, a full year after the month that ends it.
    let key = |p: Period| (p.last_day(), p.is_full_year());
    let at = periods
        .iter()
        .position(|p| p.is_some_and(|p| key(p) > key(period)))
        .unwrap_or(periods.len());
    let mut fields = vec![
        ("period", Value::from(period.to_string())),
        ("value", number_value(value)),
    ];
    if let Some(prior) = prior {
        fields.push(("prior", number_value(prior)));
    }
    add_entry(table, inline, "actuals", at, fields);
}

/// Add an entry to the array at `key`, in the form its entries are written in; a new array
/// is written one inline table per line (on one line inside an inline table).
fn add_entry(
    table: &mut dyn TableLike,
    inline: bool,
    key: &str,
    at: usize,
    fields: Vec<(&str, Value)>,
) {
    if let Some(mut entries) = entries_mut(table, key) {
        let at = at.min(entries.len());
        entries.insert(at, fields);
        return;
    }
    let mut array = Array::new();
    let mut value = Value::InlineTable(inline_entry(fields));
    if inline {
        array.push_formatted(value);
    } else {
        value.decor_mut().set_prefix("\n  ");
        array.push_formatted(value);
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    set(table, key, Value::Array(array));
}

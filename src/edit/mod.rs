//! Editing plan files without disturbing them: a pure function from (file text, item, change)
//! to new text through `toml_edit`, so that comments (including the one after a changed
//! value), key order and spacing stay; CRLF line ends and a byte-order mark are restored.

pub mod write;

use std::str::FromStr;

use chrono::NaiveDate;
use toml_edit::{Array, DocumentMut, InlineTable, Item, TableLike, Value};

use crate::date::Period;
use crate::model::{Stage, TaskStatus};

/// One change to one item.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A task is done on a day; for a recurring task `last` moves instead.
    Done { on: NaiveDate, recurring: bool },
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
pub fn apply(text: &str, kind: &str, id: &str, change: &Change) -> Result<String, EditError> {
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
    kind: &str,
    id: &str,
) -> Option<(&'a mut dyn TableLike, bool)> {
    let has_id = |t: &dyn TableLike| t.get("id").and_then(Item::as_str) == Some(id);
    match doc.get_mut(kind)? {
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

fn set_inline(table: &mut InlineTable, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            value.decor_mut().set_prefix(" ");
            table.insert(key, value);
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
        } => {
            set(table, "due", date_value(*to));
            let mut entry = InlineTable::new();
            entry.insert("from", date_value(*from));
            entry.insert("to", date_value(*to));
            entry.insert("on", day_value(*on));
            entry.insert("reason", Value::from(reason.as_str()));
            let at = entries(table, "delays").len();
            insert_entry(table, inline, "delays", at, entry);
        }
    }
}

/// The inline tables of an array key (empty when absent).
fn entries(table: &dyn TableLike, key: &str) -> Vec<InlineTable> {
    table
        .get(key)
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_inline_table().cloned())
                .collect()
        })
        .unwrap_or_default()
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
    let existing = entries(table, "actuals");
    let periods: Vec<Option<Period>> = existing
        .iter()
        .map(|t| {
            t.get("period")
                .and_then(Value::as_str)
                .and_then(|s| Period::parse(s).ok())
        })
        .collect();
    if let Some(at) = periods.iter().position(|p| p.is_some_and(same)) {
        if let Some(Item::Value(Value::Array(array))) = table.get_mut("actuals")
            && let Some(Value::InlineTable(entry)) = array.get_mut(at)
        {
            set_inline(entry, "value", number_value(value));
            if let Some(prior) = prior {
                set_inline(entry, "prior", number_value(prior));
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
    let mut entry = InlineTable::new();
    entry.insert("period", Value::from(period.to_string()));
    entry.insert("value", number_value(value));
    if let Some(prior) = prior {
        entry.insert("prior", number_value(prior));
    }
    insert_entry(table, inline, "actuals", at, entry);
}

/// Insert an inline table into the array at `key`, formatted like its neighbours; a new
/// array is written one entry per line (on one line inside an inline table).
fn insert_entry(
    table: &mut dyn TableLike,
    inline: bool,
    key: &str,
    at: usize,
    mut entry: InlineTable,
) {
    entry.fmt();
    let exists = matches!(table.get(key), Some(Item::Value(Value::Array(_))));
    if !exists {
        let mut array = Array::new();
        let mut value = Value::InlineTable(entry);
        if inline {
            array.push_formatted(value);
        } else {
            value.decor_mut().set_prefix("\n  ");
            array.push_formatted(value);
            array.set_trailing_comma(true);
            array.set_trailing("\n");
        }
        set(table, key, Value::Array(array));
        return;
    }
    let Some(Item::Value(Value::Array(array))) = table.get_mut(key) else {
        return;
    };
    // A comment after an entry's comma is kept in the next entry's prefix. The new entry
    // takes over that prefix (so the comment stays right after the entry it was written
    // for); the entry it is inserted before keeps only its line break and indentation.
    let prefix_of = |v: Option<&Value>| {
        v.and_then(|v| v.decor().prefix())
            .and_then(|p| p.as_str())
            .map(str::to_string)
    };
    let bare = |p: &str| match p.rfind('\n') {
        Some(i) => p[i..].to_string(),
        None => p.to_string(),
    };
    let mut value = Value::InlineTable(entry);
    if at < array.len() {
        let taken = prefix_of(array.get(at)).unwrap_or_else(|| " ".to_string());
        if let Some(next) = array.get_mut(at) {
            next.decor_mut().set_prefix(bare(&taken));
        }
        value.decor_mut().set_prefix(taken);
    } else {
        let last = prefix_of(array.get(array.len().wrapping_sub(1)));
        value
            .decor_mut()
            .set_prefix(last.map_or_else(|| " ".to_string(), |p| bare(&p)));
    }
    value.decor_mut().set_suffix("");
    array.insert_formatted(at, value);
}

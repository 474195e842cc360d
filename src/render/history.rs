//! `plan diff` and `plan log`: changes from git as a table, Markdown, CSV or JSON.

use crate::history::{Change, ChangeRow, LogRow, Shown};
use crate::render::View;
use crate::render::grid::{Grid, GridCell, Tone};
use crate::render::labels::Labels;

/// A value before or after a change in the output language (JSON keeps the file's words).
pub fn shown(t: &Labels, value: &Shown) -> String {
    match value {
        Shown::State(s) => t.state_names[*s as usize].to_string(),
        Shown::Stage(s) => t.stage_name(*s).to_string(),
        Shown::Status(s) => t.statuses[*s as usize].to_string(),
        other => other.to_string(),
    }
}

/// `plan diff`.
pub fn diff(view: View, rows: &[ChangeRow]) -> String {
    let t = view.labels();
    if rows.is_empty() && view.format == crate::render::Format::Table {
        return format!("{}\n", t.nothing_moved);
    }
    let value = |v: &Option<Shown>| v.as_ref().map(|v| shown(t, v)).unwrap_or_default();
    let grid = Grid {
        headers: [t.change, t.id, t.title, t.from, t.to, t.days]
            .map(str::to_string)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let tone = match r.change {
                    Change::Postponed | Change::Overdue | Change::Removed => Tone::Alert,
                    Change::Done | Change::Met => Tone::Good,
                    Change::BroughtForward
                    | Change::Stage
                    | Change::Actual
                    | Change::Figure
                    | Change::Added => Tone::Plain,
                };
                let to = match r.growth {
                    Some(g) if r.to.is_some() => format!("{} ({g:+.1}%)", value(&r.to)),
                    _ => value(&r.to),
                };
                vec![
                    GridCell::text(t.changes[r.change as usize]).tone(tone),
                    GridCell::text(r.id.as_str()),
                    GridCell::text(r.title.as_str()),
                    GridCell::text(value(&r.from)),
                    GridCell::text(to),
                    GridCell::text(r.days.map(|d| format!("{d:+}")).unwrap_or_default()),
                ]
            })
            .collect(),
    };
    view.emit(&grid, rows)
}

/// `plan log`.
pub fn log(view: View, rows: &[LogRow]) -> String {
    let t = view.labels();
    let value = |v: &Option<Shown>| v.as_ref().map(|v| shown(t, v)).unwrap_or_default();
    let grid = Grid {
        headers: [t.date, t.commit, t.author, t.log_field, t.from, t.to]
            .map(str::to_string)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    GridCell::num(r.date.as_str()),
                    GridCell::text(r.commit.as_str()),
                    GridCell::text(r.author.as_str()),
                    GridCell::text(t.fields[r.field as usize]),
                    GridCell::text(value(&r.from)),
                    GridCell::text(value(&r.to)),
                ]
            })
            .collect(),
    };
    view.emit(&grid, rows)
}

//! `plan diff` and `plan log`: changes from git as a table, Markdown, CSV or JSON.

use crate::history::{Change, ChangeRow, LogRow, Shown};
use crate::render::grid::{self, Grid, GridCell, Text, Tone};
use crate::render::labels::Labels;
use crate::render::{Format, View};

/// A value before or after a change in the output language (JSON keeps the file's words).
pub fn shown(t: &Labels, value: &Shown) -> String {
    match value {
        Shown::State(s) => t.state_names[*s as usize].to_string(),
        Shown::Stage(s) => t.stage_name(*s).to_string(),
        Shown::Status(s) => t.statuses[*s as usize].to_string(),
        other => other.to_string(),
    }
}

/// `plan diff`. A table for a pipe or a file, JSON and CSV are written while they are made,
/// as the listings are: a province's diff never holds all its cells or all its text.
pub fn diff(view: View, rows: Vec<ChangeRow<'static>>) -> Text {
    let t = view.labels();
    if rows.is_empty() && view.format == Format::Table {
        return format!("{}\n", t.nothing_moved).into();
    }
    let headers = || {
        [t.change, t.id, t.title, t.from, t.to, t.days]
            .map(str::to_string)
            .to_vec()
    };
    match view.format {
        Format::Table if grid::streams(view.table) => Text::Stream(Box::new(move |out| {
            grid::write_plain(&headers(), &DiffRows { t, rows: &rows }, out)
        })),
        Format::Csv => Text::Stream(Box::new(move |out| {
            grid::write_csv(&headers(), &DiffRows { t, rows: &rows }, view.bom, out)
        })),
        Format::Json => Text::Stream(Box::new(move |out| {
            grid::write_json(rows.len(), |i| rows.get(i), out)
        })),
        _ => {
            let grid = Grid {
                headers: headers(),
                rows: rows.iter().map(|r| diff_cells(t, r)).collect(),
            };
            view.emit(&grid, &rows).into()
        }
    }
}

/// The rows of `plan diff` as a table made while it is printed.
struct DiffRows<'l> {
    t: &'static Labels,
    rows: &'l [ChangeRow<'static>],
}

impl grid::Rows for DiffRows<'_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>])) {
        if let Some(r) = self.rows.get(at) {
            f(&diff_cells(self.t, r));
        }
    }
}

/// The cells of one change: change, id, title, from, to, days.
fn diff_cells<'a>(t: &Labels, r: &ChangeRow<'a>) -> Vec<GridCell<'a>> {
    let value = |v: &Option<Shown>| v.as_ref().map(|v| shown(t, v)).unwrap_or_default();
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
        GridCell::text(r.id),
        GridCell::text(r.title),
        GridCell::text(value(&r.from)),
        GridCell::text(to),
        GridCell::text(r.days.map(|d| format!("{d:+}")).unwrap_or_default()),
    ]
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

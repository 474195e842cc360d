//! The supervision loop's views: `plan chase` (催报), grouped by lead unit.

use crate::compute::chase::{self, ChaseRow};
use crate::date::ymd;
use crate::render::grid::{self, Grid, GridCell, Tone};
use crate::render::labels::{self, Labels};
use crate::render::listing::owners_text;
use crate::render::{Format, View, json};

/// The latest report's date, or the word for none.
fn latest(t: &Labels, row: &ChaseRow<'_>) -> String {
    row.latest.map_or_else(|| t.never.to_string(), ymd)
}

/// `plan chase`: a section per lead unit (tables and Markdown), one row per item (JSON, CSV).
pub fn chase(view: View, rows: &[ChaseRow<'_>], many: bool) -> String {
    let t = view.labels();
    match view.format {
        Format::Json => return json(rows),
        Format::Csv => {
            let mut headers = vec![t.plan, t.area, t.id, t.title, t.owner, t.window_end];
            headers.push(t.latest_report);
            let grid = Grid {
                headers: headers.into_iter().map(str::to_string).collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            GridCell::text(r.plan),
                            GridCell::text(r.area),
                            GridCell::text(r.id),
                            GridCell::text(r.title),
                            GridCell::text(owners_text(t, r.owners)),
                            GridCell::num(ymd(r.window_end)),
                            GridCell::num(r.latest.map(ymd).unwrap_or_default()),
                        ]
                    })
                    .collect(),
            };
            return view.csv(&grid);
        }
        Format::Table | Format::Markdown => {}
    }
    if rows.is_empty() {
        return format!("{}\n", labels::nothing_to_chase(view.lang));
    }
    let mut out = String::new();
    for (i, (unit, items)) in chase::by_unit(rows).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut headers = Vec::new();
        if many {
            headers.push(t.plan.to_string());
        }
        headers.extend([t.id, t.title, t.window_end, t.latest_report].map(str::to_string));
        let grid = Grid {
            headers,
            rows: items
                .iter()
                .map(|r| {
                    let mut cells = Vec::new();
                    if many {
                        cells.push(GridCell::text(r.plan));
                    }
                    cells.extend([
                        GridCell::text(r.id),
                        GridCell::text(r.title),
                        GridCell::num(ymd(r.window_end)),
                        GridCell::num(latest(t, r)).tone(if r.latest.is_none() {
                            Tone::Alert
                        } else {
                            Tone::Warn
                        }),
                    ]);
                    cells
                })
                .collect(),
        };
        if view.format == Format::Markdown {
            out.push_str(&format!("## {}\n\n", grid::md_text(unit)));
            out.push_str(&grid::markdown(&grid));
        } else {
            out.push_str(&format!("{}\n", crate::source::escape(unit)));
            out.push_str(&grid::table(&grid, view.table));
        }
    }
    out
}

//! Output: renderers are functions of (report rows, [`View`]) to text, one module per view;
//! one tabular shape (`grid`) serves table, Markdown and CSV, and [`View::emit`] is the one
//! place that picks among them and JSON; `labels` holds every word in both languages.

pub mod bulletin;
pub mod diagnostics;
pub mod grid;
pub mod history;
pub mod ical;
pub mod indicators;
pub mod labels;
pub mod ledger;
pub mod listing;
pub mod notice;
pub mod show;
pub mod site;
pub mod style;
pub mod supervision;
pub mod xlsx;

use serde::Serialize;

use crate::model::Lang;
use grid::{Grid, TableOptions};
use labels::Labels;

/// The output formats of the listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

/// How a view is rendered: in which language and format, with which table layout.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub lang: Lang,
    pub format: Format,
    pub table: TableOptions,
    /// CSV starts with a UTF-8 byte-order mark (`--bom`).
    pub bom: bool,
}

impl View {
    /// The words of the view's language.
    pub fn labels(&self) -> &'static Labels {
        labels::labels(self.lang)
    }

    /// `grid` as a table, Markdown or CSV, or `rows` as JSON: the one format dispatch.
    pub fn emit<T: Serialize + ?Sized>(&self, grid: &Grid<'_>, rows: &T) -> String {
        match self.format {
            Format::Table => grid::table(grid, self.table),
            Format::Markdown => grid::markdown(grid),
            Format::Csv => self.csv(grid),
            Format::Json => json(rows),
        }
    }

    /// `grid` as CSV, after a byte-order mark with `--bom`.
    pub fn csv(&self, grid: &Grid<'_>) -> String {
        let text = grid::csv(grid);
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }
}

/// Rows as pretty JSON, with a final newline.
pub fn json<T: Serialize + ?Sized>(rows: &T) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_default();
    s.push('\n');
    s
}

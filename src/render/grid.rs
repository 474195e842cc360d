//! One tabular shape and its renderers: a terminal table (comfy-table), a GitHub-flavoured
//! Markdown table, and CSV. Text from plan files is escaped so that it cannot rewrite the
//! terminal, break a Markdown table or run as a spreadsheet formula.

use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, presets,
};

use crate::source::printable;

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    /// Late: red on a colour terminal.
    Alert,
    /// Soon: yellow on a colour terminal.
    Warn,
    /// Done or met: green on a colour terminal.
    Good,
}

/// One cell: text from a plan (escaped on output) or a number (right-aligned, never escaped).
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub numeric: bool,
    pub tone: Tone,
}

impl GridCell {
    pub fn text(s: impl Into<String>) -> Self {
        GridCell {
            text: s.into(),
            numeric: false,
            tone: Tone::Plain,
        }
    }

    pub fn num(s: impl Into<String>) -> Self {
        GridCell {
            text: s.into(),
            numeric: true,
            tone: Tone::Plain,
        }
    }

    #[must_use]
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }
}

/// Headers and rows, the same for every format.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<GridCell>>,
}

/// Terminal facts decided in `cli`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Wrap to the terminal's width (stdout is a terminal).
    pub tty: bool,
    pub color: bool,
}

fn escape(s: &str) -> String {
    s.chars().map(printable).collect()
}

/// A table for the terminal: ASCII borders (box-drawing characters are of ambiguous width
/// in CJK terminals), widths by display width, numbers right-aligned.
pub fn table(grid: &Grid, opts: TableOptions) -> String {
    let mut t = Table::new();
    t.load_style(presets::ASCII_FULL_CONDENSED);
    if opts.tty {
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.force_no_tty();
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    if opts.color {
        t.enforce_styling();
    }
    t.set_header(grid.headers.iter().map(Cell::new));
    for row in &grid.rows {
        t.add_row(row.iter().map(|c| {
            let mut cell = Cell::new(escape(&c.text));
            if c.numeric {
                cell = cell.set_alignment(CellAlignment::Right);
            }
            if opts.color {
                cell = match c.tone {
                    Tone::Plain => cell,
                    Tone::Alert => cell.fg(Color::Red),
                    Tone::Warn => cell.fg(Color::Yellow),
                    Tone::Good => cell.fg(Color::Green),
                };
            }
            cell
        }));
    }
    for (i, column) in t.column_iter_mut().enumerate() {
        let cells = || grid.rows.iter().filter_map(move |r| r.get(i));
        let numeric = cells().next().is_some_and(|c| c.numeric);
        if numeric {
            column.set_cell_alignment(CellAlignment::Right);
        }
        // Numbers, dates and ids are never broken across lines; titles wrap instead.
        let token = |c: &GridCell| c.text.is_ascii() && !c.text.contains(char::is_whitespace);
        if numeric || cells().all(token) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let mut out = t.to_string();
    out.push('\n');
    out
}

/// A GitHub-flavoured Markdown table.
pub fn markdown(grid: &Grid) -> String {
    let cell = |s: &str| {
        escape(s)
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('\n', " ")
    };
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        grid.headers
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let numeric = |i: usize| {
        grid.rows
            .first()
            .and_then(|r| r.get(i))
            .is_some_and(|c| c.numeric)
    };
    let rule: Vec<&str> = (0..grid.headers.len())
        .map(|i| if numeric(i) { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &grid.rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| cell(&c.text))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// CSV with a header row. A text cell that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
pub fn csv(grid: &Grid) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&grid.headers);
    for row in &grid.rows {
        let _ = w.write_record(row.iter().map(|c| {
            if !c.numeric && c.text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{}", c.text)
            } else {
                c.text.clone()
            }
        }));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A number for a table: integers with thousands separators, other values to at most two
/// decimals (trailing zeros dropped).
pub fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if grouped.chars().all(|c| c == '0' || c == ',') {
        ""
    } else {
        sign
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A percentage to one decimal, with its sign kept.
pub fn percent(x: f64) -> String {
    format!("{x:.1}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_plan() {
        assert_eq!(number(25468.0), "25,468");
        assert_eq!(number(0.55), "0.55");
        assert_eq!(number(53.565_217), "53.57");
        assert_eq!(number(-4.5), "-4.5");
        assert_eq!(number(1_234_567.0), "1,234,567");
        assert_eq!(number(-0.001), "0");
        assert_eq!(percent(49.726_775), "49.7%");
    }

    #[test]
    fn csv_neutralises_formulas_but_not_numbers() {
        let grid = Grid {
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec![
                GridCell::text("=HYPERLINK(\"x\")"),
                GridCell::num("-4.5"),
            ]],
        };
        assert_eq!(csv(&grid), "a,b\n\"'=HYPERLINK(\"\"x\"\")\",-4.5\n");
    }
}

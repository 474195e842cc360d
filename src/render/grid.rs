//! One tabular shape and its renderers: a terminal table (comfy-table), a GitHub-flavoured
//! Markdown table, and CSV. Text from plan files is escaped so that it cannot rewrite the
//! terminal, break a Markdown table or run as a spreadsheet formula.

use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, presets,
};

use std::borrow::Cow;

use crate::source::escape as escape_text;

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
/// The text borrows from the plans where it can, so long listings copy nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell<'a> {
    pub text: Cow<'a, str>,
    pub numeric: bool,
    pub tone: Tone,
}

impl<'a> GridCell<'a> {
    pub fn text(s: impl Into<Cow<'a, str>>) -> Self {
        GridCell {
            text: s.into(),
            numeric: false,
            tone: Tone::Plain,
        }
    }

    pub fn num(s: impl Into<Cow<'a, str>>) -> Self {
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
pub struct Grid<'a> {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<GridCell<'a>>>,
}

/// Terminal facts decided in `cli`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Wrap to the terminal's width (stdout is a terminal).
    pub tty: bool,
    pub color: bool,
}

fn escape(s: &str) -> Cow<'_, str> {
    escape_text(s)
}

/// A table for the terminal: ASCII borders (box-drawing characters are of ambiguous width
/// in CJK terminals), widths by display width, numbers right-aligned. On a terminal
/// comfy-table wraps it to the width; otherwise (a pipe, a file, cron's mail) it is written
/// directly, in the same layout, which is far cheaper for long listings.
pub fn table(grid: &Grid, opts: TableOptions) -> String {
    table_text(grid, opts).into_string()
}

/// [`table`] as [`Text`]: a long table, written in pieces on all cores, stays in pieces.
pub fn table_text(grid: &Grid, opts: TableOptions) -> Text {
    if opts.tty || opts.color {
        comfy(grid, opts).into()
    } else {
        plain(grid)
    }
}

/// Text in pieces, printed one after the other: a long table is written on all cores in
/// pieces, and joining them into one string would only copy it and double its memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    parts: Vec<String>,
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text { parts: vec![s] }
    }
}

impl Text {
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(String::is_empty)
    }

    /// The pieces joined.
    pub fn into_string(self) -> String {
        if self.parts.len() == 1 {
            return self.parts.into_iter().next().unwrap_or_default();
        }
        self.parts.concat()
    }
}

/// Rows per piece when a long table is measured on several cores.
const PIECE: usize = 2048;

/// Marks a measured cell whose text must be escaped when written.
const ESCAPED: u32 = 1 << 31;

/// The display width of each cell of `rows`, with [`ESCAPED`] set when its text must be
/// escaped.
fn measure(rows: &[Vec<GridCell<'_>>]) -> Vec<u32> {
    let mut widths = Vec::with_capacity(rows.len() * rows.first().map_or(0, Vec::len));
    for row in rows {
        for cell in row {
            let (text, width) = crate::source::escape_measure(&cell.text);
            let width = u32::try_from(width).unwrap_or(u32::MAX).min(ESCAPED - 1);
            let flag = if matches!(text, Cow::Owned(_)) {
                ESCAPED
            } else {
                0
            };
            widths.push(width | flag);
        }
    }
    widths
}

/// The no-wrap layout of comfy-table's `ASCII_FULL_CONDENSED`, written directly. A long table
/// is measured on all cores; only a width per cell is kept, and the text is written once into
/// a buffer of the exact size.
fn plain(grid: &Grid) -> Text {
    use unicode_width::UnicodeWidthStr;
    let columns = grid.headers.len();
    let pieces: Vec<&[Vec<GridCell<'_>>]> = grid.rows.chunks(PIECE.max(1)).collect();
    let measured: Vec<Vec<u32>> = if pieces.len() > 1 {
        crate::par::map(&pieces, |rows| measure(rows))
    } else {
        pieces.iter().map(|rows| measure(rows)).collect()
    };
    let mut cell_widths: Vec<u32> = Vec::with_capacity(measured.iter().map(Vec::len).sum());
    for w in measured {
        cell_widths.extend(w);
    }
    let mut widths: Vec<usize> = grid.headers.iter().map(|h| h.width()).collect();
    let mut at = 0;
    for row in &grid.rows {
        for (i, _) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max((cell_widths[at] & !ESCAPED) as usize);
            }
            at += 1;
        }
    }
    let numeric: Vec<bool> = (0..columns)
        .map(|i| {
            grid.rows
                .first()
                .and_then(|r| r.get(i))
                .is_some_and(|c| c.numeric)
        })
        .collect();
    let mut rule = String::from("+");
    for w in &widths {
        rule.extend(std::iter::repeat_n('-', w + 2));
        rule.push('+');
    }
    let total = rule.chars().count();
    let mut out = String::with_capacity(4 * (rule.len() + 1));
    let line = |out: &mut String, texts: &mut dyn Iterator<Item = (Cow<'_, str>, usize)>| {
        out.push('|');
        for (i, w) in widths.iter().enumerate() {
            let (text, width) = texts.next().unwrap_or((Cow::Borrowed(""), 0));
            let pad = w.saturating_sub(width);
            out.push(' ');
            if numeric[i] {
                spaces(out, pad);
                out.push_str(&text);
            } else {
                out.push_str(&text);
                spaces(out, pad);
            }
            out.push_str(" |");
        }
        out.push('\n');
    };
    out.push_str(&rule);
    out.push('\n');
    line(
        &mut out,
        &mut grid
            .headers
            .iter()
            .map(|h| (Cow::Borrowed(h.as_str()), h.width())),
    );
    out.push('+');
    out.extend(std::iter::repeat_n('=', total.saturating_sub(2)));
    out.push_str("+\n");
    // Each piece of rows is written on its own core; the pieces are printed in order.
    let starts: Vec<usize> = pieces
        .iter()
        .scan(0, |at, rows| {
            let start = *at;
            *at += rows.iter().map(Vec::len).sum::<usize>();
            Some(start)
        })
        .collect();
    let numbered: Vec<(usize, &[Vec<GridCell<'_>>])> =
        starts.into_iter().zip(pieces.iter().copied()).collect();
    let write = |&(start, rows): &(usize, &[Vec<GridCell<'_>>])| {
        // Each cell's text and width are known: the piece is written without regrowing.
        let cells: usize = rows.iter().map(Vec::len).sum();
        let text: usize = rows
            .iter()
            .flatten()
            .zip(&cell_widths[start..start + cells])
            .map(|(c, w)| {
                if w & ESCAPED == 0 {
                    c.text.len()
                } else {
                    10 * c.text.len()
                }
            })
            .sum();
        let mut part = String::with_capacity(text + rows.len() * (total + 1));
        let mut at = start;
        for row in rows {
            let base = at;
            at += row.len();
            line(
                &mut part,
                &mut row.iter().enumerate().map(|(i, c)| {
                    let w = cell_widths[base + i];
                    let text = if w & ESCAPED == 0 {
                        Cow::Borrowed(c.text.as_ref())
                    } else {
                        escape(&c.text)
                    };
                    (text, (w & !ESCAPED) as usize)
                }),
            );
        }
        part
    };
    let mut parts: Vec<String> = Vec::with_capacity(numbered.len() + 2);
    parts.push(out);
    if numbered.len() > 1 {
        parts.extend(crate::par::map(&numbered, write));
    } else {
        parts.extend(numbered.iter().map(write));
    }
    rule.push('\n');
    parts.push(rule);
    Text { parts }
}

/// `n` spaces.
fn spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

fn comfy(grid: &Grid, opts: TableOptions) -> String {
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
            let mut cell = Cell::new(escape(&c.text).into_owned());
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
            .as_ref()
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
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`; control and bidirectional
/// characters are escaped as in tables, so that printing the CSV cannot rewrite a terminal
/// (JSON keeps text exactly).
pub fn csv(grid: &Grid) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&grid.headers);
    for row in &grid.rows {
        let _ = w.write_record(row.iter().map(|c| {
            let text = escape(&c.text);
            if !c.numeric && c.text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.into_owned()
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
    fn the_direct_layout_is_comfy_tables() {
        let grid = Grid {
            headers: vec!["编号".into(), "名称".into(), "逾期天数".into()],
            rows: vec![
                vec![
                    GridCell::text("xiongxing-survey"),
                    GridCell::text("全面细致对雄兴工业园区整体进行摸查统计"),
                    GridCell::num("27"),
                ],
                vec![
                    GridCell::text("a"),
                    GridCell::text("Mixed 中文 and ASCII"),
                    GridCell::num("1,234"),
                ],
                vec![
                    GridCell::text(""),
                    GridCell::text("escape \u{1b}[31m"),
                    GridCell::num(""),
                ],
            ],
        };
        let opts = TableOptions {
            tty: false,
            color: false,
        };
        assert_eq!(plain(&grid).into_string(), comfy(&grid, opts));
        let empty = Grid {
            headers: vec!["ID".into(), "Due".into()],
            rows: Vec::new(),
        };
        assert_eq!(plain(&empty).into_string(), comfy(&empty, opts));
        // A table long enough to be laid out in pieces on several cores.
        let long = Grid {
            headers: vec!["n".into(), "名称".into()],
            rows: (0..5000)
                .map(|i| {
                    vec![
                        GridCell::num(i.to_string()),
                        GridCell::text(format!("第{i}项")),
                    ]
                })
                .collect(),
        };
        assert_eq!(plain(&long).into_string(), comfy(&long, opts));
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

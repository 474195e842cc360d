//! One tabular shape and its renderers: a terminal table (comfy-table), a GitHub-flavoured
//! Markdown table, and CSV. Text from plan files is escaped so that it cannot rewrite the
//! terminal, break a Markdown table or run as a spreadsheet formula.

use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, presets,
};

use std::borrow::Cow;
use std::io::Write;

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
    /// What CSV writes instead of `text`: a plain number (no thousands separators, no `%`,
    /// no sign for a positive figure, no words around it), or empty when there is none.
    pub csv: Option<String>,
}

impl<'a> GridCell<'a> {
    pub fn text(s: impl Into<Cow<'a, str>>) -> Self {
        GridCell {
            text: s.into(),
            numeric: false,
            tone: Tone::Plain,
            csv: None,
        }
    }

    pub fn num(s: impl Into<Cow<'a, str>>) -> Self {
        GridCell {
            text: s.into(),
            numeric: true,
            tone: Tone::Plain,
            csv: None,
        }
    }

    #[must_use]
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }

    /// In CSV, the plain number `x` (empty for none) instead of the text shown in tables.
    #[must_use]
    pub fn plain(mut self, x: Option<f64>) -> Self {
        self.csv = Some(x.map(crate::number::plain).unwrap_or_default());
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
    if streams(opts) {
        plain(grid)
    } else {
        comfy(grid, opts)
    }
}

/// Whether a table with these options is written directly ([`write_plain`]), which can be done
/// while it is printed; a terminal's table is wrapped by comfy-table instead.
pub fn streams(opts: TableOptions) -> bool {
    !(opts.tty || opts.color)
}

/// Text for standard output: written already, or written while it is printed (a long table
/// made a few pieces at a time, so that a listing of any length is never held whole).
pub enum Text {
    Written(String),
    Stream(Stream),
}

/// Text written straight to the output when it is printed.
pub type Stream = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

impl Default for Text {
    fn default() -> Self {
        Text::Written(String::new())
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Text::Written(s) => f.debug_tuple("Written").field(s).finish(),
            Text::Stream(_) => f.write_str("Stream"),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Written(s)
    }
}

impl Text {
    /// Whether there is certainly nothing to write (a stream may always write something).
    pub fn is_empty(&self) -> bool {
        matches!(self, Text::Written(s) if s.is_empty())
    }

    /// Write the text to `out`.
    pub fn write_to(self, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Text::Written(s) => out.write_all(s.as_bytes()),
            Text::Stream(write) => write(out),
        }
    }
}

/// Rows per piece when a long table is measured on several cores.
const PIECE: usize = 2048;

/// Rows `0..n` cut into pieces of [`PIECE`] rows: a streamed table is measured and written a
/// piece at a time.
fn pieces(n: usize) -> Vec<std::ops::Range<usize>> {
    (0..n)
        .step_by(PIECE)
        .map(|start| start..(start + PIECE).min(n))
        .collect()
}

/// Marks a measured cell whose text must be escaped when written.
const ESCAPED: u32 = 1 << 31;

/// The rows of a table written by [`write_plain`], their cells made on demand.
///
/// Rows have a *stored* position (where they sit in memory) and a written order. The table
/// is measured in stored order, which reads memory front to back, and written in `order`.
pub trait Rows: Sync {
    /// How many rows there are.
    fn count(&self) -> usize;

    /// Calls `f` with the cells of the row stored at `at`.
    fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>]));

    /// The stored position of the row written i-th, for each i; `None` when rows are written
    /// in stored order.
    fn order(&self) -> Option<&[usize]> {
        None
    }
}

impl Rows for Grid<'_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>])) {
        if let Some(row) = self.rows.get(at) {
            f(row);
        }
    }
}

/// The display width of each of the `columns` cells of the rows stored in `range` (with
/// [`ESCAPED`] set when its text must be escaped; 0 for a missing cell), and the widest cell
/// of each column.
fn measure(
    rows: &dyn Rows,
    range: std::ops::Range<usize>,
    columns: usize,
) -> (Vec<u32>, Vec<usize>) {
    let mut widths = Vec::with_capacity(range.len() * columns);
    let mut widest = vec![0; columns];
    for at in range {
        let before = widths.len();
        rows.cells(at, &mut |cells| {
            for (cell, w) in cells.iter().zip(widest.iter_mut()) {
                let (text, width) = crate::source::escape_measure(&cell.text);
                *w = (*w).max(width);
                let width = u32::try_from(width).unwrap_or(u32::MAX).min(ESCAPED - 1);
                let flag = if matches!(text, Cow::Owned(_)) {
                    ESCAPED
                } else {
                    0
                };
                widths.push(width | flag);
            }
        });
        // Every row takes `columns` places, so that a row's widths are found by its position.
        widths.resize(before + columns, 0);
    }
    (widths, widest)
}

/// The no-wrap layout of comfy-table's `ASCII_FULL_CONDENSED`, written directly.
fn plain(grid: &Grid) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_plain(&grid.headers, grid, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The layout of [`plain`] for `rows`, written to `out`. The rows are measured in stored order
/// on all cores (only a width per cell is kept), then written in their order eight pieces at a
/// time on all cores, each batch printed before the next is made, so that a long table is
/// never held whole (docs/performance.md measures both).
pub fn write_plain(
    headers: &[String],
    rows: &dyn Rows,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let columns = headers.len();
    let n = rows.count();
    let order = rows.order();
    let ranges = pieces(n);
    let measured: Vec<(Vec<u32>, Vec<usize>)> =
        crate::par::map(&ranges, |r| measure(rows, r.clone(), columns));
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for (_, widest) in &measured {
        for (w, m) in widths.iter_mut().zip(widest) {
            *w = (*w).max(*m);
        }
    }
    let mut numeric = vec![false; columns];
    if n > 0 {
        rows.cells(0, &mut |cells| {
            for (flag, cell) in numeric.iter_mut().zip(cells) {
                *flag = cell.numeric;
            }
        });
    }
    let mut rule = String::from("+");
    for w in &widths {
        rule.extend(std::iter::repeat_n('-', w + 2));
        rule.push('+');
    }
    let total = rule.chars().count();
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
    let mut head = String::with_capacity(4 * (rule.len() + 1));
    head.push_str(&rule);
    head.push('\n');
    line(
        &mut head,
        &mut headers
            .iter()
            .map(|h| (Cow::Borrowed(h.as_str()), h.width())),
    );
    head.push('+');
    head.extend(std::iter::repeat_n('=', total.saturating_sub(2)));
    head.push_str("+\n");
    out.write_all(head.as_bytes())?;
    // The widths of the cells of the row stored at `at`.
    let widths_at = |at: usize| -> &[u32] {
        let start = (at % PIECE) * columns;
        measured
            .get(at / PIECE)
            .and_then(|(w, _)| w.get(start..start + columns))
            .unwrap_or(&[])
    };
    let write = |range: &std::ops::Range<usize>| {
        let mut part = String::with_capacity(range.len() * 2 * (total + 1));
        let mut write_row = |at: usize| {
            let cell_widths = widths_at(at);
            rows.cells(at, &mut |cells| {
                line(
                    &mut part,
                    &mut cells.iter().enumerate().map(|(k, c)| {
                        let w = cell_widths.get(k).copied().unwrap_or(0);
                        let text = if w & ESCAPED == 0 {
                            Cow::Borrowed(c.text.as_ref())
                        } else {
                            escape(&c.text)
                        };
                        (text, (w & !ESCAPED) as usize)
                    }),
                );
            });
        };
        match order {
            None => range.clone().for_each(&mut write_row),
            Some(order) => order
                .get(range.clone())
                .unwrap_or(&[])
                .iter()
                .copied()
                .for_each(&mut write_row),
        }
        part
    };
    in_batches(&ranges, |r| Ok(write(r).into_bytes()), out)?;
    rule.push('\n');
    out.write_all(rule.as_bytes())
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

/// Text as Markdown shows it and nothing more: terminal and bidi controls escaped as in
/// tables, HTML (`<`, `>`, `&`) as entities, so a board that renders Markdown runs no markup
/// from a plan file; link and image brackets, backslashes and the cell separator `|`
/// backslash-escaped; a line break becomes a space (one cell, one heading line).
pub fn md_text(s: &str) -> String {
    let shown = escape(s);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub-flavoured Markdown table.
pub fn markdown(grid: &Grid) -> String {
    let cell = |s: &str| md_text(s);
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
        let _ = w.write_record(csv_record(row));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One row's CSV fields: plain numbers where a cell has one; control characters escaped; a text
/// that a spreadsheet would run as a formula after a `'`.
pub fn csv_record(row: &[GridCell<'_>]) -> Vec<String> {
    row.iter()
        .map(|c| {
            if let Some(plain) = &c.csv {
                return plain.clone();
            }
            let text = escape(&c.text);
            if !c.numeric && c.text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.into_owned()
            }
        })
        .collect()
}

/// Rows as CSV written while they are made, in listed order, after a byte-order mark when
/// `bom`: a long listing never holds its whole text. Made on all cores, as [`write_plain`].
pub fn write_csv(
    headers: &[String],
    rows: &dyn Rows,
    bom: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut head = csv::Writer::from_writer(Vec::new());
    head.write_record(headers)?;
    let head = head.into_inner().map_err(|e| e.into_error())?;
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    out.write_all(&head)?;
    let order = rows.order();
    let piece = |range: &std::ops::Range<usize>| -> std::io::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::with_capacity(range.len() * 160));
        let mut failed = None;
        for i in range.clone() {
            let at = order.map_or(i, |o| o.get(i).copied().unwrap_or(i));
            rows.cells(at, &mut |cells| {
                if failed.is_none()
                    && let Err(e) = w.write_record(csv_record(cells))
                {
                    failed = Some(e);
                }
            });
            if let Some(e) = failed.take() {
                return Err(e.into());
            }
        }
        w.into_inner().map_err(|e| e.into_error())
    };
    in_batches(&pieces(rows.count()), piece, out)
}

/// Each piece's bytes made by `piece`, eight pieces at a time on all cores, each batch
/// written in order before the next is made: a long output is never held whole.
fn in_batches(
    ranges: &[std::ops::Range<usize>],
    piece: impl Fn(&std::ops::Range<usize>) -> std::io::Result<Vec<u8>> + Sync,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for batch in ranges.chunks(8) {
        for part in crate::par::map(batch, &piece) {
            out.write_all(&part?)?;
        }
    }
    Ok(())
}

/// A list of `n` rows as pretty JSON, byte for byte what `serde_json::to_writer_pretty` writes
/// for the whole list, with a final newline; `row(i)` is the row listed i-th. Rows are
/// serialized a few pieces at a time on all cores and each batch is written before the next is
/// made, so that a long list is never held whole.
pub fn write_json<'r, T: serde::Serialize + Sync + 'r>(
    n: usize,
    row: impl Fn(usize) -> Option<&'r T> + Sync,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if n == 0 {
        return out.write_all(b"[]\n");
    }
    // One piece: its rows, each indented one level, after ",\n" (the first after "[\n").
    let piece = |range: &std::ops::Range<usize>| -> std::io::Result<Vec<u8>> {
        let mut part = Vec::with_capacity(range.len() * 320);
        let mut one = Vec::with_capacity(512);
        for i in range.clone() {
            let Some(r) = row(i) else { continue };
            one.clear();
            serde_json::to_writer_pretty(&mut one, r).map_err(std::io::Error::other)?;
            part.extend_from_slice(if i == 0 { b"[\n  " } else { b",\n  " });
            // A newline in JSON text is only ever between tokens (strings escape theirs).
            let mut rest = one.as_slice();
            while let Some(at) = rest.iter().position(|b| *b == b'\n') {
                part.extend_from_slice(&rest[..=at]);
                part.extend_from_slice(b"  ");
                rest = &rest[at + 1..];
            }
            part.extend_from_slice(rest);
        }
        Ok(part)
    };
    in_batches(&pieces(n), piece, out)?;
    out.write_all(b"\n]\n")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(plain(&grid), comfy(&grid, opts));
        let empty = Grid {
            headers: vec!["ID".into(), "Due".into()],
            rows: Vec::new(),
        };
        assert_eq!(plain(&empty), comfy(&empty, opts));
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
        assert_eq!(plain(&long), comfy(&long, opts));
    }

    /// Rows stored in one order and written in another.
    struct Shuffled<'a> {
        grid: Grid<'a>,
        order: Vec<usize>,
    }

    impl Rows for Shuffled<'_> {
        fn count(&self) -> usize {
            self.grid.rows.len()
        }
        fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>])) {
            self.grid.cells(at, f);
        }
        fn order(&self) -> Option<&[usize]> {
            Some(&self.order)
        }
    }

    #[test]
    fn rows_written_in_an_order_are_the_table_of_the_rows_in_that_order() {
        // More rows than fit in one piece, one escaped title, widths that differ by row.
        let rows: Vec<Vec<GridCell<'static>>> = (0..5000)
            .map(|i| {
                let title = if i == 4321 {
                    "改\u{202e}".to_string()
                } else {
                    "项".repeat(1 + i % 7)
                };
                vec![GridCell::num(i.to_string()), GridCell::text(title)]
            })
            .collect();
        let headers = vec!["n".to_string(), "名称".to_string()];
        // 7919 is prime to 5000: every row once, scattered.
        let order: Vec<usize> = (0..5000).map(|i| i * 7919 % 5000).collect();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..5000).collect::<Vec<_>>());
        let expected = Grid {
            headers: headers.clone(),
            rows: order.iter().map(|&at| rows[at].clone()).collect(),
        };
        let shuffled = Shuffled {
            grid: Grid { headers, rows },
            order: order.clone(),
        };
        let mut out = Vec::new();
        write_plain(&shuffled.grid.headers, &shuffled, &mut out).unwrap();
        let written = String::from_utf8(out).unwrap();
        assert_eq!(written, plain(&expected));
        assert!(written.contains(r"改\u{202e}"));
        // CSV, made on all cores a piece at a time, is the CSV of the rows in that order.
        let mut out = Vec::new();
        write_csv(&shuffled.grid.headers, &shuffled, true, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("\u{feff}{}", csv(&expected))
        );
    }

    #[test]
    fn json_made_in_pieces_is_serde_jsons_pretty_list() {
        // More rows than fit in one piece; strings with escaped line breaks and quotes, empty
        // and nested lists, a missing value.
        let rows: Vec<serde_json::Value> = (0..5000)
            .map(|i| {
                serde_json::json!({
                    "id": format!("t{i}"),
                    "title": if i % 3 == 0 { "一\n\"二\"" } else { "项" },
                    "owners": if i % 2 == 0 { vec![] } else { vec!["甲", "乙"] },
                    "nested": [[i], {"x": null}],
                })
            })
            .collect();
        let mut out = Vec::new();
        write_json(rows.len(), |i| rows.get(i), &mut out).unwrap();
        let expected = serde_json::to_string_pretty(&rows).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        let mut out = Vec::new();
        write_json(0, |i| rows.get(i), &mut out).unwrap();
        assert_eq!(out, b"[]\n");
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

//! The exported ledger (台账) as an xlsx workbook: a sheet of items, one of indicators and one
//! of lead units, with real dates and numbers, a frozen header row, an autofilter, columns as
//! wide as their Chinese text, and lights as fills. Written with `rust_xlsxwriter`; its words
//! are the ledger's (`ledger::words`), so that `plan import` reads the file back.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::compute::indicators::IndicatorRow;
use crate::compute::ledger::{Due, LedgerRow, Status};
use crate::compute::light::Light;
use crate::compute::report::OwnerRow;
use crate::ledger::words;
use crate::model::Lang;

/// Column widths: the widest cell's display width (a Chinese character counts 2), between 6
/// and 60 characters.
struct Widths(Vec<usize>);

impl Widths {
    fn new(headers: &[&str]) -> Self {
        Widths(headers.iter().map(|h| h.width()).collect())
    }

    fn see(&mut self, col: usize, text: &str) {
        let w = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        if let Some(slot) = self.0.get_mut(col) {
            *slot = (*slot).max(w);
        }
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let width = (*w).clamp(6, 60) as f64 + 2.0;
            sheet.set_column_width(col(c), width)?;
        }
        Ok(())
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn row_index(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// The header row at `top`: bold on grey, frozen with the rows above it, with an autofilter
/// over the `rows` below.
fn header(sheet: &mut Worksheet, top: u32, names: &[&str], rows: usize) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00D9_D9D9))
        .set_border(FormatBorder::Thin);
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(top, col(c), *name, &bold)?;
    }
    sheet.set_freeze_panes(top + 1, 0)?;
    sheet.autofilter(
        top,
        0,
        top + row_index(rows),
        col(names.len().saturating_sub(1)),
    )?;
    Ok(())
}

fn light_format(light: Light) -> Format {
    let rgb = match light {
        Light::Red => 0x00FF_C7CE,
        Light::Yellow => 0x00FF_EB9C,
        Light::Green => 0x00C6_EFCE,
    };
    Format::new().set_background_color(Color::RGB(rgb))
}

/// Write a number, or leave the cell empty.
fn number(
    sheet: &mut Worksheet,
    r: usize,
    c: usize,
    x: Option<f64>,
    f: &Format,
) -> Result<(), XlsxError> {
    if let Some(x) = x {
        sheet.write_number_with_format(row_index(r), col(c), x, f)?;
    }
    Ok(())
}

/// The workbook's bytes; `title` heads the items sheet, as a ledger's title row does.
pub fn workbook(
    title: &str,
    items: &[LedgerRow<'_>],
    indicators: &[IndicatorRow],
    units: &[OwnerRow],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let text = Format::new();
    let wrap = Format::new().set_text_wrap();
    let t = crate::render::labels::labels(lang);

    // Items.
    let sheet = book.add_worksheet();
    sheet.set_name(words::SHEET_ITEMS)?;
    let mut widths = Widths::new(words::ITEM_COLUMNS);
    let heading = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    let last = col(words::ITEM_COLUMNS.len() - 1);
    sheet.merge_range(0, 0, 0, last, title, &heading)?;
    sheet.set_row_height(0, 30)?;
    for (i, r) in items.iter().enumerate() {
        let at = row_index(i + 2);
        let number = words::sub_number(r.depth, r.number);
        let cells: [(usize, String); 6] = [
            (0, number),
            (1, r.area_title.to_string()),
            (2, r.title.to_string()),
            (3, r.owners.join(words::LIST_SEP)),
            (4, r.with.join(words::LIST_SEP)),
            (5, r.leaders.join(words::LIST_SEP)),
        ];
        for (c, s) in &cells {
            if !s.is_empty() {
                sheet.write_string_with_format(
                    at,
                    col(*c),
                    s,
                    if *c == 2 { &wrap } else { &text },
                )?;
                widths.see(*c, s);
            }
        }
        match r.due {
            Due::Day(d) => {
                sheet.write_date_with_format(at, 6, d, &date)?;
                widths.see(6, "2016-03-31");
            }
            Due::Every { every, day, month } => {
                let s = words::every_words(every, day, month);
                widths.see(6, &s);
                sheet.write_string(at, 6, s)?;
            }
            Due::Ongoing => {
                sheet.write_string(at, 6, words::ONGOING_WORDS)?;
                widths.see(6, words::ONGOING_WORDS);
            }
            Due::None => {}
        }
        let status = match r.status {
            Status::Task(s) => words::status_word(s),
            Status::Target { met: true } => words::TARGET_MET,
            Status::Target { met: false } => words::TARGET_OPEN,
        };
        sheet.write_string(at, 7, status)?;
        widths.see(7, status);
        if let Some(light) = r.light {
            sheet.write_string_with_format(
                at,
                8,
                words::light_word(light),
                &light_format(light),
            )?;
        }
        if let Some((on, p)) = r.latest {
            let s =
                crate::render::labels::sentences::dated_text(Lang::Zh, &crate::date::ymd(on), p);
            widths.see(9, &s);
            sheet.write_string_with_format(at, 9, s, &wrap)?;
        }
    }
    header(sheet, 1, words::ITEM_COLUMNS, items.len())?;
    widths.apply(sheet)?;

    // Indicators.
    let sheet = book.add_worksheet();
    sheet.set_name(words::SHEET_INDICATORS)?;
    let mut widths = Widths::new(words::INDICATOR_COLUMNS);
    let figure = Format::new().set_num_format("#,##0.00");
    let pct = Format::new().set_num_format("0.0");
    for (i, r) in indicators.iter().enumerate() {
        let at = i + 1;
        let title = format!("{}{}", if r.depth > 0 { "  " } else { "" }, r.title);
        widths.see(0, &title);
        sheet.write_string(row_index(at), 0, &title)?;
        let owners = r.owners.join(words::LIST_SEP);
        widths.see(1, &owners);
        sheet.write_string(row_index(at), 1, &owners)?;
        if let Some(u) = &r.unit {
            sheet.write_string(row_index(at), 2, u)?;
            widths.see(2, u);
        }
        number(sheet, at, 3, r.prior, &figure)?;
        number(sheet, at, 4, r.target, &figure)?;
        number(sheet, at, 5, r.target_growth, &pct)?;
        if let Some(p) = &r.period {
            sheet.write_string(row_index(at), 6, p)?;
        }
        number(sheet, at, 7, r.value, &figure)?;
        number(sheet, at, 8, r.growth, &pct)?;
        number(sheet, at, 9, r.gap_pp, &pct)?;
        number(sheet, at, 10, r.completion, &pct)?;
        let status = crate::render::labels::indicator_words(Lang::Zh, r.status);
        widths.see(11, status);
        sheet.write_string(row_index(at), 11, status)?;
        for c in 3..=10 {
            widths.see(c, "12,345,678.00");
        }
    }
    header(sheet, 0, words::INDICATOR_COLUMNS, indicators.len())?;
    widths.apply(sheet)?;

    // Lead units: the scoreboard.
    let sheet = book.add_worksheet();
    sheet.set_name(words::SHEET_UNITS)?;
    let mut widths = Widths::new(words::UNIT_COLUMNS);
    let count = Format::new().set_num_format("0");
    for (i, r) in units.iter().enumerate() {
        let at = i + 1;
        #[allow(clippy::cast_precision_loss)]
        let n = |x: usize| Some(x as f64);
        number(sheet, at, 0, n(r.rank), &count)?;
        let name = r.who.name().unwrap_or(t.no_owner);
        widths.see(1, name);
        sheet.write_string(row_index(at), 1, name)?;
        number(sheet, at, 2, r.on_time_rate, &pct)?;
        let counts = [
            r.open,
            r.overdue,
            r.done,
            r.late,
            r.red,
            r.yellow,
            r.feedback_missed,
        ];
        for (c, x) in (3..).zip(counts) {
            number(sheet, at, c, n(x), &count)?;
        }
    }
    header(sheet, 0, words::UNIT_COLUMNS, units.len())?;
    widths.apply(sheet)?;

    book.save_to_buffer()
}

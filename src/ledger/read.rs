//! Reading one sheet of a spreadsheet into a grid of cells: xlsx, xlsm, xls and ods through
//! `calamine` (cached values of formulas, dates as dates, merged regions), CSV through `csv`
//! (UTF-8, with or without a byte-order mark, or GB18030 as Excel saves it on Chinese Windows).

use std::path::Path;

use calamine::{Data, Reader, Sheets};
use chrono::NaiveDate;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    /// The cell as text: numbers as written by Excel's General format, dates `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => crate::date::ymd(*d),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            Value::Number(_) | Value::Date(_) => false,
        }
    }
}

/// One sheet: its cells from A1, and its merged regions.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    /// Rows of cells from A1; a merged region's value is in each of its cells.
    pub rows: Vec<Vec<Value>>,
    /// Merged regions as (first row, first column, last row, last column), 0-based.
    pub merges: Vec<(u32, u32, u32, u32)>,
}

impl Sheet {
    /// The cell at (row, column), 0-based.
    pub fn get(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Value::Empty)
    }

    /// Whether (row, col) is inside a merged region but not its first cell.
    pub fn covered(&self, row: usize, col: usize) -> bool {
        self.merges.iter().any(|&(r0, c0, r1, c1)| {
            let (r, c) = (row as u64, col as u64);
            (u64::from(r0)..=u64::from(r1)).contains(&r)
                && (u64::from(c0)..=u64::from(c1)).contains(&c)
                && (r, c) != (u64::from(r0), u64::from(c0))
        })
    }

    /// The widest merged region starting on `row`: its first and last column.
    pub fn merged_across(&self, row: usize) -> Option<(usize, usize)> {
        self.merges
            .iter()
            .filter(|m| m.0 as usize == row && m.3 > m.1)
            .map(|m| (m.1 as usize, m.3 as usize))
            .max_by_key(|(a, b)| b - a)
    }

    /// A cell's place as a spreadsheet names it: `台账!F7`.
    pub fn at(&self, row: usize, col: usize) -> String {
        format!("{}!{}", self.name, a1(row, col))
    }
}

/// A cell's address in A1 form (0-based row and column).
pub fn a1(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file could not be read at all.
    Io(String),
    /// Not a spreadsheet this reader knows (by its name or its content).
    NotSpreadsheet,
    /// A workbook protected by a password.
    Password,
    /// A workbook that does not parse: calamine's message.
    Corrupt(String),
    /// `--sheet` names no sheet; the sheets there are.
    NoSheet { name: String, sheets: Vec<String> },
    /// The workbook has no sheet at all.
    Empty,
}

/// The sheet `sheet` (default the first) of the spreadsheet at `path`.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, ReadError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => csv(path),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => workbook(path, sheet),
        _ => Err(ReadError::NotSpreadsheet),
    }
}

fn workbook(path: &Path, wanted: Option<&str>) -> Result<Sheet, ReadError> {
    if let Err(e) = std::fs::metadata(path) {
        return Err(ReadError::Io(e.to_string()));
    }
    let mut book = calamine::open_workbook_auto(path).map_err(|e| classify(&e.to_string()))?;
    let names = book.sheet_names();
    let name = match wanted {
        Some(w) => names
            .iter()
            .find(|n| n.as_str() == w)
            .cloned()
            .ok_or_else(|| ReadError::NoSheet {
                name: w.to_string(),
                sheets: names.clone(),
            })?,
        None => names.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| classify(&e.to_string()))?;
    let merges: Vec<(u32, u32, u32, u32)> = match &mut book {
        Sheets::Xlsx(x) => x
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| classify(&e.to_string()))?,
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    }
    .into_iter()
    .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
    .collect();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let mut rows = vec![vec![Value::Empty; c0 as usize + width]; r0 as usize + height];
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            rows[r0 as usize + r][c0 as usize + c] = value(cell);
        }
    }
    // A merged region's value is in each of its cells.
    for &(mr0, mc0, mr1, mc1) in &merges {
        let first = rows
            .get(mr0 as usize)
            .and_then(|r| r.get(mc0 as usize))
            .cloned()
            .unwrap_or(Value::Empty);
        for r in mr0..=mr1 {
            for c in mc0..=mc1 {
                if let Some(cell) = rows
                    .get_mut(r as usize)
                    .and_then(|row| row.get_mut(c as usize))
                {
                    *cell = first.clone();
                }
            }
        }
    }
    Ok(Sheet { name, rows, merges })
}

/// A calamine error in words a user acts on.
fn classify(message: &str) -> ReadError {
    let lower = message.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        ReadError::Password
    } else if lower.contains("cannot detect file format") || lower.contains("invalid zip") {
        ReadError::NotSpreadsheet
    } else {
        ReadError::Corrupt(message.to_string())
    }
}

fn value(cell: &Data) -> Value {
    match cell {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(n) => {
            #[allow(clippy::cast_precision_loss)]
            let n = *n as f64;
            Value::Number(n)
        }
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => calamine::DataType::as_date(cell)
            .map_or_else(|| Value::Number(dt.as_f64()), Value::Date),
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map_or_else(|_| Value::Text(s.clone()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
    }
}

/// A CSV file: UTF-8 (a byte-order mark is dropped), else GB18030.
fn csv(path: &Path) -> Result<Sheet, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
            if bad {
                return Err(ReadError::NotSpreadsheet);
            }
            text.into_owned()
        }
    };
    if text.contains('\0') {
        return Err(ReadError::NotSpreadsheet);
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Corrupt(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Ok(Sheet {
        name,
        rows,
        merges: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::a1;

    #[test]
    fn addresses_are_in_a1_form() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 5), "F7");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }
}

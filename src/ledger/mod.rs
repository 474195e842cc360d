//! Office ledgers (台账) in and out: reading a spreadsheet's sheet (`read`), turning it into a
//! plan (`import`), and the vocabulary both directions share (`words`). The exported workbook
//! is written by `render::xlsx` from `compute::ledger`'s rows.

pub mod import;
pub mod read;
pub mod words;

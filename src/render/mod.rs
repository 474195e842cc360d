//! Output: renderers are functions of (report, options) to text; one tabular shape (`grid`)
//! serves table, Markdown and CSV; `labels` holds every word in both languages.

pub mod bulletin;
pub mod diagnostics;
pub mod grid;
pub mod ical;
pub mod labels;
pub mod style;

//! Output: one module per format. Renderers are functions of (report, options) to text.

pub mod diagnostics;
pub mod style;

//! `plan`: an organisation's annual work plan kept as TOML files in git.
//!
//! The pipeline runs one way: `cli` turns arguments into a config; `load` discovers, reads,
//! parses and lowers the files into the `model`; `validate` checks it; `compute` derives
//! report rows as pure functions of (model, today); `render` turns rows into text.

pub mod anchored;
pub mod cli;
pub mod compute;
pub mod date;
pub mod diagnostic;
pub mod edit;
pub mod exact;
pub mod history;
pub mod keys;
pub mod ledger;
pub mod load;
pub mod model;
pub mod number;
pub mod par;
pub mod phrase;
pub mod render;
pub mod schema;
pub mod source;
pub mod validate;

pub use cli::run;

//! Everything derived from the plans: pure functions of (model, today), no I/O.

pub mod deadline;
pub mod indicators;
pub mod report;
pub mod show;

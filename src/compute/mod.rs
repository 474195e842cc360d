//! Everything derived from the plans: pure functions of (model, today), no I/O.

/// The report people read: per plan, its areas, late and due items, targets, indicators.
pub mod bulletin;
/// `plan chase` (催报): items that missed their latest feedback window.
pub mod chase;
/// Deadlines and states of tasks and targets, recurrence, the share of the year elapsed.
pub mod deadline;
/// Feedback windows and the items that missed them (催报).
pub mod feedback;
/// Which items a listing covers (`--plan`, `--area`, `--owner`, `--tag`, `--kind`).
pub mod filter;
/// Indicator figures: prior, growth, gap, status, pace, staleness.
pub mod indicators;
/// The rows of an exported ledger (台账).
pub mod ledger;
/// Lights (红黄绿灯) of open tasks and targets.
pub mod light;
/// Notices (督办通知单) to each lead unit with red or yellow items.
pub mod notice;
/// The listings' rows: overdue, upcoming, status, items, owners.
pub mod report;
/// Everything known about one item (`plan show`).
pub mod show;

use chrono::NaiveDate;

use crate::model::Workspace;

/// Every report over the whole workspace on `today`: what the fuzz target and the property
/// tests run to show that no input makes a computation panic. Returns the number of rows.
pub fn all_reports(ws: &Workspace, today: NaiveDate) -> usize {
    let filter = filter::Filter::default();
    let clock = deadline::Clock { today, within: 14 };
    let mut rows = report::overdue(ws, &filter, clock).len()
        + report::upcoming(ws, &filter, clock).len()
        + report::owners(ws, &filter, clock, report::By::Unit).len()
        + report::owners(ws, &filter, clock, report::By::Leader).len()
        + report::items(ws, &filter, clock).len()
        + report::status(ws, &filter, clock).plans.len()
        + indicators::rows(ws, &filter, today).len();
    for plan in &ws.plans {
        for (area, item) in plan.items() {
            rows += usize::from(!show::show(ws, plan, area, item, clock).row.id.is_empty());
        }
    }
    rows
}

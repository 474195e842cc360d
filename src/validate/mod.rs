//! Checks that need the whole plan, run after lowering. Each check is independent and
//! returns its own diagnostics, so that one run reports every problem.

mod closing;
mod ids;
mod indicators;
mod items;
mod references;

use crate::diagnostic::Diagnostic;
use crate::model::Workspace;

/// Run every check. Plans listed in `incomplete` (a file failed to parse) skip the
/// cross-file checks, which would otherwise report follow-on errors.
pub fn run(ws: &Workspace, incomplete: &[usize]) -> Vec<Diagnostic> {
    let mut out = ids::plan_ids(ws);
    let repository = crate::source::repository_of(&ws.root);
    // Plans are checked independently, one after another (on all cores it gained under 5 %:
    // docs/performance.md).
    for (i, plan) in ws.plans.iter().enumerate() {
        let index = ids::Index::build(plan, &mut out);
        out.extend(items::tasks(plan));
        out.extend(items::targets(plan));
        out.extend(items::projects(plan));
        out.extend(items::progress(plan));
        out.extend(closing::check(plan, &repository));
        out.extend(indicators::check(plan));
        if !incomplete.contains(&i) {
            out.extend(references::batch_projects(plan, &index));
            out.extend(references::indicator_parents(plan, &index));
            out.extend(references::sub_items(plan, &index));
            out.extend(indicators::parents(plan, &index));
        }
    }
    out
}

/// The checks that depend on the day: indicators whose figures are overdue.
pub fn dated(ws: &Workspace, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let mut out = indicators::stale(ws, today);
    out.extend(closing::future_progress(ws, today));
    out
}

//! Feedback (进展报送): the windows in which open tasks and targets must report progress, and
//! which items missed the latest one (催报).

use chrono::NaiveDate;

use crate::compute::deadline::State;
use crate::compute::filter::owners_of;
use crate::model::{Area, Every, Feedback, FeedbackEvery, ItemRef, Plan, PlanYear};

/// One feedback window: progress dated from `opens` to `ends` (both included) counts for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub opens: NaiveDate,
    pub ends: NaiveDate,
}

/// The days the windows of `feedback` end on in the plan's year: the 15th and the last day of
/// each month (half-month); `feedback_day` or the last day of each month (month); that day of
/// `feedback_month` (default 3) of each quarter (quarter). None for `none`.
pub fn window_ends(feedback: &Feedback, span: PlanYear) -> Vec<NaiveDate> {
    let every = match feedback.every.as_ref().map(|e| e.value) {
        Some(FeedbackEvery::HalfMonth) => Every::HalfMonth,
        Some(FeedbackEvery::Month) => Every::Month,
        Some(FeedbackEvery::Quarter) => Every::Quarter,
        Some(FeedbackEvery::None) | None => return Vec::new(),
    };
    let day = feedback.day.as_ref().map_or(31, |d| d.value.clamp(1, 31));
    let month = feedback.month.as_ref().map(|m| m.value.clamp(1, 3));
    crate::anchored::calendar_dates(every, day, month, span)
}

/// The latest window that ended before `today`: it opens the day after the window before it
/// ends (the first on the plan's first day).
pub fn latest_window(feedback: &Feedback, span: PlanYear, today: NaiveDate) -> Option<Window> {
    let ends = window_ends(feedback, span);
    let at = ends.iter().rposition(|end| *end < today)?;
    let opens = match at {
        0 => span.first,
        _ => crate::date::add_days(ends[at - 1], 1),
    };
    Some(Window {
        opens,
        ends: ends[at],
    })
}

/// The feedback an item owes: its own cadence over the plan's; `None` for items feedback is
/// not asked of (projects, indicators, recurring duties, groups, items with no lead unit).
pub fn cadence(plan: &Plan, area: &Area, item: ItemRef<'_>) -> Option<Feedback> {
    let own = match item {
        ItemRef::Task(t) if t.every.is_none() => &t.feedback,
        ItemRef::Target(t) => &t.feedback,
        ItemRef::Task(_) | ItemRef::Project(_) | ItemRef::Indicator(_) => return None,
    };
    if item.is_group() || owners_of(area, item).is_empty() {
        return None;
    }
    Some(own.over(&plan.feedback))
}

/// The latest report of an item on or before `today`: its latest progress entry, or for a
/// target a figure (`actuals`) whose period has ended, whichever is later.
pub fn latest_report(item: ItemRef<'_>, today: NaiveDate) -> Option<NaiveDate> {
    let progress = item
        .common()
        .latest_progress(today)
        .map(|p| p.on.value.day());
    let figures = match item {
        ItemRef::Target(t) => t
            .actuals
            .iter()
            .map(|a| a.period.value.last_day())
            .filter(|d| *d <= today)
            .max(),
        _ => None,
    };
    progress.max(figures)
}

/// The window an open item missed: the latest window that ended before today holds no
/// progress entry (for a target, no figure whose period ends inside it). Items in `state`
/// done, met or dropped owe nothing; nor does a window that ended before the item's `start`.
pub fn missed(
    plan: &Plan,
    area: &Area,
    item: ItemRef<'_>,
    state: State,
    today: NaiveDate,
) -> Option<Window> {
    if !state.is_open() {
        return None;
    }
    let feedback = cadence(plan, area, item)?;
    let window = latest_window(&feedback, plan.span(), today)?;
    if item.start().is_some_and(|s| s.value.day() > window.ends) {
        return None;
    }
    let inside = |d: NaiveDate| window.opens <= d && d <= window.ends;
    let reported = item
        .common()
        .progress
        .iter()
        .any(|p| inside(p.on.value.day()))
        || match item {
            ItemRef::Target(t) => t.actuals.iter().any(|a| inside(a.period.value.last_day())),
            _ => false,
        };
    (!reported).then_some(window)
}

//! Duties fixed to the calendar (`every` with `day`: 每月28日前, 每季度最后一个月的30日前): their
//! occurrences in the plan's year, and which submission satisfies which. Occurrence k's window
//! opens the day after occurrence k−1's due (the first on the plan's first day); taking the
//! submissions in date order, each satisfies the earliest unsatisfied occurrence whose window
//! has opened by that day. A late submission does not move later due dates.

use chrono::{Datelike, NaiveDate};

use crate::date::{Period, add_days};
use crate::model::{Every, PlanYear, Task};

/// One occurrence of an anchored duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub due: NaiveDate,
    /// The first day a submission counts for it.
    pub opens: NaiveDate,
    /// The submission that satisfied it.
    pub done_on: Option<NaiveDate>,
}

/// The last day of `month` of `year`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    Some(Period::Month { year, month }.last_day()).filter(|_| (1..=12).contains(&month))
}

/// `day` of `month`, clamped to the month's end.
fn clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let end = month_end(year, month)?;
    NaiveDate::from_ymd_opt(year, month, day.clamp(1, end.day()))
}

/// The due dates of an anchored duty in the plan's year, in order; empty for a task that is
/// not one. The dates are the calendar's (a quarterly duty of a July–June year falls on the
/// calendar quarters inside it).
pub fn due_dates(task: &Task, span: PlanYear) -> Vec<NaiveDate> {
    let (Some(every), Some(day)) = (&task.every, &task.day) else {
        return Vec::new();
    };
    calendar_dates(
        every.value,
        day.value,
        task.month.as_ref().map(|m| m.value),
        span,
    )
}

/// The days in the plan's year that fall on `day` of every interval (of `month` of the
/// period for quarters and years, default its last month), clamped to each month's end; for
/// half-months, the 15th and the last day of every month; for weeks, `day` is the weekday.
pub fn calendar_dates(
    every: Every,
    day: u32,
    month: Option<u32>,
    span: PlanYear,
) -> Vec<NaiveDate> {
    let month_of = |default: u32| month.unwrap_or(default);
    let mut out: Vec<NaiveDate> = Vec::new();
    for year in span.first.year()..=span.last.year() {
        match every {
            Every::Week => {}
            Every::HalfMonth => out.extend(
                (1..=12)
                    .flat_map(|m| [clamped(year, m, 15), month_end(year, m)])
                    .flatten(),
            ),
            Every::Month => out.extend((1..=12).filter_map(|m| clamped(year, m, day))),
            Every::Quarter => {
                out.extend((0..4).filter_map(|q| clamped(year, q * 3 + month_of(3), day)));
            }
            Every::Year => out.extend(clamped(year, month_of(12), day)),
        }
    }
    if every == Every::Week {
        out.extend(
            span.first
                .iter_days()
                .take_while(|d| *d <= span.last)
                .filter(|d| d.weekday().number_from_monday() == day),
        );
    }
    out.retain(|d| span.contains(*d));
    out.sort_unstable();
    out.dedup();
    out
}

/// The occurrences of an anchored duty in the plan's year with the submissions matched to
/// them, and the submissions (within the year) that satisfied none.
pub fn occurrences(task: &Task, span: PlanYear) -> (Vec<Occurrence>, Vec<NaiveDate>) {
    let mut out: Vec<Occurrence> = Vec::new();
    for due in due_dates(task, span) {
        let opens = out.last().map_or(span.first, |o| add_days(o.due, 1));
        out.push(Occurrence {
            due,
            opens,
            done_on: None,
        });
    }
    let mut submitted: Vec<NaiveDate> = task
        .submitted
        .iter()
        .map(|s| s.value.day())
        .filter(|d| span.contains(*d))
        .collect();
    submitted.sort_unstable();
    let mut unused = Vec::new();
    for day in submitted {
        match out
            .iter_mut()
            .find(|o| o.done_on.is_none() && o.opens <= day)
        {
            Some(o) => o.done_on = Some(day),
            None => unused.push(day),
        }
    }
    (out, unused)
}

/// The deadline an anchored duty has now: its earliest unsatisfied occurrence.
pub fn current_due(task: &Task, span: PlanYear) -> Option<NaiveDate> {
    occurrences(task, span)
        .0
        .iter()
        .find(|o| o.done_on.is_none())
        .map(|o| o.due)
}

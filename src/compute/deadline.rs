//! Deadlines as pure functions of (item, today): the state of a task or target, recurrence,
//! and batch targets counted from projects.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::date::add_months;
use crate::exact::cmp6;
use crate::model::{Compare, Every, Plan, PlanYear, Project, Stage, Target, Task, TaskStatus};
use crate::number::round6;

/// Where an item with a deadline stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// A task finished (on a date, when recorded).
    Done,
    /// A target reached.
    Met,
    /// A task that will not be done.
    Dropped,
    /// Open, and `today` is past its deadline.
    Overdue,
    /// Open, and its deadline is within the look-ahead window.
    DueSoon,
    /// Open, deadline further off or none.
    Open,
    /// A ceiling or an `about` target before its deadline, its figure inside (or below the
    /// band): it cannot be met before the deadline.
    Within,
    /// A ceiling or an `about` target before its deadline, its figure already above it.
    Exceeded,
}

impl State {
    /// The state's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            State::Done => "done",
            State::Met => "met",
            State::Dropped => "dropped",
            State::Overdue => "overdue",
            State::DueSoon => "due_soon",
            State::Open => "open",
            State::Within => "within",
            State::Exceeded => "exceeded",
        }
    }

    /// Not done, met nor dropped.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            State::Overdue | State::DueSoon | State::Open | State::Within | State::Exceeded
        )
    }
}

/// The calendar facts a computation needs: today and the look-ahead window in days.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub today: NaiveDate,
    pub within: i64,
}

impl Clock {
    /// The state of an open item with deadline `due`.
    pub fn open_state(self, due: Option<NaiveDate>) -> State {
        match due {
            Some(d) if self.today > d => State::Overdue,
            Some(d) if d <= crate::date::add_days(self.today, self.within) => State::DueSoon,
            _ => State::Open,
        }
    }
}

/// `next - previous` for one step of an interval: week 7 days, half-month 15 days,
/// month / quarter / year by calendar months clamped to the month's end.
pub fn step(every: Every, from: NaiveDate) -> NaiveDate {
    match every {
        Every::Week => crate::date::add_days(from, 7),
        Every::HalfMonth => crate::date::add_days(from, 15),
        Every::Month => add_months(from, 1),
        Every::Quarter => add_months(from, 3),
        Every::Year => add_months(from, 12),
    }
}

/// The deadline a task has now: for a duty fixed to the calendar, its earliest unsatisfied
/// occurrence; for another recurring task `last + interval`, or with no `last` the plan year's
/// 1 January + interval; otherwise its `due`.
pub fn task_due(task: &Task, year: PlanYear) -> Option<NaiveDate> {
    if task.ongoing {
        return None;
    }
    if task.is_anchored() {
        return crate::anchored::current_due(task, year);
    }
    match &task.every {
        Some(every) => {
            let start = task.last.as_ref().map_or(year.first, |l| l.value.day());
            Some(step(every.value, start))
        }
        None => task.due.as_ref().map(|d| d.value.day()),
    }
}

/// A task's state. A recurring task is open unless dropped (its `done` status is ignored).
/// A task done on a date after `today` was still open on `today`.
pub fn task_state(task: &Task, year: PlanYear, clock: Clock) -> State {
    let done_later = task
        .done
        .as_ref()
        .is_some_and(|d| d.value.day() > clock.today);
    match task.status {
        TaskStatus::Dropped => State::Dropped,
        TaskStatus::Done if task.every.is_none() && !done_later => State::Done,
        _ => clock.open_state(task_due(task, year)),
    }
}

/// A target's deadline: its `due`, else the last day of the plan year.
pub fn target_due(target: &Target, year: PlanYear) -> NaiveDate {
    target.due.as_ref().map_or(year.last, |d| d.value.day())
}

/// Whether a project has reached `stage` by `today`: its `stage` is at or past it, and the
/// date recorded for that stage, if any, is not after today.
pub fn reached(project: &Project, stage: Stage, today: NaiveDate) -> bool {
    project.stage.value >= stage
        && project
            .stage_dates
            .iter()
            .find(|(s, _)| *s == stage)
            .is_none_or(|(_, d)| d.value.day() <= today)
}

/// The figures of a target on `today`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetFigures {
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// Met on `today`: the figure is inside, and for a ceiling or an `about` target the
    /// deadline has come.
    pub met: bool,
    /// The figure is above a ceiling, or above the band of an `about` target.
    pub above: bool,
    /// `actual / target × 100`, when both are known and the target is not zero.
    pub progress: Option<f64>,
}

/// A target's figures on `today`: target, actual, progress and whether it is met.
pub fn target_figures(target: &Target, plan: &Plan, today: NaiveDate) -> TargetFigures {
    let (goal, actual) = if target.is_batch() {
        let stage = target.stage.as_ref().map_or(Stage::Signed, |s| s.value);
        let count = target
            .projects
            .iter()
            .filter(|id| {
                plan.project(&id.value)
                    .is_some_and(|p| reached(p, stage, today))
            })
            .count();
        #[allow(clippy::cast_precision_loss)]
        let listed = target.projects.len() as f64;
        #[allow(clippy::cast_precision_loss)]
        let count = count as f64;
        (
            Some(target.target.as_ref().map_or(listed, |t| t.value)),
            Some(count),
        )
    } else {
        (
            target.target.as_ref().map(|t| t.value),
            target
                .actual
                .as_ref()
                .map(|a| a.value)
                .or_else(|| figure_by(target, today)),
        )
    };
    // An `about` target's band: `tolerance`, else 1 % of the target.
    let band = |g: f64| {
        target
            .tolerance
            .as_ref()
            .map_or(g.abs() / 100.0, |t| t.value)
    };
    let (inside, above) = match (goal, actual) {
        (Some(g), Some(a)) => match target.compare {
            Compare::AtLeast => (cmp6(a, g).is_ge(), false),
            Compare::AtMost => (cmp6(a, g).is_le(), cmp6(a, g).is_gt()),
            Compare::About => {
                // Exactly on the written decimals, rounded to six: |a − g| against the band.
                let exact6 = |x: f64| crate::exact::exact(x).map(|d| crate::exact::round(d, 6));
                match (exact6(a), exact6(g), exact6(band(g))) {
                    (Some(a), Some(g), Some(band)) => {
                        let gap = a - g;
                        (gap.abs() <= band, gap > band)
                    }
                    _ => {
                        let (gap, band) = (round6(a - g), round6(band(g)));
                        (gap.abs() <= band, gap > band)
                    }
                }
            }
        },
        _ => (false, false),
    };
    let due_come = today >= target_due(target, plan.span());
    let met = inside && (target.compare == Compare::AtLeast || due_come);
    let progress = match (goal, actual) {
        (Some(g), Some(a)) if g != 0.0 => Some(a / g * 100.0),
        _ => None,
    };
    TargetFigures {
        target: goal,
        actual,
        met,
        above,
        progress,
    }
}

/// The latest figure of a target's `actuals` for a period that has ended by `day`.
pub fn figure_by(target: &Target, day: NaiveDate) -> Option<f64> {
    target
        .actuals
        .iter()
        .filter(|a| a.period.value.last_day() <= day)
        .max_by_key(|a| (a.period.value.last_day(), a.period.value.is_full_year()))
        .and_then(|a| a.value)
}

/// The earliest missed milestone of a target on `today`, as (its due, its value): `today` is
/// past its due (plus `lag`), and the latest figure for a period ending on or before that due
/// does not reach its value as `compare` says (a milestone of 0 is met without any figure).
pub fn missed_milestone(target: &Target, today: NaiveDate) -> Option<(NaiveDate, f64)> {
    let lag = i64::from(target.lag.as_ref().map_or(0, |l| l.value));
    target.milestones.iter().find_map(|m| {
        let due = m.due.value.day();
        if today <= crate::date::add_days(due, lag) {
            return None;
        }
        let value = m.value.value;
        // Only dated figures count: `actual` alone says nothing of when it was reached.
        let figure = figure_by(target, due);
        let reached = match (figure, target.compare) {
            (None, _) => value == 0.0,
            (Some(f), Compare::AtMost) => cmp6(f, value).is_le(),
            (Some(f), Compare::AtLeast | Compare::About) => cmp6(f, value).is_ge(),
        };
        (!reached).then_some((due, value))
    })
}

/// Where a target stands on the clock's day. A ceiling or an `about` target is `within` or
/// `exceeded` until its deadline; any target is overdue only once `lag` days have passed after
/// its deadline (until then, past its deadline, it is open: its figure is not out yet).
pub fn target_state(target: &Target, plan: &Plan, clock: Clock) -> State {
    let f = target_figures(target, plan, clock.today);
    if f.met {
        return State::Met;
    }
    if !target.milestones.is_empty() && missed_milestone(target, clock.today).is_some() {
        return State::Overdue;
    }
    let due = target_due(target, plan.span());
    let lag = target.lag.as_ref().map_or(0, |l| l.value);
    if clock.today > due {
        return if clock.today > crate::date::add_days(due, i64::from(lag)) {
            State::Overdue
        } else {
            State::Open
        };
    }
    match (target.compare, f.actual) {
        // Before the deadline day only: on it, the figure decides (met, or due today).
        (Compare::AtMost | Compare::About, Some(_)) if clock.today < due && f.above => {
            State::Exceeded
        }
        (Compare::AtMost | Compare::About, Some(_)) if clock.today < due => State::Within,
        _ => clock.open_state(Some(due)),
    }
}

/// Share of the plan year elapsed by the end of `day`, in percent (0 before the year, 100
/// after it).
pub fn year_elapsed(year: PlanYear, day: NaiveDate) -> f64 {
    let (done, total) = year_days(year, day);
    #[allow(clippy::cast_precision_loss)]
    let share = done as f64 / total as f64 * 100.0;
    share
}

/// Days of the plan year elapsed by the end of `day` (0 before it, all after it), and the
/// days of the year.
pub fn year_days(year: PlanYear, day: NaiveDate) -> (i64, i64) {
    let total = (year.last - year.first).num_days() + 1;
    let done = (day - year.first).num_days() + 1;
    (done.clamp(0, total), total.max(1))
}

/// The plan year of `today`, for headers that concern no single plan.
pub fn calendar_year(today: NaiveDate) -> i32 {
    today.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn steps_follow_the_calendar_and_clamp_to_month_end() {
        assert_eq!(step(Every::Week, d(2016, 2, 25)), d(2016, 3, 3));
        assert_eq!(step(Every::HalfMonth, d(2016, 1, 1)), d(2016, 1, 16));
        assert_eq!(step(Every::Month, d(2016, 1, 31)), d(2016, 2, 29));
        assert_eq!(step(Every::Month, d(2015, 1, 31)), d(2015, 2, 28));
        assert_eq!(step(Every::Quarter, d(2016, 11, 30)), d(2017, 2, 28));
        assert_eq!(step(Every::Year, d(2016, 2, 29)), d(2017, 2, 28));
    }

    #[test]
    fn overdue_is_strictly_after_the_due_day() {
        let clock = Clock {
            today: d(2016, 3, 31),
            within: 14,
        };
        assert_eq!(clock.open_state(Some(d(2016, 3, 31))), State::DueSoon);
        assert_eq!(clock.open_state(Some(d(2016, 3, 30))), State::Overdue);
        assert_eq!(clock.open_state(Some(d(2016, 4, 14))), State::DueSoon);
        assert_eq!(clock.open_state(Some(d(2016, 4, 15))), State::Open);
        assert_eq!(clock.open_state(None), State::Open);
    }

    #[test]
    fn year_elapsed_counts_today_and_leap_days() {
        let y2016 = PlanYear::calendar(2016);
        assert!((year_elapsed(y2016, d(2016, 6, 30)) - 182.0 / 366.0 * 100.0).abs() < 1e-9);
        assert!((year_elapsed(y2016, d(2016, 12, 31)) - 100.0).abs() < 1e-9);
        assert!(year_elapsed(y2016, d(2015, 12, 31)).abs() < 1e-9);
        assert!((year_elapsed(y2016, d(2026, 1, 1)) - 100.0).abs() < 1e-9);
    }
}

//! Lights (红黄绿灯) of open tasks and targets: red when overdue, exceeded, or far behind the
//! time elapsed (序时进度); yellow when the deadline is near or the item trails; green
//! otherwise. Done, met and dropped items have none.

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::deadline::{self, Clock, State};
use crate::model::{Area, Compare, ItemRef, Plan};

/// An open item's light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Red,
    Yellow,
    Green,
}

/// How far along an item is, in percent: a task's latest progress report with a `percent`, a
/// numeric target's actual / target (a ceiling or an `about` target has none).
pub fn completion(plan: &Plan, item: ItemRef<'_>, today: NaiveDate) -> Option<f64> {
    match item {
        ItemRef::Task(t) => t
            .common
            .progress
            .iter()
            .filter(|p| p.on.value.day() <= today)
            .filter_map(|p| p.percent.as_ref().map(|x| x.value))
            .next_back(),
        ItemRef::Target(t) if t.compare == Compare::AtLeast && t.milestones.is_empty() => {
            deadline::target_figures(t, plan, today).progress
        }
        ItemRef::Target(_) | ItemRef::Project(_) | ItemRef::Indicator(_) => None,
    }
}

/// The light of an item of `area` in `state` with deadline `due` on the clock's day; `None`
/// for done, met and dropped items, projects and indicators.
pub fn light(
    plan: &Plan,
    area: &Area,
    item: ItemRef<'_>,
    state: State,
    due: Option<NaiveDate>,
    clock: Clock,
) -> Option<Light> {
    if matches!(item, ItemRef::Project(_) | ItemRef::Indicator(_)) {
        return None;
    }
    let start = item.start();
    match state {
        State::Done | State::Met | State::Dropped => return None,
        State::Overdue | State::Exceeded => return Some(Light::Red),
        State::DueSoon | State::Open | State::Within => {}
    }
    let thresholds = plan.lights;
    // Completion against the share of the item's time elapsed, from its start to its due.
    if let (Some(done), Some(due)) = (completion(plan, item, clock.today), due) {
        let first = start.map_or(plan.span().first, |s| s.value.day());
        let total = (due - first).num_days().max(1);
        let spent = (clock.today - first).num_days().clamp(0, total);
        #[allow(clippy::cast_precision_loss)]
        let elapsed = spent as f64 * 100.0 / total as f64;
        let trails = elapsed - done;
        if trails > thresholds.red_pp {
            return Some(Light::Red);
        }
        if trails > thresholds.yellow_pp {
            return Some(Light::Yellow);
        }
    }
    let near = due.is_some_and(|d| {
        d >= clock.today && (d - clock.today).num_days() <= i64::from(thresholds.warn_days)
    });
    let missed = || crate::compute::feedback::missed(plan, area, item, state, clock.today);
    Some(if near || missed().is_some() {
        Light::Yellow
    } else {
        Light::Green
    })
}

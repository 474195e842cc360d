//! Notices (督办通知单): one per lead unit with red or yellow items, numbered `YEAR-NNN` in the
//! order the units first appear in the plans, so that the same day gives the same numbers.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::compute::deadline::{Clock, State};
use crate::compute::filter::{Filter, units_of};
use crate::compute::light::Light;
use crate::compute::report::deadline_state;
use crate::model::Workspace;

/// One item of a notice.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeItem<'a> {
    pub plan: &'a str,
    #[serde(skip)]
    pub plan_title: &'a str,
    pub area: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    #[serde(serialize_with = "crate::compute::report::ymd_opt")]
    pub due: Option<NaiveDate>,
    pub light: Light,
    /// Days past the deadline, for an overdue item.
    pub days_overdue: Option<i64>,
    /// The latest progress report on or before today: its day and text.
    #[serde(serialize_with = "crate::compute::report::ymd_opt")]
    pub progress_on: Option<NaiveDate>,
    pub progress: Option<&'a str>,
}

/// One notice: its number, the unit, where it goes, and the unit's red and yellow items.
#[derive(Debug, Clone, Serialize)]
pub struct Notice<'a> {
    pub number: String,
    pub unit: &'a str,
    /// The unit's address (`[owners."NAME"] email`), if the plans give one.
    pub email: Option<&'a str>,
    #[serde(serialize_with = "crate::compute::report::ymd")]
    pub date: NaiveDate,
    #[serde(serialize_with = "crate::compute::report::ymd")]
    pub reply_by: NaiveDate,
    /// Who issues it: the `org` of the first plan with an item in it.
    pub org: Option<&'a str>,
    pub items: Vec<NoticeItem<'a>>,
}

/// The notices of the day: every lead unit (a collective unit as each of its members) with
/// red or yellow open tasks and targets, red items first, then in file order. Units are
/// numbered before `--owner` picks among them, so a unit's number is the same either way.
pub fn notices<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    clock: Clock,
    reply_by: NaiveDate,
) -> Vec<Notice<'a>> {
    let wanted = filter.owner.as_deref();
    let filter = &Filter {
        owner: None,
        ..filter.clone()
    };
    let mut out: Vec<Notice<'a>> = Vec::new();
    for plan in ws.plans.iter().filter(|p| filter.plan(p)) {
        for area in plan.areas.iter().filter(|a| filter.area(a)) {
            for item in area.items().filter(|i| filter.item(plan, area, *i)) {
                let Some((due, state)) = deadline_state(plan, item, clock) else {
                    continue;
                };
                let light = crate::compute::light::light(plan, area, item, state, due, clock);
                let Some(light @ (Light::Red | Light::Yellow)) = light else {
                    continue;
                };
                let c = item.common();
                let latest = c.latest_progress(clock.today);
                let row = NoticeItem {
                    plan: &plan.id.value,
                    plan_title: &plan.title,
                    area: &area.id.value,
                    id: &c.id.value,
                    title: &c.title,
                    due,
                    light,
                    days_overdue: match (state, due) {
                        (State::Overdue, Some(d)) => Some((clock.today - d).num_days()),
                        _ => None,
                    },
                    progress_on: latest.map(|p| p.on.value.day()),
                    progress: latest.map(|p| p.text.as_str()),
                };
                for unit in units_of(plan, area, item) {
                    match out.iter_mut().find(|n| n.unit == unit) {
                        Some(n) => n.items.push(row.clone()),
                        None => out.push(Notice {
                            number: String::new(),
                            unit,
                            email: ws
                                .plans
                                .iter()
                                .flat_map(|p| &p.emails)
                                .find(|(name, _)| name == unit)
                                .map(|(_, e)| e.value.as_str()),
                            date: clock.today,
                            reply_by,
                            org: plan.org.as_deref(),
                            items: vec![row.clone()],
                        }),
                    }
                }
            }
        }
    }
    for (i, n) in out.iter_mut().enumerate() {
        n.number = format!("{}-{:03}", clock.today.year(), i + 1);
        // Red first; the sort is stable, so file order stays within a colour.
        n.items.sort_by_key(|r| r.light != Light::Red);
    }
    // `--owner`: that unit's notice, or its members' for a collective unit.
    if let Some(o) = wanted {
        out.retain(|n| n.unit == o || ws.plans.iter().any(|p| p.units(o).contains(&n.unit)));
    }
    out
}

//! The rows of an exported ledger (台账): every task and target in file order, each sub-item
//! after its parent, with its numbering depth, lead units, deadline as written, status, light
//! and latest progress.

use chrono::NaiveDate;

use crate::compute::deadline::{Clock, State};
use crate::compute::filter::{Filter, leaders_of, owners_of};
use crate::compute::light::Light;
use crate::compute::report::deadline_state;
use crate::model::{Area, Every, ItemPos, ItemRef, Kind, Plan, TaskStatus, Workspace};

/// A deadline as a ledger writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// A day (a period's last day).
    Day(NaiveDate),
    /// A recurring duty: its interval, and the day and month it is fixed to.
    Every {
        every: Every,
        day: Option<u32>,
        month: Option<u32>,
    },
    /// Work that never finishes.
    Ongoing,
    None,
}

/// Where a task or target stands, in the ledger's status column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Task(TaskStatus),
    /// A target: met or not.
    Target {
        met: bool,
    },
}

/// One row of the items sheet.
#[derive(Debug, Clone)]
pub struct LedgerRow<'a> {
    pub plan: &'a str,
    pub area_title: &'a str,
    /// 0 for a top item, 1 for its sub-items, and so on.
    pub depth: usize,
    /// Its place among its siblings, from 1.
    pub number: usize,
    pub kind: Kind,
    pub title: &'a str,
    pub owners: &'a [String],
    pub with: &'a [String],
    pub leaders: &'a [String],
    pub due: Due,
    pub status: Status,
    pub light: Option<Light>,
    /// The latest progress report on or before today: its day and text.
    pub latest: Option<(NaiveDate, &'a str)>,
}

/// Every task and target of the plans that pass `filter`, area by area, sub-items after their
/// parents.
pub fn rows<'a>(ws: &'a Workspace, filter: &Filter, clock: Clock) -> Vec<LedgerRow<'a>> {
    let mut out = Vec::new();
    for plan in ws.plans.iter().filter(|p| filter.plan(p)) {
        for (a, area) in plan.areas.iter().enumerate() {
            if !filter.area(area) {
                continue;
            }
            // Tasks and targets in the order they are written.
            let mut items: Vec<(ItemPos, ItemRef<'a>)> = area
                .tasks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        ItemPos {
                            area: a,
                            kind: Kind::Task,
                            index: i,
                        },
                        ItemRef::Task(t),
                    )
                })
                .chain(area.targets.iter().enumerate().map(|(i, t)| {
                    (
                        ItemPos {
                            area: a,
                            kind: Kind::Target,
                            index: i,
                        },
                        ItemRef::Target(t),
                    )
                }))
                .collect();
            items.sort_by_key(|(_, i)| i.common().span.start);
            let mut number = 0;
            for (_, item) in items.iter().filter(|(_, i)| i.parent().is_none()) {
                number += 1;
                walk(plan, area, *item, 0, number, filter, clock, &mut out);
            }
        }
    }
    out
}

/// An item and, after it, its sub-items (nesting deeper than 32 levels is a cycle: cut).
#[allow(clippy::too_many_arguments)]
fn walk<'a>(
    plan: &'a Plan,
    area: &'a Area,
    item: ItemRef<'a>,
    depth: usize,
    number: usize,
    filter: &Filter,
    clock: Clock,
    out: &mut Vec<LedgerRow<'a>>,
) {
    if depth > 32 {
        return;
    }
    let subs: &[ItemPos] = match item {
        ItemRef::Task(t) => &t.sub_items,
        ItemRef::Target(t) => &t.sub_items,
        ItemRef::Project(_) | ItemRef::Indicator(_) => &[],
    };
    if filter.item(plan, area, item) {
        out.push(row(plan, area, item, depth, number, clock));
    }
    for (i, pos) in subs.iter().enumerate() {
        if let Some(sub) = plan.at(*pos) {
            let sub_area = plan.areas.get(pos.area).unwrap_or(area);
            walk(plan, sub_area, sub, depth + 1, i + 1, filter, clock, out);
        }
    }
}

fn row<'a>(
    plan: &'a Plan,
    area: &'a Area,
    item: ItemRef<'a>,
    depth: usize,
    number: usize,
    clock: Clock,
) -> LedgerRow<'a> {
    let c = item.common();
    let dated = deadline_state(plan, item, clock);
    let state = dated.map_or(State::Open, |(_, s)| s);
    let due = match item {
        ItemRef::Task(t) if t.ongoing => Due::Ongoing,
        ItemRef::Task(t) => match &t.every {
            Some(every) => Due::Every {
                every: every.value,
                day: t.day.as_ref().map(|d| d.value),
                month: t.month.as_ref().map(|m| m.value),
            },
            None => t
                .due
                .as_ref()
                .map_or(Due::None, |d| Due::Day(d.value.day())),
        },
        ItemRef::Target(t) => Due::Day(crate::compute::deadline::target_due(t, plan.span())),
        ItemRef::Project(_) | ItemRef::Indicator(_) => Due::None,
    };
    let status = match item {
        ItemRef::Task(t) => Status::Task(t.status),
        _ => Status::Target {
            met: state == State::Met,
        },
    };
    let light = dated
        .and_then(|(due, state)| crate::compute::light::light(plan, area, item, state, due, clock));
    LedgerRow {
        plan: &plan.id.value,
        area_title: &area.title,
        depth,
        number,
        kind: item.kind(),
        title: &c.title,
        owners: owners_of(area, item),
        with: &c.with,
        leaders: leaders_of(area, item),
        due,
        status,
        light,
        latest: c
            .latest_progress(clock.today)
            .map(|p| (p.on.value.day(), p.text.as_str())),
    }
}

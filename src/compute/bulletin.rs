//! The report people read (`plan report`): for each plan, where every area stands (key areas
//! first), what is overdue and due soon, the targets with their progress and the indicators
//! against their targets. Built from the same rows as the listings, so the figures agree.

use chrono::NaiveDate;

use crate::compute::deadline::State;
use crate::compute::deadline::{self, Clock};
use crate::compute::filter::Filter;
use crate::compute::indicators::{self, IndicatorRow, IndicatorStatus};
use crate::compute::light::Light;
use crate::compute::report::{self, AreaStatus, DatedRow, ItemRow, Listed};
use crate::model::Workspace;

/// One plan's part of the report.
#[derive(Debug)]
pub struct PlanBulletin<'a> {
    pub id: String,
    pub title: String,
    pub year: i32,
    /// The first and last day of a plan whose year is not the calendar year (`start`).
    pub fiscal: Option<crate::model::PlanYear>,
    /// Share of the plan year elapsed on `today`, in percent.
    pub year_elapsed: f64,
    /// Key areas first, then the others, each group in file order.
    pub areas: Vec<AreaStatus>,
    pub overdue: Listed<DatedRow<'a>>,
    pub due_soon: Listed<DatedRow<'a>>,
    pub targets: Vec<ItemRow>,
    pub indicators: Vec<IndicatorRow>,
    /// Open tasks and targets with a red or yellow light or a progress report: red first,
    /// then yellow, then green, each in file order, with the latest report.
    pub watched: Vec<Watched>,
    /// The plan closes in two steps (`verify`).
    pub verify: bool,
    /// Done tasks and met targets awaiting verification (待销号).
    pub awaiting: Vec<ItemRow>,
    /// The scoreboard by lead unit (通报).
    pub scoreboard: Vec<report::OwnerRow>,
}

/// An open item with its light and latest progress report.
#[derive(Debug)]
pub struct Watched {
    pub row: ItemRow,
    /// The day and text of its latest progress report on or before today.
    pub latest: Option<(NaiveDate, String)>,
}

/// One plan's totals, for the overview of a report over several plans.
#[derive(Debug, Clone, Default)]
pub struct PlanTotals {
    pub id: String,
    pub title: String,
    pub tasks_done: usize,
    pub tasks_total: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub targets_met: usize,
    pub targets_total: usize,
    pub red: usize,
    pub yellow: usize,
}

/// The whole report.
#[derive(Debug)]
pub struct Bulletin<'a> {
    /// With more than one plan: each plan's totals and the lead units ranked over them all,
    /// before the plans themselves.
    pub overview: Option<(Vec<PlanTotals>, Vec<report::OwnerRow>)>,
    pub today: NaiveDate,
    pub within: i64,
    /// Rows shown per list (0: every row); the rest are counted as "and N more".
    pub limit: usize,
    /// The plans shown in full, in order.
    pub plans: Vec<PlanBulletin<'a>>,
    /// How many plans pass the filter: past `plans`, the overview stands for the rest.
    pub plans_total: usize,
}

/// The report (`plan report`) of the plans that pass the filter, on the clock's day; the
/// overview comes with several plans, or when `overview` asks for it (a site's index). Only
/// the first `in_full` plans (0: all) are made in full, on all cores; the others count only in
/// the overview.
pub fn bulletin<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    clock: Clock,
    limit: usize,
    in_full: usize,
    overview: bool,
) -> Bulletin<'a> {
    let chosen: Vec<&'a crate::model::Plan> = ws.plans.iter().filter(|p| filter.plan(p)).collect();
    let shown = if in_full == 0 {
        chosen.len()
    } else {
        in_full.min(chosen.len())
    };
    let one = |plan: &crate::model::Plan| {
        let mut one = filter.clone();
        one.plan = Some(plan.id.value.clone());
        one
    };
    // Key areas (重点) first; the sort is stable.
    let areas_of = |one: &Filter| {
        let mut areas = report::status(ws, one, clock)
            .plans
            .into_iter()
            .flat_map(|p| p.areas)
            .collect::<Vec<_>>();
        areas.sort_by_key(|a| !a.key);
        areas
    };
    let plans: Vec<PlanBulletin<'a>> = crate::par::map(&chosen[..shown], |&plan| {
        let one = one(plan);
        in_full_of(ws, plan, &one, clock, areas_of(&one))
    });
    let overview = (overview || chosen.len() > 1).then(|| {
        let rest: Vec<(&crate::model::Plan, Vec<AreaStatus>)> =
            crate::par::map(&chosen[shown..], |&plan| (plan, areas_of(&one(plan))));
        let totals = plans
            .iter()
            .map(|p| (p.id.as_str(), p.title.as_str(), p.areas.as_slice()))
            .chain(
                rest.iter()
                    .map(|(p, a)| (p.id.value.as_str(), p.title.as_str(), a.as_slice())),
            )
            .map(|(id, title, areas)| {
                let mut t = PlanTotals {
                    id: id.to_string(),
                    title: title.to_string(),
                    ..PlanTotals::default()
                };
                for a in areas {
                    t.tasks_done += a.tasks_done;
                    t.tasks_total += a.tasks_total;
                    t.overdue += a.overdue;
                    t.due_soon += a.due_soon;
                    t.targets_met += a.targets_met;
                    t.targets_total += a.targets_total;
                    t.red += a.red;
                    t.yellow += a.yellow;
                }
                t
            })
            .collect();
        (totals, report::owners(ws, filter, clock, report::By::Unit))
    });
    Bulletin {
        today: clock.today,
        within: clock.within,
        limit,
        overview,
        plans,
        plans_total: chosen.len(),
    }
}

/// One plan's part of the report, in full; `one` keeps only this plan.
fn in_full_of<'a>(
    ws: &'a Workspace,
    plan: &'a crate::model::Plan,
    one: &Filter,
    clock: Clock,
    areas: Vec<AreaStatus>,
) -> PlanBulletin<'a> {
    // Every item's row once, beside the item it was made from.
    let items: Vec<(ItemRow, Option<(NaiveDate, String)>)> = one
        .items(ws)
        .map(|(plan, area, item)| {
            let latest = item
                .common()
                .latest_progress(clock.today)
                .map(|p| (p.on.value.day(), p.text.clone()));
            (report::item_row(ws, plan, area, item, clock), latest)
        })
        .collect();
    let mut targets: Vec<ItemRow> = items
        .iter()
        .filter(|(r, _)| r.kind == crate::model::Kind::Target)
        .map(|(r, _)| r.clone())
        .collect();
    // Binding (约束性) targets that are overdue or exceeded come first; stable.
    targets.sort_by_key(|r| {
        !(r.binding
            && matches!(
                r.state,
                report::ItemState::Dated(State::Overdue | State::Exceeded)
            ))
    });
    let awaiting = items
        .iter()
        .filter(|(r, _)| r.awaiting_verification)
        .map(|(r, _)| r.clone())
        .collect();
    let mut watched: Vec<Watched> = items
        .into_iter()
        .filter(|(r, latest)| {
            r.light.is_some()
                && r.sub_items.is_empty()
                && (latest.is_some() || r.light != Some(Light::Green))
        })
        .map(|(row, latest)| Watched { row, latest })
        .collect();
    watched.sort_by_key(|w| w.row.light.map(|l| l as u8));
    let mut indicators = indicators::rows(ws, one, clock.today);
    // Binding indicators that are behind come first. (Sub-indicators stay after their parent
    // only when neither moves.)
    indicators.sort_by_key(|r| !(r.binding && r.status == IndicatorStatus::Behind));
    PlanBulletin {
        id: plan.id.value.clone(),
        title: plan.title.clone(),
        year: plan.year,
        fiscal: plan.start.as_ref().map(|_| plan.span()),
        year_elapsed: deadline::year_elapsed(plan.span(), clock.today),
        areas,
        overdue: report::overdue(ws, one, clock),
        due_soon: report::upcoming(ws, one, clock),
        targets,
        indicators,
        watched,
        verify: plan.verify,
        awaiting,
        scoreboard: report::owners(ws, one, clock, report::By::Unit),
    }
}

/// One area's page of a report site: its plan (by position among the plans that pass the
/// filter), its title and its items.
pub struct AreaItems<'a> {
    pub plan: usize,
    pub title: &'a str,
    pub rows: Vec<ItemRow>,
}

/// One lead unit's page of a report site: its tasks and targets (groups counted through their
/// sub-items; a collective unit's items under each member).
pub struct UnitItems {
    pub name: String,
    pub rows: Vec<ItemRow>,
}

/// The pages of a report site below the plans': every area's items, and the items of each of
/// `units` (the lead units ranked, in that order). One pass over the items.
pub fn site_pages<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    clock: Clock,
    units: &[report::OwnerRow],
) -> (Vec<AreaItems<'a>>, Vec<UnitItems>) {
    let mut areas: Vec<AreaItems<'a>> = Vec::new();
    let mut by_unit: rustc_hash::FxHashMap<&str, Vec<ItemRow>> = rustc_hash::FxHashMap::default();
    for (p, plan) in ws.plans.iter().filter(|p| filter.plan(p)).enumerate() {
        for area in plan.areas.iter().filter(|a| filter.area(a)) {
            let mut rows = Vec::new();
            for item in area.items().filter(|i| filter.item(plan, area, *i)) {
                let row = report::item_row(ws, plan, area, item, clock);
                if matches!(
                    item,
                    crate::model::ItemRef::Task(_) | crate::model::ItemRef::Target(_)
                ) && !item.is_group()
                {
                    for unit in crate::compute::filter::units_of(plan, area, item) {
                        by_unit.entry(unit).or_default().push(row.clone());
                    }
                }
                rows.push(row);
            }
            areas.push(AreaItems {
                plan: p,
                title: &area.title,
                rows,
            });
        }
    }
    let units = units
        .iter()
        .filter_map(|r| r.who.name())
        .map(|name| UnitItems {
            name: name.to_string(),
            rows: by_unit.remove(name).unwrap_or_default(),
        })
        .collect();
    (areas, units)
}

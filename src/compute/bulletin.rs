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
    pub plans: Vec<PlanBulletin<'a>>,
}

/// The report (`plan report`) of the plans that pass the filter, on the clock's day; the
/// overview comes with several plans, or when `overview` asks for it (a site's index).
pub fn bulletin<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    clock: Clock,
    limit: usize,
    overview: bool,
) -> Bulletin<'a> {
    let plans: Vec<PlanBulletin<'a>> = ws
        .plans
        .iter()
        .filter(|p| filter.plan(p))
        .map(|plan| {
            let mut one = filter.clone();
            one.plan = Some(plan.id.value.clone());
            let mut areas = report::status(ws, &one, clock)
                .plans
                .into_iter()
                .flat_map(|p| p.areas)
                .collect::<Vec<_>>();
            // Key areas (重点) first; the sort is stable.
            areas.sort_by_key(|a| !a.key);
            let mut targets: Vec<_> = report::items(ws, &one, clock)
                .into_iter()
                .filter(|r| r.kind == crate::model::Kind::Target)
                .collect();
            // Binding (约束性) targets that are overdue or exceeded come first; stable.
            targets.sort_by_key(|r| {
                !(r.binding
                    && matches!(
                        r.state,
                        report::ItemState::Dated(State::Overdue | State::Exceeded)
                    ))
            });
            let rows = report::items(ws, &one, clock);
            let latest = |r: &ItemRow| {
                let area = plan.areas.iter().find(|a| a.id.value == r.area)?;
                let item = area.items().find(|i| i.common().id.value == r.id)?;
                item.common()
                    .progress
                    .iter()
                    .filter(|p| p.on.value.day() <= clock.today)
                    .max_by_key(|p| p.on.value.day())
                    .map(|p| (p.on.value.day(), p.text.clone()))
            };
            let mut watched: Vec<Watched> = rows
                .iter()
                .filter(|r| r.light.is_some() && r.sub_items.is_empty())
                .map(|r| Watched {
                    latest: latest(r),
                    row: r.clone(),
                })
                .filter(|w| w.latest.is_some() || w.row.light != Some(Light::Green))
                .collect();
            watched.sort_by_key(|w| w.row.light.map(|l| l as u8));
            let awaiting = rows
                .into_iter()
                .filter(|r| r.awaiting_verification)
                .collect();
            let mut indicators = indicators::rows(ws, &one, clock.today);
            // Binding indicators that are behind come first. (Sub-indicators stay after their
            // parent only when neither moves.)
            indicators.sort_by_key(|r| !(r.binding && r.status == IndicatorStatus::Behind));
            PlanBulletin {
                id: plan.id.value.clone(),
                title: plan.title.clone(),
                year: plan.year,
                fiscal: plan.start.as_ref().map(|_| plan.span()),
                year_elapsed: deadline::year_elapsed(plan.span(), clock.today),
                areas,
                overdue: report::overdue(ws, &one, clock),
                due_soon: report::upcoming(ws, &one, clock),
                targets,
                indicators,
                watched,
                verify: plan.verify,
                awaiting,
                scoreboard: report::owners(ws, &one, clock, report::By::Unit),
            }
        })
        .collect();
    let overview = (overview || plans.len() > 1).then(|| {
        let totals = plans
            .iter()
            .map(|p: &PlanBulletin<'_>| {
                let mut t = PlanTotals {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    ..PlanTotals::default()
                };
                for a in &p.areas {
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
    }
}

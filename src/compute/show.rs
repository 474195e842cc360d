//! `plan show ID`: everything known about one item, as data.

use serde::Serialize;

use crate::compute::deadline::{self, Clock};
use crate::compute::indicators::{self, IndicatorStatus, PriorSource};

use crate::compute::report::{self, ItemRow};
use crate::date::Period;
use crate::model::{
    Area, Compare, DateSpec, Delay, Direction, Every, ItemRef, Plan, Stage, TaskStatus, Workspace,
};

/// One item in full. `row` holds the fields every listing has.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    #[serde(flatten)]
    pub row: ItemRow,
    pub plan_title: String,
    pub area_title: String,
    /// Where the item is defined: `file:line`.
    pub defined_at: String,
    pub with: Vec<String>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// What proves it done (tasks and targets).
    pub evidence_required: Option<String>,
    /// The evidence given when it was verified: paths and links, as written.
    pub evidence: Vec<String>,
    /// Progress reports, oldest first.
    pub progress: Vec<ProgressOut>,
    /// The fields of the item's kind.
    pub details: Details,
}

/// The fields of an item's kind.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Details {
    Task(TaskDetails),
    Target(TargetDetails),
    Project(ProjectDetails),
    Indicator(IndicatorDetails),
}

/// One postponement, as written.
/// One progress report, as written.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressOut {
    pub on: String,
    pub text: String,
    pub percent: Option<f64>,
    pub by: Option<String>,
}

/// One postponement, as written.
#[derive(Debug, Clone, Serialize)]
pub struct DelayOut {
    pub from: String,
    pub to: String,
    pub on: Option<String>,
    pub reason: Option<String>,
    pub approved_by: Option<String>,
}

/// A task's fields.
#[derive(Debug, Clone, Serialize)]
pub struct TaskDetails {
    pub status: TaskStatus,
    /// The deadline as written (`2016-03`, `2016-03-31`, ...).
    pub due_written: Option<String>,
    pub every: Option<Every>,
    pub last: Option<String>,
    /// Work that never finishes (长期坚持).
    pub ongoing: bool,
    pub delays: Vec<DelayOut>,
}

/// A project a batch target counts, and whether it has reached the target's stage.
#[derive(Debug, Clone, Serialize)]
pub struct BatchProject {
    pub id: String,
    pub title: String,
    pub stage: Option<Stage>,
    /// Whether it has reached the target's stage by today.
    pub reached: bool,
}

/// A target's fields.
#[derive(Debug, Clone, Serialize)]
pub struct TargetDetails {
    pub compare: Compare,
    /// The band of an `about` target (given, else 1 % of the target).
    pub tolerance: Option<f64>,
    pub met: bool,
    /// The deadline as written; `null` means the end of the plan year.
    pub due_written: Option<String>,
    /// Batch targets: the stage counted and the listed projects.
    pub stage: Option<Stage>,
    pub projects: Vec<BatchProject>,
    pub delays: Vec<DelayOut>,
}

/// The day a project reached a stage, as written.
#[derive(Debug, Clone, Serialize)]
pub struct StageDate {
    pub stage: Stage,
    pub date: String,
}

/// A project's fields.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectDetails {
    pub stage: Stage,
    pub investment: Option<f64>,
    pub money_unit: String,
    pub stage_dates: Vec<StageDate>,
    /// Ids of the batch targets that list this project.
    pub counted_by: Vec<String>,
}

/// One reported period of an indicator, with its prior and growth.
#[derive(Debug, Clone, Serialize)]
pub struct ActualOut {
    pub period: String,
    pub value: Option<f64>,
    pub prior: Option<f64>,
    pub growth: Option<f64>,
    pub growth_reported: bool,
    pub provisional: bool,
}

/// An indicator's fields and figures.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorDetails {
    pub direction: Direction,
    pub parent: Option<String>,
    pub children: Vec<String>,
    pub prior: Option<f64>,
    /// `given`, `previous_plan`, `implied` or `none`.
    pub prior_source: PriorSource,
    pub target: Option<f64>,
    pub target_growth: Option<f64>,
    pub period: Option<String>,
    pub value: Option<f64>,
    pub growth: Option<f64>,
    pub gap_pp: Option<f64>,
    pub completion: Option<f64>,
    pub status: IndicatorStatus,
    pub actuals: Vec<ActualOut>,
}

fn written(d: &DateSpec) -> String {
    d.written.to_string()
}

fn delays(list: &[Delay]) -> Vec<DelayOut> {
    list.iter()
        .map(|d| DelayOut {
            from: written(&d.from.value),
            to: written(&d.to.value),
            on: d.on.as_ref().map(written),
            reason: d.reason.clone(),
            approved_by: d.approved_by.clone(),
        })
        .collect()
}

/// Find `id` (in `plan`, when given). `Err` holds the plans it is in when ambiguous.
pub fn find<'a>(
    ws: &'a Workspace,
    id: &str,
    plan: Option<&str>,
) -> Result<Option<(&'a Plan, &'a Area, ItemRef<'a>)>, Vec<String>> {
    let hits: Vec<_> = ws
        .plans
        .iter()
        .filter(|p| plan.is_none_or(|want| p.id.value == want))
        .flat_map(|p| p.items().map(move |(a, i)| (p, a, i)))
        .filter(|(_, _, i)| i.common().id.value == id)
        .collect();
    match hits.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        many => Err(many.iter().map(|(p, _, _)| p.id.value.clone()).collect()),
    }
}

/// Everything known about `item` on the clock's day.
pub fn show(ws: &Workspace, plan: &Plan, area: &Area, item: ItemRef<'_>, clock: Clock) -> Shown {
    let c = item.common();
    let lc = ws.sources.line_col(c.span);
    let details = match item {
        ItemRef::Task(t) => Details::Task(TaskDetails {
            status: t.status,
            due_written: t.due.as_ref().map(|d| written(&d.value)),
            every: t.every.as_ref().map(|e| e.value),
            last: t.last.as_ref().map(|d| written(&d.value)),
            ongoing: t.ongoing,
            delays: delays(&t.delays),
        }),
        ItemRef::Target(t) => {
            let stage = t.stage.as_ref().map(|s| s.value);
            let projects = t
                .projects
                .iter()
                .map(|id| {
                    let p = plan.project(&id.value);
                    BatchProject {
                        id: id.value.clone(),
                        title: p.map(|p| p.common.title.clone()).unwrap_or_default(),
                        stage: p.map(|p| p.stage.value),
                        reached: match (p, stage) {
                            (Some(p), Some(s)) => deadline::reached(p, s, clock.today),
                            _ => false,
                        },
                    }
                })
                .collect();
            Details::Target(TargetDetails {
                compare: t.compare,
                tolerance: (t.compare == Compare::About).then(|| {
                    t.tolerance.as_ref().map_or_else(
                        || t.target.as_ref().map_or(0.0, |g| g.value.abs() / 100.0),
                        |x| x.value,
                    )
                }),
                met: deadline::target_figures(t, plan, clock.today).met,
                due_written: t.due.as_ref().map(|d| written(&d.value)),
                stage,
                projects,
                delays: delays(&t.delays),
            })
        }
        ItemRef::Project(p) => Details::Project(ProjectDetails {
            stage: p.stage.value,
            investment: p.investment,
            money_unit: plan.money_unit.clone(),
            stage_dates: p
                .stage_dates
                .iter()
                .map(|(s, d)| StageDate {
                    stage: *s,
                    date: written(&d.value),
                })
                .collect(),
            counted_by: plan
                .areas
                .iter()
                .flat_map(|a| &a.targets)
                .filter(|t| t.projects.iter().any(|id| id.value == c.id.value))
                .map(|t| t.common.id.value.clone())
                .collect(),
        }),
        ItemRef::Indicator(i) => {
            let f = indicators::figures(i, plan, ws, clock.today);
            Details::Indicator(IndicatorDetails {
                direction: i.direction,
                parent: i.parent.as_ref().map(|p| p.value.clone()),
                children: plan
                    .areas
                    .iter()
                    .flat_map(|a| &a.indicators)
                    .filter(|x| x.parent.as_ref().is_some_and(|p| p.value == c.id.value))
                    .map(|x| x.common.id.value.clone())
                    .collect(),
                prior: f.prior,
                prior_source: f.prior_source,
                target: f.target,
                target_growth: f.target_growth,
                period: f.period.map(|p: Period| p.to_string()),
                value: f.value,
                growth: f.growth,
                gap_pp: f.gap_pp,
                completion: f.completion,
                status: f.status,
                actuals: i
                    .actuals
                    .iter()
                    .map(|a| {
                        let prior = a
                            .prior
                            .or_else(|| a.period.value.is_full_year().then_some(f.prior).flatten());
                        ActualOut {
                            period: a.period.value.to_string(),
                            value: a.value,
                            prior,
                            growth: a.growth.or_else(|| indicators::growth(a.value?, prior?)),
                            growth_reported: a.growth.is_some(),
                            provisional: a.provisional,
                        }
                    })
                    .collect(),
            })
        }
    };
    Shown {
        row: report::item_row(ws, plan, area, item, clock),
        plan_title: plan.title.clone(),
        area_title: area.title.clone(),
        defined_at: format!("{}:{}", ws.sources.get(c.span.file).display, lc.line),
        with: c.with.clone(),
        tags: c.tags.clone(),
        note: c.note.clone(),
        evidence_required: c.evidence_required.clone(),
        evidence: c.evidence.iter().map(|e| e.value.clone()).collect(),
        progress: c
            .progress
            .iter()
            .map(|p| ProgressOut {
                on: written(&p.on.value),
                text: p.text.clone(),
                percent: p.percent.as_ref().map(|x| x.value),
                by: p.by.clone(),
            })
            .collect(),
        details,
    }
}

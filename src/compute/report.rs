//! Report rows built from (workspace, filter, clock). Each row type is `Serialize`, and its
//! field names are the JSON contract (docs/format.md lists them).

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::compute::deadline::{self, Clock, State};
use crate::compute::indicators::{self, IndicatorStatus};
use crate::model::{Area, Compare, ItemRef, Kind, Plan, Stage, Workspace};

use crate::compute::filter::{Filter, leaders_of, owner_of, owners_of, units_of};
use crate::compute::light::Light;

/// A date as `YYYY-MM-DD` in JSON.
pub fn ymd<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::date::ymd(*d))
}

/// A date as `YYYY-MM-DD`, or `null`.
pub fn ymd_opt<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => ymd(d, s),
        None => s.serialize_none(),
    }
}

/// The deadline and state of a task or target; `None` for projects and indicators.
pub fn deadline_state(
    plan: &Plan,
    item: ItemRef<'_>,
    clock: Clock,
) -> Option<(Option<NaiveDate>, State)> {
    match item {
        // A group (an item with sub-items) is done when every sub-item is done, met or dropped.
        ItemRef::Task(t) if t.is_group() => {
            let due = deadline::task_due(t, plan.span());
            Some((
                due,
                group_state(plan, &t.sub_items, due, State::Done, clock, 0),
            ))
        }
        ItemRef::Target(t) if t.is_group() => {
            let due = deadline::target_due(t, plan.span());
            Some((
                Some(due),
                group_state(plan, &t.sub_items, Some(due), State::Met, clock, 0),
            ))
        }
        ItemRef::Task(t) => Some((
            deadline::task_due(t, plan.span()),
            deadline::task_state(t, plan.span(), clock),
        )),
        // A missed milestone is the deadline that made the target overdue.
        ItemRef::Target(t) => {
            let state = deadline::target_state(t, plan, clock);
            let milestone = match (t.milestones.is_empty(), state) {
                (false, State::Overdue) => deadline::missed_milestone(t, clock.today),
                _ => None,
            };
            let due = milestone.map_or_else(|| deadline::target_due(t, plan.span()), |(d, _)| d);
            Some((Some(due), state))
        }
        ItemRef::Project(_) | ItemRef::Indicator(_) => None,
    }
}

/// The state of a group: `finished` when every sub-item is done, met or dropped, else open
/// against the group's own deadline. Nesting deeper than 32 levels (a cycle) counts as open.
fn group_state(
    plan: &Plan,
    subs: &[crate::model::ItemPos],
    due: Option<NaiveDate>,
    finished: State,
    clock: Clock,
    depth: usize,
) -> State {
    let done = depth < 32
        && subs.iter().all(|pos| {
            let state = match plan.at(*pos) {
                Some(ItemRef::Task(t)) if t.is_group() => group_state(
                    plan,
                    &t.sub_items,
                    deadline::task_due(t, plan.span()),
                    State::Done,
                    clock,
                    depth + 1,
                ),
                Some(ItemRef::Target(t)) if t.is_group() => group_state(
                    plan,
                    &t.sub_items,
                    Some(deadline::target_due(t, plan.span())),
                    State::Met,
                    clock,
                    depth + 1,
                ),
                Some(item) => deadline_state(plan, item, clock).map_or(State::Open, |(_, s)| s),
                None => State::Open,
            };
            matches!(state, State::Done | State::Met | State::Dropped)
        });
    if done {
        finished
    } else {
        clock.open_state(due)
    }
}

/// Done or met in a plan that closes in two steps (`verify`), and not yet `verified`: awaiting
/// the office's verification (待销号).
pub fn awaiting_verification(plan: &Plan, item: ItemRef<'_>, state: State) -> bool {
    plan.verify
        && matches!(state, State::Done | State::Met)
        && matches!(item, ItemRef::Task(_) | ItemRef::Target(_))
        && item.common().verified.is_none()
}

/// Whether an item is a group: its sub-items are counted, not it.
pub fn is_group(item: ItemRef<'_>) -> bool {
    item.is_group()
}

/// One row of `plan overdue` or `plan upcoming`: a dated item, its deadline, and the days past
/// it or left to it.
#[derive(Debug, Clone, Serialize)]
pub struct DatedRow<'a> {
    pub plan: &'a str,
    pub area: &'a str,
    /// The area's title, for tables (JSON names the area by its id).
    #[serde(skip)]
    pub area_title: &'a str,
    pub id: &'a str,
    /// A task or a target.
    pub kind: Kind,
    pub title: &'a str,
    pub owner: Option<&'a str>,
    #[serde(serialize_with = "ymd")]
    pub due: NaiveDate,
    /// `days_overdue` or `days_left` in JSON.
    #[serde(flatten)]
    pub days: Days,
    /// Every lead unit, as written (the item's, else its area's); `owner` is the first.
    pub owners: &'a [String],
    /// Every responsible leader (the item's, else its area's).
    pub leaders: &'a [String],
    /// For a target overdue by a missed milestone: the milestone's value (`due` is its date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<f64>,
    /// `red` when overdue; for a row due soon, `yellow` or `red`.
    pub light: Option<Light>,
}

/// Days past a deadline or left to it, named in JSON as the contract names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Days {
    /// `today − due` (at least 1).
    #[serde(rename = "days_overdue")]
    Overdue(i64),
    /// `due − today` (0 = due today).
    #[serde(rename = "days_left")]
    Left(i64),
}

impl Days {
    /// The number of days, late or left.
    pub fn count(self) -> i64 {
        match self {
            Days::Overdue(n) | Days::Left(n) => n,
        }
    }
}

/// The plans that pass the filter.
fn plans<'a>(ws: &'a Workspace, filter: &Filter) -> Vec<&'a Plan> {
    ws.plans.iter().filter(|p| filter.plan(p)).collect()
}

/// Every overdue item: most days late first, ties in plan order, then file order.
pub fn overdue<'a>(ws: &'a Workspace, filter: &Filter, clock: Clock) -> Listed<DatedRow<'a>> {
    dated(ws, filter, clock, State::Overdue)
}

/// Every item due within `clock.within` days: soonest first, ties in plan order, then file
/// order.
pub fn upcoming<'a>(ws: &'a Workspace, filter: &Filter, clock: Clock) -> Listed<DatedRow<'a>> {
    dated(ws, filter, clock, State::DueSoon)
}

/// The dated items in `wanted` state, earliest deadline first (so most days late first, or
/// soonest first). Each plan's rows are found in parallel.
fn dated<'a>(
    ws: &'a Workspace,
    filter: &Filter,
    clock: Clock,
    wanted: State,
) -> Listed<DatedRow<'a>> {
    let per_plan = crate::par::map(&plans(ws, filter), |plan| {
        dated_in(plan, filter, clock, wanted)
            .into_iter()
            .map(|(area, item, due, state)| DatedRow {
                plan: &plan.id.value,
                area: &area.id.value,
                area_title: &area.title,
                id: &item.common().id.value,
                kind: item.kind(),
                title: &item.common().title,
                owner: owner_of(area, item),
                owners: owners_of(area, item),
                leaders: leaders_of(area, item),
                light: if wanted == State::Overdue {
                    Some(Light::Red)
                } else {
                    crate::compute::light::light(plan, area, item, state, Some(due), clock)
                },
                milestone: match item {
                    ItemRef::Target(t) if wanted == State::Overdue => {
                        deadline::missed_milestone(t, clock.today)
                            .filter(|(d, _)| *d == due)
                            .map(|(_, value)| value)
                    }
                    _ => None,
                },
                due,
                days: if wanted == State::Overdue {
                    Days::Overdue((clock.today - due).num_days())
                } else {
                    Days::Left((due - clock.today).num_days())
                },
            })
            .collect::<Vec<_>>()
    });
    Listed::new(per_plan, |r| r.due)
}

/// Rows of a listing, kept where each plan's search made them (plan order, then file order:
/// their *stored* order), with the order to list them in.
///
/// A long table reads its rows twice, to measure the columns and to write them. Measuring in
/// stored order reads the plans front to back; only writing visits them in listed order, which
/// for a province's listing is a scattered walk through memory. Ordering sorts (key, position)
/// pairs; the rows themselves are never moved or copied.
#[derive(Debug, Clone)]
pub struct Listed<T> {
    /// Each plan's rows, empty parts left out.
    parts: Vec<Vec<T>>,
    /// The stored position of each part's first row.
    starts: Vec<usize>,
    /// The stored position of the row listed i-th.
    order: Vec<usize>,
}

impl<T> Listed<T> {
    /// The rows of every part, listed by `key`; ties keep their stored order.
    pub fn new<K: Ord>(parts: Vec<Vec<T>>, key: impl Fn(&T) -> K) -> Self {
        let parts: Vec<Vec<T>> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        let mut starts = Vec::with_capacity(parts.len());
        let mut keyed = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in &parts {
            let start = keyed.len();
            starts.push(start);
            keyed.extend(part.iter().enumerate().map(|(k, r)| (key(r), start + k)));
        }
        // The position breaks ties, so this unstable sort gives the stable order.
        keyed.sort_unstable();
        Listed {
            parts,
            starts,
            order: keyed.into_iter().map(|(_, at)| at).collect(),
        }
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The row stored at `at`.
    pub fn stored(&self, at: usize) -> Option<&T> {
        let part = self.starts.partition_point(|&s| s <= at).checked_sub(1)?;
        let start = *self.starts.get(part)?;
        self.parts.get(part)?.get(at - start)
    }

    /// The row listed `i`-th.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.stored(*self.order.get(i)?)
    }

    /// The stored position of each row, in listed order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The rows in listed order.
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.order.iter().filter_map(|&at| self.stored(at))
    }
}

impl<T: Serialize> Serialize for Listed<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// `(area, item, due, state)` for every dated item of `plan` that passes the filter and is in
/// `wanted` state on `clock`'s day (`state` is the item's own, for a duty fixed to the calendar
/// the duty's as a whole), in the order the items are written (area files by name, then place
/// in the file, whatever the kind), so that rows with the same deadline keep it.
fn dated_in<'a>(
    plan: &'a Plan,
    filter: &Filter,
    clock: Clock,
    wanted: State,
) -> Vec<(&'a Area, ItemRef<'a>, NaiveDate, State)> {
    let mut out = Vec::new();
    for area in &plan.areas {
        let from = out.len();
        for item in area
            .items()
            .filter(|i| filter.item(plan, area, *i) && !is_group(*i))
        {
            // An anchored duty: a row per missed occurrence, or its next open one.
            if let ItemRef::Task(task) = item
                && task.is_anchored()
            {
                if task.status != crate::model::TaskStatus::Dropped {
                    let dues = anchored_dues(task, plan.span(), clock, wanted);
                    if !dues.is_empty() {
                        let state =
                            deadline_state(plan, item, clock).map_or(State::Open, |(_, s)| s);
                        out.extend(dues.into_iter().map(|due| (area, item, due, state)));
                    }
                }
                continue;
            }
            // A ceiling within or exceeded is listed as due soon when its deadline is near.
            let near = |due: NaiveDate| due <= crate::date::add_days(clock.today, clock.within);
            if let Some((Some(due), state)) = deadline_state(plan, item, clock)
                && (state == wanted
                    || (wanted == State::DueSoon
                        && matches!(state, State::Within | State::Exceeded)
                        && near(due)))
            {
                out.push((area, item, due, state));
            }
        }
        if let Some(rows) = out.get_mut(from..) {
            rows.sort_by_key(|(_, item, _, _)| item.common().span.start);
        }
    }
    out
}

/// The due dates an anchored duty is listed with: every missed occurrence when `wanted` is
/// overdue, else the next open occurrence when it falls due soon.
fn anchored_dues(
    task: &crate::model::Task,
    year: crate::model::PlanYear,
    clock: Clock,
    wanted: State,
) -> Vec<NaiveDate> {
    let (occurrences, _) = crate::anchored::occurrences(task, year);
    let open = occurrences.iter().filter(|o| o.done_on.is_none());
    match wanted {
        State::Overdue => open
            .filter(|o| o.due < clock.today)
            .map(|o| o.due)
            .collect(),
        State::DueSoon => open
            .map(|o| o.due)
            .find(|due| *due >= clock.today)
            .filter(|due| clock.open_state(Some(*due)) == State::DueSoon)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// `plan status --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    #[serde(serialize_with = "ymd")]
    pub today: NaiveDate,
    /// Share of the calendar year of `today` elapsed, in percent.
    pub year_elapsed: f64,
    pub plans: Vec<PlanStatus>,
}

/// One plan's status: its year elapsed and a row per area.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStatus {
    pub id: String,
    pub title: String,
    pub year: i32,
    /// The first and last day of a plan whose year is not the calendar year (`start`).
    #[serde(skip)]
    pub fiscal: Option<crate::model::PlanYear>,
    /// Share of the plan's year elapsed on `today`, in percent (0 before, 100 after it).
    pub year_elapsed: f64,
    /// The plan closes in two steps (`verify`): its table counts items awaiting verification.
    #[serde(skip)]
    pub verify: bool,
    pub areas: Vec<AreaStatus>,
}

/// The counts of one area. Dropped tasks count in neither `tasks_total` nor `tasks_done`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AreaStatus {
    pub id: String,
    pub title: String,
    /// 重点.
    pub key: bool,
    pub tasks_total: usize,
    pub tasks_done: usize,
    /// Overdue tasks and targets.
    pub overdue: usize,
    /// Tasks and targets due within the window.
    pub due_soon: usize,
    pub targets_total: usize,
    pub targets_met: usize,
    pub indicators_total: usize,
    pub indicators_on_track: usize,
    /// Open tasks and targets whose light is red, and yellow.
    pub red: usize,
    pub yellow: usize,
    /// Done tasks and met targets not yet verified, in a plan with `verify`.
    pub awaiting_verification: usize,
}

/// `plan status`: every plan that passes the filter, a row per area.
pub fn status(ws: &Workspace, filter: &Filter, clock: Clock) -> StatusReport {
    let plans = ws
        .plans
        .iter()
        .filter(|p| filter.plan(p))
        .map(|plan| PlanStatus {
            id: plan.id.value.clone(),
            title: plan.title.clone(),
            year: plan.year,
            fiscal: plan.start.as_ref().map(|_| plan.span()),
            year_elapsed: deadline::year_elapsed(plan.span(), clock.today),
            verify: plan.verify,
            areas: plan
                .areas
                .iter()
                .filter(|a| filter.area(a))
                .map(|area| area_status(ws, plan, area, filter, clock))
                .collect(),
        })
        .collect();
    StatusReport {
        today: clock.today,
        year_elapsed: deadline::year_elapsed(
            crate::model::PlanYear::calendar(deadline::calendar_year(clock.today)),
            clock.today,
        ),
        plans,
    }
}

fn area_status(
    ws: &Workspace,
    plan: &Plan,
    area: &Area,
    filter: &Filter,
    clock: Clock,
) -> AreaStatus {
    let mut s = AreaStatus {
        id: area.id.value.clone(),
        title: area.title.clone(),
        key: area.key,
        ..AreaStatus::default()
    };
    // Groups are counted through their sub-items.
    for item in area
        .items()
        .filter(|i| filter.item(plan, area, *i) && !is_group(*i))
    {
        // Tasks and targets: their state, computed once for every count.
        let dated = deadline_state(plan, item, clock);
        if let Some((due, state)) = dated {
            s.overdue += usize::from(state == State::Overdue);
            s.due_soon += usize::from(state == State::DueSoon);
            s.awaiting_verification += usize::from(awaiting_verification(plan, item, state));
            match crate::compute::light::light(plan, area, item, state, due, clock) {
                Some(Light::Red) => s.red += 1,
                Some(Light::Yellow) => s.yellow += 1,
                Some(Light::Green) | None => {}
            }
        }
        let state = dated.map_or(State::Open, |(_, state)| state);
        match item {
            // Ongoing work (长期坚持) is neither done nor open in the counts.
            ItemRef::Task(t) if t.ongoing => {}
            ItemRef::Task(_) => {
                s.tasks_total += usize::from(state != State::Dropped);
                s.tasks_done += usize::from(state == State::Done);
            }
            ItemRef::Target(_) => {
                s.targets_total += 1;
                s.targets_met += usize::from(state == State::Met);
            }
            ItemRef::Indicator(i) => {
                s.indicators_total += 1;
                s.indicators_on_track += usize::from(
                    indicators::figures(i, plan, ws, clock.today).status
                        == IndicatorStatus::OnTrack,
                );
            }
            ItemRef::Project(_) => {}
        }
    }
    s
}

/// One item with its state in words (`plan status --area`).
#[derive(Debug, Clone, Serialize)]
pub struct ItemRow {
    pub plan: String,
    pub area: String,
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub owner: Option<String>,
    /// The current deadline (for a recurring task, the next one).
    #[serde(serialize_with = "ymd_opt")]
    pub due: Option<NaiveDate>,
    /// Tasks and targets: `done`, `met`, `dropped`, `overdue`, `due_soon`, `open`;
    /// projects: their stage; indicators: `on_track`, `behind`, `unknown`, `no_data`.
    pub state: ItemState,
    pub days_overdue: Option<i64>,
    pub days_left: Option<i64>,
    /// The date a task was done, when recorded.
    #[serde(serialize_with = "ymd_opt")]
    pub done_on: Option<NaiveDate>,
    /// Targets: value reached; indicators: latest reported value.
    pub actual: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    /// Targets: actual / target in percent; indicators: completion in percent.
    pub progress: Option<f64>,
    /// Targets: 力争.
    pub stretch: bool,
    /// Targets: `at_least` or `at_most`; `null` for other kinds.
    pub compare: Option<Compare>,
    /// Every lead unit, as written; `owner` is the first.
    pub owners: Vec<String>,
    /// Every responsible leader.
    pub leaders: Vec<String>,
    /// Binding (约束性).
    pub binding: bool,
    /// The task or target this one is a sub-item of.
    pub parent: Option<String>,
    /// The ids of its sub-items: the item is a group, done when they all are.
    pub sub_items: Vec<String>,
    /// Open tasks and targets: `red`, `yellow` or `green`; `null` otherwise.
    pub light: Option<Light>,
    /// The day the office verified it (销号).
    #[serde(serialize_with = "ymd_opt")]
    pub verified: Option<NaiveDate>,
    /// Done or met, in a plan with `verify`, and not yet verified.
    pub awaiting_verification: bool,
}

/// Where an item stands: a task's or target's state, a project's stage, an indicator's
/// status. JSON writes the inner name alone (`"overdue"`, `"signed"`, `"on_track"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ItemState {
    Dated(State),
    Stage(Stage),
    Indicator(IndicatorStatus),
}

/// `plan status --area`: every item that passes the filter, with its state.
pub fn items(ws: &Workspace, filter: &Filter, clock: Clock) -> Vec<ItemRow> {
    filter
        .items(ws)
        .map(|(plan, area, item)| item_row(ws, plan, area, item, clock))
        .collect()
}

/// One item's row: its deadline, state, days and figures on the clock's day.
pub fn item_row(
    ws: &Workspace,
    plan: &Plan,
    area: &Area,
    item: ItemRef<'_>,
    clock: Clock,
) -> ItemRow {
    let c = item.common();
    let mut row = ItemRow {
        plan: plan.id.value.clone(),
        area: area.id.value.clone(),
        id: c.id.value.clone(),
        kind: item.kind(),
        title: c.title.clone(),
        owner: owner_of(area, item).map(str::to_string),
        owners: owners_of(area, item).to_vec(),
        leaders: leaders_of(area, item).to_vec(),
        binding: c.binding,
        light: None,
        verified: c.verified.as_ref().map(|v| v.value.day()),
        awaiting_verification: false,
        parent: item.parent().map(|p| p.value.clone()),
        sub_items: {
            let subs = match item {
                ItemRef::Task(t) => t.sub_items.as_slice(),
                ItemRef::Target(t) => t.sub_items.as_slice(),
                ItemRef::Project(_) | ItemRef::Indicator(_) => &[],
            };
            subs.iter()
                .filter_map(|p| plan.at(*p))
                .map(|i| i.common().id.value.clone())
                .collect()
        },
        due: None,
        state: ItemState::Dated(State::Open),
        days_overdue: None,
        days_left: None,
        done_on: None,
        actual: None,
        target: None,
        unit: None,
        progress: None,
        stretch: false,
        compare: None,
    };
    if let Some((due, state)) = deadline_state(plan, item, clock) {
        row.light = crate::compute::light::light(plan, area, item, state, due, clock);
        row.awaiting_verification = awaiting_verification(plan, item, state);
        row.due = due;
        row.state = ItemState::Dated(state);
        if let Some(d) = due {
            match state {
                State::Overdue => row.days_overdue = Some((clock.today - d).num_days()),
                State::DueSoon | State::Open | State::Within | State::Exceeded
                    if d >= clock.today =>
                {
                    row.days_left = Some((d - clock.today).num_days());
                }
                _ => {}
            }
        }
    }
    match item {
        ItemRef::Task(t) => row.done_on = t.done.as_ref().map(|d| d.value.day()),
        ItemRef::Target(t) => {
            let f = deadline::target_figures(t, plan, clock.today);
            row.actual = f.actual;
            row.target = f.target;
            row.unit.clone_from(&t.unit);
            row.progress = f.progress;
            row.stretch = t.stretch;
            row.compare = Some(t.compare);
        }
        ItemRef::Project(p) => row.state = ItemState::Stage(p.stage.value),
        ItemRef::Indicator(i) => {
            let f = indicators::figures(i, plan, ws, clock.today);
            row.state = ItemState::Indicator(f.status);
            row.actual = f.value;
            row.target = f.target;
            row.unit.clone_from(&i.unit);
            row.progress = f.completion;
        }
    }
    row
}

/// Whom `plan owners` ranks: lead units (the default) or responsible leaders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum By {
    #[default]
    Unit,
    Leader,
}

/// Who a row of `plan owners` is about; JSON names it `owner` or `leader`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Who {
    /// A lead unit; `null` for items with no owner (nor area owner).
    #[serde(rename = "owner")]
    Unit(Option<String>),
    /// A responsible leader; `null` for items with no leader.
    #[serde(rename = "leader")]
    Leader(Option<String>),
}

impl Who {
    /// The name, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            Who::Unit(n) | Who::Leader(n) => n.as_deref(),
        }
    }
}

/// One row of `plan owners`: a lead unit's (or leader's) tasks, targets and indicators, and
/// its place on the scoreboard (通报).
#[derive(Debug, Clone, Serialize)]
pub struct OwnerRow {
    #[serde(flatten)]
    pub who: Who,
    /// Open tasks and targets.
    pub open: usize,
    pub overdue: usize,
    /// Tasks done and targets met.
    pub done: usize,
    /// `overdue / open` in percent (0 when nothing is open).
    pub overdue_share: f64,
    /// Postponements in the delay logs of the owner's tasks and targets.
    pub delays: usize,
    /// Indicators behind their target growth.
    pub behind: usize,
    /// Items whose outcome is known: due by today, or finished already.
    pub due_by_today: usize,
    /// Done or met on or before their deadline.
    pub on_time: usize,
    /// `on_time / due_by_today` in percent; `null` when nothing is due.
    pub on_time_rate: Option<f64>,
    /// Done or met after their deadline.
    pub late: usize,
    /// Open tasks and targets whose light is red, and yellow.
    pub red: usize,
    pub yellow: usize,
    /// Open items that missed their latest feedback window.
    pub feedback_missed: usize,
    /// 1 for the best: highest on-time rate (none last), then fewest overdue, then name.
    pub rank: usize,
}

/// How the deadlines of a task or target came out by the clock's day, for the on-time rate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Outcomes {
    on_time: usize,
    late: usize,
    overdue: usize,
}

/// The outcomes of a counted task or target in `state` with deadline `due`; none while its
/// outcome is open (not finished, and not yet due). A task is on time when its `done` date is
/// not after its deadline (its current one, after approved postponements; a task done without
/// a date, or without a deadline, is on time); a target when it was met by its deadline plus
/// `lag` (an undated `actual` counts as met in time). A duty fixed to the calendar has an
/// outcome per occurrence due by today: each report on time, late, or missed; another
/// recurring duty one while it is overdue.
fn outcomes(
    plan: &Plan,
    item: ItemRef<'_>,
    state: State,
    due: Option<NaiveDate>,
    clock: Clock,
) -> Outcomes {
    let one = |on_time, late, overdue| Outcomes {
        on_time: usize::from(on_time),
        late: usize::from(late),
        overdue: usize::from(overdue),
    };
    match (item, state) {
        (ItemRef::Task(t), State::Dropped) if t.is_anchored() => Outcomes::default(),
        (ItemRef::Task(t), _) if t.is_anchored() => {
            let mut out = Outcomes::default();
            let (occurrences, _) = crate::anchored::occurrences(t, plan.span());
            let done =
                |o: &crate::anchored::Occurrence| o.done_on.is_some_and(|d| d <= clock.today);
            for o in occurrences
                .iter()
                .filter(|o| o.due < clock.today || done(o))
            {
                match o.done_on.filter(|d| *d <= clock.today) {
                    Some(d) if d <= o.due => out.on_time += 1,
                    Some(_) => out.late += 1,
                    None => out.overdue += 1,
                }
            }
            out
        }
        (_, State::Overdue) => one(false, false, true),
        (ItemRef::Task(t), State::Done) if t.every.is_none() => {
            let done = t.done.as_ref().map(|d| d.value.day());
            let late = matches!((done, due), (Some(done), Some(due)) if done > due);
            one(!late, late, false)
        }
        (ItemRef::Target(t), State::Met) => {
            let due = deadline::target_due(t, plan.span());
            let lag = t.lag.as_ref().map_or(0, |l| l.value);
            let by = crate::date::add_days(due, i64::from(lag));
            let in_time = clock.today <= by
                || deadline::target_state(
                    t,
                    plan,
                    Clock {
                        today: by,
                        within: 0,
                    },
                ) == State::Met;
            one(in_time, !in_time, false)
        }
        _ => Outcomes::default(),
    }
}

/// `plan owners`: a row per lead unit (every lead counts fully, a collective unit as each of
/// its members) or per leader, ranked: highest on-time rate first.
pub fn owners(ws: &Workspace, filter: &Filter, clock: Clock, by: By) -> Vec<OwnerRow> {
    let mut rows: Vec<OwnerRow> = Vec::new();
    for (plan, area, item) in filter.items(ws) {
        let dated = deadline_state(plan, item, clock);
        let state = dated.map(|(_, s)| s);
        let behind = match item {
            ItemRef::Indicator(i) => {
                indicators::figures(i, plan, ws, clock.today).status == IndicatorStatus::Behind
            }
            _ => false,
        };
        // Projects count through the batch targets that list them; dropped tasks not at all;
        // ongoing work (长期坚持) only in the reports it owes.
        let ongoing = matches!(item, ItemRef::Task(t) if t.ongoing);
        let counted = match item {
            _ if is_group(item) => false,
            ItemRef::Task(_) if ongoing => true,
            ItemRef::Task(_) | ItemRef::Target(_) => state != Some(State::Dropped),
            ItemRef::Indicator(_) => true,
            ItemRef::Project(_) => false,
        };
        if !counted {
            continue;
        }
        let (light, outcome, missed) = match dated {
            Some((due, state)) => (
                crate::compute::light::light(plan, area, item, state, due, clock),
                outcomes(plan, item, state, due, clock),
                crate::compute::feedback::missed(plan, area, item, state, clock.today).is_some(),
            ),
            None => (None, Outcomes::default(), false),
        };
        let names: Vec<Option<&str>> = match by {
            By::Unit => units_of(plan, area, item).into_iter().map(Some).collect(),
            By::Leader => leaders_of(area, item)
                .iter()
                .map(|l| Some(l.as_str()))
                .collect(),
        };
        let names = if names.is_empty() { vec![None] } else { names };
        for name in names {
            let who = match by {
                By::Unit => Who::Unit(name.map(str::to_string)),
                By::Leader => Who::Leader(name.map(str::to_string)),
            };
            let at = match rows.iter().position(|r| r.who == who) {
                Some(i) => i,
                None => {
                    rows.push(OwnerRow {
                        who,
                        open: 0,
                        overdue: 0,
                        done: 0,
                        overdue_share: 0.0,
                        delays: 0,
                        behind: 0,
                        due_by_today: 0,
                        on_time: 0,
                        on_time_rate: None,
                        late: 0,
                        red: 0,
                        yellow: 0,
                        feedback_missed: 0,
                        rank: 0,
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[at];
            row.feedback_missed += usize::from(missed);
            if ongoing {
                continue;
            }
            if let Some(state) = state {
                row.open += usize::from(state.is_open());
                row.overdue += usize::from(state == State::Overdue);
                row.done += usize::from(matches!(state, State::Done | State::Met));
            }
            row.behind += usize::from(behind);
            row.delays += match item {
                ItemRef::Task(t) => t.delays.len(),
                ItemRef::Target(t) => t.delays.len(),
                ItemRef::Project(_) | ItemRef::Indicator(_) => 0,
            };
            row.due_by_today += outcome.on_time + outcome.late + outcome.overdue;
            row.on_time += outcome.on_time;
            row.late += outcome.late;
            row.red += usize::from(light == Some(Light::Red));
            row.yellow += usize::from(light == Some(Light::Yellow));
        }
    }
    for r in &mut rows {
        #[allow(clippy::cast_precision_loss)]
        let share = if r.open == 0 {
            0.0
        } else {
            r.overdue as f64 / r.open as f64 * 100.0
        };
        r.overdue_share = share;
        #[allow(clippy::cast_precision_loss)]
        let rate = (r.due_by_today > 0).then(|| r.on_time as f64 * 100.0 / r.due_by_today as f64);
        r.on_time_rate = rate;
    }
    // Best first: the highest on-time rate (none last), then the fewest overdue, then by name.
    rows.sort_by(|a, b| {
        let rate = |r: &OwnerRow| r.on_time_rate.unwrap_or(-1.0);
        rate(b)
            .total_cmp(&rate(a))
            .then(a.overdue.cmp(&b.overdue))
            .then(a.who.name().cmp(&b.who.name()))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::Listed;

    proptest::proptest! {
        /// Listing is a stable sort of the parts joined, without moving a row.
        #[test]
        fn listed_is_a_stable_sort_of_the_parts_joined(
            parts in proptest::collection::vec(
                proptest::collection::vec(0u8..6, 0..20),
                0..12,
            )
        ) {
            // Each row is (key, its place in the joined parts), so order and ties show.
            let mut n = 0;
            let parts: Vec<Vec<(u8, usize)>> = parts
                .into_iter()
                .map(|p| p.into_iter().map(|k| { n += 1; (k, n - 1) }).collect())
                .collect();
            let mut expected: Vec<(u8, usize)> = parts.iter().flatten().copied().collect();
            expected.sort_by_key(|r| r.0);
            let listed = Listed::new(parts, |r| r.0);
            proptest::prop_assert_eq!(listed.len(), n);
            proptest::prop_assert_eq!(listed.is_empty(), n == 0);
            let got: Vec<(u8, usize)> = listed.iter().copied().collect();
            proptest::prop_assert_eq!(&got, &expected);
            for (i, row) in expected.iter().enumerate() {
                proptest::prop_assert_eq!(listed.get(i), Some(row));
                // A row's stored position is its place in the joined parts.
                proptest::prop_assert_eq!(listed.order()[i], row.1);
                proptest::prop_assert_eq!(listed.stored(row.1), Some(row));
            }
            proptest::prop_assert_eq!(listed.get(n), None);
            proptest::prop_assert_eq!(listed.stored(n), None);
            proptest::prop_assert_eq!(
                serde_json::to_value(&listed).unwrap(),
                serde_json::to_value(&expected).unwrap()
            );
        }
    }
}

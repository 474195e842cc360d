//! Plan history from git: what moved between a revision and the working tree (`plan diff`),
//! and the history of one item across commits (`plan log`). Pure comparisons of two loaded
//! workspaces; reading git is in [`git`].

pub mod git;
pub mod replay;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::deadline::{Clock, State};
use crate::compute::indicators;
use crate::compute::report::deadline_state;
use crate::date::{Period, ymd};
use crate::model::{Area, ItemRef, Kind, Plan, Stage, TaskStatus, Workspace};
use crate::number::grouped;

/// One change between two states of the plans; its text borrows from the plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow<'a> {
    pub plan: &'a str,
    pub area: &'a str,
    pub id: &'a str,
    pub kind: Kind,
    pub title: &'a str,
    pub change: Change,
    pub from: Option<Shown>,
    pub to: Option<Shown>,
    /// Days a deadline moved, or days overdue.
    pub days: Option<i64>,
    /// Growth of a new figure against the same period a year earlier, in percent.
    pub growth: Option<f64>,
}

/// What moved, in the order changes are listed: what a supervisor looks for first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Postponed,
    BroughtForward,
    Overdue,
    Done,
    Met,
    Stage,
    Actual,
    Figure,
    Added,
    Removed,
}

/// A value before or after a change. JSON writes it as text, in the form the files use
/// (`2016-03-31`, `overdue`, `signed`, `1,234.5`); tables write it in the output language.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Date(NaiveDate),
    /// A date as written in the file: a day or a period.
    Written(Period),
    State(State),
    Stage(Stage),
    Status(TaskStatus),
    Number(f64),
    /// Indicator figures: `2016-03=1,234, 2016-06=2,345`.
    Figures(Vec<(Period, f64)>),
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Date(d) => f.write_str(&ymd(*d)),
            Shown::Written(p) => write!(f, "{p}"),
            Shown::State(s) => f.write_str(s.name()),
            Shown::Stage(s) => f.write_str(s.name()),
            Shown::Status(s) => f.write_str(s.name()),
            Shown::Number(x) => f.write_str(&grouped(*x)),
            Shown::Figures(list) => {
                for (i, (period, value)) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{period}={}", grouped(*value))?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn row<'a>(plan: &'a Plan, area: &'a Area, item: ItemRef<'a>, change: Change) -> ChangeRow<'a> {
    ChangeRow {
        plan: &plan.id.value,
        area: &area.id.value,
        id: &item.common().id.value,
        kind: item.kind(),
        title: &item.common().title,
        change,
        from: None,
        to: None,
        days: None,
        growth: None,
    }
}

/// What changed from `old` (judged on `then`) to `new` (judged on `now`).
pub fn diff<'a>(
    old: &'a Workspace,
    then: NaiveDate,
    new: &'a Workspace,
    now: NaiveDate,
) -> Vec<ChangeRow<'a>> {
    diff_except(old, &std::collections::HashSet::new(), then, new, now)
}

/// A plan's items ordered by id.
fn by_id(plan: &Plan) -> Vec<(&Area, ItemRef<'_>)> {
    let mut items: Vec<(&Area, ItemRef<'_>)> = plan.items().collect();
    items.sort_by(|a, b| a.1.common().id.value.cmp(&b.1.common().id.value));
    items
}

/// [`diff`], where the plans named in `same` were byte for byte the same then and are not in
/// `old`: their items then were `new`'s, judged on `then`. Rows are ordered by change, then by
/// plan and item id; plans are compared on all cores.
pub fn diff_except<'a>(
    old: &'a Workspace,
    same: &std::collections::HashSet<String>,
    then: NaiveDate,
    new: &'a Workspace,
    now: NaiveDate,
) -> Vec<ChangeRow<'a>> {
    type Key<'k> = (&'k str, &'k str);
    let before: FxHashMap<Key<'a>, (&'a Plan, ItemRef<'a>)> = old
        .plans
        .iter()
        .flat_map(|p| {
            p.items()
                .map(move |(_, i)| ((p.id.value.as_str(), i.common().id.value.as_str()), (p, i)))
        })
        .collect();
    let (c0, c1) = (
        Clock {
            today: then,
            within: 0,
        },
        Clock {
            today: now,
            within: 0,
        },
    );
    let mut plans: Vec<&Plan> = new.plans.iter().collect();
    plans.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    let found: Vec<Vec<ChangeRow<'a>>> = crate::par::map(&plans, |&plan| {
        let unchanged = same.contains(&plan.id.value);
        let mut out = Vec::new();
        for (area, item) in by_id(plan) {
            let then = if unchanged {
                Some((plan, item))
            } else {
                before
                    .get(&(plan.id.value.as_str(), item.common().id.value.as_str()))
                    .copied()
            };
            let Some((old_plan, old_item)) = then else {
                out.push(row(plan, area, item, Change::Added));
                continue;
            };
            moved(&mut out, (old_plan, old_item, c0), (plan, area, item, c1));
            // An unchanged plan's items are the same text: only the date can move them.
            if !unchanged {
                edited(&mut out, old_item, (plan, area, item), new, now);
            }
        }
        out
    });
    let mut out: Vec<ChangeRow<'a>> = found.into_iter().flatten().collect();
    // Removed: in an old plan, not in today's.
    let after: FxHashMap<&str, &Plan> =
        new.plans.iter().map(|p| (p.id.value.as_str(), p)).collect();
    let mut old_plans: Vec<&Plan> = old.plans.iter().collect();
    old_plans.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    for plan in old_plans {
        let today: rustc_hash::FxHashSet<&str> = after
            .get(plan.id.value.as_str())
            .map(|p| {
                p.items()
                    .map(|(_, i)| i.common().id.value.as_str())
                    .collect()
            })
            .unwrap_or_default();
        for (area, item) in by_id(plan) {
            if !today.contains(item.common().id.value.as_str()) {
                out.push(row(plan, area, item, Change::Removed));
            }
        }
    }
    out.sort_by_key(|r| r.change);
    out
}

/// The rows of an item whose deadline or state moved between the two clocks.
fn moved<'a>(
    out: &mut Vec<ChangeRow<'a>>,
    (old_plan, old_item, c0): (&Plan, ItemRef<'_>, Clock),
    (plan, area, item, c1): (&'a Plan, &'a Area, ItemRef<'a>, Clock),
) {
    let (Some((due0, s0)), Some((due1, s1))) = (
        deadline_state(old_plan, old_item, c0),
        deadline_state(plan, item, c1),
    ) else {
        return;
    };
    if let (Some(d0), Some(d1)) = (due0, due1)
        && d0 != d1
    {
        let mut r = row(
            plan,
            area,
            item,
            if d1 > d0 {
                Change::Postponed
            } else {
                Change::BroughtForward
            },
        );
        r.from = Some(Shown::Date(d0));
        r.to = Some(Shown::Date(d1));
        r.days = Some((d1 - d0).num_days());
        out.push(r);
    }
    let changed = |state: State| s1 == state && s0 != state;
    for (state, change) in [
        (State::Overdue, Change::Overdue),
        (State::Done, Change::Done),
        (State::Met, Change::Met),
    ] {
        if changed(state) {
            let mut r = row(plan, area, item, change);
            r.from = Some(Shown::State(s0));
            r.to = Some(Shown::State(s1));
            if state == State::Overdue {
                r.days = due1.map(|d| (c1.today - d).num_days());
            }
            out.push(r);
        }
    }
}

/// The rows of an item whose text changed: its stage, actual or figures.
fn edited<'a>(
    out: &mut Vec<ChangeRow<'a>>,
    old_item: ItemRef<'_>,
    (plan, area, item): (&'a Plan, &'a Area, ItemRef<'a>),
    new: &Workspace,
    now: NaiveDate,
) {
    match (old_item, item) {
        (ItemRef::Project(p0), ItemRef::Project(p1)) if p0.stage.value != p1.stage.value => {
            let mut r = row(plan, area, item, Change::Stage);
            r.from = Some(Shown::Stage(p0.stage.value));
            r.to = Some(Shown::Stage(p1.stage.value));
            out.push(r);
        }
        (ItemRef::Target(t0), ItemRef::Target(t1)) if !t1.is_batch() => {
            let (a0, a1) = (
                t0.actual.as_ref().map(|a| a.value),
                t1.actual.as_ref().map(|a| a.value),
            );
            if a0 != a1 {
                let mut r = row(plan, area, item, Change::Actual);
                r.from = a0.map(Shown::Number);
                r.to = a1.map(Shown::Number);
                out.push(r);
            }
        }
        (ItemRef::Indicator(i0), ItemRef::Indicator(i1)) => {
            let f = indicators::figures(i1, plan, new, now);
            for p in &f.history {
                let known = i0
                    .actuals
                    .iter()
                    .any(|a| a.period.value == p.period && a.value == p.value);
                if !known {
                    let mut r = row(plan, area, item, Change::Figure);
                    r.from = Some(Shown::Written(p.period));
                    r.to = p.value.map(Shown::Number);
                    r.growth = p.growth;
                    out.push(r);
                }
            }
        }
        _ => {}
    }
}

/// One change of one item in one commit (`plan log`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogRow {
    /// The commit, abbreviated to 10 characters.
    pub commit: String,
    pub author: String,
    pub date: String,
    pub field: Field,
    pub from: Option<Shown>,
    pub to: Option<Shown>,
}

/// What `plan log` follows of an item, and the events of its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Added,
    Removed,
    /// The oldest commit of a shallow clone: history starts here.
    Shallow,
    Status,
    Due,
    Done,
    Last,
    Stage,
    Actual,
    Target,
    Figures,
}

/// The followed fields of an item at one commit.
pub type Snapshot = Vec<(Field, Option<Shown>)>;

/// The fields of an item that `plan log` follows.
pub fn snapshot(plan: &Plan, item: ItemRef<'_>) -> Snapshot {
    snapshot_in(plan.year, plan.start.as_ref().map(|s| s.value.day()), item)
}

/// The fields of an item of a plan of `year` (starting on `start`, a fiscal year).
pub fn snapshot_in(year: i32, start: Option<NaiveDate>, item: ItemRef<'_>) -> Snapshot {
    let date = |d: &Option<crate::model::Located<crate::model::DateSpec>>| {
        d.as_ref().map(|d| Shown::Written(d.value.written))
    };
    match item {
        ItemRef::Task(t) => vec![
            (Field::Status, Some(Shown::Status(t.status))),
            (Field::Due, date(&t.due)),
            (Field::Done, date(&t.done)),
            (Field::Last, date(&t.last)),
        ],
        ItemRef::Target(t) => vec![
            (
                Field::Due,
                date(&t.due).or(Some(match start {
                    Some(first) => Shown::Date(crate::model::PlanYear::from(first).last),
                    None => Shown::Written(Period::Year { year }),
                })),
            ),
            (
                Field::Target,
                t.target.as_ref().map(|v| Shown::Number(v.value)),
            ),
            (
                Field::Actual,
                t.actual.as_ref().map(|v| Shown::Number(v.value)),
            ),
        ],
        ItemRef::Project(p) => vec![(Field::Stage, Some(Shown::Stage(p.stage.value)))],
        ItemRef::Indicator(i) => vec![(
            Field::Figures,
            Some(Shown::Figures(
                i.actuals
                    .iter()
                    .filter_map(|a| Some((a.period.value, a.value?)))
                    .collect(),
            ))
            .filter(|f| !matches!(f, Shown::Figures(list) if list.is_empty())),
        )],
    }
}

/// The item `id` (in `plan`, when given) in a workspace.
pub fn find<'a>(
    ws: &'a Workspace,
    id: &str,
    plan: Option<&str>,
) -> Option<(&'a Plan, ItemRef<'a>)> {
    ws.plans
        .iter()
        .filter(|p| plan.is_none_or(|want| p.id.value == want))
        .flat_map(|p| p.items().map(move |(_, i)| (p, i)))
        .find(|(_, i)| i.common().id.value == id)
}

/// Compare one commit's snapshot of the item with the previous one. `boundary`: the commit
/// is the oldest of a shallow clone, so an item in it was not necessarily added there.
pub fn log_step(
    commit: &git::Commit,
    before: Option<&[(Field, Option<Shown>)]>,
    after: Option<&[(Field, Option<Shown>)]>,
    boundary: bool,
) -> Vec<LogRow> {
    let entry = |field, from, to| LogRow {
        commit: commit.sha.chars().take(10).collect(),
        author: commit.author.clone(),
        date: ymd(commit.date),
        field,
        from,
        to,
    };
    match (before, after) {
        (None, Some(_)) if boundary => vec![entry(Field::Shallow, None, None)],
        (None, Some(_)) => vec![entry(Field::Added, None, None)],
        (Some(_), None) => vec![entry(Field::Removed, None, None)],
        (Some(b), Some(a)) => b
            .iter()
            .zip(a)
            .filter(|(x, y)| x.1 != y.1)
            .map(|(x, y)| entry(y.0, x.1.clone(), y.1.clone()))
            .collect(),
        (None, None) => Vec::new(),
    }
}

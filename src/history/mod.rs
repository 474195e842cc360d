//! Plan history from git: what moved between a revision and the working tree (`plan diff`),
//! and the history of one item across commits (`plan log`). Pure comparisons of two loaded
//! workspaces; reading git is in [`git`].

pub mod git;
pub mod replay;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::deadline::{Clock, State};
use crate::compute::indicators;
use crate::compute::report::deadline_state;
use crate::date::{Period, ymd};
use crate::model::{Area, ItemRef, Kind, Plan, Stage, TaskStatus, Workspace};
use crate::number::grouped;

/// One change between two states of the plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    pub plan: String,
    pub area: String,
    pub id: String,
    pub kind: Kind,
    pub title: String,
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

type Keyed<'a> = BTreeMap<(&'a str, &'a str), (&'a Plan, &'a Area, ItemRef<'a>)>;

fn keyed(ws: &Workspace) -> Keyed<'_> {
    ws.plans
        .iter()
        .flat_map(|p| {
            p.items().map(move |(a, i)| {
                (
                    (p.id.value.as_str(), i.common().id.value.as_str()),
                    (p, a, i),
                )
            })
        })
        .collect()
}

fn row(plan: &Plan, area: &Area, item: ItemRef<'_>, change: Change) -> ChangeRow {
    ChangeRow {
        plan: plan.id.value.clone(),
        area: area.id.value.clone(),
        id: item.common().id.value.clone(),
        kind: item.kind(),
        title: item.common().title.clone(),
        change,
        from: None,
        to: None,
        days: None,
        growth: None,
    }
}

/// What changed from `old` (judged on `then`) to `new` (judged on `now`).
pub fn diff(old: &Workspace, then: NaiveDate, new: &Workspace, now: NaiveDate) -> Vec<ChangeRow> {
    diff_except(old, &std::collections::HashSet::new(), then, new, now)
}

/// [`diff`], where the plans named in `same` were byte for byte the same then and are not in
/// `old`: their items then were `new`'s, judged on `then`.
pub fn diff_except(
    old: &Workspace,
    same: &std::collections::HashSet<String>,
    then: NaiveDate,
    new: &Workspace,
    now: NaiveDate,
) -> Vec<ChangeRow> {
    let (before, after) = (keyed(old), keyed(new));
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
    let mut out = Vec::new();
    for (key, &(plan, area, item)) in &after {
        let then_pair = if same.contains(key.0) {
            Some((plan, item))
        } else {
            before.get(key).map(|&(p, _, i)| (p, i))
        };
        let Some((old_plan, old_item)) = then_pair else {
            out.push(row(plan, area, item, Change::Added));
            continue;
        };
        if let (Some((due0, s0)), Some((due1, s1))) = (
            deadline_state(old_plan, old_item, c0),
            deadline_state(plan, item, c1),
        ) {
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
                        r.days = due1.map(|d| (now - d).num_days());
                    }
                    out.push(r);
                }
            }
        }
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
    for (key, &(plan, area, item)) in &before {
        if !after.contains_key(key) {
            out.push(row(plan, area, item, Change::Removed));
        }
    }
    out.sort_by_key(|r| r.change);
    out
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

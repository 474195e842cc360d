//! Plan history from git: what moved between a revision and the working tree (`plan diff`),
//! and the history of one item across commits (`plan log`). Pure comparisons of two loaded
//! workspaces; reading git is in [`git`].

pub mod git;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::deadline::{Clock, State};
use crate::compute::indicators;
use crate::compute::report::{deadline_state, state_code};
use crate::date::ymd;
use crate::model::{Area, ItemRef, Plan, Workspace};

/// One change between two states of the plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    pub plan: String,
    pub area: String,
    pub id: String,
    /// `task`, `target`, `project` or `indicator`.
    pub kind: &'static str,
    pub title: String,
    /// `postponed`, `brought_forward`, `overdue`, `done`, `met`, `stage`, `actual`, `figure`,
    /// `added` or `removed`.
    pub change: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Days a deadline moved, or days overdue.
    pub days: Option<i64>,
    /// Growth of a new figure against the same period a year earlier, in percent.
    pub growth: Option<f64>,
}

/// The order in which changes are listed: what a supervisor looks for first.
const ORDER: [&str; 10] = [
    "postponed",
    "brought_forward",
    "overdue",
    "done",
    "met",
    "stage",
    "actual",
    "figure",
    "added",
    "removed",
];

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

fn row(plan: &Plan, area: &Area, item: ItemRef<'_>, change: &'static str) -> ChangeRow {
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
        let Some(&(old_plan, _, old_item)) = before.get(key) else {
            out.push(row(plan, area, item, "added"));
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
                        "postponed"
                    } else {
                        "brought_forward"
                    },
                );
                r.from = Some(ymd(d0));
                r.to = Some(ymd(d1));
                r.days = Some((d1 - d0).num_days());
                out.push(r);
            }
            let changed = |state: State| s1 == state && s0 != state;
            for (state, change) in [
                (State::Overdue, "overdue"),
                (State::Done, "done"),
                (State::Met, "met"),
            ] {
                if changed(state) {
                    let mut r = row(plan, area, item, change);
                    r.from = Some(state_code(s0).to_string());
                    r.to = Some(state_code(s1).to_string());
                    if state == State::Overdue {
                        r.days = due1.map(|d| (now - d).num_days());
                    }
                    out.push(r);
                }
            }
        }
        match (old_item, item) {
            (ItemRef::Project(p0), ItemRef::Project(p1)) if p0.stage.value != p1.stage.value => {
                let mut r = row(plan, area, item, "stage");
                r.from = Some(p0.stage.value.name().to_string());
                r.to = Some(p1.stage.value.name().to_string());
                out.push(r);
            }
            (ItemRef::Target(t0), ItemRef::Target(t1)) if !t1.is_batch() => {
                let (a0, a1) = (
                    t0.actual.as_ref().map(|a| a.value),
                    t1.actual.as_ref().map(|a| a.value),
                );
                if a0 != a1 {
                    let mut r = row(plan, area, item, "actual");
                    r.from = a0.map(crate::render::grid::number);
                    r.to = a1.map(crate::render::grid::number);
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
                        let mut r = row(plan, area, item, "figure");
                        r.from = Some(p.period.to_string());
                        r.to = Some(crate::render::grid::number(p.value));
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
            out.push(row(plan, area, item, "removed"));
        }
    }
    let rank = |c: &str| ORDER.iter().position(|o| *o == c).unwrap_or(ORDER.len());
    out.sort_by_key(|r| rank(r.change));
    out
}

/// One change of one item in one commit (`plan log`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogRow {
    /// The commit, abbreviated to 10 characters.
    pub commit: String,
    pub author: String,
    pub date: String,
    /// `added`, `removed`, `status`, `due`, `done`, `last`, `stage`, `actual`, `target` or
    /// `figures`.
    pub field: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The fields of an item that `plan log` follows, as text.
pub fn snapshot(plan: &Plan, item: ItemRef<'_>) -> Vec<(&'static str, Option<String>)> {
    let date = |d: &Option<crate::model::Located<crate::model::DateSpec>>| {
        d.as_ref().map(|d| d.value.written.to_string())
    };
    match item {
        ItemRef::Task(t) => vec![
            (
                "status",
                Some(crate::model::TaskStatus::NAMES[t.status as usize].to_string()),
            ),
            ("due", date(&t.due)),
            ("done", date(&t.done)),
            ("last", date(&t.last)),
        ],
        ItemRef::Target(t) => vec![
            ("due", date(&t.due).or(Some(plan.year.to_string()))),
            (
                "target",
                t.target
                    .as_ref()
                    .map(|v| crate::render::grid::number(v.value)),
            ),
            (
                "actual",
                t.actual
                    .as_ref()
                    .map(|v| crate::render::grid::number(v.value)),
            ),
        ],
        ItemRef::Project(p) => vec![("stage", Some(p.stage.value.name().to_string()))],
        ItemRef::Indicator(i) => vec![(
            "figures",
            Some(
                i.actuals
                    .iter()
                    .map(|a| {
                        format!(
                            "{}={}",
                            a.period.value,
                            crate::render::grid::number(a.value)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .filter(|s| !s.is_empty()),
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
    before: Option<&[(&'static str, Option<String>)]>,
    after: Option<&[(&'static str, Option<String>)]>,
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
        (None, Some(_)) if boundary => vec![entry("shallow", None, None)],
        (None, Some(_)) => vec![entry("added", None, None)],
        (Some(_), None) => vec![entry("removed", None, None)],
        (Some(b), Some(a)) => b
            .iter()
            .zip(a)
            .filter(|(x, y)| x.1 != y.1)
            .map(|(x, y)| entry(y.0, x.1.clone(), y.1.clone()))
            .collect(),
        (None, None) => Vec::new(),
    }
}

//! `plan chase` (催报): the open items that missed their latest feedback window, by lead unit.

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::deadline::Clock;
use crate::compute::feedback::{latest_report, missed};
use crate::compute::filter::{Filter, owner_of, owners_of, units_of};
use crate::compute::report::deadline_state;
use crate::model::Workspace;

/// One row of `plan chase`: an item that missed its latest feedback window.
#[derive(Debug, Clone, Serialize)]
pub struct ChaseRow<'a> {
    pub plan: &'a str,
    pub area: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    pub owner: Option<&'a str>,
    pub owners: &'a [String],
    /// The last day of the window that has no report.
    #[serde(serialize_with = "crate::compute::report::ymd")]
    pub window_end: NaiveDate,
    /// The date of the latest progress entry (or, for a target, figure), if any.
    #[serde(serialize_with = "crate::compute::report::ymd_opt")]
    pub latest: Option<NaiveDate>,
    /// The units the item is chased from (collective units as their members), for grouping.
    #[serde(skip)]
    pub units: Vec<&'a str>,
}

/// `plan chase`: every open item that missed its latest feedback window, in plan and file order.
pub fn chase<'a>(ws: &'a Workspace, filter: &Filter, clock: Clock) -> Vec<ChaseRow<'a>> {
    let mut out = Vec::new();
    let items = ws
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| filter.plan(p))
        .flat_map(|(pi, p)| {
            p.areas
                .iter()
                .enumerate()
                .flat_map(move |(ai, a)| a.items().map(move |i| (pi, ai, p, a, i)))
        })
        .filter(|(_, _, p, a, i)| filter.item(p, a, *i));
    for (pi, ai, plan, area, item) in items {
        let Some((_, state)) = deadline_state(plan, item, clock) else {
            continue;
        };
        if let Some(window) = missed(plan, area, item, state, clock.today) {
            let c = item.common();
            out.push((
                pi,
                ai,
                c.span.start,
                ChaseRow {
                    plan: &plan.id.value,
                    area: &area.id.value,
                    id: &c.id.value,
                    title: &c.title,
                    owner: owner_of(area, item),
                    owners: owners_of(area, item),
                    window_end: window.ends,
                    latest: latest_report(item, clock.today),
                    units: units_of(plan, area, item),
                },
            ));
        }
    }
    // Within an area, in the order the items are written, whatever their kind.
    out.sort_by_key(|(p, a, at, _)| (*p, *a, *at));
    out.into_iter().map(|(_, _, _, row)| row).collect()
}

/// The lead units of `rows` in the order they first appear, each with its rows.
pub fn by_unit<'r, 'a>(rows: &'r [ChaseRow<'a>]) -> Vec<(&'a str, Vec<&'r ChaseRow<'a>>)> {
    let mut out: Vec<(&'a str, Vec<&'r ChaseRow<'a>>)> = Vec::new();
    for row in rows {
        for unit in &row.units {
            match out.iter_mut().find(|(u, _)| u == unit) {
                Some((_, list)) => list.push(row),
                None => out.push((unit, vec![row])),
            }
        }
    }
    out
}

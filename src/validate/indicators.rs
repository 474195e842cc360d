//! Checks on indicators: `prior`, `target` and `growth` agreeing, the sign of a falling
//! indicator's growth, reported periods (no duplicates, inside the plan year), a sub-indicator
//! against its parent (unit, target), and staleness on a given day.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::date::Period;
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Direction, ItemRef, Plan, Workspace};
use crate::validate::ids::Index;

pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in plan.areas.iter().flat_map(|a| &a.indicators) {
        if let (Some(t), false) = (&ind.tolerance_pp, ind.approx) {
            out.push(Diagnostic::new(Problem::TolerancePpWithoutApprox, t.span));
        }
        if let (Some(prior), Some(target), Some(growth)) = (&ind.prior, &ind.target, &ind.growth) {
            let expected = prior.value * (1.0 + growth.value / 100.0);
            if (expected - target.value).abs() > 0.01 * target.value.abs() {
                out.push(Diagnostic::new(
                    Problem::IndicatorInconsistent {
                        prior: prior.value,
                        target: target.value,
                        growth: growth.value,
                        expected,
                    },
                    target.span,
                ));
            }
        }
        if let (Direction::Down, Some(growth)) = (ind.direction, &ind.growth)
            && growth.value > 0.0
        {
            out.push(Diagnostic::new(
                Problem::FallingIndicatorRises {
                    growth: growth.value,
                },
                growth.span,
            ));
        }
        if let (Some(lag), None) = (&ind.lag, &ind.cadence) {
            out.push(Diagnostic::new(Problem::LagWithoutCadence, lag.span));
        }
        let mut seen: HashSet<Period> = HashSet::new();
        for actual in &ind.actuals {
            let p = actual.period.value;
            // "2016-12" and "2016" are the same cumulative full-year figure.
            let key = if p.is_full_year() {
                Period::Year { year: p.year() }
            } else {
                p
            };
            if !seen.insert(key) {
                out.push(Diagnostic::new(
                    Problem::DuplicatePeriod {
                        period: p.to_string(),
                    },
                    actual.period.span,
                ));
            }
            if p.year() != plan.year {
                out.push(Diagnostic::new(
                    Problem::PeriodOutsideYear {
                        period: p.to_string(),
                        year: plan.year,
                    },
                    actual.period.span,
                ));
            }
        }
    }
    out
}

/// A sub-indicator against its parent: the same unit (unless `unit_differs`), and in the same
/// unit a target no larger than the parent's.
pub fn parents(plan: &Plan, index: &Index<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in plan.areas.iter().flat_map(|a| &a.indicators) {
        let Some(parent_id) = &ind.parent else {
            continue;
        };
        let Some(ItemRef::Indicator(parent)) = index.items.get(parent_id.value.as_str()) else {
            continue;
        };
        let (unit, parent_unit) = (ind.unit.as_deref(), parent.unit.as_deref());
        if let (Some(u), Some(pu)) = (unit, parent_unit)
            && u != pu
            && !ind.unit_differs
        {
            out.push(Diagnostic::new(
                Problem::UnitDiffersFromParent {
                    unit: u.to_string(),
                    parent: parent_id.value.clone(),
                    parent_unit: pu.to_string(),
                },
                parent_id.span,
            ));
        }
        if let (Some(t), Some(pt)) = (&ind.target, &parent.target)
            && unit == parent_unit
            && crate::exact::cmp6(t.value, pt.value).is_gt()
        {
            out.push(Diagnostic::new(
                Problem::SubExceedsParent {
                    target: t.value,
                    parent: parent_id.value.clone(),
                    parent_target: pt.value,
                },
                t.span,
            ));
        }
    }
    out
}

/// Indicators with a `cadence` whose latest reported period is older than the one due by
/// `today`. This check depends on the day, so `plan check` runs it apart from loading.
pub fn stale(ws: &Workspace, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for plan in &ws.plans {
        for ind in plan.areas.iter().flat_map(|a| &a.indicators) {
            let Some(cadence) = &ind.cadence else {
                continue;
            };
            let expected = ind.expected_period(plan.year, today);
            let latest = ind.reported(today).last().map(|a| a.period.value);
            if let (true, Some(expected)) = (crate::model::is_stale(expected, latest), expected) {
                out.push(Diagnostic::new(
                    Problem::StaleIndicator {
                        latest: latest.map(|p| p.to_string()),
                        expected: expected.to_string(),
                    },
                    cadence.span,
                ));
            }
        }
    }
    out
}

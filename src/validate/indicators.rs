//! Checks on indicators: `prior`, `target` and `growth` agreeing, the sign of a falling
//! indicator's growth, and reported periods (no duplicates, inside the plan year).

use std::collections::HashSet;

use crate::date::Period;
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Direction, Plan};

pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in plan.areas.iter().flat_map(|a| &a.indicators) {
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

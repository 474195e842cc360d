//! Indicator figures as pure functions: the full-year prior (given, from the previous year's
//! plan, or implied by target and growth), target value and growth each derived from the
//! other, growth of the latest reported period, the gap, completion and status.

use chrono::NaiveDate;
use serde::Serialize;

use crate::date::Period;
use crate::model::{Direction, Indicator, Plan, Workspace};

/// Where the full-year prior came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorSource {
    /// `prior` in the file.
    Given,
    /// The full-year actual of the same indicator in the previous year's plan.
    PreviousPlan,
    /// `target / (1 + growth/100)`.
    Implied,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    OnTrack,
    Behind,
    Unknown,
    NoData,
}

/// Everything derived about one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub prior: Option<f64>,
    pub prior_source: PriorSource,
    pub target: Option<f64>,
    pub target_growth: Option<f64>,
    /// The latest reported period, its value and the same period of the prior year.
    pub period: Option<Period>,
    pub value: Option<f64>,
    pub period_prior: Option<f64>,
    pub growth: Option<f64>,
    pub gap_pp: Option<f64>,
    pub completion: Option<f64>,
    pub status: IndicatorStatus,
}

/// Round to two decimals: percentages are compared as a statistician reads them.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Growth in percent of `value` against `prior`, on values rounded to six decimals.
pub fn growth(value: f64, prior: f64) -> Option<f64> {
    let (v, p) = (
        crate::compute::deadline::round6(value),
        crate::compute::deadline::round6(prior),
    );
    (p != 0.0).then(|| (v / p - 1.0) * 100.0)
}

/// The previous year's plan of `plan`: a plan of the year before whose id is this plan's id
/// with the year changed (`riverside-2016` → `riverside-2015`); failing that, when the root
/// holds exactly one plan of each of the two years, that plan.
pub fn previous_plan<'a>(ws: &'a Workspace, plan: &Plan) -> Option<&'a Plan> {
    let prev_year = plan.year - 1;
    let want = plan
        .id
        .value
        .replace(&plan.year.to_string(), &prev_year.to_string());
    let of_year = |y: i32| ws.plans.iter().filter(move |p| p.year == y);
    of_year(prev_year)
        .find(|p| want != plan.id.value && p.id.value == want)
        .or_else(|| {
            (of_year(prev_year).count() == 1 && of_year(plan.year).count() == 1)
                .then(|| of_year(prev_year).next())
                .flatten()
        })
}

/// The full-year actual of indicator `id` in `plan` (period `"YYYY"` or `"YYYY-12"`).
fn full_year_actual(plan: &Plan, id: &str) -> Option<f64> {
    plan.areas
        .iter()
        .flat_map(|a| &a.indicators)
        .find(|i| i.common.id.value == id)?
        .actuals
        .iter()
        .rev()
        .find(|a| a.period.value.is_full_year() && a.period.value.year() == plan.year)
        .map(|a| a.value)
}

/// The figures of `ind` as of `today`: periods that end after `today` are not reported yet.
pub fn figures(ind: &Indicator, plan: &Plan, ws: &Workspace, today: NaiveDate) -> Figures {
    let given_target = ind.target.as_ref().map(|t| t.value);
    let given_growth = ind.growth.as_ref().map(|g| g.value);
    let previous =
        || previous_plan(ws, plan).and_then(|p| full_year_actual(p, &ind.common.id.value));
    let (prior, prior_source) = if let Some(p) = &ind.prior {
        (Some(p.value), PriorSource::Given)
    } else if let Some(p) = previous() {
        (Some(p), PriorSource::PreviousPlan)
    } else if let (Some(t), Some(g)) = (given_target, given_growth) {
        (Some(t / (1.0 + g / 100.0)), PriorSource::Implied)
    } else {
        (None, PriorSource::None)
    };
    let target = given_target.or_else(|| Some(prior? * (1.0 + given_growth? / 100.0)));
    let target_growth = given_growth.or_else(|| growth(target?, prior?));

    let latest = ind
        .actuals
        .iter()
        .filter(|a| a.period.value.last_day() <= today)
        .max_by_key(|a| (a.period.value.last_day(), a.period.value.is_full_year()));
    let period = latest.map(|a| a.period.value);
    let value = latest.map(|a| a.value);
    let period_prior = latest.and_then(|a| {
        a.prior
            .or_else(|| a.period.value.is_full_year().then_some(prior).flatten())
    });
    let period_growth = match (value, period_prior) {
        (Some(v), Some(p)) => growth(v, p),
        _ => None,
    };
    let gap_pp = match (period_growth, target_growth) {
        (Some(g), Some(t)) => Some(g - t),
        _ => None,
    };
    let status = match (latest, period_growth, target_growth) {
        (None, _, _) => IndicatorStatus::NoData,
        (Some(_), Some(g), Some(t)) => {
            let (g, t) = (round2(g), round2(t));
            let on_track = match ind.direction {
                Direction::Up => g >= t,
                Direction::Down => g <= t,
            };
            if on_track {
                IndicatorStatus::OnTrack
            } else {
                IndicatorStatus::Behind
            }
        }
        _ => IndicatorStatus::Unknown,
    };
    let completion = match (value, target) {
        (Some(v), Some(t)) if t != 0.0 => Some(v / t * 100.0),
        _ => None,
    };
    Figures {
        prior,
        prior_source,
        target,
        target_growth,
        period,
        value,
        period_prior,
        growth: period_growth,
        gap_pp,
        completion,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floating_point_residue_does_not_flip_a_verdict() {
        // 52.8 / 48 = 1.1 exactly in decimal, 1.1000000000000000888 in binary.
        let g = growth(52.8, 48.0).unwrap_or(f64::NAN);
        assert_eq!(round2(g), 10.0);
        assert!(round2(g) >= round2(10.0));
    }
}

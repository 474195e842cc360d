//! Indicator figures as pure functions: the full-year prior (given, from the previous year's
//! plan, or implied by target and growth), target value and growth each derived from the
//! other, growth of each reported period against the same period of the prior year, the gap,
//! status, completion beside the share of the year elapsed (pace), what the rest of the year
//! must deliver, and staleness. No I/O; `today` is an argument.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::compute::deadline::year_elapsed;
use crate::compute::filter::{Filter, leaders_of, owner_of, owners_of};
use crate::date::Period;
use crate::model::{Area, Direction, Indicator, ItemRef, Plan, Workspace};
use rust_decimal::Decimal;

use crate::exact::{self, exact};
use crate::number::round6;

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

/// Where an indicator stands against its target growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    OnTrack,
    Behind,
    Unknown,
    NoData,
}

/// Growth in percent of `value` against `prior`, on values rounded to six decimals;
/// `None` (unknown) when the prior is zero or negative: a rate against a negative base
/// reads backwards (a loss that shrinks would show as a fall).
pub fn growth(value: f64, prior: f64) -> Option<f64> {
    let (v, p) = (round6(value), round6(prior));
    (p > 0.0).then(|| (v / p - 1.0) * 100.0)
}

/// The full-year prior: given, else the previous plan's full-year actual, else implied by
/// target and growth.
pub fn full_year_prior(
    given: Option<f64>,
    previous: Option<f64>,
    target: Option<f64>,
    growth_pct: Option<f64>,
) -> (Option<f64>, PriorSource) {
    match (given, previous, target, growth_pct) {
        (Some(p), ..) => (Some(p), PriorSource::Given),
        (None, Some(p), ..) => (Some(p), PriorSource::PreviousPlan),
        (None, None, Some(t), Some(g)) if g != -100.0 => {
            (Some(t / (1.0 + g / 100.0)), PriorSource::Implied)
        }
        _ => (None, PriorSource::None),
    }
}

/// The target value: given, else `prior × (1 + growth/100)`.
pub fn target_value(
    target: Option<f64>,
    prior: Option<f64>,
    growth_pct: Option<f64>,
) -> Option<f64> {
    target.or_else(|| Some(prior? * (1.0 + growth_pct? / 100.0)))
}

/// The target growth: given, else `(target / prior − 1) × 100`.
pub fn target_growth(
    growth_pct: Option<f64>,
    target: Option<f64>,
    prior: Option<f64>,
) -> Option<f64> {
    growth_pct.or_else(|| growth(target?, prior?))
}

/// On track when growth reaches the target growth (for a falling indicator: falls at least as
/// far), compared exactly on percentages rounded half away from zero to two decimals.
pub fn verdict(
    reported: bool,
    growth_pct: Option<Decimal>,
    target_growth_pct: Option<Decimal>,
    direction: Direction,
) -> IndicatorStatus {
    match (reported, growth_pct, target_growth_pct) {
        (false, _, _) => IndicatorStatus::NoData,
        (true, Some(g), Some(t)) => {
            let on_track = match direction {
                Direction::Up => exact::cmp2(g, t).is_ge(),
                Direction::Down => exact::cmp2(g, t).is_le(),
            };
            if on_track {
                IndicatorStatus::OnTrack
            } else {
                IndicatorStatus::Behind
            }
        }
        _ => IndicatorStatus::Unknown,
    }
}

/// What the rest of the year must deliver, for a cumulative indicator meant to rise.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RestOfYear {
    /// `target − value`: still to be reached (0 when already reached).
    pub needed: f64,
    /// The growth the remaining months need against the same months of the prior year:
    /// `needed / (prior − period_prior) − 1`, in percent; `None` when the prior-year figures
    /// do not allow it.
    pub growth: Option<f64>,
}

/// What the rest of the year must deliver after the latest period, and at what growth.
pub fn rest_of_year(
    target: f64,
    value: f64,
    prior: Option<f64>,
    period_prior: Option<f64>,
) -> RestOfYear {
    let needed = round6(target - value).max(0.0);
    let rest_prior = match (prior, period_prior) {
        (Some(p), Some(pp)) => Some(round6(p - pp)).filter(|r| *r > 0.0),
        _ => None,
    };
    RestOfYear {
        needed,
        growth: rest_prior.and_then(|r| growth(needed, r)),
    }
}

/// The previous year's plan of `plan`, whose full-year figures are its priors: the plan named
/// by `previous`; else the plan of the year before with the same `org` (both set; the first by
/// path); else, for an id ending in `-YYYY` with this plan's year, the plan whose id has the year
/// before (`lishan-2023` → `lishan-2022`). Nothing else: figures never cross from one
/// organisation's plan to another's.
pub fn previous_plan<'a>(ws: &'a Workspace, plan: &Plan) -> Option<&'a Plan> {
    let index = ws.plan_index();
    let by_id = |id: &str| index.by_id.get(id).map(|&i| &ws.plans[i]);
    if let Some(named) = &plan.previous {
        return by_id(&named.value);
    }
    let prev_year = plan.year - 1;
    if let Some(org) = &plan.org
        && let Some(p) = ws
            .plans
            .iter()
            .find(|p| p.year == prev_year && p.org.as_ref() == Some(org))
    {
        return Some(p);
    }
    let stem = plan.id.value.strip_suffix(&format!("-{}", plan.year))?;
    by_id(&format!("{stem}-{prev_year}"))
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
        .filter(|a| a.period.value.is_full_year() && a.period.value.year() == plan.year)
        .find_map(|a| a.value)
}

/// One reported period with its derived figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFigures {
    #[serde(serialize_with = "period_text")]
    pub period: Period,
    /// The figure; `null` for a period given only by its published growth.
    pub value: Option<f64>,
    /// The same period of the prior year (the full-year prior for a full-year period).
    pub period_prior: Option<f64>,
    pub growth: Option<f64>,
    /// `growth` is the rate the statistics bureau published, not computed from the figures.
    pub growth_reported: bool,
    /// A preliminary figure (初步预计, 快报).
    pub provisional: bool,
    pub gap_pp: Option<f64>,
    /// `value / target × 100` (rising indicators only).
    pub completion: Option<f64>,
    /// Share of the plan year elapsed at the period's end, in percent.
    pub year_elapsed: f64,
}

fn period_text<S: Serializer>(p: &Period, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(p)
}

/// Everything derived about one indicator as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub prior: Option<f64>,
    pub prior_source: PriorSource,
    pub target: Option<f64>,
    pub target_growth: Option<f64>,
    /// Every reported period that has ended by today, oldest first.
    pub history: Vec<PeriodFigures>,
    /// The latest of `history`.
    pub period: Option<Period>,
    pub value: Option<f64>,
    pub period_prior: Option<f64>,
    pub growth: Option<f64>,
    pub gap_pp: Option<f64>,
    pub completion: Option<f64>,
    pub status: IndicatorStatus,
    /// Share of the year elapsed at the latest period's end.
    pub year_elapsed: Option<f64>,
    /// Completion minus the share of the year elapsed, in points (rising indicators only).
    pub pace_pp: Option<f64>,
    /// Completion keeps up with the year elapsed, compared exactly (rounded to two decimals).
    pub on_pace: Option<bool>,
    pub rest: Option<RestOfYear>,
    pub expected_period: Option<Period>,
    pub stale: bool,
}

/// The figures of `ind` as of `today`: periods that end after `today` are not reported yet.
pub fn figures(ind: &Indicator, plan: &Plan, ws: &Workspace, today: NaiveDate) -> Figures {
    let num = |x: &Option<crate::model::Located<f64>>| x.as_ref().map(|l| l.value);
    // A previous plan's full-year figure counts once its year has ended.
    let previous = previous_plan(ws, plan)
        .filter(|p| today > p.span().last)
        .and_then(|p| full_year_actual(p, &ind.common.id.value));
    let (prior, prior_source) = full_year_prior(
        num(&ind.prior),
        previous,
        num(&ind.target),
        num(&ind.growth),
    );
    // At comparable prices (可比价) no target value follows from the prior.
    let target = if ind.comparable {
        num(&ind.target)
    } else {
        target_value(num(&ind.target), prior, num(&ind.growth))
    };
    let target_growth = target_growth(num(&ind.growth), target, prior);

    let reported = ind.reported(today);
    // Completion (value / target) measures progress of a rising, cumulative figure; for an
    // indicator meant to fall (an intensity, a processing time) it would mislead.
    let rising = ind.direction == Direction::Up;
    let history: Vec<PeriodFigures> = reported
        .iter()
        .map(|a| {
            let p = a.period.value;
            let period_prior = a
                .prior
                .or_else(|| p.is_full_year().then_some(prior).flatten());
            // The published growth, when given, is the period's growth.
            let g = a.growth.or_else(|| growth(a.value?, period_prior?));
            let gap_pp = match (g, target_growth) {
                (Some(g), Some(t)) => Some(g - t),
                _ => None,
            };
            PeriodFigures {
                period: p,
                value: a.value,
                period_prior,
                growth: g,
                growth_reported: a.growth.is_some(),
                provisional: a.provisional,
                gap_pp,
                completion: target
                    .filter(|t| *t != 0.0 && rising && !ind.comparable)
                    .and_then(|t| Some(a.value? / t * 100.0)),
                year_elapsed: year_elapsed(plan.span(), p.last_day()),
            }
        })
        .collect();
    let latest = history.last();
    // The decisions are made on the figures as written, exactly.
    let ex = |x: Option<f64>| x.and_then(exact);
    let hundred = Decimal::ONE_HUNDRED;
    let exact_prior = match prior_source {
        PriorSource::Given | PriorSource::PreviousPlan => ex(prior),
        PriorSource::Implied => ex(num(&ind.target)).and_then(|t| {
            let factor = Decimal::ONE.checked_add(ex(num(&ind.growth))?.checked_div(hundred)?)?;
            t.checked_div(factor)
        }),
        PriorSource::None => None,
    };
    let exact_target = ex(num(&ind.target)).or_else(|| {
        let factor = Decimal::ONE.checked_add(ex(num(&ind.growth))?.checked_div(hundred)?)?;
        exact_prior?.checked_mul(factor)
    });
    let exact_target_growth =
        ex(num(&ind.growth)).or_else(|| exact::growth(exact_target?, exact_prior?));
    let latest_actual = reported.last();
    let exact_growth = latest_actual.and_then(|a| {
        let period_prior = match a.prior {
            Some(p) => exact(p),
            None if a.period.value.is_full_year() => exact_prior,
            None => None,
        };
        match a.growth {
            Some(g) => exact(g),
            // At comparable prices only the published growth says anything.
            None if ind.comparable => None,
            None => exact::growth(exact(a.value?)?, period_prior?),
        }
    });
    // …左右: the target growth less (for a falling indicator, plus) the tolerance.
    let tolerance = ind
        .approx
        .then(|| ex(Some(ind.tolerance_pp.as_ref().map_or(0.5, |t| t.value))))
        .flatten();
    let exact_target_growth = match (exact_target_growth, tolerance) {
        (Some(t), Some(tol)) => Some(match ind.direction {
            Direction::Up => t - tol,
            Direction::Down => t + tol,
        }),
        (t, _) => t,
    };
    let status = verdict(
        latest.is_some(),
        exact_growth,
        exact_target_growth,
        ind.direction,
    );
    let pace_pp = latest
        .filter(|_| rising)
        .and_then(|l| Some(l.completion? - l.year_elapsed));
    // Keeping pace: completion − share of the year elapsed, rounded to two decimals, ≥ 0.
    let on_pace = latest_actual.filter(|_| rising).and_then(|a| {
        let t = exact_target.filter(|t| !t.is_zero())?;
        let completion = exact(a.value?)?.checked_div(t)?.checked_mul(hundred)?;
        let (done, total) =
            crate::compute::deadline::year_days(plan.span(), a.period.value.last_day());
        let elapsed = Decimal::from(done)
            .checked_div(Decimal::from(total))?
            .checked_mul(hundred)?;
        Some(exact::round(completion.checked_sub(elapsed)?, 2) >= Decimal::ZERO)
    });
    let rest = match (latest, target, latest.and_then(|l| l.value)) {
        (Some(l), Some(t), Some(v)) if rising && !l.period.is_full_year() && !ind.comparable => {
            Some(rest_of_year(t, v, prior, l.period_prior))
        }
        _ => None,
    };
    let expected = ind.expected_period(plan.year, today);
    Figures {
        prior,
        prior_source,
        target,
        target_growth,
        period: latest.map(|l| l.period),
        value: latest.and_then(|l| l.value),
        period_prior: latest.and_then(|l| l.period_prior),
        growth: latest.and_then(|l| l.growth),
        gap_pp: latest.and_then(|l| l.gap_pp),
        completion: latest.and_then(|l| l.completion),
        status,
        year_elapsed: latest.map(|l| l.year_elapsed),
        pace_pp,
        on_pace,
        rest,
        expected_period: expected,
        stale: crate::model::is_stale(expected, latest.map(|l| l.period)),
        history,
    }
}

/// One row of `plan indicators --format json`. The first seventeen fields are the contract's.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    pub plan: String,
    pub area: String,
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    pub direction: Direction,
    /// The full-year prior.
    pub prior: Option<f64>,
    /// Whether `prior` is implied by target and growth.
    pub prior_implied: bool,
    pub target: Option<f64>,
    pub target_growth: Option<f64>,
    /// The latest reported period (`2016-06`).
    pub period: Option<String>,
    pub value: Option<f64>,
    pub period_prior: Option<f64>,
    pub growth: Option<f64>,
    pub gap_pp: Option<f64>,
    pub completion: Option<f64>,
    /// `on_track`, `behind`, `unknown` or `no_data`.
    pub status: IndicatorStatus,
    /// `given`, `previous_plan`, `implied` or `none`.
    pub prior_source: PriorSource,
    pub parent: Option<String>,
    /// Nesting under parents shown in the same listing (0 for a top-level indicator).
    pub depth: usize,
    pub owner: Option<String>,
    /// Share of the year elapsed at the latest period's end, in percent.
    pub year_elapsed: Option<f64>,
    /// `completion − year_elapsed` in points (rising indicators only).
    pub pace_pp: Option<f64>,
    /// Completion keeps up with the share of the year elapsed (时间过半、任务过半), compared on
    /// percentages rounded to two decimals.
    pub on_pace: Option<bool>,
    /// What the rest of the year must deliver (rising indicators with a target, before the
    /// full-year figure).
    pub rest: Option<RestOfYear>,
    /// The latest period whose figure is due by today, with `cadence` and `lag`.
    pub expected_period: Option<String>,
    /// The latest reported period is older than `expected_period`.
    pub stale: bool,
    /// Every lead unit, as written; `owner` is the first.
    pub owners: Vec<String>,
    /// Every responsible leader.
    pub leaders: Vec<String>,
    /// The latest period's growth is the one the statistics bureau published.
    pub growth_reported: bool,
    /// The latest period's figure is preliminary.
    pub provisional: bool,
    /// 力争.
    pub stretch: bool,
    /// Binding (约束性).
    pub binding: bool,
}

/// One indicator's row of `plan indicators`, and the figures it was made from.
pub fn row(
    ws: &Workspace,
    plan: &Plan,
    area: &Area,
    ind: &Indicator,
    depth: usize,
    today: NaiveDate,
) -> (IndicatorRow, Figures) {
    let f = figures(ind, plan, ws, today);
    let row = IndicatorRow {
        plan: plan.id.value.clone(),
        area: area.id.value.clone(),
        id: ind.common.id.value.clone(),
        title: ind.common.title.clone(),
        unit: ind.unit.clone(),
        direction: ind.direction,
        prior: f.prior,
        prior_implied: f.prior_source == PriorSource::Implied,
        target: f.target,
        target_growth: f.target_growth,
        period: f.period.map(|p| p.to_string()),
        value: f.value,
        period_prior: f.period_prior,
        growth: f.growth,
        gap_pp: f.gap_pp,
        completion: f.completion,
        status: f.status,
        prior_source: f.prior_source,
        parent: ind.parent.as_ref().map(|p| p.value.clone()),
        depth,
        owner: owner_of(area, ItemRef::Indicator(ind)).map(str::to_string),
        growth_reported: f.history.last().is_some_and(|p| p.growth_reported),
        provisional: f.history.last().is_some_and(|p| p.provisional),
        stretch: ind.stretch,
        binding: ind.common.binding,
        owners: owners_of(area, ItemRef::Indicator(ind)).to_vec(),
        leaders: leaders_of(area, ItemRef::Indicator(ind)).to_vec(),
        year_elapsed: f.year_elapsed,
        pace_pp: f.pace_pp,
        on_pace: f.on_pace,
        rest: f.rest,
        expected_period: f.expected_period.map(|p| p.to_string()),
        stale: f.stale,
    };
    (row, f)
}

/// Every indicator that passes the filter, each parent followed by its sub-indicators.
pub fn rows(ws: &Workspace, filter: &Filter, today: NaiveDate) -> Vec<IndicatorRow> {
    let mut out = Vec::new();
    for plan in ws.plans.iter().filter(|p| filter.plan(p)) {
        let shown: Vec<(&Area, &Indicator)> = plan
            .areas
            .iter()
            .flat_map(|a| a.indicators.iter().map(move |i| (a, i)))
            .filter(|(a, i)| filter.item(plan, a, ItemRef::Indicator(i)))
            .collect();
        let is_shown = |id: &str| shown.iter().any(|(_, i)| i.common.id.value == id);
        // Roots: indicators whose parent is not in this listing; then depth-first children.
        let mut stack: Vec<(usize, &Area, &Indicator)> = shown
            .iter()
            .rev()
            .filter(|(_, i)| i.parent.as_ref().is_none_or(|p| !is_shown(&p.value)))
            .map(|(a, i)| (0, *a, *i))
            .collect();
        let mut seen = std::collections::HashSet::new();
        while let Some((depth, area, ind)) = stack.pop() {
            if !seen.insert(ind.common.id.value.as_str()) {
                continue;
            }
            out.push(row(ws, plan, area, ind, depth, today).0);
            stack.extend(
                shown
                    .iter()
                    .rev()
                    .filter(|(_, c)| {
                        c.parent
                            .as_ref()
                            .is_some_and(|p| p.value == ind.common.id.value)
                    })
                    .map(|(a, c)| (depth + 1, *a, *c)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;

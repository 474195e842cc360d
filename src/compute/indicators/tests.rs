//! Every indicator rule with hand-computed figures.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::model::{Actual, Cadence, Common, Located};
use crate::source::{FileId, Sources, Span};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn loc<T>(value: T) -> Located<T> {
    Located {
        value,
        span: Span::file_start(FileId(0)),
    }
}

fn indicator(id: &str, build: impl FnOnce(&mut Indicator)) -> Indicator {
    let mut ind = Indicator {
        common: Common {
            id: loc(id.to_string()),
            title: id.to_string(),
            owners: Vec::new(),
            leaders: Vec::new(),
            with: Vec::new(),
            tags: Vec::new(),
            note: None,
            binding: false,
            evidence_required: None,
            verified: None,
            evidence: Vec::new(),
            progress: Vec::new(),
            span: Span::file_start(FileId(0)),
        },
        unit: None,
        prior: None,
        target: None,
        growth: None,
        direction: Direction::Up,
        parent: None,
        unit_differs: false,
        actuals: Vec::new(),
        cadence: None,
        lag: None,
        comparable: false,
        approx: false,
        tolerance_pp: None,
        stretch: false,
    };
    build(&mut ind);
    ind
}

fn actual(period: &str, value: f64, prior: Option<f64>) -> Actual {
    Actual {
        period: loc(Period::parse(period).unwrap()),
        value: Some(value),
        prior,
        growth: None,
        provisional: false,
        span: Span::file_start(FileId(0)),
    }
}

fn plan(id: &str, year: i32, indicators: Vec<Indicator>) -> Plan {
    Plan {
        id: loc(id.to_string()),
        title: id.to_string(),
        org: None,
        year,
        previous: None,
        start: None,
        approve_delays: false,
        lights: crate::model::Lights::default(),
        lang: None,
        money_unit: "亿元".to_string(),
        dir: std::path::PathBuf::new(),
        groups: Vec::new(),
        emails: Vec::new(),
        feedback: crate::model::Feedback::default(),
        verify: false,
        areas: vec![Area {
            id: loc("a".to_string()),
            title: "A".to_string(),
            key: false,
            owners: Vec::new(),
            leaders: Vec::new(),
            tasks: Vec::new(),
            targets: Vec::new(),
            projects: Vec::new(),
            indicators,
        }],
        projects_by_id: crate::model::ProjectIndex::new(),
    }
}

fn ws(plans: Vec<Plan>) -> Workspace {
    Workspace::new(std::path::PathBuf::new(), Sources::default(), plans)
}

/// Figures of the first indicator of the last plan.
fn figures_of(ws: &Workspace, today: NaiveDate) -> Figures {
    let plan = ws.plans.last().unwrap();
    figures(&plan.areas[0].indicators[0], plan, ws, today)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn an_implied_prior_follows_from_target_and_growth() {
    // Industrial value added: 61.6 亿元 at +15 % implies 61.6 / 1.15 = 53.565217… .
    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![indicator("iva", |i| {
            i.target = Some(loc(61.6));
            i.growth = Some(loc(15.0));
        })],
    )]);
    let f = figures_of(&w, d(2016, 6, 30));
    assert_eq!(f.prior_source, PriorSource::Implied);
    assert!(close(f.prior, 61.6 / 1.15));
    assert_eq!(crate::number::grouped(f.prior.unwrap()), "53.57");
    assert!(close(f.target_growth, 15.0));
    assert_eq!(f.status, IndicatorStatus::NoData);
    assert_eq!((f.completion, f.rest, f.stale), (None, None, false));
}

#[test]
fn a_cross_year_prior_comes_from_the_previous_plan() {
    // 2015's full-year actual 500 is 2016's prior; target 540 means +8 %.
    let w = ws(vec![
        plan(
            "rev-2015",
            2015,
            vec![indicator("rev", |i| {
                i.actuals = vec![actual("2015-06", 230.0, None), actual("2015", 500.0, None)];
            })],
        ),
        plan(
            "rev-2016",
            2016,
            vec![indicator("rev", |i| {
                i.target = Some(loc(540.0));
                i.actuals = vec![actual("2016-06", 246.0, Some(230.0))];
            })],
        ),
    ]);
    let f = figures_of(&w, d(2016, 7, 20));
    assert_eq!(f.prior_source, PriorSource::PreviousPlan);
    assert!(close(f.prior, 500.0));
    assert!(close(f.target_growth, 8.0));
    // 246 / 230 − 1 = 6.956521… %: behind by 1.043478… points.
    assert!(close(f.growth, (246.0 / 230.0 - 1.0) * 100.0));
    assert!(close(f.gap_pp, (246.0 / 230.0 - 1.0) * 100.0 - 8.0));
    assert_eq!(f.status, IndicatorStatus::Behind);
    // Completion 246 / 540 = 45.56 % against 182 / 366 = 49.73 % of 2016 (a leap year)
    // elapsed at the end of June: 4.17 points behind pace.
    assert!(close(f.completion, 246.0 / 540.0 * 100.0));
    assert!(close(f.year_elapsed, 182.0 / 366.0 * 100.0));
    assert!(close(
        f.pace_pp,
        246.0 / 540.0 * 100.0 - 182.0 / 366.0 * 100.0
    ));
    // The rest of the year: 540 − 246 = 294 against 500 − 230 = 270 a year earlier: +8.888…%.
    let rest = f.rest.unwrap();
    assert!((rest.needed - 294.0).abs() < 1e-9);
    assert!(close(rest.growth, (294.0 / 270.0 - 1.0) * 100.0));
}

#[test]
fn a_given_prior_wins_over_the_previous_plan() {
    let w = ws(vec![
        plan(
            "x-2015",
            2015,
            vec![indicator("x", |i| {
                i.actuals = vec![actual("2015-12", 90.0, None)]
            })],
        ),
        plan(
            "x-2016",
            2016,
            vec![indicator("x", |i| {
                i.prior = Some(loc(100.0));
                i.growth = Some(loc(10.0));
            })],
        ),
    ]);
    let f = figures_of(&w, d(2016, 1, 1));
    assert_eq!(f.prior_source, PriorSource::Given);
    assert!((f.target.unwrap() - 110.0).abs() < 1e-9);
}

#[test]
fn the_previous_plan_is_matched_by_id_with_the_year_changed() {
    let w = ws(vec![
        plan(
            "other-2015",
            2015,
            vec![indicator("x", |i| {
                i.actuals = vec![actual("2015", 1.0, None)]
            })],
        ),
        plan(
            "mine-2015",
            2015,
            vec![indicator("x", |i| {
                i.actuals = vec![actual("2015", 80.0, None)]
            })],
        ),
        plan("other-2016", 2016, vec![]),
        plan(
            "mine-2016",
            2016,
            vec![indicator("x", |i| i.target = Some(loc(100.0)))],
        ),
    ]);
    let f = figures_of(&w, d(2016, 1, 1));
    assert!(close(f.prior, 80.0));
    assert!(close(f.target_growth, 25.0));
}

#[test]
fn a_falling_indicator_is_on_track_when_it_falls_at_least_as_far() {
    // Days to process a permit: prior 20, target −10 % (18). Q1: 18.2 against 20.4 a year
    // earlier is −10.784…%: on track. 18.9 against 20.4 is −7.352…%: behind.
    let fall = |value: f64| {
        let w = ws(vec![plan(
            "p-2016",
            2016,
            vec![indicator("days", |i| {
                i.direction = Direction::Down;
                i.prior = Some(loc(20.0));
                i.growth = Some(loc(-10.0));
                i.actuals = vec![actual("2016-Q1", value, Some(20.4))];
            })],
        )]);
        figures_of(&w, d(2016, 4, 30))
    };
    let on = fall(18.2);
    assert!(close(on.target, 18.0));
    assert!(close(on.growth, (18.2 / 20.4 - 1.0) * 100.0));
    assert_eq!(on.status, IndicatorStatus::OnTrack);
    assert!(close(on.gap_pp, (18.2 / 20.4 - 1.0) * 100.0 + 10.0));
    // Completion, pace and the rest of the year do not apply to a falling indicator.
    assert_eq!((on.completion, on.pace_pp, on.rest), (None, None, None));
    assert_eq!(fall(18.9).status, IndicatorStatus::Behind);
}

#[test]
fn a_period_without_its_prior_has_unknown_growth_but_a_full_year_uses_the_full_year_prior() {
    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![indicator("x", |i| {
            i.prior = Some(loc(500.0));
            i.target = Some(loc(560.0));
            i.actuals = vec![actual("2016-03", 130.0, None)];
        })],
    )]);
    let f = figures_of(&w, d(2016, 4, 30));
    assert_eq!((f.growth, f.gap_pp), (None, None));
    assert_eq!(f.status, IndicatorStatus::Unknown);
    // Without a same-period prior the rest-of-year growth is unknown; the amount is not.
    assert_eq!(
        f.rest,
        Some(RestOfYear {
            needed: 430.0,
            growth: None
        })
    );

    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![indicator("x", |i| {
            i.prior = Some(loc(500.0));
            i.target = Some(loc(560.0));
            i.actuals = vec![actual("2016-03", 130.0, None), actual("2016", 565.0, None)];
        })],
    )]);
    let f = figures_of(&w, d(2017, 1, 31));
    assert_eq!(f.period, Some(Period::Year { year: 2016 }));
    assert!(close(f.period_prior, 500.0));
    assert!(close(f.growth, 13.0));
    assert!(close(f.gap_pp, 1.0));
    assert_eq!(f.status, IndicatorStatus::OnTrack);
    assert_eq!(f.rest, None);
}

#[test]
fn an_indicator_with_no_data_or_only_future_periods() {
    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![indicator("x", |i| {
            i.target = Some(loc(80.0));
            i.actuals = vec![actual("2016-06", 40.0, Some(38.0))];
        })],
    )]);
    // On 30 June the June figure is not out.
    let f = figures_of(&w, d(2016, 6, 29));
    assert_eq!(f.status, IndicatorStatus::NoData);
    assert_eq!((f.period, f.value, f.completion), (None, None, None));
    assert!(f.history.is_empty());
    let f = figures_of(&w, d(2016, 7, 1));
    assert_eq!(
        f.period,
        Some(Period::Month {
            year: 2016,
            month: 6
        })
    );
    // No prior and no growth: growth of the period is known, target growth is not.
    assert_eq!(f.status, IndicatorStatus::Unknown);
}

#[test]
fn a_stale_indicator_has_not_reported_the_period_expected_by_today() {
    // Monthly, released 20 days after the month: on 25 May April's figure is due.
    assert_eq!(
        Cadence::Month.expected_period(20, 2016, d(2016, 5, 25)),
        Some(Period::Month {
            year: 2016,
            month: 4
        })
    );
    assert_eq!(
        Cadence::Month.expected_period(20, 2016, d(2016, 5, 19)),
        Some(Period::Month {
            year: 2016,
            month: 3
        })
    );
    assert_eq!(
        Cadence::Month.expected_period(20, 2016, d(2016, 1, 15)),
        None
    );
    assert_eq!(
        Cadence::Quarter.expected_period(15, 2016, d(2016, 10, 15)),
        Some(Period::Quarter {
            year: 2016,
            quarter: 3
        })
    );
    // December's figure is still expected in January of the next year.
    assert_eq!(
        Cadence::Month.expected_period(10, 2016, d(2017, 1, 11)),
        Some(Period::Month {
            year: 2016,
            month: 12
        })
    );

    let monthly = |reported: Vec<Actual>| {
        ws(vec![plan(
            "p-2016",
            2016,
            vec![indicator("x", |i| {
                i.cadence = Some(loc(Cadence::Month));
                i.lag = Some(loc(20));
                i.actuals = reported;
            })],
        )])
    };
    let f = figures_of(&monthly(vec![actual("2016-03", 1.0, None)]), d(2016, 5, 25));
    assert!(f.stale);
    assert_eq!(
        f.expected_period,
        Some(Period::Month {
            year: 2016,
            month: 4
        })
    );
    let f = figures_of(
        &monthly(vec![
            actual("2016-03", 1.0, None),
            actual("2016-04", 2.0, None),
        ]),
        d(2016, 5, 25),
    );
    assert!(!f.stale);
    // A quarterly figure covering April also counts.
    let f = figures_of(&monthly(vec![actual("2016-H1", 2.0, None)]), d(2016, 7, 25));
    assert!(!f.stale);
    // Nothing reported and nothing due yet: not stale.
    assert!(!figures_of(&monthly(vec![]), d(2016, 2, 10)).stale);
    assert!(figures_of(&monthly(vec![]), d(2016, 2, 25)).stale);
}

#[test]
fn the_rest_of_the_year_needs_what_is_left_against_the_same_months_a_year_earlier() {
    // Portal visits: target 1,380, 648 by June against 600 a year earlier; prior year 1,200.
    // Still needed: 732, against 1,200 − 600 = 600 in the second half of 2015: +22.0 %.
    let rest = rest_of_year(1380.0, 648.0, Some(1200.0), Some(600.0));
    assert!((rest.needed - 732.0).abs() < 1e-9);
    assert!(close(rest.growth, 22.0));
    // Already reached: nothing needed (the remaining months could fall by 100 %).
    let reached = rest_of_year(100.0, 120.0, Some(90.0), Some(40.0));
    assert_eq!(reached.needed, 0.0);
    assert!(close(reached.growth, -100.0));
    // A prior-year remainder of zero or less says nothing.
    assert_eq!(
        rest_of_year(100.0, 50.0, Some(40.0), Some(40.0)).growth,
        None
    );
}

#[test]
fn floating_point_residue_does_not_flip_a_verdict() {
    // 52.8 / 48 = 1.1 exactly in decimal, 1.1000000000000000888 in binary: +10.0 %, on track
    // against a 10 % target.
    let g = crate::exact::growth(exact(52.8).unwrap(), exact(48.0).unwrap());
    assert_eq!(
        verdict(true, g, exact(10.0), Direction::Up),
        IndicatorStatus::OnTrack
    );
    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![indicator("x", |i| {
            i.prior = Some(loc(48.0));
            i.growth = Some(loc(10.0));
            i.actuals = vec![actual("2016", 52.8, None)];
        })],
    )]);
    assert_eq!(
        figures_of(&w, d(2017, 1, 1)).status,
        IndicatorStatus::OnTrack
    );
    // And one hundredth of a point short is behind.
    assert_eq!(
        verdict(true, exact(9.99), exact(10.0), Direction::Up),
        IndicatorStatus::Behind
    );
}

#[test]
fn sub_indicators_follow_their_parent_in_listings() {
    let w = ws(vec![plan(
        "p-2016",
        2016,
        vec![
            indicator("tax", |i| i.parent = Some(loc("budget".to_string()))),
            indicator("gdp", |_| {}),
            indicator("budget", |_| {}),
        ],
    )]);
    let got: Vec<(String, usize)> = rows(&w, &Filter::default(), d(2016, 1, 1))
        .into_iter()
        .map(|r| (r.id, r.depth))
        .collect();
    assert_eq!(
        got,
        [
            ("gdp".to_string(), 0),
            ("budget".to_string(), 0),
            ("tax".to_string(), 1)
        ]
    );
}

proptest! {
    /// A value of prior × (1 + g) gives growth g, and meeting the target growth exactly is on
    /// track for rising and falling indicators alike.
    #[test]
    fn prior_times_one_plus_g_gives_growth_g(prior in 1.0f64..1e9, hundredths in -9_900i64..100_000) {
        #[allow(clippy::cast_precision_loss)]
        let g = hundredths as f64 / 100.0;
        let value = prior * (1.0 + g / 100.0);
        let got = growth(value, prior).unwrap();
        prop_assert!((got - g).abs() < 1e-4, "growth {got} for {g}");
        prop_assert_eq!(verdict(true, exact(got), exact(g), Direction::Up), IndicatorStatus::OnTrack);
        prop_assert_eq!(verdict(true, exact(got), exact(g), Direction::Down), IndicatorStatus::OnTrack);
    }

    /// The implied prior grown by the target growth gives back the target.
    #[test]
    fn an_implied_prior_round_trips(target in 0.01f64..1e9, hundredths in -9_900i64..100_000) {
        #[allow(clippy::cast_precision_loss)]
        let g = hundredths as f64 / 100.0;
        let (prior, source) = full_year_prior(None, None, Some(target), Some(g));
        prop_assert_eq!(source, PriorSource::Implied);
        let back = target_value(None, prior, Some(g)).unwrap();
        prop_assert!((back - target).abs() <= 1e-9 * target.max(1.0));
    }
}

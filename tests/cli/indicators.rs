//! `plan indicators`: figures on the example and the shipped plan, one indicator's history,
//! and the consistency and staleness warnings of `plan check`.

use serde_json::Value;

use crate::{Fixture, area, example, shipped};

fn rows(r: &crate::Run) -> Vec<Value> {
    r.json().as_array().unwrap().clone()
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

#[test]
fn the_shipped_plan_shows_its_implied_priors() {
    let r = shipped(&["indicators", "--today", "2016-06-30", "--format", "json"]);
    r.code(0);
    let all = rows(&r);
    let by_id = |id: &str| all.iter().find(|i| i["id"] == id).unwrap().clone();
    // Industrial value added: 61.6 at +15 % implies 53.565…; shown as 53.57 (推算).
    let iva = by_id("industrial-value-added");
    assert!(close(&iva["prior"], 61.6 / 1.15));
    assert_eq!(iva["prior_implied"], true);
    assert_eq!(iva["status"], "no_data");
    for (id, prior) in [
        ("gdp", 64.4 / 1.13),
        ("budget-revenue", 25468.0 / 1.10),
        ("tax-revenue", 24563.0 / 1.13),
    ] {
        assert!(close(&by_id(id)["prior"], prior), "{id}");
    }
    // Only a target: no prior, no growth. Energy intensity: a growth and nothing else.
    assert_eq!(by_id("foreign-trade")["prior"], Value::Null);
    assert_eq!(by_id("foreign-trade")["target_growth"], Value::Null);
    assert_eq!(by_id("energy-intensity")["target_growth"], -4.5);
    assert_eq!(by_id("energy-intensity")["direction"], "down");
    // Tax revenue comes right after its parent, one level down.
    let order: Vec<(&str, u64)> = all
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["depth"].as_u64().unwrap()))
        .collect();
    let at = order
        .iter()
        .position(|(id, _)| *id == "budget-revenue")
        .unwrap();
    assert_eq!(order[at + 1], ("tax-revenue", 1));
    let table = shipped(&["indicators", "--today", "2016-06-30"]);
    let line = table
        .stdout
        .lines()
        .find(|l| l.contains("industrial-value-added"))
        .unwrap();
    assert!(
        line.contains(" 53.57（推算） |") && line.contains(" +15.0% |"),
        "{line}"
    );
    insta::assert_snapshot!("shipped-indicators", table.stdout);
}

#[test]
fn figures_on_the_example_with_reported_periods() {
    let r = example(&[
        "indicators",
        "--plan",
        "riverside-2016",
        "--today",
        "2016-07-25",
        "--format",
        "json",
    ]);
    r.code(0);
    let all = rows(&r);
    let get = |id: &str| all.iter().find(|i| i["id"] == id).unwrap().clone();

    // Portal visits: 648 by June against 600: +8.0 % against +15.0 %, 7.0 points behind;
    // completion 648 / 1,380 = 46.96 % against 49.73 % of the year elapsed at the end of June.
    let v = get("portal-visits");
    assert_eq!(
        (v["period"].as_str(), v["status"].as_str()),
        (Some("2016-06"), Some("behind"))
    );
    assert!(close(&v["growth"], 8.0));
    assert!(close(&v["gap_pp"], -7.0));
    assert!(close(&v["completion"], 648.0 / 1380.0 * 100.0));
    assert!(close(&v["year_elapsed"], 182.0 / 366.0 * 100.0));
    assert_eq!(v["on_pace"], false);
    assert!(close(&v["rest"]["needed"], 732.0));
    assert!(close(&v["rest"]["growth"], 22.0));
    assert_eq!(v["stale"], false);

    // Online revenue: no prior in the file; the 2015 plan's full-year 500 is the prior.
    let v = get("online-revenue");
    assert_eq!(
        (v["prior_source"].as_str(), v["prior_implied"].as_bool()),
        (Some("previous_plan"), Some(false))
    );
    assert!(close(&v["prior"], 500.0));
    assert!(close(&v["target_growth"], 8.0));
    assert!(close(&v["growth"], (246.0 / 230.0 - 1.0) * 100.0));

    // Permit fees: a sub-indicator with an implied prior, on track, but stale by 25 July.
    let v = get("permit-fees");
    assert_eq!(
        (v["parent"].as_str(), v["depth"].as_u64()),
        (Some("online-revenue"), Some(1))
    );
    assert!(close(&v["prior"], 300.0 / 1.08));
    assert!(close(&v["growth"], (72.0 / 66.0 - 1.0) * 100.0));
    assert_eq!(v["status"], "on_track");
    assert_eq!(
        (v["stale"].as_bool(), v["expected_period"].as_str()),
        (Some(true), Some("2016-Q2"))
    );

    // Processing days fall: -10.8 % against -10.0 % is on track; no completion for a fall.
    let v = get("processing-days");
    assert_eq!(v["status"], "on_track");
    assert!(close(&v["gap_pp"], (18.2 / 20.4 - 1.0) * 100.0 + 10.0));
    assert_eq!(
        (&v["completion"], &v["pace_pp"], &v["rest"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );

    assert_eq!(get("satisfaction")["status"], "no_data");
}

#[test]
fn the_history_of_one_indicator() {
    let r = example(&[
        "indicators",
        "portal-visits",
        "--today",
        "2016-07-25",
        "--format",
        "json",
    ]);
    r.code(0);
    let v = r.json();
    let periods: Vec<(&str, f64)> = v["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["growth"].as_f64().unwrap()))
        .collect();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0].0, "2016-03");
    assert!((periods[0].1 - 10.0).abs() < 1e-9);
    assert!(close(&v["rest"]["needed"], 732.0));
    assert!((v["rest"]["growth"].as_f64().unwrap() - 22.0).abs() < 1e-9);
    // Before the June figure ends, only March counts.
    let r = example(&[
        "indicators",
        "portal-visits",
        "--today",
        "2016-06-15",
        "--format",
        "json",
    ]);
    assert_eq!(r.json()["history"].as_array().unwrap().len(), 1);
    // An id that is not an indicator.
    let r = example(&["indicators", "launch-portal"]);
    r.code(2);
    assert!(
        r.stderr
            .starts_with("error: ID: no indicator `launch-portal`"),
        "{}",
        r.stderr
    );
}

#[test]
fn sub_indicators_must_fit_their_parent() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(concat!(
            "[[indicator]]\nid = \"budget\"\ntitle = \"B\"\nunit = \"万元\"\ntarget = 25468\n",
            "[[indicator]]\nid = \"tax\"\ntitle = \"T\"\nunit = \"万元\"\ntarget = 25469\nparent = \"budget\"\n",
            "[[indicator]]\nid = \"share\"\ntitle = \"S\"\nunit = \"%\"\ntarget = 96\nparent = \"budget\"\n",
            "[[indicator]]\nid = \"yuan\"\ntitle = \"Y\"\nunit = \"亿元\"\ntarget = 2\nparent = \"budget\"\nunit_differs = true\n",
            "[[indicator]]\nid = \"lagged\"\ntitle = \"L\"\nlag = 20\n",
        )),
    )]);
    let r = f.run(&["check"]);
    r.code(0)
        .err_line("plans/p/01-a.toml:14:10: warning: the target 25469 of this sub-indicator is more than the target 25468 of its parent `budget` in the same unit")
        .err_line("plans/p/01-a.toml:21:10: warning: this sub-indicator's unit `%` differs from the unit `万元` of its parent `budget`")
        .err_line("    = help: use the parent's unit, or add unit_differs = true if the difference is meant")
        .err_line("plans/p/01-a.toml:32:7: warning: `lag` needs a `cadence`")
        .err_line("0 errors, 3 warnings");
}

#[test]
fn check_flags_stale_indicators_on_the_day_asked() {
    // Q2 of permit-fees is due 20 July (quarter end + 20 days).
    let r = example(&["check", "--today", "2016-07-20"]);
    r.code(0)
        .err_line("plans/riverside-2016/03-indicators.toml:45:11: warning: stale: the latest reported period is `2016-Q1`, but `2016-Q2` is due by now");
    let r = example(&["check", "--today", "2016-07-19"]);
    r.code(0);
    assert_eq!(r.stderr, "");
    example(&["check", "--today", "2016-07-20", "--strict"]).code(2);
    // The status table says so too.
    let r = example(&[
        "status",
        "--area",
        "indicators",
        "--plan",
        "riverside-2016",
        "--today",
        "2016-07-20",
        "--format",
        "json",
    ]);
    let permit = rows(&r)
        .into_iter()
        .find(|i| i["id"] == "permit-fees")
        .unwrap();
    assert_eq!(permit["state"], "on_track");
}

#[test]
fn growth_against_a_negative_prior_is_unknown_not_backwards() {
    let f = crate::Fixture::with_areas(&[(
        "01-a.toml",
        &crate::area(
            "[[indicator]]\nid = \"profit\"\ntitle = \"利润\"\nprior = -10\ntarget = 5\nactuals = [{ period = \"2016-06\", value = -2, prior = -8 }]\n",
        ),
    )]);
    let r = f.run(&["indicators", "--format", "json", "--today", "2016-07-10"]);
    r.code(0);
    let row = &r.json()[0];
    assert_eq!(row["growth"], serde_json::Value::Null, "{row}");
    assert_eq!(row["target_growth"], serde_json::Value::Null, "{row}");
    assert_eq!(row["status"], "unknown", "{row}");
}

/// The previous year's plan (contract v2): named by `previous`, else of the same `org`, else
/// by id with the year before; never another organisation's; its full-year figure only once
/// that year has ended.
#[test]
fn the_previous_plan_is_named_then_by_org_then_by_id_and_never_another_organisation() {
    let indicator = |body: &str| {
        format!(
            "[area]\nid = \"a\"\ntitle = \"A\"\n[[indicator]]\nid = \"rev\"\ntitle = \"Revenue\"\n{body}"
        )
    };
    let plan = |id: &str, year: i32, extra: &str| {
        format!("[plan]\nid = \"{id}\"\ntitle = \"{id}\"\nyear = {year}\n{extra}")
    };
    let f = Fixture::new()
        .file(
            "east-2015/plan.toml",
            &plan("east-2015", 2015, "org = \"东区\"\n"),
        )
        .file(
            "east-2015/01.toml",
            &indicator("actuals = [{ period = \"2015\", value = 100 }]\n"),
        )
        .file(
            "west-2015/plan.toml",
            &plan("west-2015", 2015, "org = \"西区\"\n"),
        )
        .file(
            "west-2015/01.toml",
            &indicator("actuals = [{ period = \"2015\", value = 200 }]\n"),
        )
        // The same organisation, an id without a year.
        .file("q/plan.toml", &plan("q", 2016, "org = \"东区\"\n"))
        .file("q/01.toml", &indicator("target = 110\n"))
        // No org: by id, west-2016 → west-2015.
        .file("west-2016/plan.toml", &plan("west-2016", 2016, ""))
        .file("west-2016/01.toml", &indicator("target = 110\n"))
        // Named, whatever the org says.
        .file(
            "named/plan.toml",
            &plan("named", 2016, "org = \"东区\"\nprevious = \"west-2015\"\n"),
        )
        .file("named/01.toml", &indicator("target = 110\n"))
        // Another organisation's plans only: no prior.
        .file(
            "south-2016/plan.toml",
            &plan("south-2016", 2016, "org = \"南区\"\n"),
        )
        .file("south-2016/01.toml", &indicator("target = 110\n"));
    let priors = |today: &str| -> Vec<(String, serde_json::Value, String)> {
        let r = f.run(&["--today", today, "indicators", "--format", "json"]);
        r.code(0);
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| {
                row["plan"].as_str().unwrap().ends_with("2016")
                    || !row["plan"].as_str().unwrap().contains('-')
            })
            .map(|row| {
                (
                    row["plan"].as_str().unwrap().to_string(),
                    row["prior"].clone(),
                    row["prior_source"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let got = priors("2016-02-01");
    let want = [
        ("named", serde_json::json!(200.0), "previous_plan"),
        ("q", serde_json::json!(100.0), "previous_plan"),
        ("south-2016", serde_json::Value::Null, "none"),
        ("west-2016", serde_json::json!(200.0), "previous_plan"),
    ];
    assert_eq!(got, want.map(|(a, b, c)| (a.to_string(), b, c.to_string())));
    // On the last day of 2015 its full-year figure is not in yet.
    assert!(
        priors("2015-12-31")
            .iter()
            .all(|(_, prior, source)| prior.is_null() && source == "none")
    );
    // A `previous` that names no plan is an error with a did-you-mean.
    let f = f.file(
        "named/plan.toml",
        &plan("named", 2016, "previous = \"west-2105\"\n"),
    );
    f.run(&["check"]).code(2).err_line(
        "plans/named/plan.toml:5:12: error: `previous` names the plan `west-2105`, which is not in the plans directory",
    );
}

/// 109.995 against a prior of 100 is exactly 9.995 %, which reads 10.00 %: on track against a
/// 10 % target (binary floating point says 9.99499… and behind). A target growth of 9.995
/// reads 10.00 % too, and 10.0049 against it is on track while 9.994 is behind.
#[test]
fn growth_ties_at_two_decimals_are_read_half_away_from_zero() {
    let status = |prior: &str, growth: &str, value: &str| {
        let f = Fixture::with_areas(&[(
            "01-a.toml",
            &area(&format!(
                "[[indicator]]\nid = \"x\"\ntitle = \"X\"\nprior = {prior}\ngrowth = {growth}\nactuals = [{{ period = \"2016\", value = {value} }}]\n"
            )),
        )]);
        let r = f.run(&["--today", "2017-01-01", "indicators", "--format", "json"]);
        r.code(0);
        r.json()[0]["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status("100", "10", "109.995"), "on_track");
    assert_eq!(status("100", "10", "109.994"), "behind");
    assert_eq!(status("100", "9.995", "110"), "on_track");
    assert_eq!(status("100", "9.995", "109.994"), "behind");
}

/// Indicators v2: the growth the statistics bureau publishes (`growth` on an entry, with no
/// absolute value), `basis = "comparable"`, `approx` (…左右) with `tolerance_pp`, `provisional`
/// figures and `stretch`.
#[test]
fn published_growth_comparable_prices_and_approximate_targets() {
    let rows = |body: &str, today: &str| {
        let f = Fixture::with_areas(&[(
            "01-a.toml",
            &area(&format!(
                "[[indicator]]\nid = \"gdp\"\ntitle = \"地区生产总值\"\nunit = \"亿元\"\n{body}"
            )),
        )]);
        let r = f.run(&["--today", today, "indicators", "--format", "json"]);
        r.code(0);
        r.json()[0].clone()
    };
    // 增长7%左右 at comparable prices; the bureau published +6.8 % for the first quarter.
    let gdp =
        "growth = 7\nbasis = \"comparable\"\nactuals = [{ period = \"2016-Q1\", growth = 6.8 }]\n";
    let row = rows(gdp, "2016-04-20");
    assert_eq!(
        (
            row["status"].as_str(),
            row["growth"].as_f64(),
            row["growth_reported"].as_bool()
        ),
        (Some("behind"), Some(6.8), Some(true))
    );
    assert!(row["value"].is_null() && row["completion"].is_null() && row["target"].is_null());
    // …左右: within 0.5 points (the default) of 7 % is on track.
    let row = rows(&format!("{gdp}approx = true\n"), "2016-04-20");
    assert_eq!(row["status"], "on_track");
    // 增长6.2%左右 at 6.1 % is on track; at 5.6 % (0.6 points short) it is behind; a wider
    // tolerance of 1 point takes it back.
    let approx = |g: &str, extra: &str| {
        rows(&format!("growth = 6.2\napprox = true\n{extra}actuals = [{{ period = \"2016-Q1\", growth = {g} }}]\n"), "2016-04-20")["status"].clone()
    };
    assert_eq!(approx("6.1", ""), "on_track");
    assert_eq!(approx("5.6", ""), "behind");
    assert_eq!(approx("5.6", "tolerance_pp = 1\n"), "on_track");
    // At comparable prices a period with a value and no published growth says nothing.
    let row = rows(
        "growth = 7\nprior = 100\nbasis = \"comparable\"\nactuals = [{ period = \"2016-Q1\", value = 26, prior = 24 }]\n",
        "2016-04-20",
    );
    assert_eq!(row["status"], "unknown");
    // A preliminary figure is marked as such in tables, and a stretch indicator too.
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[indicator]]\nid = \"x\"\ntitle = \"X\"\nprior = 100\ngrowth = 10\nstretch = true\nactuals = [{ period = \"2016-Q1\", value = 26, prior = 24, provisional = true }]\n",
        ),
    )]);
    let r = f.run(&["--today", "2016-04-20", "--lang", "zh", "indicators"]);
    r.code(0);
    assert!(r.stdout.contains("26（初步）"), "{}", r.stdout);
    assert!(r.stdout.contains("X（力争）"), "{}", r.stdout);
    // `tolerance_pp` needs `approx`; an entry needs a value or a growth.
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[indicator]]\nid = \"x\"\ntitle = \"X\"\ntolerance_pp = 1\nactuals = [{ period = \"2016-Q1\" }]\n",
        ),
    )]);
    let r = f.run(&["check"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("`tolerance_pp` applies only to an indicator with `approx = true`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("an actuals entry is missing the required key `value`"),
        "{}",
        r.stderr
    );
}

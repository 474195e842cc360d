//! Fiscal years (contract v2): `start` in `[plan]` makes the plan's year run one year from that
//! day; the share of the year elapsed, the default deadline of targets and the span of
//! recurring duties follow it, while periods stay calendar periods.

use crate::Fixture;

fn fiscal() -> Fixture {
    Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"2014/15 财年\"\nyear = 2015\nstart = 2014-07-01\n",
        )
        .file(
            "p/01-a.toml",
            r#"[area]
id = "a"
title = "A"

[[target]]
id = "revenue"
title = "Revenue"
target = 100
actual = 40

[[task]]
id = "quarterly"
title = "Quarterly report"
every = "quarter"
month = 3
day = 30

[[task]]
id = "monthly"
title = "Monthly check"
every = "month"
"#,
        )
}

#[test]
fn a_july_to_june_year_elapses_and_ends_with_june() {
    let f = fiscal();
    // On 10 January 2015, 194 of the year's 365 days (1 July 2014 – 30 June 2015) have passed:
    // 53.15 %, not the 2.7 % of the calendar year.
    let r = f.run(&["--today", "2015-01-10", "status", "--format", "json"]);
    r.code(0);
    let elapsed = r.json()["plans"][0]["year_elapsed"].as_f64().unwrap();
    assert!((elapsed - 194.0 / 365.0 * 100.0).abs() < 1e-9, "{elapsed}");
    // The heading names the plan year's days rather than a calendar year.
    let r = f.run(&["--today", "2015-01-10", "--lang", "zh", "status"]);
    assert!(
        r.stdout
            .contains("截至 2015-01-10，计划年度（2014-07-01 至 2015-06-30）已过 53.2%"),
        "{}",
        r.stdout
    );
    // A target with no `due` is due on the plan's last day, 30 June 2015.
    let r = f.run(&[
        "--today",
        "2015-01-10",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    let due = |id: &str| {
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["id"] == id)
            .map(|row| row["due"].as_str().unwrap().to_string())
    };
    assert_eq!(due("revenue").as_deref(), Some("2015-06-30"));
    // A recurring duty with no `last` starts from the plan's first day: 1 August 2014.
    let r2 = f.run(&[
        "--today",
        "2014-07-10",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    let monthly = r2
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == "monthly")
        .cloned()
        .unwrap();
    assert_eq!(monthly["due"], "2014-08-01");
    // A quarterly duty falls on the calendar quarters inside the fiscal year: on 10 January
    // the September and December reports are missed.
    let r = f.run(&[
        "--today",
        "2015-01-10",
        "overdue",
        "--kind",
        "task",
        "--format",
        "json",
    ]);
    let rows: Vec<(String, String)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["id"] == "quarterly")
        .map(|row| {
            (
                row["id"].as_str().unwrap().into(),
                row["due"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("quarterly".to_string(), "2014-09-30".to_string()),
            ("quarterly".to_string(), "2014-12-30".to_string())
        ]
    );
    // The target is overdue the day after the fiscal year ends.
    let r = f.run(&[
        "--today",
        "2015-07-01",
        "overdue",
        "--kind",
        "target",
        "--format",
        "json",
    ]);
    r.code(1);
    assert_eq!(r.json()[0]["days_overdue"], 1);
}

#[test]
fn start_must_fall_in_the_year_or_the_year_before() {
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"T\"\nyear = 2015\nstart = 2013-07-01\n",
        )
        .file("p/01-a.toml", "[area]\nid = \"a\"\ntitle = \"A\"\n");
    f.run(&["check"]).code(2).err_line(
        "plans/p/plan.toml:4:9: error: `start` is 2013-07-01; it must be a day in 2015 or 2014",
    );
}

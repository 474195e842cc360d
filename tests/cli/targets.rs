//! Targets (contract v2): ceilings (控制在…以内), `about` (…左右) with `tolerance`, the `within`
//! and `exceeded` states before the deadline, and `lag` for figures that come out after it.

use crate::{Fixture, area};

fn one_target(body: &str) -> Fixture {
    Fixture::with_areas(&[(
        "01-a.toml",
        &area(&format!("[[target]]\nid = \"t\"\ntitle = \"T\"\n{body}")),
    )])
}

/// `(state, days_overdue, days_left)` of the target on `today`.
fn state(f: &Fixture, today: &str) -> (String, Option<i64>, Option<i64>) {
    let r = f.run(&[
        "--today", today, "status", "--area", "a", "--format", "json",
    ]);
    r.code(0);
    let row = &r.json()[0];
    (
        row["state"].as_str().unwrap().to_string(),
        row["days_overdue"].as_i64(),
        row["days_left"].as_i64(),
    )
}

#[test]
fn a_ceiling_is_within_or_exceeded_until_its_deadline_then_met_or_overdue() {
    // 控制在4.5%以内, due at the end of the plan year (2016-12-31).
    let ceiling = |actual: &str| {
        one_target(&format!(
            "unit = \"%\"\ntarget = 4.5\ncompare = \"at_most\"\nactual = {actual}\n"
        ))
    };
    // In June 4.2 is inside the ceiling but not yet met (the year is not over): within.
    assert_eq!(
        state(&ceiling("4.2"), "2016-06-30"),
        ("within".into(), None, Some(184))
    );
    // 5.0 is above it: exceeded (not 111 % progress, not met).
    assert_eq!(
        state(&ceiling("5.0"), "2016-06-30"),
        ("exceeded".into(), None, Some(184))
    );
    // On the deadline 4.2 is met; 4.5 exactly is met too.
    assert_eq!(state(&ceiling("4.2"), "2016-12-31").0, "met");
    assert_eq!(state(&ceiling("4.5"), "2016-12-31").0, "met");
    // After it, 5.0 is overdue from the deadline.
    assert_eq!(
        state(&ceiling("5.0"), "2017-01-01"),
        ("overdue".into(), Some(1), None)
    );
    // `plan overdue` lists it then, and `exceeded` shows in words, in red in a terminal.
    let f = ceiling("5.0");
    f.run(&["--today", "2017-01-01", "overdue", "--format", "json"])
        .code(1);
    let r = f.run(&[
        "--today",
        "2016-06-30",
        "--lang",
        "zh",
        "status",
        "--area",
        "a",
    ]);
    assert!(r.stdout.contains("已超出目标"), "{}", r.stdout);
    let r = f.run(&["--today", "2016-06-30", "status", "--area", "a"]);
    assert!(
        r.stdout.contains("exceeded; 5/4.5 % (111.1%)"),
        "{}",
        r.stdout
    );
    // `plan owners` counts a within or exceeded target as open, not done.
    let r = f.run(&["--today", "2016-06-30", "owners", "--format", "json"]);
    assert_eq!(
        (r.json()[0]["open"].as_u64(), r.json()[0]["done"].as_u64()),
        (Some(1), Some(0))
    );
}

#[test]
fn about_is_two_sided_within_a_tolerance() {
    // 100 左右, due 2016-06-30; the band is 1 % of the target (99 to 101) unless `tolerance`.
    let about = |actual: &str, extra: &str| {
        one_target(&format!(
            "target = 100\ncompare = \"about\"\ndue = \"2016-06\"\nactual = {actual}\n{extra}"
        ))
    };
    assert_eq!(state(&about("99.5", ""), "2016-06-30").0, "met");
    assert_eq!(state(&about("101", ""), "2016-06-30").0, "met");
    assert_eq!(
        state(&about("98", ""), "2016-07-01"),
        ("overdue".into(), Some(1), None)
    );
    assert_eq!(state(&about("101.5", ""), "2016-07-01").0, "overdue");
    // Before the deadline: below the band is normal for a figure that accumulates; above it is
    // exceeded.
    assert_eq!(state(&about("50", ""), "2016-05-01").0, "within");
    assert_eq!(state(&about("102", ""), "2016-05-01").0, "exceeded");
    // tolerance = 5: 96 is inside.
    assert_eq!(
        state(&about("96", "tolerance = 5\n"), "2016-06-30").0,
        "met"
    );
    assert_eq!(
        state(&about("94.9", "tolerance = 5\n"), "2016-06-30").0,
        "due_soon"
    );
    let r = about("96", "tolerance = 5\n").run(&["--today", "2016-06-30", "show", "t"]);
    let line = |field: &str| {
        r.stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {field} ")))
            .map(|l| l.split('|').nth(2).unwrap_or_default().trim().to_string())
    };
    assert_eq!(
        line("Compare").as_deref(),
        Some("about the target"),
        "{}",
        r.stdout
    );
    assert_eq!(line("Tolerance").as_deref(), Some("5"), "{}", r.stdout);
}

#[test]
fn a_target_with_lag_is_overdue_only_after_its_figure_is_due() {
    // A year-end target whose figure comes out 30 days after 31 December.
    let f = one_target("target = 10\nactual = 5\nlag = 30\n");
    // Past the deadline but inside the lag: open, not overdue, not "due in −15 days".
    assert_eq!(state(&f, "2017-01-15"), ("open".into(), None, None));
    assert_eq!(state(&f, "2017-01-30").0, "open");
    f.run(&["--today", "2017-01-30", "overdue", "--quiet"])
        .code(0);
    let r = f.run(&["--today", "2017-01-15", "upcoming", "--format", "json"]);
    assert_eq!(r.ids(), Vec::<String>::new());
    // The day after: overdue, counted from the deadline (32 days).
    assert_eq!(state(&f, "2017-02-01"), ("overdue".into(), Some(32), None));
    let r = f.run(&["--today", "2017-02-01", "overdue", "--format", "json"]);
    r.code(1);
    assert_eq!(r.json()[0]["due"], "2016-12-31");
    assert_eq!(r.json()[0]["days_overdue"], 32);
}

#[test]
fn tolerance_needs_about_and_lag_is_bounded() {
    one_target("target = 10\ntolerance = 1\n").run(&["check"]).code(2).err_line(
        "plans/p/01-a.toml:9:13: error: `tolerance` applies only to a target with `compare = \"about\"`",
    );
    let r = one_target("target = 10\nlag = 400\n").run(&["check"]);
    r.code(2);
    assert!(
        r.stderr.contains("plans/p/01-a.toml:9:7: error:"),
        "{}",
        r.stderr
    );
}

/// Figures are decimals as written, rounded half away from zero (contract v2): 4.1205215 reads
/// 4.120522 at six decimals and meets a target of 4.120522 (in binary floating point
/// 4.1205215 × 10⁶ is 4120521.4999…, which would read 4.120521 and fall short).
#[test]
fn a_tie_at_six_decimals_is_met() {
    let f = one_target("target = 4.120522\nactual = 4.1205215\n");
    assert_eq!(state(&f, "2016-06-30").0, "met");
    let f = one_target("target = 4.120522\nactual = 4.1205214\n");
    assert_ne!(state(&f, "2016-06-30").0, "met");
}

/// Milestones (序时目标) and figures over time: a missed milestone makes the target overdue from
/// the milestone's date, listed with `milestone`; only the earliest missed one is listed.
#[test]
fn a_missed_second_milestone_makes_the_target_overdue() {
    let signing = |extra: &str| {
        one_target(&format!(
            "target = 100\nactuals = [{{ period = \"2016-03\", value = 30 }}, {{ period = \"2016-06\", value = 45 }}]\nmilestones = [{{ due = \"2016-Q1\", value = 25 }}, {{ due = \"2016-Q2\", value = 50 }}, {{ due = \"2016-Q3\", value = 75 }}]\n{extra}"
        ))
    };
    let f = signing("");
    // On 1 May only Q1 has passed, and 30 reached 25: open; the figure is the March one.
    assert_eq!(state(&f, "2016-05-01").0, "open");
    let r = f.run(&[
        "--today",
        "2016-05-01",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    assert_eq!(r.json()[0]["actual"], 30.0);
    // On 1 July: 45 by the end of June falls short of 50: overdue from 30 June.
    let r = f.run(&["--today", "2016-07-01", "overdue", "--format", "json"]);
    r.code(1);
    let row = &r.json()[0];
    assert_eq!(
        (
            row["due"].as_str(),
            row["days_overdue"].as_i64(),
            row["milestone"].as_f64()
        ),
        (Some("2016-06-30"), Some(1), Some(50.0))
    );
    // In October Q3 is missed too (no figure after June): still one row, the earliest.
    let r = f.run(&["--today", "2016-10-10", "overdue", "--format", "json"]);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(r.json()[0]["due"], "2016-06-30");
    // With `lag = 10` the June milestone is judged on 11 July.
    let f = signing("lag = 10\n");
    assert_eq!(state(&f, "2016-07-10").0, "open");
    assert_eq!(state(&f, "2016-07-11"), ("overdue".into(), Some(11), None));
    // Met overall (100 by December) wins over any milestone.
    let f = one_target(
        "target = 100\nactuals = [{ period = \"2016-12\", value = 100 }]\nmilestones = [{ due = \"2016-Q2\", value = 50 }]\n",
    );
    assert_eq!(state(&f, "2017-01-01").0, "met");
    // A milestone without any figure by its date is missed; a milestone of 0 is not.
    let f = one_target(
        "target = 100\nmilestones = [{ due = \"2016-Q1\", value = 0 }, { due = \"2016-Q2\", value = 25 }]\n",
    );
    let r = f.run(&["--today", "2016-07-01", "overdue", "--format", "json"]);
    assert_eq!(r.json()[0]["milestone"], 25.0);
}

#[test]
fn milestones_and_actuals_are_checked() {
    let f =
        one_target("target = 100\nactual = 5\nactuals = [{ period = \"2016-03\", value = 5 }]\n");
    f.run(&["check"])
        .code(2)
        .err_line("plans/p/01-a.toml:9:10: error: a target has `actual` or `actuals`, not both");
    let f = one_target(
        "target = 100\ndue = \"2016-06\"\nmilestones = [{ due = \"2016-Q3\", value = 50 }]\n",
    );
    f.run(&["check"]).code(2).err_line(
        "plans/p/01-a.toml:10:23: error: the milestone is dated after the target's deadline, 2016-06-30",
    );
    let f = one_target(
        "target = 100\nmilestones = [{ due = \"2016-Q1\", value = 50 }, { due = \"2016-Q2\", value = 40 }]\n",
    );
    f.run(&["check"]).code(2).err_line(
        "plans/p/01-a.toml:9:56: error: milestones must be in date order, each at least the one before",
    );
}

/// `binding` (约束性) items that are overdue come first in the report; `ongoing` work
/// (长期坚持) is never overdue and not counted; `evidence_required` shows in `plan show`.
#[test]
fn binding_ongoing_and_evidence() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"patrol\"\ntitle = \"常态化巡查\"\nongoing = true\ndue = \"2016-03\"\n\n[[task]]\nid = \"plain\"\ntitle = \"Plain\"\ndue = \"2016-12\"\n\n[[target]]\nid = \"expected\"\ntitle = \"预期性目标\"\ntarget = 10\ndue = \"2016-03\"\n\n[[target]]\nid = \"quota\"\ntitle = \"完成上级下达的节能减排任务\"\ntarget = 5\ndue = \"2016-03\"\nbinding = true\nevidence_required = \"验收报告\"\n",
        ),
    )]);
    // The ongoing task, due in March, is not overdue in June; the two targets are.
    let r = f.run(&["--today", "2016-06-30", "overdue", "--format", "json"]);
    assert_eq!(r.ids(), ["expected", "quota"]);
    // It is left out of done/total (1 task counted) and out of `plan owners`.
    let r = f.run(&["--today", "2016-06-30", "status", "--format", "json"]);
    assert_eq!(r.json()["plans"][0]["areas"][0]["tasks_total"], 1);
    // In the report the binding overdue target comes first.
    let r = f.run(&["--today", "2016-06-30", "report"]);
    let targets = r.stdout.split("## Targets").nth(1).expect(&r.stdout);
    let (quota, expected) = (
        targets.find("节能减排").unwrap(),
        targets.find("预期性目标").unwrap(),
    );
    assert!(quota < expected, "{}", r.stdout);
    let r = f.run(&["--today", "2016-06-30", "--lang", "zh", "show", "quota"]);
    assert!(
        r.stdout.contains("约束性") && r.stdout.contains("验收报告"),
        "{}",
        r.stdout
    );
    let r = f.run(&["--today", "2016-06-30", "show", "quota", "--format", "json"]);
    assert_eq!(r.json()["binding"], true);
    // `binding` is not a key of projects.
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[project]]\nid = \"p\"\ntitle = \"P\"\nbinding = true\n"),
    )]);
    f.run(&["check"]).code(2);
}

/// `plan record` on a numeric target adds a dated figure to its `actuals`, in period order.
#[test]
fn record_adds_a_dated_figure_to_a_target() {
    let f = one_target("target = 100\nactuals = [{ period = \"2016-03\", value = 28 }]\n");
    f.run(&["record", "t", "2016-06", "46"]).code(0);
    assert!(
        f.read("p/01-a.toml").contains(
            "actuals = [{ period = \"2016-03\", value = 28 }, { period = \"2016-06\", value = 46 }]"
        ),
        "{}",
        f.read("p/01-a.toml")
    );
    let r = f.run(&[
        "--today",
        "2016-07-01",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    assert_eq!(r.json()[0]["actual"], 46.0);
    // Not with --prior, and not on a target with an undated `actual`.
    let r = f.run(&["record", "t", "2016-09", "60", "--prior", "50"]);
    r.code(2);
    assert!(
        r.stderr.contains("it has no prior-year figure"),
        "{}",
        r.stderr
    );
    let f = one_target("target = 100\nactual = 5\n");
    let r = f.run(&["record", "t", "2016-06", "46"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("(or targets without `actual`, whose figures are `actuals`)"),
        "{}",
        r.stderr
    );
}

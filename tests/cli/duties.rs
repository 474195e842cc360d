//! Duties fixed to the calendar (contract v2): `every` with `day` (and `month`), `submitted`,
//! one overdue row per missed occurrence, and `plan done` appending a submission.

use crate::{Fixture, area};

fn duty(body: &str) -> Fixture {
    Fixture::with_areas(&[(
        "01-a.toml",
        &area(&format!(
            "[[task]]\nid = \"report\"\ntitle = \"季度报送\"\n{body}"
        )),
    )])
}

/// `(due, days_overdue)` of every overdue row on `today`.
fn overdue(f: &Fixture, today: &str) -> Vec<(String, i64)> {
    let r = f.run(&["--today", today, "overdue", "--format", "json"]);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["due"].as_str().unwrap().to_string(),
                row["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_quarterly_duty_counts_each_missed_report() {
    // 每季度最后一个月的30日前报送: due 30 March, 30 June, 30 September, 30 December. The Q1
    // report came late on 10 April; it satisfies Q1 and does not move Q2's date.
    let f = duty("every = \"quarter\"\nmonth = 3\nday = 30\nsubmitted = [2016-04-10]\n");
    // On 15 October Q2 and Q3 are both missed: two rows, each counted from its own date.
    assert_eq!(
        overdue(&f, "2016-10-15"),
        [
            ("2016-06-30".to_string(), 107),
            ("2016-09-30".to_string(), 15)
        ]
    );
    // The next open occurrence is what `upcoming` shows.
    let r = f.run(&[
        "--today",
        "2016-10-15",
        "upcoming",
        "--within",
        "90",
        "--format",
        "json",
    ]);
    assert_eq!(r.json()[0]["due"], "2016-12-30");
    // Before Q2's date nothing is late (the late Q1 report satisfied Q1).
    assert_eq!(overdue(&f, "2016-06-30"), []);
    f.run(&["--today", "2016-06-30", "overdue", "--quiet"])
        .code(0);
    // `plan done` appends the day to `submitted`: it satisfies Q2, the earliest open one.
    let r = f.run(&["--today", "2016-10-16", "done", "report"]);
    r.code(0);
    assert!(
        f.read("p/01-a.toml")
            .contains("submitted = [2016-04-10, 2016-10-16]"),
        "{}",
        f.read("p/01-a.toml")
    );
    assert_eq!(overdue(&f, "2016-10-16"), [("2016-09-30".to_string(), 16)]);
}

#[test]
fn a_half_month_duty_falls_on_the_15th_and_the_last_day() {
    // 每半个月: the 15th and the last day of every month (29 February in 2016).
    let f = duty("every = \"half-month\"\nday = 15\nsubmitted = [2016-01-14, 2016-02-01]\n");
    // 14 January satisfies the 15th; 1 February satisfies 31 January (late); 15 February is
    // missed on the 20th.
    assert_eq!(overdue(&f, "2016-02-20"), [("2016-02-15".to_string(), 5)]);
    let r = f.run(&["--today", "2016-02-20", "upcoming", "--format", "json"]);
    assert_eq!(r.json()[0]["due"], "2016-02-29");
    // A monthly duty on the 31st is clamped to the month's end.
    let f = duty("every = \"month\"\nday = 31\n");
    assert_eq!(
        overdue(&f, "2016-03-01"),
        [
            ("2016-01-31".to_string(), 30),
            ("2016-02-29".to_string(), 1)
        ]
    );
    // A weekly duty on Friday (day 5): the first Friday of 2016 is 1 January.
    let f = duty("every = \"week\"\nday = 5\n");
    assert_eq!(
        overdue(&f, "2016-01-09"),
        [("2016-01-01".to_string(), 8), ("2016-01-08".to_string(), 1)]
    );
}

#[test]
fn anchors_are_checked_against_their_interval() {
    let err = |body: &str, line: &str| {
        duty(body).run(&["check"]).code(2).err_line(line);
    };
    err(
        "every = \"month\"\nday = 32\n",
        "plans/p/01-a.toml:9:7: error: `day` cannot be 32 with every = \"month\"",
    );
    err(
        "every = \"half-month\"\nday = 14\n",
        "plans/p/01-a.toml:9:7: error: `day` cannot be 14 with every = \"half-month\"",
    );
    err(
        "every = \"quarter\"\nmonth = 4\nday = 30\n",
        "plans/p/01-a.toml:9:9: error: `month` cannot be 4 with every = \"quarter\"",
    );
    err(
        "every = \"month\"\nday = 28\nlast = 2016-01-28\n",
        "plans/p/01-a.toml:10:8: error: a duty fixed to the calendar (with `day`) has no `last`",
    );
    err(
        "day = 28\n",
        "plans/p/01-a.toml:8:7: error: `day` is for recurring duties with `every` and `day`",
    );
    err(
        "every = \"month\"\nday = 28\nsubmitted = [2015-12-28]\n",
        "plans/p/01-a.toml:10:14: error: the submission `2015-12-28` must be one day within the plan's year",
    );
    // A submission that satisfies nothing is a warning.
    duty("every = \"year\"\nmonth = 3\nday = 31\nsubmitted = [2016-03-01, 2016-03-02]\n")
        .run(&["check"])
        .code(0)
        .err_line("plans/p/01-a.toml:11:26: warning: the submission on 2016-03-02 satisfies no occurrence (every earlier one is satisfied)");
}

#[test]
fn plan_done_keeps_the_comments_in_a_multi_line_submitted_list() {
    // A hand-written list, one day per line with a note on each: the new day goes in date order
    // and every note stays on the line of the day it was written for.
    let f = duty(
        "every = \"quarter\"\nmonth = 3\nday = 30\nsubmitted = [\n  # 报送记录\n  2016-03-28, # Q1 按时\n  2016-07-02, # Q2 迟报\n]\n",
    );
    f.run(&[
        "--today",
        "2016-05-01",
        "done",
        "report",
        "--on",
        "2016-05-01",
    ])
    .code(0);
    let text = f.read("p/01-a.toml");
    assert!(
        text.contains(
            "submitted = [\n  # 报送记录\n  2016-03-28, # Q1 按时\n  2016-05-01,\n  2016-07-02, # Q2 迟报\n]\n"
        ),
        "{text}"
    );
}

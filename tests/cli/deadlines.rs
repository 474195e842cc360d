//! The deadline engine through `plan overdue`, `upcoming`, `status` and `owners`: exact
//! overdue sets and day counts on several dates, recurrence, batch targets, exit codes,
//! `--quiet`, filters, `today` from the environment, a closed pipe and colour.

use crate::{Fixture, area, example};

/// `(id, days_overdue)` of `plan overdue` on the example at `today`.
fn overdue_on(today: &str) -> Vec<(String, i64)> {
    let r = example(&["overdue", "--today", today, "--format", "json"]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().into(),
                o["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    list.iter().map(|(a, b)| ((*a).to_string(), *b)).collect()
}

#[test]
fn a_recurring_task_without_last_is_first_due_fifteen_days_into_the_year() {
    // status-bulletin: every half month, no `last`: due 2016-01-16, which is not overdue.
    assert_eq!(overdue_on("2016-01-16"), pairs(&[]));
    assert_eq!(overdue_on("2016-01-17"), pairs(&[("status-bulletin", 1)]));
}

#[test]
fn a_task_due_today_is_not_overdue_and_month_ends_clamp_in_a_leap_year() {
    // accessibility-audit is due "2016-02" = 29 February; backup-check is monthly from
    // 31 January, so due 29 February (clamped), not 2 March.
    assert_eq!(overdue_on("2016-02-29"), pairs(&[("status-bulletin", 44)]));
    assert_eq!(
        overdue_on("2016-03-01"),
        pairs(&[
            ("status-bulletin", 45),
            ("accessibility-audit", 1),
            ("backup-check", 1)
        ])
    );
}

#[test]
fn a_task_done_after_today_was_still_open() {
    // launch-portal was due 31 March and done on 28 March.
    let r = example(&[
        "status",
        "--area",
        "delivery",
        "--format",
        "json",
        "--today",
        "2016-03-27",
        "--kind",
        "task",
    ]);
    let launch = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "launch-portal")
        .cloned()
        .unwrap();
    assert_eq!(launch["state"], "due_soon");
    assert_eq!(launch["days_left"], 4);
    let r = example(&[
        "status",
        "--area",
        "delivery",
        "--format",
        "json",
        "--today",
        "2016-04-30",
        "--kind",
        "task",
    ]);
    let launch = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "launch-portal")
        .cloned()
        .unwrap();
    assert_eq!(launch["state"], "done");
    assert_eq!(launch["done_on"], "2016-03-28");
}

#[test]
fn overdue_on_1_july_with_a_batch_whose_project_signs_later() {
    // contracts-signed (due 30 June) lists three projects: cloud-hosting signed 15 February,
    // fibre-link signed 10 July, call-centre still negotiating. Dropped retire-fax never shows.
    assert_eq!(
        overdue_on("2016-07-01"),
        pairs(&[
            ("status-bulletin", 167),
            ("accessibility-audit", 123),
            ("backup-check", 123),
            ("incident-triage", 88),
            ("print-forms", 77),
            ("security-review", 1),
            ("contracts-signed", 1),
            ("board-review", 1),
        ])
    );
    // The dropped task (retire-fax, due 15 May) is in no listing of late or coming work.
    for cmd in ["overdue", "upcoming"] {
        let r = example(&[cmd, "--today", "2016-05-20", "--within", "365"]);
        assert!(!r.stdout.contains("retire-fax"), "{cmd}: {}", r.stdout);
    }
    let progress = |today: &str| {
        let r = example(&[
            "show",
            "contracts-signed",
            "--format",
            "json",
            "--today",
            today,
        ]);
        r.code(0);
        let v = r.json();
        (
            v["actual"].as_f64().unwrap(),
            v["state"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(progress("2016-07-09"), (1.0, "overdue".to_string()));
    assert_eq!(progress("2016-07-10"), (2.0, "overdue".to_string()));
}

#[test]
fn a_batch_target_is_met_only_when_its_projects_reach_the_stage_by_today() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(concat!(
            "[[target]]\nid = \"batch\"\ntitle = \"Sign both\"\ndue = \"2016-03\"\nstage = \"signed\"\n",
            "projects = [\"x\", \"y\"]\n",
            "[[project]]\nid = \"x\"\ntitle = \"X\"\nstage = \"started\"\nsigned = 2016-02-01\n",
            "[[project]]\nid = \"y\"\ntitle = \"Y\"\nstage = \"signed\"\nsigned = 2016-04-05\n",
        )),
    )]);
    let r = f.run(&["overdue", "--today", "2016-04-04", "--format", "json"]);
    r.code(1);
    assert_eq!(r.json()[0]["id"], "batch");
    assert_eq!(r.json()[0]["days_overdue"], 4);
    let r = f.run(&["overdue", "--today", "2016-04-05"]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing is overdue.\n");
}

#[test]
fn targets_are_due_at_the_end_of_the_plan_year_and_compared_on_rounded_values() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(concat!(
            "[[target]]\nid = \"short\"\ntitle = \"S\"\ntarget = 10\nactual = 9.99\n",
            // 9.9999999 is 10 at six decimals: met.
            "[[target]]\nid = \"residue\"\ntitle = \"R\"\ntarget = 10\nactual = 9.9999999\n",
            // 2.0000000001 is 2 at six decimals: at most 2, met.
            "[[target]]\nid = \"ceiling\"\ntitle = \"C\"\ntarget = 2\nactual = 2.0000000001\ncompare = \"at_most\"\n",
        )),
    )]);
    let r = f.run(&["overdue", "--today", "2016-12-31"]);
    r.code(0);
    let r = f.run(&["overdue", "--today", "2017-01-01", "--format", "json"]);
    r.code(1);
    let got: Vec<(String, i64)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().into(),
                o["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, pairs(&[("short", 1)]));
}

#[test]
fn exit_codes_and_quiet_for_cron() {
    // Nothing overdue: exit 0; --quiet prints nothing at all.
    let r = example(&["overdue", "--today", "2016-01-10", "--quiet"]);
    r.code(0);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    let r = example(&["overdue", "--today", "2016-01-10"]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing is overdue.\n");
    // Something overdue: exit 1, and --quiet still prints the list.
    let r = example(&["overdue", "--today", "2016-01-17", "--quiet"]);
    r.code(1);
    assert!(r.stdout.contains("status-bulletin"), "{}", r.stdout);
    assert_eq!(r.stderr, "");
    // Bad arguments: exit 2.
    let r = example(&["overdue", "--today", "2016-13-01"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("`2016-13-01` is not a date of the form YYYY-MM-DD"),
        "{}",
        r.stderr
    );
    example(&["overdue", "--format", "yaml"]).code(2);
    example(&["frobnicate"]).code(2);
    example(&["--help"]).code(0);
}

#[test]
fn a_mistyped_filter_is_an_error_not_an_empty_list() {
    let r = example(&["overdue", "--area", "delivry", "--today", "2016-07-01"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: --area: no area `delivry` in the plans\n  help: did you mean `delivery`?\n"
    );
    example(&["overdue", "--plan", "riverside-2017"]).code(2);
    // In Chinese when the language is Chinese.
    let r = example(&["--lang", "zh", "status", "--area", "delivry"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "错误：--area：计划中没有工作方面 `delivry`\n  提示：是否想写 `delivery`？\n"
    );
    let r = crate::shipped(&["--plans", "nowhere", "status"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: plans directory `nowhere` does not exist\n"
    );
    let r = crate::shipped(&["--lang", "zh", "--plans", "nowhere", "status"]);
    assert_eq!(r.stderr, "错误：计划目录 `nowhere` 不存在\n");
    example(&["owners", "--owner", "Nobody"]).code(2);
    example(&["upcoming", "--tag", "nope"]).code(2);
    let r = example(&["show", "launch-portl"]);
    r.code(2);
    assert!(
        r.stderr.contains("did you mean `launch-portal`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn filters_narrow_every_listing() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["overdue", "--today", "2016-07-01", "--format", "json"];
        all.extend_from_slice(args);
        example(&all).ids()
    };
    assert_eq!(
        ids(&["--area", "delivery"]),
        [
            "accessibility-audit",
            "print-forms",
            "security-review",
            "contracts-signed"
        ]
    );
    assert_eq!(
        ids(&["--owner", "Operations unit"]),
        ["backup-check", "incident-triage"]
    );
    assert_eq!(
        ids(&["--tag", "quality"]),
        ["accessibility-audit", "print-forms"]
    );
    assert_eq!(ids(&["--kind", "target"]), ["contracts-signed"]);
    assert_eq!(ids(&["--plan", "riverside-2015"]), Vec::<String>::new());
    // An area's owner stands in for items without one.
    assert_eq!(
        ids(&["--owner", "Procurement", "--kind", "target"]),
        ["contracts-signed"]
    );
}

#[test]
fn upcoming_lists_open_items_soonest_first_within_the_window() {
    let r = example(&["upcoming", "--today", "2016-06-20", "--format", "json"]);
    r.code(0);
    let got: Vec<(String, i64)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().into(),
                o["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        pairs(&[
            ("security-review", 10),
            ("contracts-signed", 10),
            ("board-review", 10)
        ])
    );
    let r = example(&["upcoming", "--today", "2016-06-20", "--within", "5"]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing is due in the next 5 days.\n");
}

#[test]
fn owners_rank_by_the_on_time_rate_then_fewest_overdue() {
    let r = example(&[
        "owners",
        "--today",
        "2016-07-01",
        "--plan",
        "riverside-2016",
        "--format",
        "json",
    ]);
    r.code(0);
    let got: Vec<(String, u64, u64, u64, u64, u64, u64)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["owner"].as_str().unwrap_or("-").to_string(),
                o["rank"].as_u64().unwrap(),
                o["open"].as_u64().unwrap(),
                o["overdue"].as_u64().unwrap(),
                o["done"].as_u64().unwrap(),
                o["due_by_today"].as_u64().unwrap(),
                o["behind"].as_u64().unwrap(),
            )
        })
        .collect();
    // (owner, rank, open, overdue, done, due by today, indicators behind): the web team
    // finished one of its two due items on time (50 %); the units at 0 % follow, fewest overdue
    // first, then by name (an overdue recurring duty without a fixed day counts once); units
    // with nothing due yet come last,
    // by name; the lead units of indicators have rows too.
    let want = [
        ("Web team", 1, 2, 1, 1, 2, 0),
        ("Director", 2, 2, 1, 0, 1, 0),
        ("Procurement", 3, 1, 1, 0, 1, 0),
        ("Security officer", 4, 1, 1, 0, 1, 0),
        ("Communications", 5, 3, 2, 0, 2, 0),
        ("Operations unit", 6, 2, 2, 0, 2, 0),
        ("Data team", 7, 1, 0, 0, 0, 0),
        ("Delivery unit", 8, 1, 0, 0, 0, 0),
        ("Finance", 9, 0, 0, 0, 0, 1),
        ("Performance office", 10, 0, 0, 0, 0, 1),
    ];
    assert_eq!(
        got,
        want.map(|(a, b, c, d, e, f, g)| (a.to_string(), b, c, d, e, f, g))
    );
    assert_eq!(r.json()[0]["on_time_rate"], 50.0);
    assert_eq!(r.json()[9]["on_time_rate"], serde_json::Value::Null);
}

#[test]
fn status_counts_every_kind_and_leaves_dropped_tasks_out() {
    let r = example(&[
        "status",
        "--today",
        "2016-07-01",
        "--plan",
        "riverside-2016",
        "--format",
        "json",
    ]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["today"], "2016-07-01");
    let areas = &v["plans"][0]["areas"];
    let row = |i: usize| {
        let a = &areas[i];
        [
            &a["tasks_done"],
            &a["tasks_total"],
            &a["overdue"],
            &a["due_soon"],
            &a["targets_met"],
            &a["targets_total"],
            &a["indicators_on_track"],
            &a["indicators_total"],
        ]
        .map(|x| x.as_u64().unwrap())
    };
    // delivery: 6 tasks of which retire-fax is dropped; launch-portal done.
    assert_eq!(row(0), [1, 5, 4, 0, 0, 4, 0, 0]);
    // operations: printer-contract is dropped.
    assert_eq!(row(1), [0, 5, 4, 0, 0, 0, 0, 0]);
    // indicators on 1 July: portal-visits behind (+8.0% against +15.0%); online-revenue
    // behind (+7.0% against +8.0% over the 2015 plan's 500); permit-fees (+9.1% against +8.0%)
    // and processing-days (-10.8% against -10.0%) on track; satisfaction has no data.
    assert_eq!(row(2), [0, 0, 0, 0, 0, 0, 2, 5]);
}

#[test]
fn today_and_language_come_from_the_environment_when_not_given() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-03-31\n"),
    )]);
    let out = assert_cmd::Command::cargo_bin("plan")
        .unwrap()
        .env_clear()
        .env("PLAN_TODAY", "2016-04-02")
        .env("PLAN_LANG", "zh")
        .current_dir(f.dir())
        .arg("overdue")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("| 逾期天数 |"), "{stdout}");
    assert!(stdout.contains("|        2 | 2016-03-31 |"), "{stdout}");
    // --today wins over $PLAN_TODAY; LANG never decides the language.
    let out = assert_cmd::Command::cargo_bin("plan")
        .unwrap()
        .env_clear()
        .env("PLAN_TODAY", "2016-04-02")
        .env("LANG", "zh_CN.UTF-8")
        .current_dir(f.dir())
        .args(["overdue", "--today", "2016-03-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Nothing is overdue.\n"
    );
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let root = crate::repo().join("examples/plans");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("plan"))
        .args([
            "--plans",
            root.to_str().unwrap(),
            "overdue",
            "--today",
            "2016-07-01",
        ])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the child writes: like `plan overdue | head -0`.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let r = example(&["overdue", "--today", "2016-07-01", "--color", "always"]);
    assert!(r.stdout.contains("\u{1b}["), "{}", r.stdout);
    let r = example(&["overdue", "--today", "2016-07-01", "--color", "never"]);
    assert!(!r.stdout.contains('\u{1b}'));
    // Not a terminal (a pipe): no colour.
    let r = example(&["overdue", "--today", "2016-07-01"]);
    assert!(!r.stdout.contains('\u{1b}'));
}

/// Run `plan` on a pseudo-terminal `cols` wide, through util-linux `script`.
#[cfg(unix)]
fn on_terminal(cols: u16, env: &str, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("plan");
    let root = crate::repo().join("examples/plans");
    let command = format!(
        "stty cols {cols} rows 50; env -i TERM=xterm {env} {} --plans {} {args}",
        bin.display(),
        root.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("util-linux `script` runs the terminal tests (.ci/run installs it)");
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[cfg(unix)]
#[test]
fn on_a_terminal_tables_wrap_to_its_width_and_colour_respects_no_color() {
    let args = "overdue --today 2016-07-01 --plan riverside-2016";
    let out = on_terminal(100, "", args);
    assert!(out.contains("\u{1b}["), "{out}");
    let plain = on_terminal(100, "NO_COLOR=1", args);
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let never = on_terminal(100, "", &format!("--color never {args}"));
    assert!(!never.contains('\u{1b}'), "{never}");
    let lines: Vec<&str> = plain
        .lines()
        .filter(|l| l.starts_with(['+', '|']))
        .collect();
    assert!(lines.len() > 10, "{plain}");
    for line in &lines {
        assert!(
            unicode_width::UnicodeWidthStr::width(*line) <= 100,
            "{line}"
        );
    }
    // Titles wrap; ids and dates stay whole.
    assert!(plain.contains("| status-bulletin "), "{plain}");
    assert!(plain.contains("2016-01-16"), "{plain}");
    let wide = on_terminal(250, "NO_COLOR=1", args);
    assert!(
        wide.contains("Publish the half-monthly status bulletin"),
        "{wide}"
    );
}

#[test]
fn a_long_listing_is_one_table_in_order_though_written_in_pieces() {
    // 5,000 overdue tasks: more than two pieces of the table are written on separate cores
    // and printed one after the other. Deadlines repeat every 40 tasks, so most rows tie on
    // their days and must keep file order; every 97th title carries a bidi override.
    let mut body = String::new();
    for i in 0..5000 {
        let day = 1 + i % 28;
        let month = 1 + (i / 40) % 12;
        let mark = if i % 97 == 0 { "\u{202E}" } else { "" };
        body.push_str(&format!(
            "[[task]]\nid = \"t{i:04}\"\ntitle = \"第{i}项招商任务{mark}\"\ndue = 2016-{month:02}-{day:02}\n\n"
        ));
    }
    let f = Fixture::with_areas(&[("a.toml", &area(&body))]);
    let json = f.run(&["overdue", "--today", "2017-01-01", "--format", "json"]);
    json.code(1);
    let ids = json.ids();
    // Most days late first; ties in file order.
    let mut expected: Vec<(i64, usize)> = (0..5000usize)
        .map(|i| {
            let due = chrono::NaiveDate::from_ymd_opt(
                2016,
                u32::try_from(1 + (i / 40) % 12).unwrap(),
                u32::try_from(1 + i % 28).unwrap(),
            )
            .unwrap();
            let today = chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
            (-(today - due).num_days(), i)
        })
        .collect();
    expected.sort();
    let expected: Vec<String> = expected.iter().map(|(_, i)| format!("t{i:04}")).collect();
    assert_eq!(ids, expected);

    let table = f.run(&["overdue", "--today", "2017-01-01"]);
    table.code(1);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 5000 + 4);
    let width = unicode_width::UnicodeWidthStr::width(lines[0]);
    for line in &lines {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(*line),
            width,
            "{line}"
        );
    }
    let table_ids: Vec<&str> = lines[3..lines.len() - 1]
        .iter()
        .map(|l| l.split('|').nth(4).unwrap().trim())
        .collect();
    assert_eq!(table_ids, expected);
    assert!(!table.stdout.contains('\u{202E}'));
    assert_eq!(table.stdout.matches("\\u{202e}").count(), 52);
}

#[test]
fn across_plans_rows_are_listed_by_deadline_then_plan_then_file_order() {
    // Two plans of two areas each; deadlines repeat across plans and areas, so the order of
    // ties shows. Each plan's rows are found apart and listed together.
    let task = |id: &str, due: &str| {
        format!("[[task]]\nid = \"{id}\"\ntitle = \"任务{id}\"\ndue = {due}\n\n")
    };
    let area_file = |id: &str, title: &str, body: &str| {
        format!("[area]\nid = \"{id}\"\ntitle = \"{title}\"\n\n{body}")
    };
    let f = Fixture::new()
        .file("east/plan.toml", crate::PLAN_2016)
        .file(
            "east/1.toml",
            &area_file(
                "x",
                "招商引资",
                &(task("e1", "2016-03-01") + &task("e2", "2016-02-01")),
            ),
        )
        .file(
            "east/2.toml",
            &area_file("y", "项目建设", &task("e3", "2016-03-01")),
        )
        .file("west/plan.toml", crate::PLAN_2016)
        .file(
            "west/1.toml",
            &area_file(
                "x",
                "统计监测",
                &(task("w1", "2016-02-01") + &task("w2", "2016-03-01")),
            ),
        )
        .file(
            "west/2.toml",
            &area_file("y", "安全生产", &task("w3", "2016-01-15")),
        );
    let expected = ["w3", "e2", "w1", "e1", "e3", "w2"];
    let json = f.run(&["overdue", "--today", "2016-04-01", "--format", "json"]);
    json.code(1);
    assert_eq!(json.ids(), expected);
    // The table (written while printed, for a pipe) has the same order, a plan column and
    // each row's own area title.
    let table = f.run(&["overdue", "--today", "2016-04-01", "--lang", "zh"]);
    table.code(1);
    let rows: Vec<Vec<&str>> = table
        .stdout
        .lines()
        .filter(|l| l.starts_with('|'))
        .skip(1)
        .map(|l| l.split('|').map(str::trim).collect())
        .collect();
    let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[3], r[4], r[5])).collect();
    assert_eq!(
        got,
        [
            ("west", "安全生产", "w3"),
            ("east", "招商引资", "e2"),
            ("west", "统计监测", "w1"),
            ("east", "招商引资", "e1"),
            ("east", "项目建设", "e3"),
            ("west", "统计监测", "w2"),
        ]
    );
    // Due soon on 2016-02-20: the same order rules, soonest first.
    let soon = f.run(&[
        "upcoming",
        "--today",
        "2016-02-20",
        "--within",
        "10",
        "--format",
        "json",
    ]);
    soon.code(0);
    assert_eq!(soon.ids(), ["e1", "e3", "w2"]);
}

/// Rows with the same deadline keep the order in which their items are written, whatever the
/// kind (contract v2): here a target written before a task.
#[test]
fn rows_with_the_same_deadline_keep_file_order_across_kinds() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[target]]\nid = \"first\"\ntitle = \"Target written first\"\ntarget = 10\ndue = \"2016-03\"\n\n[[task]]\nid = \"second\"\ntitle = \"Task written second\"\ndue = \"2016-03\"\n\n[[target]]\nid = \"third\"\ntitle = \"Target written third\"\ntarget = 5\ndue = \"2016-03\"\n",
        ),
    )]);
    let r = f.run(&["--today", "2016-04-10", "overdue", "--format", "json"]);
    r.code(1);
    assert_eq!(r.ids(), ["first", "second", "third"]);
    let r = f.run(&["--today", "2016-03-20", "upcoming", "--format", "json"]);
    assert_eq!(r.ids(), ["first", "second", "third"]);
}

/// `status --area` over several plans whose areas share an id: a section per plan, each under
/// its own heading, never one plan's rows under another's (contract v2).
#[test]
fn status_of_an_area_over_several_plans_has_a_section_per_plan() {
    let plan = |title: &str| format!("[plan]\ntitle = \"{title}\"\nyear = 2016\n");
    let targets = |id: &str| {
        format!(
            "[area]\nid = \"main-targets\"\ntitle = \"主要目标\"\n[[task]]\nid = \"{id}\"\ntitle = \"Task {id}\"\ndue = \"2016-03\"\n"
        )
    };
    let f = Fixture::new()
        .file("east/plan.toml", &plan("东区计划"))
        .file("east/01.toml", &targets("e1"))
        .file("west/plan.toml", &plan("西区计划"))
        .file("west/01.toml", &targets("w1"));
    let r = f.run(&[
        "--today",
        "2016-02-01",
        "--lang",
        "zh",
        "status",
        "--area",
        "main-targets",
    ]);
    r.code(0);
    let east = r.stdout.find("主要目标（东区计划）").expect(&r.stdout);
    let west = r.stdout.find("主要目标（西区计划）").expect(&r.stdout);
    let (e1, w1) = (
        r.stdout.find("| e1 ").unwrap(),
        r.stdout.find("| w1 ").unwrap(),
    );
    assert!(east < e1 && e1 < west && west < w1, "{}", r.stdout);
    let r = f.run(&[
        "--today",
        "2016-02-01",
        "status",
        "--area",
        "main-targets",
        "--format",
        "csv",
    ]);
    assert!(
        r.stdout
            .starts_with("Plan,ID,Kind,Title,Owner,Due,State,Light\neast,e1,"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\nwest,w1,"), "{}", r.stdout);
    let r = f.run(&[
        "--today",
        "2016-02-01",
        "status",
        "--area",
        "main-targets",
        "--format",
        "json",
    ]);
    assert_eq!(r.ids(), ["e1", "w1"]);
}

//! Progress reports (进展情况, contract v2): `progress` entries on any item, in date order, and
//! `plan progress` appending one with the edit commands' guarantees.

use crate::{Fixture, area};

fn survey() -> Fixture {
    Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"survey\"\ntitle = \"摸查统计\"\ndue = \"2016-03\"\nprogress = [{ on = 2016-03-15, text = \"已完成摸查50%\", percent = 50 }]\n",
        ),
    )])
}

#[test]
fn plan_progress_appends_a_report_in_date_order() {
    let f = survey();
    let r = f.run(&[
        "progress",
        "survey",
        "已完成摸查80%",
        "--on",
        "2016-03-25",
        "--percent",
        "80",
        "--by",
        "经发局",
    ]);
    r.code(0);
    // An earlier report goes before the later ones.
    f.run(&["progress", "survey", "开始摸查", "--on", "2016-03-01"])
        .code(0);
    let text = f.read("p/01-a.toml");
    assert!(
        text.contains(
            "progress = [{ on = 2016-03-01, text = \"开始摸查\" }, { on = 2016-03-15, text = \"已完成摸查50%\", percent = 50 }, { on = 2016-03-25, text = \"已完成摸查80%\", percent = 80, by = \"经发局\" }]"
        ),
        "{text}"
    );
    let r = f.run(&["show", "survey", "--format", "json"]);
    let got: Vec<(String, Option<f64>)> = r.json()["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["on"].as_str().unwrap().to_string(), p["percent"].as_f64()))
        .collect();
    assert_eq!(
        got,
        [
            ("2016-03-01".to_string(), None),
            ("2016-03-15".to_string(), Some(50.0)),
            ("2016-03-25".to_string(), Some(80.0))
        ]
    );
    let r = f.run(&["--lang", "zh", "show", "survey"]);
    assert!(
        r.stdout
            .contains("2016-03-25：已完成摸查80%（80.0%、经发局）"),
        "{}",
        r.stdout
    );
    // --dry-run shows the diff and writes nothing.
    let before = f.read("p/01-a.toml");
    let r = f.run(&[
        "progress",
        "survey",
        "完成",
        "--on",
        "2016-03-31",
        "--dry-run",
    ]);
    r.code(0);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with('+') && l.contains("{ on = 2016-03-31, text = \"完成\" }")),
        "{}",
        r.stdout
    );
    assert_eq!(f.read("p/01-a.toml"), before);
}

#[test]
fn plan_progress_keeps_the_comments_in_a_multi_line_list() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"survey\"\ntitle = \"摸查统计\"\nprogress = [\n  # 每月报送\n  { on = 2016-03-15, text = \"a\" }, # 三月\n  { on = 2016-05-15, text = \"c\" }, # 五月\n]\n",
        ),
    )]);
    f.run(&["progress", "survey", "b", "--on", "2016-04-15"])
        .code(0);
    let text = f.read("p/01-a.toml");
    assert!(
        text.contains(
            "progress = [\n  # 每月报送\n  { on = 2016-03-15, text = \"a\" }, # 三月\n  { on = 2016-04-15, text = \"b\" },\n  { on = 2016-05-15, text = \"c\" }, # 五月\n]\n"
        ),
        "{text}"
    );
}

#[test]
fn progress_is_checked() {
    let f = survey();
    let r = f.run(&["progress", "survey", "x", "--percent", "120"]);
    r.code(2);
    assert!(
        r.stderr.contains("--percent `120` must be from 0 to 100"),
        "{}",
        r.stderr
    );
    let r = f.run(&["progress", "survey", "  "]);
    r.code(2);
    assert!(
        r.stderr.contains("a progress report needs its text"),
        "{}",
        r.stderr
    );
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"t\"\ntitle = \"T\"\nprogress = [{ on = 2016-03-15, text = \"b\", percent = 150 }, { on = 2016-03-01, text = \"a\" }]\n",
        ),
    )]);
    let r = f.run(&["check"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("`percent` is 150; it must be from 0 to 100"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("progress reports must be in date order"),
        "{}",
        r.stderr
    );
}

/// `plan postpone --approved-by` keeps who approved it in the delay log; with `approve_delays`
/// a delay without it is a warning.
#[test]
fn postponements_name_who_approved_them() {
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"T\"\nyear = 2016\napprove_delays = true\n",
        )
        .file(
            "p/01-a.toml",
            &area("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"2016-03\"\n"),
        );
    let r = f.run(&[
        "--today",
        "2016-03-20",
        "postpone",
        "t",
        "2016-04",
        "--reason",
        "等待批复",
        "--approved-by",
        "分管副区长",
    ]);
    r.code(0);
    assert!(
        f.read("p/01-a.toml")
            .contains("reason = \"等待批复\", approved_by = \"分管副区长\" }"),
        "{}",
        f.read("p/01-a.toml")
    );
    f.run(&["check"]).code(0);
    // Without it, the edit is made, and `plan check` warns.
    let r = f.run(&[
        "--today",
        "2016-03-25",
        "postpone",
        "t",
        "2016-05",
        "--reason",
        "再等",
    ]);
    r.code(0);
    let r = f.run(&["check"]);
    r.code(0);
    assert!(
        r.stderr
            .contains("warning: this postponement does not say who approved it (`approved_by`)"),
        "{}",
        r.stderr
    );
}

/// Lights (红黄绿灯): red when overdue or far behind the time elapsed, yellow when the
/// deadline is near or the item trails, green otherwise; none once done.
#[test]
fn lights_follow_the_time_elapsed_and_the_deadline() {
    // Due 30 June, started 1 January: on 1 April 91 of its 181 days have passed (50.3 %).
    let light = |percent: &str, plan_extra: &str| {
        let f = Fixture::new()
            .file("p/plan.toml", &format!("[plan]\ntitle = \"T\"\nyear = 2016\n{plan_extra}"))
            .file(
                "p/01-a.toml",
                &area(&format!(
                    "[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"2016-06\"\nprogress = [{{ on = 2016-03-31, text = \"x\", percent = {percent} }}]\n\n[[task]]\nid = \"soon\"\ntitle = \"Soon\"\ndue = 2016-04-05\n\n[[task]]\nid = \"late\"\ntitle = \"Late\"\ndue = \"2016-03\"\n\n[[task]]\nid = \"finished\"\ntitle = \"Done\"\ndue = \"2016-03\"\nstatus = \"done\"\ndone = 2016-03-20\n"
                )),
            );
        let r = f.run(&[
            "--today",
            "2016-04-01",
            "status",
            "--area",
            "a",
            "--format",
            "json",
        ]);
        r.code(0);
        let lights: Vec<(String, serde_json::Value)> = r
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["id"].as_str().unwrap().to_string(), x["light"].clone()))
            .collect();
        let status = f
            .run(&["--today", "2016-04-01", "status", "--format", "json"])
            .json();
        let area = &status["plans"][0]["areas"][0];
        (
            lights,
            area["red"].as_u64().unwrap(),
            area["yellow"].as_u64().unwrap(),
        )
    };
    let j = |s: &str| serde_json::json!(s);
    // 20 % done: 30.3 points behind, over 30: red. Due in 4 days: yellow. Overdue: red. Done: none.
    let (lights, red, yellow) = light("20", "");
    assert_eq!(
        lights,
        [
            ("t".to_string(), j("red")),
            ("soon".to_string(), j("yellow")),
            ("late".to_string(), j("red")),
            ("finished".to_string(), serde_json::Value::Null)
        ]
    );
    assert_eq!((red, yellow), (2, 1));
    // 30 % done: 20.3 points behind: yellow; 45 %: 5.3 points: green.
    assert_eq!(light("30", "").0[0].1, j("yellow"));
    assert_eq!(light("45", "").0[0].1, j("green"));
    // Thresholds from [lights]: with red_pp = 40, 20 % done is yellow.
    assert_eq!(light("20", "[lights]\nred_pp = 40\n").0[0].1, j("yellow"));
}

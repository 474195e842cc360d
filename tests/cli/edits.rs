//! The editing commands change only the bytes they must: each edits a commented fixture in
//! three shapes (LF, CRLF, BOM + CRLF) and the whole file is compared with what is expected.
//! Rejected edits leave the file byte-identical with exit 2; `--dry-run` prints a diff.

use crate::{Fixture, PLAN_2016};

const AREA: &str = r#"# 测试：雄兴工业园区
[area]
id = "xiongxing"   # 重点
title = "雄兴"
key = true

# 摸查统计
[[task]]
id = "survey"
title = "摸查统计"
due = 2016-03-05  # 3月5日前
status = "todo"   # 尚未开始

[[task]]
id = "board"
title = "公示栏"
every = "half-month"
last = 2016-01-16  # 上次更新

[[target]]
id = "signed"
title = "签约"
unit = "个"
target = 10
actual = 3   # 截至2月

[[target]]
id = "batch"
title = "3月份前签约"
due = "2016-03"
stage = "signed"
projects = ["p1"]

[[project]]
id = "p1"
title = "普洛斯"
stage = "negotiating"  # 洽谈中

[[indicator]]
id = "gdp"
title = "GDP"
unit = "亿元"
target = 64.4
growth = 13.0
actuals = [
  { period = "2016-03", value = 14.9, prior = 13.1 },  # 一季度
  { period = "2016-09", value = 47.0, prior = 41.8 },
]
"#;

/// Makes a text into one shape.
type Shaper = fn(&str) -> String;

/// The shapes a file may come in, and how to make `text` into each.
const SHAPES: [(&str, Shaper); 3] = [
    ("LF", |t| t.to_string()),
    ("CRLF", |t| t.replace('\n', "\r\n")),
    ("BOM+CRLF", |t| {
        format!("\u{feff}{}", t.replace('\n', "\r\n"))
    }),
];

fn fixture(text: &str) -> Fixture {
    Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("p/06-xiongxing.toml", text)
}

fn read(f: &Fixture) -> String {
    String::from_utf8(std::fs::read(f.path("p/06-xiongxing.toml")).unwrap()).unwrap()
}

/// Run the edit on every shape and compare the whole file with `AREA` where `from` became `to`.
#[track_caller]
fn edits(args: &[&str], from: &str, to: &str) {
    assert!(AREA.contains(from), "the fixture has no {from:?}");
    let want = AREA.replacen(from, to, 1);
    for (name, shape) in SHAPES {
        let f = fixture(&shape(AREA));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = std::fs::Permissions::from_mode(0o640);
            std::fs::set_permissions(f.path("p/06-xiongxing.toml"), perms).unwrap();
        }
        let mut all = vec!["--today", "2016-03-10"];
        all.extend_from_slice(args);
        let r = f.run(&all);
        r.code(0);
        assert_eq!(
            r.stdout,
            format!("updated plans/p/06-xiongxing.toml ({})\n", args[1]),
            "{name}"
        );
        assert_eq!(read(&f), shape(&want), "{name}: {args:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(f.path("p/06-xiongxing.toml"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o640, "{name}: permissions");
        }
        f.run(&["check"]).code(0);
    }
}

#[test]
fn done_sets_status_and_date_and_keeps_the_comment_after_the_status() {
    edits(
        &["done", "survey", "--on", "2016-03-04"],
        "status = \"todo\"   # 尚未开始\n",
        "status = \"done\"   # 尚未开始\ndone = 2016-03-04\n",
    );
}

#[test]
fn done_on_a_recurring_task_moves_last() {
    edits(
        &["done", "board"],
        "last = 2016-01-16  # 上次更新",
        "last = 2016-03-10  # 上次更新",
    );
}

#[test]
fn mark_sets_the_status() {
    edits(
        &["mark", "survey", "blocked"],
        "status = \"todo\"   #",
        "status = \"blocked\"   #",
    );
}

#[test]
fn record_inserts_a_period_in_order_and_replaces_an_existing_one() {
    edits(
        &["record", "gdp", "2016-06", "31.2", "--prior", "27.4"],
        "  { period = \"2016-09\"",
        "  { period = \"2016-06\", value = 31.2, prior = 27.4 },\n  { period = \"2016-09\"",
    );
    edits(
        &["record", "gdp", "2016-01", "4.8"],
        "actuals = [\n",
        "actuals = [\n  { period = \"2016-01\", value = 4.8 },\n",
    );
    edits(
        &["record", "gdp", "2016-03", "15"],
        "{ period = \"2016-03\", value = 14.9, prior = 13.1 },  # 一季度",
        "{ period = \"2016-03\", value = 15, prior = 13.1 },  # 一季度",
    );
    edits(
        &["record", "gdp", "2016", "64.9", "--prior", "57"],
        "  { period = \"2016-09\", value = 47.0, prior = 41.8 },\n",
        "  { period = \"2016-09\", value = 47.0, prior = 41.8 },\n  { period = \"2016\", value = 64.9, prior = 57 },\n",
    );
}

#[test]
fn stage_moves_a_project_and_records_the_day() {
    edits(
        &["stage", "p1", "signed", "--on", "2016-02-20"],
        "stage = \"negotiating\"  # 洽谈中\n",
        "stage = \"signed\"  # 洽谈中\nsigned = 2016-02-20\n",
    );
}

#[test]
fn actual_records_a_target_value_keeping_its_comment() {
    edits(
        &["actual", "signed", "5"],
        "actual = 3   # 截至2月",
        "actual = 5   # 截至2月",
    );
}

#[test]
fn postpone_moves_the_deadline_and_appends_to_the_delay_log() {
    edits(
        &[
            "postpone",
            "survey",
            "2016-03-31",
            "--reason",
            "等待国土部门批复",
            "--on",
            "2016-03-01",
        ],
        "due = 2016-03-05  # 3月5日前\nstatus = \"todo\"   # 尚未开始\n",
        "due = 2016-03-31  # 3月5日前\nstatus = \"todo\"   # 尚未开始\ndelays = [\n  { from = 2016-03-05, to = 2016-03-31, on = 2016-03-01, reason = \"等待国土部门批复\" },\n]\n",
    );
    // A target with no `due` is postponed from the end of its plan year.
    edits(
        &["postpone", "signed", "2017-Q1", "--reason", "项目推迟"],
        "actual = 3   # 截至2月\n",
        "actual = 3   # 截至2月\ndue = \"2017-Q1\"\ndelays = [\n  { from = \"2016\", to = \"2017-Q1\", on = 2016-03-10, reason = \"项目推迟\" },\n]\n",
    );
}

#[test]
fn a_second_postponement_chains_onto_the_first() {
    let f = fixture(AREA);
    let run = |args: &[&str]| {
        let mut all = vec!["--today", "2016-03-10"];
        all.extend_from_slice(args);
        f.run(&all).code(0);
    };
    run(&[
        "postpone",
        "survey",
        "2016-03-31",
        "--reason",
        "一",
        "--on",
        "2016-03-01",
    ]);
    run(&[
        "postpone",
        "survey",
        "2016-04",
        "--reason",
        "二",
        "--on",
        "2016-03-25",
    ]);
    let text = read(&f);
    assert!(
        text.contains(concat!(
            "due = \"2016-04\"  # 3月5日前\n",
            "status = \"todo\"   # 尚未开始\n",
            "delays = [\n",
            "  { from = 2016-03-05, to = 2016-03-31, on = 2016-03-01, reason = \"一\" },\n",
            "  { from = 2016-03-31, to = \"2016-04\", on = 2016-03-25, reason = \"二\" },\n",
            "]\n",
        )),
        "{text}"
    );
    // No warning: the log chains and ends at `due`. show and owners count two postponements.
    let r = f.run(&["check"]);
    assert_eq!(r.stderr, "");
    let r = f.run(&[
        "show",
        "survey",
        "--format",
        "json",
        "--today",
        "2016-03-10",
    ]);
    assert_eq!(
        r.json()["details"]["task"]["delays"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let r = f.run(&["show", "survey", "--today", "2016-03-10"]);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("| Postponed"))
        .unwrap();
    assert!(
        line.ends_with("| 2                                                 |"),
        "{line}"
    );
    let r = f.run(&["owners", "--format", "json", "--today", "2016-03-10"]);
    assert_eq!(r.json()[0]["delays"], 2);
}

#[test]
fn rejected_edits_leave_the_file_byte_identical() {
    for (name, shape) in SHAPES {
        let original = shape(AREA);
        let f = fixture(&original);
        let cases: [(&[&str], &str); 10] = [
            (
                &["done", "survy"],
                "error: ID: no item `survy` in the plans\n  help: did you mean `survey`?\n",
            ),
            (
                &["postpone", "survey", "2016-02-30", "--reason", "x"],
                "error: `2016-02-30` is not a date\n",
            ),
            (
                &["postpone", "survey", "2016-03-05", "--reason", "x"],
                "error: `survey` is already due 2016-03-05\n",
            ),
            (
                &["postpone", "survey", "2016-04-30", "--reason", " "],
                "error: a postponement needs a reason (--reason)\n",
            ),
            (
                &["postpone", "board", "2016-04-30", "--reason", "x"],
                "error: `board` is a recurring task: it has no deadline of its own to postpone\n",
            ),
            (
                &["record", "gdp", "2016-03-31", "1"],
                "error: `2016-03-31` is not a period\n",
            ),
            (
                &["record", "gdp", "2016-06", "lots"],
                "error: value `lots` is not a finite number\n",
            ),
            (
                &["actual", "batch", "1"],
                "error: `batch` is a batch target: its value is counted from its projects\n",
            ),
            (
                &["done", "signed"],
                "error: `signed` is a target; `plan done` works on tasks (for a target use `plan actual`)\n",
            ),
            (
                &["stage", "survey", "signed"],
                "error: `survey` is a task; `plan stage` works on projects\n",
            ),
        ];
        for (args, message) in cases {
            let r = f.run(args);
            r.code(2);
            assert!(
                r.stderr.starts_with(message),
                "{name} {args:?}: {}",
                r.stderr
            );
            assert_eq!(read(&f), original, "{name} {args:?}");
        }
        // Nothing is left behind in the directory.
        let names: Vec<String> = std::fs::read_dir(f.path("p"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}

#[test]
fn edits_are_refused_while_the_plans_have_errors() {
    let broken = AREA.replace("key = true", "key = \"yes\"");
    let f = fixture(&broken);
    let r = f.run(&["done", "survey"]);
    r.code(2).err_line(
        "plans/p/06-xiongxing.toml:5:7: error: `key` must be true or false, found string",
    );
    assert_eq!(read(&f), broken);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let f = fixture(AREA);
    let r = f.run(&["--today", "2016-03-10", "done", "survey", "--dry-run"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        concat!(
            "--- plans/p/06-xiongxing.toml\n",
            "+++ plans/p/06-xiongxing.toml\n",
            "@@ -10,5 +10,6 @@\n",
            " title = \"摸查统计\"\n",
            " due = 2016-03-05  # 3月5日前\n",
            "-status = \"todo\"   # 尚未开始\n",
            "+status = \"done\"   # 尚未开始\n",
            "+done = 2016-03-10\n",
            " \n",
            " [[task]]\n",
        )
    );
    assert_eq!(read(&f), AREA);
}

#[test]
fn marking_a_done_task_open_again_clears_its_done_date() {
    let f = fixture(AREA);
    f.run(&["--today", "2016-03-10", "done", "survey"]).code(0);
    f.run(&["--today", "2016-03-10", "mark", "survey", "doing"])
        .code(0);
    assert_eq!(
        read(&f),
        AREA.replace("status = \"todo\"   #", "status = \"doing\"   #")
    );
}

#[test]
fn moving_a_project_back_keeps_dates_it_had_and_drops_later_ones() {
    let text = AREA.replace(
        "stage = \"negotiating\"  # 洽谈中\n",
        "stage = \"started\"\nsigned = 2016-02-01\nstarted = 2016-03-01\n",
    );
    let f = fixture(&text);
    f.run(&["--today", "2016-03-10", "stage", "p1", "signed"])
        .code(0);
    assert_eq!(
        read(&f),
        AREA.replace(
            "stage = \"negotiating\"  # 洽谈中\n",
            "stage = \"signed\"\nsigned = 2016-02-01\n"
        )
    );
}

#[cfg(unix)]
#[test]
fn an_area_file_behind_a_link_is_edited_through_the_link() {
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("store/06-real.txt", AREA);
    std::os::unix::fs::symlink("../store/06-real.txt", f.path("p/06-xiongxing.toml")).unwrap();
    f.run(&["--today", "2016-03-10", "actual", "signed", "4"])
        .code(0);
    let link = std::fs::symlink_metadata(f.path("p/06-xiongxing.toml")).unwrap();
    assert!(link.file_type().is_symlink());
    let real = std::fs::read_to_string(f.path("store/06-real.txt")).unwrap();
    assert_eq!(real, AREA.replace("actual = 3 ", "actual = 4 "));
}

#[test]
fn edits_speak_chinese_for_a_chinese_plan() {
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"测试\"\nyear = 2016\nlang = \"zh\"\n",
        )
        .file("p/06-xiongxing.toml", AREA);
    let r = f.run(&["--today", "2016-03-10", "actual", "signed", "4"]);
    r.code(0);
    assert_eq!(r.stdout, "已修改 plans/p/06-xiongxing.toml（signed）\n");
    let r = f.run(&["done", "signed"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "错误：`signed` 是目标，`plan done` 只能用于任务（目标请用 plan actual）\n"
    );
}

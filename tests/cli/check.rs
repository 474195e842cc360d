//! `plan check`: every problem kind with its file, line, column and wording; exit codes;
//! `--strict`; `--format json`; hostile files (GBK, deep nesting, symlink loops, huge files).

use crate::{Fixture, PLAN_2016, area};

/// An area file whose body starts on line 5.
fn one(body: &str) -> Fixture {
    Fixture::with_areas(&[("01-a.toml", &area(body))])
}

const F: &str = "plans/p/01-a.toml";

#[test]
fn a_clean_plan_passes_with_a_summary() {
    let f = one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-03-31\n");
    let r = f.run(&["check"]);
    r.code(0);
    assert_eq!(r.stdout, "ok: 1 plan, 1 area, 1 item\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn toml_syntax_errors_are_located() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\n")
        .run(&["check"])
        .code(2)
        .err_lines(&[
            &format!("{F}:7:11: error: TOML syntax: invalid basic string, expected `\"`"),
            "   |",
            " 7 | title = \"T",
            "   |           ^",
        ]);
}

#[test]
fn unknown_keys_suggest_the_key_meant() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\nstauts = \"done\"\n")
        .run(&["check"])
        .code(2)
        .err_lines(&[
            &format!("{F}:8:1: error: unknown key `stauts` in [[task]]"),
            "   |",
            " 8 | stauts = \"done\"",
            "   | ^^^^^^",
            "   = help: did you mean `status`?",
        ]);
}

#[test]
fn unknown_tables_suggest_the_table_meant() {
    one("[[tasks]]\nid = \"t\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:5:3: error: unknown key `tasks` in an area file"
        ))
        .err_line("   = help: did you mean `task`?");
}

#[test]
fn missing_keys_point_at_the_table() {
    one("[[task]]\nid = \"t\"\n")
        .run(&["check"])
        .code(2)
        .err_lines(&[
            &format!("{F}:5:1: error: [[task]] is missing the required key `title`"),
            "   |",
            " 5 | [[task]]",
            "   | ^^^^^^^^",
        ]);
}

#[test]
fn a_numeric_target_needs_its_target_value() {
    one("[[target]]\nid = \"t\"\ntitle = \"T\"\nactual = 3\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:5:1: error: [[target]] is missing the required key `target`"
        ));
}

#[test]
fn a_wrong_type_is_reported_once_not_also_as_missing() {
    let r = one("[[task]]\nid = \"t\"\ntitle = 5\n").run(&["check"]);
    r.code(2).err_line(&format!(
        "{F}:7:9: error: `title` must be a string, found integer"
    ));
    assert!(!r.stderr.contains("missing"), "{}", r.stderr);
    assert!(r.stderr.ends_with("1 error, 0 warnings\n"), "{}", r.stderr);
}

#[test]
fn wrong_types_of_arrays_and_tables() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\nwith = \"Finance\"\ntags = [1]\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:8: error: `with` must be an array of strings, found string"
        ))
        .err_line(&format!(
            "{F}:9:9: error: `tags` must be a string, found integer"
        ));
    one("[task]\nid = \"t\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:5:1: error: `task` must be an array of tables ([[...]]), found table"
        ));
}

#[test]
fn dates_in_unknown_forms_and_impossible_dates_are_errors() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"3月31日\"\n")
        .run(&["check"])
        .code(2)
        .err_lines(&[
            &format!("{F}:8:7: error: `due`: `3月31日` is not a date form `plan` knows"),
            "   |",
            " 8 | due = \"3月31日\"",
            "   |       ^^^^^^^^^",
        ]);
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"2016-13\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:7: error: `due`: there is no date `2016-13`"
        ));
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"2016-02-30\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:7: error: `due`: there is no date `2016-02-30`"
        ));
    // A TOML date is checked by the TOML parser itself.
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-02-30\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:7: error: TOML syntax: invalid date, expected day between 01 and 29"
        ));
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-03-01T10:00:00\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:7: error: `due` must be a date (like 2016-03-31 or \"2016-03\"), found datetime"
        ));
}

#[test]
fn reporting_periods_are_months_quarters_halves_or_years() {
    one("[[indicator]]\nid = \"i\"\ntitle = \"I\"\nactuals = [{ period = \"2016-03-31\", value = 1 }]\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:8:23: error: `period`: `2016-03-31` is not a date form `plan` knows"));
}

#[test]
fn bad_enum_values_suggest_or_list_the_choices() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\nstatus = \"dropd\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:8:10: error: `status` cannot be `dropd`"))
        .err_line("   = help: did you mean `dropped`?");
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\nevery = \"fortnight\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:8:9: error: `every` cannot be `fortnight`"))
        .err_line("   = help: expected one of: week, half-month, month, quarter, year");
}

#[test]
fn non_finite_numbers_and_bad_ids_and_years() {
    one("[[target]]\nid = \"t\"\ntitle = \"T\"\ntarget = nan\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:10: error: `target` must be a finite number"
        ));
    one("[[task]]\nid = \"my task\"\ntitle = \"T\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:6:6: error: id `my task` is invalid: it must be non-empty, without white space, control or direction characters, `/` or `\\`"
        ));
    Fixture::new()
        .file("p/plan.toml", "[plan]\ntitle = \"T\"\nyear = 16\n")
        .run(&["check"])
        .code(2)
        .err_line("plans/p/plan.toml:3:8: error: year 16 is not between 1900 and 2999");
}

#[test]
fn missing_plan_and_area_tables() {
    Fixture::new()
        .file("p/plan.toml", "title = \"T\"\n")
        .run(&["check"])
        .code(2)
        .err_line("plans/p/plan.toml:1:1: error: missing the `[plan]` table")
        .err_line("plans/p/plan.toml:1:1: error: unknown key `title` in plan.toml");
    Fixture::with_areas(&[("01-a.toml", "[[task]]\nid = \"t\"\ntitle = \"T\"\n")])
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:1:1: error: missing the `[area]` table"));
}

#[test]
fn duplicate_ids_across_kinds_and_files_point_at_both_places() {
    let f = Fixture::with_areas(&[
        (
            "01-a.toml",
            &area("[[task]]\nid = \"survey\"\ntitle = \"T\"\n"),
        ),
        (
            "02-b.toml",
            "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[target]]\nid = \"survey\"\ntitle = \"T\"\ntarget = 1\n",
        ),
    ]);
    f.run(&["check"]).code(2).err_lines(&[
        "plans/p/02-b.toml:6:6: error: duplicate id `survey` in this plan",
        "   |",
        " 6 | id = \"survey\"",
        "   |      ^^^^^^^^",
        "   = help: ids are unique across the whole plan, whatever the kind or file; rename one",
        "plans/p/01-a.toml:6:6: note: first defined here",
        "   |",
        " 6 | id = \"survey\"",
        "   |      ^^^^^^^^",
    ]);
}

#[test]
fn duplicate_areas_and_plans() {
    Fixture::with_areas(&[("01-a.toml", &area("")), ("02-a.toml", &area(""))])
        .run(&["check"])
        .code(2)
        .err_line("plans/p/02-a.toml:2:6: error: duplicate area id `a` in this plan")
        .err_line("plans/p/01-a.toml:2:6: note: first defined here");
    Fixture::new()
        .file(
            "x/plan.toml",
            "[plan]\nid = \"same\"\ntitle = \"X\"\nyear = 2016\n",
        )
        .file(
            "y/plan.toml",
            "[plan]\nid = \"same\"\ntitle = \"Y\"\nyear = 2016\n",
        )
        .run(&["check"])
        .code(2)
        .err_line("plans/y/plan.toml:2:6: error: duplicate plan id `same`");
}

#[test]
fn references_must_exist_and_be_of_the_right_kind() {
    one(concat!(
        "[[target]]\nid = \"b\"\ntitle = \"B\"\nstage = \"signed\"\nprojects = [\"p1\", \"p2\", \"z\"]\n",
        "[[project]]\nid = \"p1\"\ntitle = \"P1\"\n",
        "[[task]]\nid = \"z\"\ntitle = \"Z\"\n",
        "[[indicator]]\nid = \"w\"\ntitle = \"W\"\nparent = \"z\"\n",
    ))
    .run(&["check"])
    .code(2)
    .err_line(&format!("{F}:9:19: error: `projects` names `p2`, which is not in this plan"))
    .err_line("   = help: did you mean `p1`?")
    .err_line(&format!(
        "{F}:9:25: error: `projects` names `z`, which is a task, not a project"
    ))
    .err_line(&format!(
        "{F}:19:10: error: `parent` names `z`, which is a task, not an indicator"
    ));
}

#[test]
fn indicator_parents_must_not_loop() {
    one("[[indicator]]\nid = \"x\"\ntitle = \"X\"\nparent = \"y\"\n[[indicator]]\nid = \"y\"\ntitle = \"Y\"\nparent = \"x\"\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:8:10: error: the `parent` chain of indicator `x` loops back to itself"))
        .err_line(&format!("{F}:12:10: error: the `parent` chain of indicator `y` loops back to itself"));
}

#[test]
fn batch_targets_count_projects_and_take_no_actual() {
    one(concat!(
        "[[target]]\nid = \"b\"\ntitle = \"B\"\nstage = \"signed\"\nactual = 2\nprojects = [\"p1\"]\n",
        "[[target]]\nid = \"c\"\ntitle = \"C\"\nstage = \"signed\"\n",
        "[[target]]\nid = \"d\"\ntitle = \"D\"\nprojects = [\"p1\"]\n",
        "[[project]]\nid = \"p1\"\ntitle = \"P1\"\n",
    ))
    .run(&["check"])
    .code(2)
    .err_line(&format!("{F}:9:10: error: a batch target cannot have `actual`"))
    .err_line(&format!("{F}:14:9: error: a target with `stage` must list its `projects`"))
    .err_line(&format!("{F}:18:12: error: a target that lists `projects` must name a `stage`"));
}

#[test]
fn stage_dates_cannot_run_ahead_of_the_stage() {
    one("[[project]]\nid = \"p\"\ntitle = \"P\"\nstage = \"signed\"\nsigned = 2016-01-10\nstarted = 2016-03-01\n")
        .run(&["check"])
        .code(2)
        .err_lines(&[
            &format!("{F}:10:11: error: a date for stage `started`, but the project's `stage` is only `signed`"),
            "    |",
            " 10 | started = 2016-03-01",
            "    |           ^^^^^^^^^^",
            "    = help: set `stage = \"started\"`, or remove this date",
        ]);
}

#[test]
fn last_needs_every_and_periods_are_reported_once() {
    one("[[task]]\nid = \"t\"\ntitle = \"T\"\nlast = 2016-03-01\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!(
            "{F}:8:8: error: `last` is for recurring tasks, but this task has no `every`"
        ));
    one("[[indicator]]\nid = \"i\"\ntitle = \"I\"\nactuals = [\n  { period = \"2016-03\", value = 1 },\n  { period = \"2016-03\", value = 2 },\n]\n")
        .run(&["check"])
        .code(2)
        .err_line(&format!("{F}:10:14: error: period `2016-03` is reported twice"));
}

#[test]
fn warnings_do_not_fail_check_unless_strict() {
    let f = one(concat!(
        "[[task]]\nid = \"r\"\ntitle = \"R\"\nevery = \"month\"\ndue = 2016-03-01\n",
        "[[task]]\nid = \"d\"\ntitle = \"D\"\ndue = 2016-05-31\ndelays = [\n",
        "  { from = 2016-03-31, to = 2016-04-30 },\n  { from = 2016-04-15, to = 2016-05-15 },\n]\n",
        "[[task]]\nid = \"x\"\ntitle = \"X\"\ndone = 2016-03-02\n",
        "[[indicator]]\nid = \"g\"\ntitle = \"G\"\nprior = 50\ntarget = 64.4\ngrowth = 13\n",
        "[[indicator]]\nid = \"e\"\ntitle = \"E\"\ndirection = \"down\"\ngrowth = 4.5\n",
        "actuals = [{ period = \"2015-12\", value = 3 }]\n",
    ));
    let r = f.run(&["check"]);
    r.code(0)
        .err_line(&format!("{F}:9:7: warning: `due` on a recurring task is ignored: its next deadline follows from `every` and `last`"))
        .err_line(&format!("{F}:13:7: warning: the delay log's last `to` is 2016-05-15, but `due` is 2016-05-31"))
        .err_line(&format!("{F}:16:12: warning: this delay's `from` should be the previous entry's `to` (2016-04-30)"))
        .err_line(&format!("{F}:21:8: warning: `done` date given, but the status is `todo`"))
        .err_line(&format!("{F}:26:10: warning: `prior` 50 grown by 13% is 56.50, more than 1% away from `target` 64.4"))
        .err_line(&format!("{F}:32:10: warning: a falling indicator (direction = \"down\") with a target growth of +4.5%"))
        .err_line(&format!("{F}:33:23: warning: period `2015-12` is outside the plan year 2016"))
        .err_line("0 errors, 7 warnings");
    f.run(&["check", "--strict"]).code(2);
}

#[test]
fn recurring_tasks_are_never_done_and_batches_cannot_exceed_their_projects() {
    one(concat!(
        "[[task]]\nid = \"r\"\ntitle = \"R\"\nevery = \"week\"\nstatus = \"done\"\n",
        "[[target]]\nid = \"b\"\ntitle = \"B\"\nstage = \"signed\"\ntarget = 3\nprojects = [\"p\"]\n",
        "[[project]]\nid = \"p\"\ntitle = \"P\"\n",
    ))
    .run(&["check"])
    .code(0)
    .err_line(&format!("{F}:5:1: warning: a recurring task is never done for good: status `done` is ignored"))
    .err_line(&format!("{F}:14:10: warning: target 3 is more than the 1 listed projects: it can never be met"));
}

#[test]
fn every_error_in_every_file_in_one_run_sorted() {
    let f = Fixture::with_areas(&[
        (
            "01-a.toml",
            &area("[[task]]\nid = \"t\"\ntitle = \"T\"\nstauts = 1\ndue = \"soon\"\n"),
        ),
        (
            "02-b.toml",
            "[area]\nid = \"b\"\ntitle = \"B\"\nkey = \"yes\"\n\n[[task]]\nid = \"u\"\n",
        ),
    ])
    .file("stray.toml", "x = 1\n");
    let r = f.run(&["check"]);
    r.code(2);
    let headers: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect();
    assert_eq!(
        headers,
        [
            "plans/p/01-a.toml:8:1: error: unknown key `stauts` in [[task]]",
            "plans/p/01-a.toml:9:7: error: `due`: `soon` is not a date form `plan` knows",
            "plans/p/02-b.toml:4:7: error: `key` must be true or false, found string",
            "plans/p/02-b.toml:6:1: error: [[task]] is missing the required key `title`",
            "plans/stray.toml: error: `.toml` file belongs to no plan (its directory has no plan.toml)",
        ]
    );
    assert!(r.stderr.ends_with("5 errors, 0 warnings\n"));
}

#[test]
fn json_diagnostics_for_editors() {
    let r = one("[[task]]\nid = \"t\"\ntitle = \"T\"\nstauts = \"done\"\n")
        .run(&["check", "--format", "json"]);
    r.code(2);
    assert_eq!(
        r.json(),
        serde_json::json!([{
            "file": "plans/p/01-a.toml",
            "line": 8,
            "col": 1,
            "severity": "error",
            "code": "unknown-key",
            "message": "unknown key `stauts` in [[task]]",
            "help": "did you mean `status`?"
        }])
    );
    assert_eq!(r.stderr, "");
}

#[test]
fn chinese_messages_and_carets_under_chinese_text() {
    let f = Fixture::new()
        .file("p/plan.toml", "[plan]\ntitle = \"测试\"\nyear = 2016\nlang = \"zh\"\n")
        .file(
            "p/01-a.toml",
            "[area]\nid = \"a\"\ntitle = \"招商\"\n\n[[task]]\nid = \"t\"\ntitle = \"制定《管理办法》\"\ndue = \"3月5日前\"\n",
        );
    f.run(&["check"]).code(2).err_lines(&[
        "plans/p/01-a.toml:8:7: 错误：`due` 的日期 `3月5日前` 格式无法识别",
        "   |",
        " 8 | due = \"3月5日前\"",
        "   |       ^^^^^^^^^^",
        // The deadline phrase reader knows what `3月5日前` means in a 2016 plan.
        "   = 提示：写成 2016-03-05",
    ]);
    // A caret after Chinese text on the same line starts at the right display column.
    let f = Fixture::new().file("p/plan.toml", PLAN_2016).file(
        "p/01-a.toml",
        "[area]\nid = \"a\"\ntitle = \"招商\"\n\n[[task]]\nid = \"t\"\ntitle = \"雄兴\"\nnote = \"园区\" stray\n",
    );
    f.run(&["--lang", "en", "check"])
        .code(2)
        .err_lines(&[" 8 | note = \"园区\" stray", "   |               ^"]);
}

#[test]
fn a_gbk_file_is_named_as_not_utf8() {
    // "统计工作" in GBK. Its first two bytes (CD B3) happen to be valid UTF-8 (U+0373), so
    // the first byte that is not is the third, at column 11.
    let mut bytes = b"[area]\nid = \"b\"\ntitle = \"".to_vec();
    bytes.extend_from_slice(&[0xCD, 0xB3, 0xBC, 0xC6, 0xB9, 0xA4, 0xD7, 0xF7]);
    bytes.extend_from_slice(b"\"\n");
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .bytes("p/01-b.toml", &bytes);
    f.run(&["check"])
        .code(2)
        .err_line(
            "plans/p/01-b.toml:3:11: error: file is not UTF-8 (it may have been saved as GBK)",
        )
        .err_line(
            "   = help: save it as UTF-8, for example: iconv -f GBK -t UTF-8 old.toml > new.toml",
        );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let f = Fixture::new()
        .bytes("p/plan.toml", format!("\u{feff}{PLAN_2016}").as_bytes())
        .bytes(
            "p/01-a.toml",
            format!("\u{feff}{}", area("bad = 1\n")).as_bytes(),
        );
    // The BOM is not a column: the error is at 5:1.
    f.run(&["check"])
        .code(2)
        .err_line(&format!("{F}:5:1: error: unknown key `bad` in [area]"));
}

#[test]
fn a_hundred_thousand_deep_array_is_an_error_not_a_crash() {
    let deep = format!("note = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let r = one(&format!("[[task]]\nid = \"t\"\ntitle = \"T\"\n{deep}")).run(&["check"]);
    r.code(2).err_line(&format!(
        "{F}:8:88: error: nested too deep (arrays, tables or dotted keys over 80 levels)"
    ));
    // The excerpt of a 200,000-character line is cut to a window around the caret.
    assert!(
        r.stderr.lines().all(|l| l.len() < 200),
        "{}",
        &r.stderr[..500]
    );
}

#[test]
fn deep_inline_tables_and_dotted_keys_are_errors_too() {
    let tables = format!("note = {}1{}\n", "{a=".repeat(5_000), "}".repeat(5_000));
    one(&format!("[[task]]\nid = \"t\"\ntitle = \"T\"\n{tables}"))
        .run(&["check"])
        .code(2);
    let dotted = format!("{} = 1\n", vec!["k"; 5_000].join("."));
    one(&dotted).run(&["check"]).code(2);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_skipped_with_a_warning_not_a_hang() {
    let f = one("");
    std::fs::create_dir_all(f.path("p/sub")).unwrap();
    std::os::unix::fs::symlink("..", f.path("p/sub/back")).unwrap();
    std::os::unix::fs::symlink("../..", f.path("p/sub/up")).unwrap();
    let r = f.run(&["check"]);
    r.code(0)
        .err_line("plans/p/sub/back: warning: symbolic link leads back to a directory already read; skipped")
        .err_line("plans/p/sub/up: warning: symbolic link leads back to a directory already read; skipped");
}

#[cfg(unix)]
#[test]
fn unreadable_paths_are_reported_with_their_path() {
    let f = one("");
    std::fs::create_dir_all(f.path("p/dir.toml")).unwrap();
    std::os::unix::fs::symlink("missing.toml", f.path("p/02-gone.toml")).unwrap();
    let r = f.run(&["check"]);
    r.code(2).err_line(
        "plans/p/02-gone.toml: error: cannot read: No such file or directory (os error 2)",
    );
    // A directory named like an area file is where a file was expected.
    r.err_line("plans/p/dir.toml: error: cannot read: a directory where a plan file was expected");
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let f = one("");
    let big = std::fs::File::create(f.path("p/02-big.toml")).unwrap();
    big.set_len(64 * 1024 * 1024 + 1).unwrap();
    f.run(&["check"]).code(2).err_line(
        "plans/p/02-big.toml: error: file is 67108865 bytes, over the limit of 67108864 bytes",
    );
}

#[test]
fn an_empty_root_and_a_missing_root() {
    Fixture::new()
        .run(&["check"])
        .code(2)
        .err_line("plans: error: no plans here (no directory holds a plan.toml)");
    let f = Fixture::new();
    let r = f.run(&["--plans", "nowhere", "check"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: plans directory `nowhere` does not exist\n"
    );
    let empty = tempfile::tempdir().unwrap();
    let r = crate::run_in(empty.path(), &["check"]);
    r.code(2);
    assert!(
        r.stderr.starts_with("error: no `plans/` directory in `"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_root_is_found_from_below_and_from_plan_dir() {
    let f = one("");
    let r = crate::run_in(&f.path("p"), &["check"]);
    r.code(0);
    // $PLAN_DIR names the root from anywhere.
    let out = assert_cmd::Command::cargo_bin("plan")
        .unwrap()
        .env_clear()
        .env("PLAN_DIR", f.dir().join("plans"))
        .current_dir(std::env::temp_dir())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn area_files_are_read_in_name_order() {
    let f = Fixture::with_areas(&[
        ("10-late.toml", "[area]\nid = \"late\"\ntitle = \"L\"\n"),
        ("02-early.toml", "[area]\nid = \"early\"\ntitle = \"E\"\n"),
    ]);
    let r = f.run(&["status", "--format", "json", "--today", "2016-01-01"]);
    r.code(0);
    let ids: Vec<String> = r.json()["plans"][0]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["early", "late"]);
}

#[test]
fn other_commands_refuse_plans_with_errors() {
    let r = one("[[task]]\nid = \"t\"\n").run(&["overdue", "--today", "2016-01-01"]);
    r.code(2).err_line(&format!(
        "{F}:5:1: error: [[task]] is missing the required key `title`"
    ));
    assert_eq!(r.stdout, "");
}

/// Found by fuzzing: an error on the `\r` of a CRLF line used to crash the excerpt.
#[test]
fn an_unterminated_string_in_a_crlf_file() {
    let f = Fixture::new()
        .file("p/plan.toml", "[plan]\r\ntitle = \"T\"\r\nyear = 2016\r\n")
        .file("p/01-a.toml", "[area]\r\nid = \"a\"\r\ntitle = \"A\r\n");
    f.run(&["check"]).code(2).err_line(
        "plans/p/01-a.toml:3:12: error: TOML syntax: invalid basic string, expected `\"`",
    );
}

#[test]
fn one_error_per_merge_conflict_at_its_first_marker() {
    let text = "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\n<<<<<<< HEAD\nstatus = \"done\"\n=======\nstatus = \"doing\"\n>>>>>>> branch\n\n[[task]]\nid = \"u\"\n<<<<<<< HEAD\ntitle = \"U1\"\n=======\ntitle = \"U2\"\n>>>>>>> branch\n";
    let r = Fixture::with_areas(&[("01-a.toml", text)]).run(&["check"]);
    r.code(2)
        .err_line("plans/p/01-a.toml:8:1: error: unresolved merge conflict")
        .err_line("plans/p/01-a.toml:16:1: error: unresolved merge conflict")
        .err_line("   = help: keep the text that should stay, delete the <<<<<<<, ======= and >>>>>>> lines, then run plan check");
    assert_eq!(r.stderr.matches(": error: ").count(), 2, "{}", r.stderr);
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "[area]\nid = \"a\"\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .bytes("p/01-a.toml", &bytes);
    f.run(&["check"])
        .code(2)
        .err_line("plans/p/01-a.toml: error: file is UTF-16")
        .err_line(
            "  = help: save it as UTF-8, for example: iconv -f UTF-16 -t UTF-8 old.toml > new.toml",
        );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_read_are_said_not_skipped_silently() {
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    // "工作.toml" in GBK, as a Windows zip leaves it.
    let gbk = std::ffi::OsStr::from_bytes(b"\xB9\xA4\xD7\xF7.toml");
    std::fs::write(f.path("p").join(gbk), area("")).unwrap();
    std::fs::write(f.path("p/02-b.TOML"), area("")).unwrap();
    std::fs::write(f.path("p/03-c.toml "), area("")).unwrap();
    let r = f.run(&["check"]);
    r.code(2)
        .err_line(r"plans/p: error: the name `\xB9\xA4\xD7\xF7.toml` is not UTF-8; it is not read")
        .err_line("plans/p/02-b.TOML: warning: `02-b.TOML` looks like a plan file but is not read (only names ending in lowercase `.toml` are)")
        .err_line("plans/p/03-c.toml : warning: `03-c.toml ` looks like a plan file but is not read (only names ending in lowercase `.toml` are)");
    // Plans nested below the depth limit are named too.
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    let deep: String = (0..66).map(|i| format!("d{i}/")).collect();
    std::fs::create_dir_all(f.path(&deep)).unwrap();
    let r = f.run(&["check"]);
    r.code(0);
    assert!(
        r.stderr.contains(
            ": warning: directories are nested more than 64 deep; the ones below are not read"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn ids_with_slashes_controls_or_direction_marks_are_refused() {
    for id in ["a/b", "a\\\\b", "a\\u202eb", "a\\u0007b", "a\\u200bb"] {
        let r = one(&format!("[[task]]\nid = \"{id}\"\ntitle = \"T\"\n")).run(&["check"]);
        r.code(2);
        assert!(r.stderr.contains(": error: id `"), "{id}: {}", r.stderr);
    }
}

#[test]
fn ids_that_differ_only_in_unicode_form_are_a_warning_pointing_at_both() {
    let r = one("[[task]]\nid = \"task1\"\ntitle = \"T\"\n\n[[task]]\nid = \"ｔａｓｋ１\"\ntitle = \"U\"\n\n[[task]]\nid = \"caf\u{e9}\"\ntitle = \"V\"\n\n[[task]]\nid = \"cafe\u{301}\"\ntitle = \"W\"\n")
        .run(&["check"]);
    r.code(0)
        .err_line(&format!("{F}:10:6: warning: id `ｔａｓｋ１` differs from `task1` only in Unicode form (full-width or composed characters)"))
        .err_line(&format!("{F}:6:6: note: the other form is here"))
        .err_line(&format!("{F}:18:6: warning: id `cafe\u{301}` differs from `caf\u{e9}` only in Unicode form (full-width or composed characters)"));
    // Plain ids, however alike, are left alone.
    one("[[task]]\nid = \"task1\"\ntitle = \"T\"\n\n[[task]]\nid = \"Task1\"\ntitle = \"U\"\n")
        .run(&["check", "--strict"])
        .code(0);
}

#[test]
fn stage_dates_out_of_order_are_a_warning() {
    one("[[project]]\nid = \"p\"\ntitle = \"P\"\nstage = \"started\"\nsigned = 2016-05-01\nland = \"2016-03\"\nstarted = 2016-06-01\n")
        .run(&["check"])
        .code(0)
        .err_line(&format!("{F}:10:8: warning: stage `land` is dated before the earlier stage `signed`"))
        .err_line(&format!("{F}:9:10: note: the earlier stage's date is here"));
    one("[[project]]\nid = \"p\"\ntitle = \"P\"\nstage = \"land\"\nsigned = 2016-05-01\nland = 2016-05-01\n")
        .run(&["check", "--strict"])
        .code(0);
}

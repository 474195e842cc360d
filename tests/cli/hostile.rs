//! Files no one should have written: special files, a directory where a file belongs, and
//! plan text that tries to rewrite the terminal or run in a spreadsheet.

use crate::{Fixture, PLAN_2016, area};

#[cfg(unix)]
#[test]
fn a_fifo_named_like_an_area_file_is_refused_not_read() {
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    let fifo = f.path("p/02-pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Reading a FIFO would block for ever; the run must finish (the helper times out at 60 s).
    f.run(&["check"])
        .code(2)
        .err_line("plans/p/02-pipe.toml: error: cannot read: not a regular file");
}

#[test]
fn a_directory_where_plan_toml_belongs() {
    let f = Fixture::new().file("p/01-a.toml", &area(""));
    std::fs::create_dir_all(f.path("p/plan.toml")).unwrap();
    let r = f.run(&["check"]);
    r.code(2)
        .err_line("plans/p/plan.toml: error: cannot read: a directory where a plan file was expected")
        .err_line("plans/p/01-a.toml: error: `.toml` file belongs to no plan (its directory has no plan.toml)");
}

const HOSTILE: &str = "Danger \u{1b}[31mred\u{1b}[0m and \u{202e}desrever\u{202c} text";

fn hostile_fixture() -> Fixture {
    let title = toml::Value::String(HOSTILE.to_string()).to_string();
    Fixture::new().file("p/plan.toml", PLAN_2016).file(
        "p/01-a.toml",
        &area(&format!(
            "[[task]]\nid = \"t\"\ntitle = {title}\ndue = 2016-01-01\n"
        )),
    )
}

#[test]
fn control_and_bidi_characters_in_titles_are_shown_escaped() {
    let f = hostile_fixture();
    for format in ["table", "markdown", "csv"] {
        let r = f.run(&["overdue", "--today", "2016-01-05", "--format", format]);
        r.code(1);
        assert!(
            !r.stdout.contains('\u{1b}'),
            "{format}: a raw ESC reached the output"
        );
        assert!(
            !r.stdout.contains('\u{202e}'),
            "{format}: a raw bidi override reached the output"
        );
        // Markdown doubles the backslashes, which render as one.
        let shown = match format {
            "markdown" => r"Danger \\u{1b}\[31mred\\u{1b}\[0m and \\u{202e}desrever\\u{202c} text",
            _ => r"Danger \u{1b}[31mred\u{1b}[0m and \u{202e}desrever\u{202c} text",
        };
        assert!(r.stdout.contains(shown), "{format}: {}", r.stdout);
    }
    // JSON carries the text exactly, as JSON escapes.
    let r = f.run(&["overdue", "--today", "2016-01-05", "--format", "json"]);
    assert_eq!(r.json()[0]["title"], HOSTILE);
    assert!(r.stdout.contains(r"\u001b[31m"));
    // The table lines still line up.
    let r = f.run(&["overdue", "--today", "2016-01-05"]);
    let widths: Vec<usize> = r
        .stdout
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{}", r.stdout);
}

#[test]
fn csv_escapes_control_characters_too() {
    let f = hostile_fixture();
    let r = f.run(&["overdue", "--today", "2016-01-05", "--format", "csv"]);
    assert!(!r.stdout.contains('\u{1b}'));
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert!(
        row.iter()
            .any(|cell| cell.starts_with("Danger \\u{1b}[31m")),
        "{row:?}"
    );
}

#[test]
fn diagnostics_escape_what_the_file_says() {
    let f = Fixture::with_areas(&[("01-a.toml", &area("\"evil\\u001b[2J\" = 1\n"))]);
    let r = f.run(&["check"]);
    r.code(2);
    assert!(!r.stderr.contains('\u{1b}'), "{}", r.stderr);
    r.err_line(r"plans/p/01-a.toml:5:1: error: unknown key `evil\u{1b}[2J` in [area]");
}

#[test]
fn ids_quoted_back_in_errors_are_escaped() {
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    let r = f.run(&["show", "x\u{1b}[2Jy"]);
    r.code(2);
    assert!(!r.stderr.contains('\u{1b}'));
    assert!(
        r.stderr
            .starts_with(r"error: ID: no item `x\u{1b}[2Jy` in the plans"),
        "{}",
        r.stderr
    );
}

#[test]
fn markdown_output_carries_no_markup_from_plan_text() {
    let title = "A</td><script>alert(1)</script> [链接](http://x) ![图](http://y) & more";
    let f = Fixture::new()
        .file("p/plan.toml", "[plan]\ntitle = \"<img src=x onerror=alert(1)>\"\nyear = 2016\n")
        .file(
            "p/01-a.toml",
            &format!(
                "[area]\nid = \"a\"\ntitle = \"<b>方面</b>\"\n\n[[task]]\nid = \"t\"\ntitle = {}\ndue = 2016-01-01\n",
                toml::Value::String(title.into())
            ),
        );
    let outputs = [
        f.run(&["report", "--today", "2016-01-05"]).stdout,
        f.run(&["overdue", "--today", "2016-01-05", "--format", "markdown"])
            .stdout,
        f.run(&["status", "--today", "2016-01-05", "--format", "markdown"])
            .stdout,
        f.run(&[
            "status",
            "--area",
            "a",
            "--today",
            "2016-01-05",
            "--format",
            "markdown",
        ])
        .stdout,
        f.run(&["show", "t", "--today", "2016-01-05", "--format", "markdown"])
            .stdout,
    ];
    for out in outputs {
        for raw in ["<script>", "</td>", "<img", "<b>", "[链接](", "![图]("] {
            assert!(!out.contains(raw), "{raw} passed through:\n{out}");
        }
        assert!(out.contains("&lt;"), "{out}");
    }
    let report = f.run(&["report", "--today", "2016-01-05"]).stdout;
    assert!(
        report.starts_with("# &lt;img src=x onerror=alert(1)&gt;\n"),
        "{report}"
    );
    assert!(
        report.contains(r"A&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; \[链接\](http://x) !\[图\](http://y) &amp; more"),
        "{report}"
    );
}

#[test]
fn bidi_and_control_characters_are_neutralised_in_html_and_icalendar() {
    let f = hostile_fixture();
    let html = f
        .run(&["report", "--format", "html", "--today", "2016-01-05"])
        .stdout;
    let ics = f.run(&["calendar", "--today", "2016-01-05"]).stdout;
    for out in [&html, &ics] {
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{1b}'),
            "{out}"
        );
    }
    assert!(html.contains(r"\u{202e}desrever\u{202c}"), "{html}");
    assert!(ics.contains(r"\\u{202e}desrever\\u{202c}"), "{ics}");
}

#[test]
fn a_deadline_past_the_last_four_digit_year_is_left_out_of_the_calendar() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[task]]\nid = \"r\"\ntitle = \"R\"\nevery = \"month\"\nlast = 9999-12-31\n"),
    )]);
    let r = f.run(&["calendar", "--today", "2016-01-05"]);
    r.code(0);
    assert!(!r.stdout.contains("+1000"), "{}", r.stdout);
    assert!(!r.stdout.contains("VEVENT"), "{}", r.stdout);
}

#[test]
fn a_look_ahead_past_the_calendar_is_refused_not_a_panic() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 9999-12-31\n"),
    )]);
    let r = f.run(&["upcoming", "--within", "100000000", "--today", "2016-01-05"]);
    r.code(2);
    assert!(
        r.stderr.starts_with(
            "error: invalid value '100000000' for '--within <DAYS>': 100000000 is not in 0..=3660"
        ),
        "{}",
        r.stderr
    );
    // The largest window, at the end of the calendar, adds no day past it.
    let r = f.run(&["upcoming", "--within", "3660", "--today", "9999-12-30"]);
    r.code(0);
    assert!(r.stdout.contains("9999-12-31"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_time_zone_naming_a_device_is_ignored_not_read() {
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    for tz in ["/dev/zero", "/dev/urandom", ":/dev/zero", "/"] {
        // The helper gives up after 60 s; reading /dev/zero would never end.
        let start = std::time::Instant::now();
        let r = f.run_env(&["status"], &[("TZ", tz)]);
        r.code(0);
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "{tz}");
        crate::run_env(f.dir(), &["schema"], &[("TZ", tz)]).code(0);
    }
}

#[test]
fn environment_variables_empty_are_unset_and_bad_ones_are_named() {
    let f = Fixture::with_areas(&[("01-a.toml", &area(""))]);
    f.run_env(
        &["status"],
        &[("PLAN_DIR", ""), ("PLAN_TODAY", ""), ("PLAN_LANG", "")],
    )
    .code(0);
    let r = f.run_env(&["status"], &[("PLAN_TODAY", "2016-13-01")]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: PLAN_TODAY: `2016-13-01` is not a date of the form YYYY-MM-DD\n"
    );
    let r = f.run_env(&["status"], &[("PLAN_LANG", "fr")]);
    r.code(2);
    assert!(
        r.stderr
            .starts_with("error: PLAN_LANG: `fr` is not a language")
    );
    // --today takes only YYYY-MM-DD in the years plan files accept.
    for bad in ["2016-3-1", "+2016-03-01", "20160301", "1899-12-31"] {
        let r = f.run(&["status", "--today", bad]);
        r.code(2);
        assert!(
            r.stderr.contains("for '--today <DATE>'"),
            "{bad}: {}",
            r.stderr
        );
    }
    let r = f.run(&["--plans", "plans/p/plan.toml", "status"]);
    r.code(2);
    assert!(
        r.stderr
            .starts_with("error: plans directory `plans/p/plan.toml` is not a directory"),
        "{}",
        r.stderr
    );
}

#[test]
fn numbers_out_of_range_and_inexact_periods_are_errors() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(concat!(
            "[[target]]\nid = \"big\"\ntitle = \"B\"\ntarget = 9223372036854775808\nactual = 1e-400\n\n",
            "[[task]]\nid = \"s\"\ntitle = \"S\"\ndue = \" 2016-03 \"\n\n",
            "[[task]]\nid = \"q\"\ntitle = \"Q\"\ndue = \"2016-q1\"\n\n",
            "[[task]]\nid = \"old\"\ntitle = \"O\"\ndue = 1899-12-31\n",
        )),
    )]);
    let r = f.run(&["check"]);
    r.code(2)
        .err_line("plans/p/01-a.toml:8:10: error: `target` is too large a number")
        .err_line("plans/p/01-a.toml:9:10: error: `actual` is too close to zero to be held (it would read as 0)")
        .err_line("plans/p/01-a.toml:14:7: error: `due`: ` 2016-03 ` is not a date form `plan` knows")
        .err_line("    = help: write \"2016-03\" (no spaces, Q and H in capitals)")
        .err_line("plans/p/01-a.toml:19:7: error: `due`: `2016-q1` is not a date form `plan` knows")
        .err_line("    = help: write \"2016-Q1\" (no spaces, Q and H in capitals)")
        .err_line("plans/p/01-a.toml:24:7: error: `due`: `1899-12-31` is outside the years 1900 to 9999");
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[indicator]]\nid = \"gdp\"\ntitle = \"GDP\"\n"),
    )]);
    let r = f.run(&["record", "gdp", "2016-03", "1e-400"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: value `1e-400` is too close to zero to be held (it would read as 0)\n"
    );
    let r = f.run(&["record", "gdp", "2016-03", "1e400"]);
    assert_eq!(r.stderr, "error: value `1e400` is too large a number\n");
    // Only what can be written back as typed: no separators, no hex.
    for text in ["_1", "1_000", "0x10"] {
        let r = f.run(&["record", "gdp", "2016-03", text]);
        r.code(2);
        assert_eq!(
            r.stderr,
            format!("error: value `{text}` is not a finite number\n")
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_an_error_not_a_silent_success() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-01-01\n"),
    )]);
    let bin = assert_cmd::cargo::cargo_bin("plan");
    let sh = |script: &str| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(&bin)
            .env_clear()
            .current_dir(f.dir())
            .output()
            .unwrap()
    };
    let out = sh("exec \"$0\" status --today 2016-01-05 >&-");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write the output: standard output is closed\n"
    );
    // Sent to /dev/null on purpose, it is a success; with nothing to print, so is a closed one.
    assert_eq!(
        sh("exec \"$0\" status --today 2016-01-05 >/dev/null")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        sh("exec \"$0\" overdue --quiet --today 2015-12-01 >&-")
            .status
            .code(),
        Some(0)
    );
}

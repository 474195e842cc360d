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
            "markdown" => r"Danger \\u{1b}[31mred\\u{1b}[0m and \\u{202e}desrever\\u{202c} text",
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

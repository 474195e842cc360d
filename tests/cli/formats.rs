//! Every listing in every format and both languages, pinned as snapshots on the example at a
//! fixed date; Chinese tables line up; CSV and Markdown are well formed.

use crate::{example, shipped};

const COMMANDS: [(&str, &[&str]); 8] = [
    ("status", &["status"]),
    ("status-area", &["status", "--area", "delivery"]),
    ("overdue", &["overdue"]),
    ("upcoming", &["upcoming", "--within", "100"]),
    ("owners", &["owners"]),
    ("show", &["show", "contracts-signed"]),
    ("indicators", &["indicators"]),
    ("indicator-history", &["indicators", "portal-visits"]),
];

#[test]
fn every_listing_in_every_format_and_language() {
    for (name, args) in COMMANDS {
        for format in ["table", "json", "csv", "markdown"] {
            for lang in ["zh", "en"] {
                let mut all = vec!["--lang", lang, "--today", "2016-07-01"];
                all.extend_from_slice(args);
                all.extend_from_slice(&["--plan", "riverside-2016", "--format", format]);
                let r = example(&all);
                assert!(
                    r.code == 0 || r.code == 1,
                    "{name} {format} {lang}: {}",
                    r.stderr
                );
                assert_eq!(r.stderr, "", "{name} {format} {lang}");
                insta::assert_snapshot!(format!("{name}-{format}-{lang}"), r.stdout);
            }
        }
    }
}

#[test]
fn json_output_parses_and_csv_rows_have_equal_width() {
    for (name, args) in COMMANDS {
        let mut all = vec!["--today", "2016-07-01"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--plan", "riverside-2016"]);
        let json = example(&[all.clone(), vec!["--format", "json"]].concat());
        serde_json::from_str::<serde_json::Value>(&json.stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let csv = example(&[all, vec!["--format", "csv"]].concat());
        let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
        let width = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width, "{name}");
        }
    }
}

#[test]
fn every_line_of_a_chinese_table_has_the_same_display_width() {
    for args in [
        &["status", "--today", "2016-06-30"][..],
        &["overdue", "--today", "2016-04-01"],
        &["status", "--area", "investment", "--today", "2016-04-01"],
        &["show", "budget-revenue", "--today", "2016-04-01"],
        &["owners", "--today", "2016-04-01"],
    ] {
        let r = shipped(args);
        let lines: Vec<&str> = r
            .stdout
            .lines()
            .filter(|l| l.starts_with(['+', '|']))
            .collect();
        assert!(lines.len() > 3, "{args:?}\n{}", r.stdout);
        let widths: Vec<usize> = lines
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(*l))
            .collect();
        assert!(
            widths.iter().all(|w| *w == widths[0]),
            "{args:?}\n{}",
            r.stdout
        );
    }
}

#[test]
fn markdown_escapes_pipes_and_csv_neutralises_formulas() {
    let f = crate::Fixture::with_areas(&[(
        "01-a.toml",
        &crate::area(
            "[[task]]\nid = \"t\"\ntitle = \"=HYPERLINK(\\\"http://x\\\") | pipe\"\ndue = 2016-01-01\n",
        ),
    )]);
    let md = f.run(&["overdue", "--today", "2016-01-02", "--format", "markdown"]);
    assert!(
        md.stdout.contains("| =HYPERLINK(\"http://x\") \\| pipe |"),
        "{}",
        md.stdout
    );
    let csv = f.run(&["overdue", "--today", "2016-01-02", "--format", "csv"]);
    assert!(
        csv.stdout
            .contains(",\"'=HYPERLINK(\"\"http://x\"\") | pipe\","),
        "{}",
        csv.stdout
    );
}

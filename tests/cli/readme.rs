//! The README shows real output: every ```text block after one of these markers is exactly
//! what the command prints today. `PLAN_UPDATE_README=1 cargo test readme` rewrites them.

use crate::{example, shipped};

/// (text just before the block, command, run on the example instead of the shipped plan)
const BLOCKS: &[(&str, &[&str], bool)] = &[
    (
        "(`plan status --today 2016-06-30`):",
        &["status", "--today", "2016-06-30"],
        false,
    ),
    (
        "so it is the most overdue:",
        &["overdue", "--today", "2016-04-01"],
        false,
    ),
    (
        "(`plan status --area xiongxing --today 2016-03-20`):",
        &["status", "--area", "xiongxing", "--today", "2016-03-20"],
        false,
    ),
    (
        "and tax revenue sits under budget revenue (其中):",
        &["indicators", "--today", "2016-06-30"],
        false,
    ),
    (
        "so by 25 July its Q2 figure is overdue:",
        &[
            "indicators",
            "--plan",
            "riverside-2016",
            "--today",
            "2016-07-25",
        ],
        true,
    ),
    (
        "600 in the same months of 2015, +22.0 %:",
        &["indicators", "portal-visits", "--today", "2016-07-25"],
        true,
    ),
];

#[test]
fn the_readme_shows_what_the_commands_print() {
    let path = crate::repo().join("README.md");
    let mut readme = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("PLAN_UPDATE_README").is_some();
    for (marker, args, on_example) in BLOCKS {
        let run = if *on_example {
            example(args)
        } else {
            shipped(args)
        };
        let output = run.stdout.trim_end();
        let at = readme
            .find(marker)
            .unwrap_or_else(|| panic!("README lost the marker {marker}"));
        let start = readme[at..].find("```text\n").unwrap() + at + "```text\n".len();
        let end = readme[start..].find("\n```").unwrap() + start;
        if update {
            readme.replace_range(start..end, output);
        } else {
            assert_eq!(
                &readme[start..end],
                output,
                "README block after {marker} ({args:?})"
            );
        }
    }
    if update {
        std::fs::write(&path, readme).unwrap();
    }
}

//! The README shows real output: every ```text block after one of these markers is exactly
//! what the command prints today. `PLAN_UPDATE_README=1 cargo test readme` rewrites them.

use crate::{example, shipped};

/// Which plans a README block runs on.
#[derive(Clone, Copy)]
enum Root {
    Shipped,
    Example,
    District,
}

/// The import of the example ledger, shown in both READMEs.
const IMPORT_EXAMPLE: &[&str] = &[
    "import",
    "examples/ledger/台账.xlsx",
    "--plan",
    "lishan-2023",
    "--year",
    "2023",
    "--dry-run",
    "--today",
    "2023-01-10",
];

/// (text just before the block, command, plans it runs on)
const BLOCKS: &[(&str, &[&str], Root)] = &[
    // README.zh.md
    (
        "（`plan status --today 2016-06-30`）：",
        &["status", "--today", "2016-06-30"],
        Root::Shipped,
    ),
    (
        "（`plan import examples/ledger/台账.xlsx --plan lishan-2023 --year 2023 --dry-run --today 2023-01-10`）：",
        IMPORT_EXAMPLE,
        Root::Shipped,
    ),
    // README.md
    (
        "items (`plan status --today 2016-06-30`):",
        &["status", "--today", "2016-06-30"],
        Root::Shipped,
    ),
    (
        "is a row of its own:",
        &["overdue", "--today", "2016-04-01"],
        Root::Shipped,
    ),
    (
        "(`plan status --area xiongxing --today 2016-03-20`):",
        &["status", "--area", "xiongxing", "--today", "2016-03-20"],
        Root::Shipped,
    ),
    (
        "and tax revenue sits under budget revenue (其中):",
        &["indicators", "--today", "2016-06-30"],
        Root::Shipped,
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
        Root::Example,
    ),
    (
        "same months of 2015, +22.0 %:",
        &["indicators", "portal-visits", "--today", "2016-07-25"],
        Root::Example,
    ),
    (
        "(`plan --plans examples/district/plans overdue --today 2023-07-10`):",
        &["overdue", "--today", "2023-07-10"],
        Root::District,
    ),
    (
        "(`plan --plans examples/district/plans owners --by leader --today 2023-07-10`):",
        &["owners", "--by", "leader", "--today", "2023-07-10"],
        Root::District,
    ),
    (
        "(`plan --plans examples/district/plans chase --plan lishan-2023 --area economy --today 2023-07-10`):",
        &[
            "chase",
            "--plan",
            "lishan-2023",
            "--area",
            "economy",
            "--today",
            "2023-07-10",
        ],
        Root::District,
    ),
    (
        "(`plan import examples/ledger/台账.xlsx --plan lishan-2023 --year 2023 --dry-run --today 2023-01-10`):",
        IMPORT_EXAMPLE,
        Root::Shipped,
    ),
    (
        "(`plan --plans examples/district/plans notice --owner 区财政局 --today 2023-07-10`):",
        &["notice", "--owner", "区财政局", "--today", "2023-07-10"],
        Root::District,
    ),
];

/// `plan` on the made-up district plans of `examples/district/plans`.
fn district(args: &[&str]) -> crate::Run {
    let root = crate::repo().join("examples/district/plans");
    let mut all = vec!["--plans", root.to_str().unwrap()];
    all.extend_from_slice(args);
    crate::run_in(&crate::repo().join("examples"), &all)
}

#[test]
fn the_readme_shows_what_the_commands_print() {
    let update = std::env::var_os("PLAN_UPDATE_README").is_some();
    let mut seen = vec![false; BLOCKS.len()];
    for name in ["README.md", "README.zh.md"] {
        let path = crate::repo().join(name);
        let mut readme = std::fs::read_to_string(&path).unwrap();
        for (i, (marker, args, root)) in BLOCKS.iter().enumerate() {
            let Some(at) = readme.find(marker) else {
                continue;
            };
            seen[i] = true;
            let run = match root {
                Root::Shipped => shipped(args),
                Root::Example => example(args),
                Root::District => district(args),
            };
            let output = run.stdout.trim_end();
            let start = readme[at..].find("```text\n").unwrap() + at + "```text\n".len();
            let end = readme[start..].find("\n```").unwrap() + start;
            if update {
                readme.replace_range(start..end, output);
            } else {
                assert_eq!(
                    &readme[start..end],
                    output,
                    "{name}: block after {marker} ({args:?})"
                );
            }
        }
        if update {
            std::fs::write(&path, readme).unwrap();
        }
    }
    for (i, (marker, _, _)) in BLOCKS.iter().enumerate() {
        assert!(seen[i], "no README has the marker {marker}");
    }
}

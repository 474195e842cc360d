//! Property tests: no bytes and no arrangement of plan keys make the loader or a report panic.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::load_bytes;
use crate::compute::all_reports;

const PLAN: &[u8] = b"[plan]\ntitle = \"T\"\nyear = 2016\n";

/// Keys of the format and a few that are not.
fn key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "id",
        "title",
        "due",
        "status",
        "done",
        "every",
        "last",
        "delays",
        "target",
        "actual",
        "compare",
        "stretch",
        "stage",
        "projects",
        "signed",
        "land",
        "prior",
        "growth",
        "direction",
        "parent",
        "actuals",
        "cadence",
        "lag",
        "unit",
        "owner",
        "tags",
        "with",
        "period",
        "value",
        "from",
        "to",
        "stauts",
        "\"quoted key\"",
    ])
}

/// Values of every TOML type, including awkward ones.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"2016-03\"".to_string()),
        Just("2016-02-29".to_string()),
        Just("\"2016-Q5\"".to_string()),
        Just("\"x\"".to_string()),
        Just("\"i1\"".to_string()),
        Just("[\"i1\", \"i2\"]".to_string()),
        Just(
            "[{ period = \"2016-03\", value = 1 }, { period = \"2016\", value = 2, prior = 0 }]"
                .to_string()
        ),
        Just("[{ from = 2016-03-01, to = \"2016-04\" }]".to_string()),
        Just("nan".to_string()),
        Just("-inf".to_string()),
        Just("0".to_string()),
        Just("-1e308".to_string()),
        Just("9223372036854775807".to_string()),
        Just("true".to_string()),
        Just("\"half-month\"".to_string()),
        Just("\"signed\"".to_string()),
        Just("\"down\"".to_string()),
        Just("{}".to_string()),
        Just("2016-03-01T10:00:00Z".to_string()),
        "[a-z0-9 -]{0,12}".prop_map(|s| format!("\"{s}\"")),
        (-1000i64..100_000).prop_map(|n| n.to_string()),
    ]
}

fn item() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["task", "target", "project", "indicator", "tasks"]),
        0u8..4,
        prop::collection::vec((key(), value()), 0..8),
    )
        .prop_map(|(kind, id, fields)| {
            let mut s = format!("\n[[{kind}]]\nid = \"i{id}\"\ntitle = \"T\"\n");
            for (k, v) in fields {
                s.push_str(&format!("{k} = {v}\n"));
            }
            s
        })
}

fn area_file() -> impl Strategy<Value = String> {
    prop::collection::vec(item(), 0..6)
        .prop_map(|items| format!("[area]\nid = \"a\"\ntitle = \"A\"\n{}", items.concat()))
}

fn exercise(areas: &[&[u8]]) {
    let loaded = load_bytes(PLAN, areas);
    if !loaded.has_errors() {
        for (y, m, d) in [(2016, 1, 1), (2016, 2, 29), (2016, 12, 31), (2026, 11, 27)] {
            let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            all_reports(&loaded.workspace, today);
        }
    }
    // Rendering every diagnostic must not panic either.
    let _ = crate::render::diagnostics::text(
        &loaded.diagnostics,
        &loaded.workspace.sources,
        crate::model::Lang::Zh,
        crate::render::style::Style::default(),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_load_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        exercise(&[&bytes]);
    }

    #[test]
    fn any_arrangement_of_plan_keys_loads_and_reports_without_panicking(
        a in area_file(),
        b in area_file(),
    ) {
        exercise(&[a.as_bytes(), b.as_bytes()]);
    }
}

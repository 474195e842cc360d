//! The shipped plan (`plans/qingyuan-hitech-2016`): it checks, and it holds what the 2016
//! document says: seven areas (five key), nine indicators, both batches of five projects,
//! the Xiongxing measures with their exact dates, and no invented progress.

use serde_json::{Value, json};

use crate::shipped;

fn show(id: &str) -> Value {
    let r = shipped(&["show", id, "--format", "json", "--today", "2016-01-01"]);
    r.code(0);
    r.json()
}

#[test]
fn the_shipped_plan_checks_clean() {
    let r = shipped(&["check", "--strict"]);
    r.code(0);
    assert_eq!(r.stdout, "检查通过：1 个计划，7 个工作方面，99 个事项\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn seven_areas_of_which_five_key() {
    let r = shipped(&["status", "--format", "json", "--today", "2016-06-30"]);
    r.code(0);
    let plan = &r.json()["plans"][0];
    assert_eq!(plan["id"], "qingyuan-hitech-2016");
    let areas: Vec<(String, bool)> = plan["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["key"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("investment", true),
        ("projects", true),
        ("statistics", true),
        ("transformation", true),
        ("safety", false),
        ("xiongxing", true),
        ("enterprise-services", false),
    ];
    assert_eq!(areas, want.map(|(id, key)| (id.to_string(), key)));
}

#[test]
fn nine_indicators_with_targets_and_growth_rates() {
    // (id, unit, target, target growth, direction, parent)
    let want = [
        (
            "industrial-value-added",
            Some("亿元"),
            json!(61.6),
            json!(15.0),
            "up",
            None,
        ),
        ("gdp", Some("亿元"), json!(64.4), json!(13.0), "up", None),
        (
            "fixed-asset-investment",
            Some("亿元"),
            json!(72.3),
            json!(30.0),
            "up",
            None,
        ),
        (
            "budget-revenue",
            Some("万元"),
            json!(25468.0),
            json!(10.0),
            "up",
            None,
        ),
        (
            "tax-revenue",
            Some("万元"),
            json!(24563.0),
            json!(13.0),
            "up",
            Some("budget-revenue"),
        ),
        (
            "energy-intensity",
            None,
            Value::Null,
            json!(-4.5),
            "down",
            None,
        ),
        (
            "foreign-trade",
            Some("亿美元"),
            json!(10.5),
            Value::Null,
            "up",
            None,
        ),
        (
            "contracted-foreign-capital",
            Some("万美元"),
            json!(4000.0),
            Value::Null,
            "up",
            None,
        ),
        (
            "utilized-foreign-capital",
            Some("万美元"),
            json!(2500.0),
            Value::Null,
            "up",
            None,
        ),
    ];
    let r = shipped(&[
        "status",
        "--area",
        "statistics",
        "--kind",
        "indicator",
        "--format",
        "json",
        "--today",
        "2016-06-30",
    ]);
    r.code(0);
    let ids: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, want.iter().map(|w| w.0).collect::<Vec<_>>());
    for (id, unit, target, growth, direction, parent) in want {
        let v = show(id);
        let d = &v["details"]["indicator"];
        assert_eq!(v["unit"], json!(unit), "{id}");
        assert_eq!(d["target"], target, "{id}");
        assert_eq!(d["target_growth"], growth, "{id}");
        assert_eq!(d["direction"], direction, "{id}");
        assert_eq!(d["parent"], json!(parent), "{id}");
        // No figure has been reported: the document gives none.
        assert_eq!(d["status"], "no_data", "{id}");
        assert_eq!(d["actuals"], json!([]), "{id}");
    }
}

#[test]
fn priors_are_implied_only_where_target_and_growth_are_both_given() {
    let ind = show("industrial-value-added");
    let d = &ind["details"]["indicator"];
    assert_eq!(d["prior_source"], "implied");
    let prior = d["prior"].as_f64().unwrap();
    assert!((prior - 61.6 / 1.15).abs() < 1e-9, "{prior}");
    let r = shipped(&["show", "industrial-value-added", "--today", "2016-01-01"]);
    let line = r.stdout.lines().find(|l| l.contains("上年数")).unwrap();
    assert!(
        line.contains("| 53.57 亿元（由目标值和增速推算）"),
        "{line}"
    );
    let trade = show("foreign-trade");
    assert_eq!(trade["details"]["indicator"]["prior"], Value::Null);
    assert_eq!(trade["details"]["indicator"]["prior_source"], "none");
}

#[test]
fn both_batches_of_five_named_projects_with_their_deadlines() {
    let batches = [
        (
            "sign-batch-1",
            "2016-03-31",
            "2016-03",
            [
                ("prologis", "普洛斯物流园"),
                ("mengniu-2", "蒙牛二厂"),
                ("huichang-logistics", "汇畅（蒙牛）物流基地"),
                ("weixin-bio", "炜鑫生物科技"),
                ("biomed-park", "生物医药产业园"),
            ],
        ),
        (
            "sign-batch-2",
            "2016-08-31",
            "2016-08",
            [
                ("zixin-culture-park", "紫鑫文化产业园"),
                ("jiadu-xintai-park", "佳都新太科技园"),
                ("auto-tourism-city", "清远国际汽车旅游文化城"),
                ("so-ku-buluo", "SO库部落"),
                ("huaneng-cchp", "华能冷热电三联供"),
            ],
        ),
    ];
    for (id, due, written, projects) in batches {
        let v = show(id);
        assert_eq!(v["due"], due);
        assert_eq!(v["target"], 5.0);
        assert_eq!(v["actual"], 0.0);
        assert_eq!(v["stretch"], true);
        let d = &v["details"]["target"];
        assert_eq!(d["due_written"], written);
        assert_eq!(d["stage"], "signed");
        let got: Vec<(String, String)> = d["projects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().into(),
                    p["title"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(got, projects.map(|(a, b)| (a.to_string(), b.to_string())));
    }
}

#[test]
fn the_xiongxing_measures_have_their_exact_dates() {
    let r = shipped(&[
        "status",
        "--area",
        "xiongxing",
        "--format",
        "json",
        "--today",
        "2016-01-01",
    ]);
    r.code(0);
    let got: Vec<(String, String)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().into(),
                i["due"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("xiongxing-start", "2016-07-31"),
        ("xiongxing-implementation-plan", "2016-03-31"),
        ("xiongxing-survey", "2016-03-05"),
        ("xiongxing-consultation", "2016-03-15"),
        ("xiongxing-property-management", "2016-04-30"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn no_progress_is_invented() {
    // At the end of the year nothing is done or met: the document records no progress.
    let r = shipped(&["status", "--format", "json", "--today", "2016-12-31"]);
    r.code(0);
    for area in r.json()["plans"][0]["areas"].as_array().unwrap() {
        assert_eq!(area["tasks_done"], 0, "{area}");
        assert_eq!(area["targets_met"], 0, "{area}");
        assert_eq!(area["indicators_on_track"], 0, "{area}");
    }
    // And no file records an actual, a done date or a prior-year figure.
    for entry in std::fs::read_dir(crate::repo().join("plans/qingyuan-hitech-2016")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let key = line.split('=').next().unwrap_or("").trim();
            assert!(
                ![
                    "actual", "actuals", "prior", "done", "last", "signed", "land", "started"
                ]
                .contains(&key),
                "{line}"
            );
            assert!(!line.contains("status = \"done\""), "{line}");
        }
    }
}

#[test]
fn overdue_on_1_april_lists_the_march_deadlines() {
    let r = shipped(&["overdue", "--today", "2016-04-01", "--format", "json"]);
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
    let want = [
        // 「每半个月」: the 15th and the last day of every month, none recorded as done: each
        // missed update is a row of its own (15 and 31 January, 15 and 29 February, 15 and
        // 31 March). Ties keep file order.
        ("key-projects-board", 77),
        ("key-projects-board", 61),
        ("key-projects-board", 46),
        ("key-projects-board", 32),
        // 「2月份完成」: by 29 February (2016 is a leap year).
        ("land-recovery", 32),
        ("xiongxing-survey", 27),
        ("key-projects-board", 17),
        ("xiongxing-consultation", 17),
        // 「3月份前」, 「3月31日前」, 「在3月份」: 31 March.
        ("sign-batch-1", 1),
        ("key-projects-board", 1),
        ("tech-upgrade-forms", 1),
        ("dyeing-transform-direction", 1),
        ("motor-survey-form", 1),
        ("safety-linkage", 1),
        ("safety-inspection-plan", 1),
        ("safety-officer-team", 1),
        ("xiongxing-implementation-plan", 1),
    ];
    assert_eq!(got, want.map(|(id, d)| (id.to_string(), d)));
}

#[test]
fn status_on_30_june_reads_well_in_chinese() {
    let r = shipped(&["status", "--today", "2016-06-30"]);
    r.code(0);
    insta::assert_snapshot!("shipped-status-2016-06-30", r.stdout);
}

#[test]
fn overdue_on_1_april_table() {
    let r = shipped(&["overdue", "--today", "2016-04-01"]);
    r.code(1);
    insta::assert_snapshot!("shipped-overdue-2016-04-01", r.stdout);
}

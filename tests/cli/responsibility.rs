//! Responsibility (contract v2): several lead units and leaders per item, collective units,
//! `--owner`/`--leader`, `plan owners` counting every lead fully and ranking leaders, and the
//! JSON `owners`/`leaders` arrays.

use serde_json::json;

use crate::{Fixture, PLAN_2016};

/// A district plan: a task led by two units, a task led by a collective unit (各街道, whose
/// members are two streets), a target with a leader, an indicator with its lead unit; the
/// area names a unit and a leader that stand in for items that name none.
fn district() -> Fixture {
    Fixture::new()
        .file(
            "p/plan.toml",
            &format!("{PLAN_2016}\n[owners.\"各街道\"]\nmembers = [\"东城街道\", \"西城街道\"]\n"),
        )
        .file(
            "p/01-a.toml",
            r#"[area]
id = "a"
title = "Area A"
owner = "区发改局"
leader = "常务副区长"

[[task]]
id = "tax"
title = "加强税收征管"
owner = ["区财政局", "区税务局"]
leader = "分管副区长"
due = "2016-03"

[[task]]
id = "streets"
title = "街道网格化管理"
owner = "各街道"
due = "2016-06"
status = "done"
done = "2016-04-02"

[[task]]
id = "plain"
title = "Falls to the area's unit"
due = "2016-12"

[[target]]
id = "jobs"
title = "新增就业"
owner = "区人社局"
leader = ["分管副区长", "区长"]
target = 100
actual = 40

[[indicator]]
id = "revenue"
title = "一般公共预算收入"
owner = "区财政局"
prior = 100
growth = 10
actuals = [{ period = "2016-03", value = 20, prior = 25 }]
"#,
        )
}

fn owner_rows(args: &[&str]) -> Vec<(String, u64, u64, u64, u64)> {
    let mut all = vec!["--today", "2016-04-10", "owners", "--format", "json"];
    all.extend_from_slice(args);
    let r = district().run(&all);
    r.code(0);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let who = o
                .get("owner")
                .or_else(|| o.get("leader"))
                .and_then(|v| v.as_str())
                .unwrap_or("-");
            (
                who.to_string(),
                o["open"].as_u64().unwrap(),
                o["overdue"].as_u64().unwrap(),
                o["done"].as_u64().unwrap(),
                o["behind"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn co_leads_count_fully_under_each_unit_and_groups_under_each_member() {
    // On 10 April: `tax` (due 31 March) is overdue and counts under both of its units;
    // `streets` is done and counts under both streets; `plain` falls to the area's unit;
    // the target is open; the indicator (−20 % against +10 %) is behind.
    let got = owner_rows(&[]);
    // Ranked: the streets finished their one item on time (100 %), by name; the two units
    // with `tax` overdue (0 %), by name; then the units with nothing due yet, by name.
    let want = [
        ("东城街道", 0, 0, 1, 0),
        ("西城街道", 0, 0, 1, 0),
        ("区税务局", 1, 1, 0, 0),
        ("区财政局", 1, 1, 0, 1),
        ("区人社局", 1, 0, 0, 0),
        ("区发改局", 1, 0, 0, 0),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(a, b, c, d, e)| (a.to_string(), *b, *c, *d, *e))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn leaders_are_ranked_with_by_leader() {
    // `tax` is overdue under 分管副区长; `jobs` counts under both of its leaders; `streets` and
    // `plain` fall to the area's leader; the indicator too.
    let got = owner_rows(&["--by", "leader"]);
    assert_eq!(
        got,
        [
            ("常务副区长".to_string(), 1, 0, 1, 1),
            ("分管副区长".to_string(), 2, 1, 0, 0),
            ("区长".to_string(), 1, 0, 0, 0),
        ]
    );
    let r = district().run(&[
        "--today",
        "2016-04-10",
        "--lang",
        "zh",
        "owners",
        "--by",
        "leader",
    ]);
    r.code(0);
    assert!(r.stdout.contains("| 责任领导 "), "{}", r.stdout);
    assert!(r.stdout.contains(" 指标落后 |"), "{}", r.stdout);
}

#[test]
fn owner_and_leader_filters_match_any_of_the_names() {
    let f = district();
    let ids = |args: &[&str]| {
        let mut all = vec![
            "--today",
            "2016-04-10",
            "status",
            "--area",
            "a",
            "--format",
            "json",
        ];
        all.extend_from_slice(args);
        f.run(&all).ids()
    };
    assert_eq!(ids(&["--owner", "区税务局"]), ["tax"]);
    assert_eq!(ids(&["--owner", "区财政局"]), ["tax", "revenue"]);
    // A member of a collective unit, and the collective name itself.
    assert_eq!(ids(&["--owner", "西城街道"]), ["streets"]);
    assert_eq!(ids(&["--owner", "各街道"]), ["streets"]);
    // The area's unit stands in for items that name none.
    assert_eq!(ids(&["--owner", "区发改局"]), ["plain"]);
    assert_eq!(ids(&["--leader", "区长"]), ["jobs"]);
    assert_eq!(
        ids(&["--leader", "常务副区长"]),
        ["streets", "plain", "revenue"]
    );
    // A mistyped leader is an error with a did-you-mean, as a mistyped unit is.
    let r = f.run(&["overdue", "--leader", "区长长"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("--leader: no leader `区长长` in the plans"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `区长`?"), "{}", r.stderr);
}

#[test]
fn json_rows_carry_every_owner_and_leader() {
    let r = district().run(&["--today", "2016-04-10", "overdue", "--format", "json"]);
    r.code(1);
    let row = &r.json()[0];
    assert_eq!(row["id"], "tax");
    assert_eq!(row["owner"], "区财政局");
    assert_eq!(row["owners"], json!(["区财政局", "区税务局"]));
    assert_eq!(row["leaders"], json!(["分管副区长"]));
    // The table names every lead unit.
    let r = district().run(&["--today", "2016-04-10", "--lang", "zh", "overdue"]);
    assert!(r.stdout.contains("| 区财政局、区税务局 |"), "{}", r.stdout);
    let r = district().run(&["--today", "2016-04-10", "show", "jobs", "--format", "json"]);
    r.code(0);
    assert_eq!(r.json()["leaders"], json!(["分管副区长", "区长"]));
    let r = district().run(&["--today", "2016-04-10", "indicators", "--format", "json"]);
    assert_eq!(r.json()[0]["owners"], json!(["区财政局"]));
    assert_eq!(r.json()[0]["leaders"], json!(["常务副区长"]));
}

#[test]
fn owner_must_be_a_string_or_a_list_and_groups_need_members() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        "[area]\nid = \"a\"\ntitle = \"A\"\n[[task]]\nid = \"t\"\ntitle = \"T\"\nowner = 3\n",
    )]);
    f.run(&["check"]).code(2).err_line(
        "plans/p/01-a.toml:7:9: error: `owner` must be a string or an array of strings, found integer",
    );
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            &format!("{PLAN_2016}[owners.\"各街道\"]\nmember = [\"x\"]\n"),
        )
        .file("p/01-a.toml", "[area]\nid = \"a\"\ntitle = \"A\"\n");
    let r = f.run(&["check"]);
    r.code(2);
    assert!(
        r.stderr.contains("unknown key `member` in [owners.NAME]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `members`?"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("[owners.NAME] is missing the required key `members`"),
        "{}",
        r.stderr
    );
}

//! Sub-items (contract v2, "Structure"): `parent` on tasks and targets makes a group, done when
//! every sub-item is; the group's due, owner, leader and with stand in for sub-items that have
//! none; counts count the sub-items, not the group.

use crate::{Fixture, area};

fn ledger() -> Fixture {
    Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            r#"# 1. 一个编号的任务，下分三项
[[task]]
id = "reform"
title = "推进营商环境改革"
owner = "区发改局"
leader = "分管副区长"
due = "2016-06"

[[task]]
id = "reform-a"
title = "（一）压缩审批时限"
parent = "reform"
status = "done"
done = 2016-03-01

[[task]]
id = "reform-b"
title = "（二）推行一网通办"
parent = "reform"
owner = "区政务服务中心"

[[task]]
id = "reform-c"
title = "（三）清理证明事项"
parent = "reform"
due = "2016-03"
status = "dropped"
"#,
        ),
    )])
}

#[test]
fn a_group_is_done_when_every_sub_item_is_and_its_keys_stand_in() {
    let f = ledger();
    let r = f.run(&[
        "--today",
        "2016-07-01",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    r.code(0);
    let rows = r.json();
    let row = |id: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .unwrap()
            .clone()
    };
    // `reform-b` has no due: the group's June deadline stands in, and it is overdue.
    assert_eq!(row("reform-b")["due"], "2016-06-30");
    assert_eq!(row("reform-b")["state"], "overdue");
    // Its own owner stays; the group's leader stands in for it.
    assert_eq!(
        row("reform-b")["owners"],
        serde_json::json!(["区政务服务中心"])
    );
    assert_eq!(
        row("reform-b")["leaders"],
        serde_json::json!(["分管副区长"])
    );
    assert_eq!(row("reform-a")["owners"], serde_json::json!(["区发改局"]));
    // The group is open while a sub-item is, and lists its sub-items.
    assert_eq!(row("reform")["state"], "overdue");
    assert_eq!(
        row("reform")["sub_items"],
        serde_json::json!(["reform-a", "reform-b", "reform-c"])
    );
    assert_eq!(row("reform-b")["parent"], "reform");
    // Counts count the sub-items (2 of them not dropped, 1 done), not the group; the overdue
    // listing lists the sub-item, not the group.
    let r = f.run(&["--today", "2016-07-01", "status", "--format", "json"]);
    let a = &r.json()["plans"][0]["areas"][0];
    assert_eq!(
        (
            a["tasks_total"].as_u64(),
            a["tasks_done"].as_u64(),
            a["overdue"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let r = f.run(&["--today", "2016-07-01", "overdue", "--format", "json"]);
    assert_eq!(r.ids(), ["reform-b"]);
    // Once the last sub-item is done, the group is done too.
    let r = f.run(&["--today", "2016-06-20", "done", "reform-b"]);
    r.code(0);
    let r = f.run(&[
        "--today",
        "2016-07-01",
        "status",
        "--area",
        "a",
        "--format",
        "json",
    ]);
    let group = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "reform")
        .unwrap()
        .clone();
    assert_eq!(group["state"], "done");
    // The table indents the sub-items under the group.
    let r = f.run(&["--today", "2016-07-01", "status", "--area", "a"]);
    assert!(r.stdout.contains("|   （二）推行一网通办 "), "{}", r.stdout);
}

#[test]
fn sub_items_are_checked() {
    let check = |body: &str| {
        let f = Fixture::with_areas(&[("01-a.toml", &area(body))]);
        let r = f.run(&["check"]);
        r.code(2);
        r.stderr.clone()
    };
    // A parent of another kind.
    let e = check(
        "[[target]]\nid = \"g\"\ntitle = \"G\"\ntarget = 1\n[[task]]\nid = \"t\"\ntitle = \"T\"\nparent = \"g\"\n",
    );
    assert!(
        e.contains("`parent` names `g`, which is a target, not a task"),
        "{e}"
    );
    // A cycle.
    let e = check(
        "[[task]]\nid = \"a1\"\ntitle = \"A\"\nparent = \"b1\"\n[[task]]\nid = \"b1\"\ntitle = \"B\"\nparent = \"a1\"\n",
    );
    assert!(
        e.contains("the `parent` chain of `a1` loops back to itself"),
        "{e}"
    );
    // A group with a state of its own.
    let e = check(
        "[[task]]\nid = \"g\"\ntitle = \"G\"\nstatus = \"done\"\n[[task]]\nid = \"t\"\ntitle = \"T\"\nparent = \"g\"\n",
    );
    assert!(
        e.contains("an item with sub-items has no `status` of its own"),
        "{e}"
    );
    let e = check(
        "[[target]]\nid = \"g\"\ntitle = \"G\"\ntarget = 2\nactual = 1\n[[target]]\nid = \"t\"\ntitle = \"T\"\ntarget = 1\nparent = \"g\"\n",
    );
    assert!(
        e.contains("an item with sub-items has no `actual` of its own"),
        "{e}"
    );
}

//! `plan calendar`: an iCalendar feed with one all-day event per dated task or target, stable
//! UIDs, text in the plan's language; parsed back with an iCalendar parser.

use std::collections::BTreeMap;

use icalendar::{CalendarComponent, Component, DatePerhapsTime};

use crate::{Fixture, area, shipped};

/// (uid → (start date, summary, description)) of every event of a feed.
fn events(feed: &str) -> BTreeMap<String, (String, String, String)> {
    let calendar: icalendar::Calendar = feed.parse().unwrap();
    let mut out = BTreeMap::new();
    for c in &calendar.components {
        if let CalendarComponent::Event(e) = c {
            let start = match e.get_start() {
                Some(DatePerhapsTime::Date(d)) => d.format("%Y-%m-%d").to_string(),
                other => panic!("not an all-day event: {other:?}"),
            };
            let uid = e.get_uid().unwrap().to_string();
            let value = (
                start,
                e.get_summary().unwrap().to_string(),
                e.get_description().unwrap().to_string(),
            );
            assert!(
                out.insert(uid.clone(), value).is_none(),
                "duplicate UID {uid}"
            );
        }
    }
    out
}

#[test]
fn the_shipped_plan_has_one_event_per_dated_item() {
    let r = shipped(&["calendar", "--today", "2016-04-01"]);
    r.code(0);
    assert!(
        r.stdout.lines().all(|l| l.len() <= 76),
        "lines are folded at 75 octets"
    );
    assert!(r.stdout.contains("\r\n"), "lines end in CRLF");
    let got = events(&r.stdout);
    // Every item with a deadline, from the listings.
    let mut want = BTreeMap::new();
    for a in [
        "investment",
        "projects",
        "statistics",
        "transformation",
        "safety",
        "xiongxing",
        "enterprise-services",
    ] {
        let items = shipped(&[
            "status",
            "--area",
            a,
            "--format",
            "json",
            "--today",
            "2016-04-01",
        ])
        .json();
        for i in items.as_array().unwrap() {
            if let Some(due) = i["due"].as_str() {
                let uid = format!("qingyuan-hitech-2016/{}@plan", i["id"].as_str().unwrap());
                want.insert(
                    uid,
                    (due.to_string(), i["title"].as_str().unwrap().to_string()),
                );
            }
        }
    }
    assert_eq!(want.len(), 39);
    let got_short: BTreeMap<String, (String, String)> = got
        .iter()
        .map(|(k, v)| (k.clone(), (v.0.clone(), v.1.clone())))
        .collect();
    assert_eq!(got_short, want);
    // In the plan's language.
    let (_, _, description) = &got["qingyuan-hitech-2016/xiongxing-survey@plan"];
    assert_eq!(
        description,
        "工作方面：抓好实施雄兴工业园区规范化管理工作\n状态：逾期 27 天\n灯：● 红灯"
    );
}

#[test]
fn uids_are_stable_and_the_feed_is_the_same_for_the_same_day() {
    let a = shipped(&["calendar", "--today", "2016-04-01"]).stdout;
    let b = shipped(&["calendar", "--today", "2016-04-01"]).stdout;
    assert_eq!(a, b);
    let later = shipped(&["calendar", "--today", "2016-09-01"]).stdout;
    let uids = |feed: &str| events(feed).into_keys().collect::<Vec<_>>();
    assert_eq!(uids(&a), uids(&later));
}

#[test]
fn filters_apply_and_the_feed_can_go_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("xiongxing.ics");
    let r = shipped(&[
        "calendar",
        "--area",
        "xiongxing",
        "-o",
        file.to_str().unwrap(),
        "--today",
        "2016-04-01",
    ]);
    r.code(0);
    assert_eq!(r.stdout, "");
    // A feed has one format: --format is not accepted silently.
    shipped(&["calendar", "--format", "json"]).code(2);
    let feed = std::fs::read_to_string(&file).unwrap();
    let got = events(&feed);
    assert_eq!(got.len(), 5);
    assert_eq!(
        got["qingyuan-hitech-2016/xiongxing-survey@plan"].0,
        "2016-03-05"
    );
}

#[test]
fn commas_semicolons_and_backslashes_survive_the_round_trip() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"t\"\ntitle = 'Sign, seal; deliver \\ done'\ndue = 2016-03-31\nowner = \"Team, A\"\n",
        ),
    )]);
    let r = f.run(&["calendar", "--today", "2016-03-01"]);
    r.code(0);
    let got = events(&r.stdout);
    let (start, summary, description) = &got["p/t@plan"];
    assert_eq!(start, "2016-03-31");
    assert_eq!(summary, "Sign, seal; deliver \\ done");
    assert_eq!(
        description,
        "Area: Area A\nState: due in 30 days\nLight: ● green\nOwner: Team, A"
    );
}

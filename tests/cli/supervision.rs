//! The supervision loop (督查督办, contract v2): feedback windows and `plan chase` (催报), the
//! lights at their thresholds, and closing in two steps (办结 → 销号) with evidence.

use crate::{Fixture, area};

/// A plan with `plan_extra` in `[plan]` and `body` in its area (owned by 区财政局).
fn plan(plan_extra: &str, body: &str) -> Fixture {
    Fixture::new()
        .file(
            "p/plan.toml",
            &format!("[plan]\ntitle = \"T\"\nyear = 2016\n{plan_extra}"),
        )
        .file(
            "p/01-a.toml",
            &format!("[area]\nid = \"a\"\ntitle = \"甲\"\nowner = \"区财政局\"\n\n{body}"),
        )
}

/// The ids `plan chase` lists on `today`, with each window's end and latest report.
fn chased(f: &Fixture, today: &str) -> Vec<(String, String, Option<String>)> {
    let r = f.run(&["--today", today, "chase", "--format", "json"]);
    r.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["id"].as_str().unwrap().to_string(),
                x["window_end"].as_str().unwrap().to_string(),
                x["latest"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn row(id: &str, end: &str, latest: Option<&str>) -> (String, String, Option<String>) {
    (id.to_string(), end.to_string(), latest.map(str::to_string))
}

#[test]
fn monthly_feedback_on_a_fixed_day() {
    // Windows end on the 28th: Jan 1–28, Jan 29–Feb 28, Feb 29–Mar 28 (2016 is a leap year).
    let f = plan(
        "feedback = \"month\"\nfeedback_day = 28\n",
        "[[task]]\nid = \"feb\"\ntitle = \"二月报过\"\ndue = 2016-12-31\nprogress = [{ on = 2016-02-20, text = \"x\" }]\n\n\
         [[task]]\nid = \"mar\"\ntitle = \"三月初报过\"\ndue = 2016-12-31\nprogress = [{ on = 2016-02-29, text = \"y\" }]\n\n\
         [[task]]\nid = \"edge\"\ntitle = \"窗口末日报过\"\ndue = 2016-12-31\nprogress = [{ on = 2016-01-28, text = \"z\" }, { on = 2016-03-28, text = \"z\" }]\n",
    );
    // On 28 March the window that ends that day is still open: the latest ended is 28 Feb.
    // `mar` reported on 29 Feb, after it: missed. `edge` reported on 28 Jan, in the January
    // window, not the February one: missed (its latest report is today's).
    assert_eq!(
        chased(&f, "2016-03-28"),
        [
            row("mar", "2016-02-28", Some("2016-02-29")),
            row("edge", "2016-02-28", Some("2016-03-28"))
        ]
    );
    // On 29 March the window Feb 29–Mar 28 has ended: `feb` has nothing in it; `mar` (29 Feb)
    // and `edge` (28 Mar, its last day) have.
    assert_eq!(
        chased(&f, "2016-03-29"),
        [row("feb", "2016-03-28", Some("2016-02-20"))]
    );
    // No window has ended before 29 January: nothing is asked yet.
    assert_eq!(chased(&f, "2016-01-28"), []);
}

#[test]
fn half_monthly_feedback_and_the_default_month_end() {
    // Half-month windows end on the 15th and the last day: Mar 1–15, then Mar 16–31.
    let f = plan(
        "feedback = \"half-month\"\n",
        "[[task]]\nid = \"h\"\ntitle = \"半月报送\"\ndue = 2016-12-31\nprogress = [{ on = 2016-03-10, text = \"x\" }]\n\n\
         [[task]]\nid = \"m\"\ntitle = \"按月报送\"\ndue = 2016-12-31\nfeedback = \"month\"\nprogress = [{ on = 2016-02-10, text = \"x\" }]\n",
    );
    // 16 March: the window Mar 1–15 holds `h`'s report; `m` (month, ending on the last day)
    // reported on 10 Feb, in the window that ended 29 Feb.
    assert_eq!(chased(&f, "2016-03-16"), []);
    // 15 March: the latest window that ended is Feb 16–29, with nothing from `h`.
    assert_eq!(
        chased(&f, "2016-03-15"),
        [row("h", "2016-02-29", Some("2016-03-10"))]
    );
    // 1 April: Mar 16–31 for `h` and March for `m` are both empty.
    assert_eq!(
        chased(&f, "2016-04-01"),
        [
            row("h", "2016-03-31", Some("2016-03-10")),
            row("m", "2016-03-31", Some("2016-02-10"))
        ]
    );
}

#[test]
fn quarterly_feedback_figures_count_and_some_items_owe_nothing() {
    let f = plan(
        "feedback = \"quarter\"\nfeedback_month = 3\nfeedback_day = 25\n",
        // A target's figure for a period ending in the window counts as its report.
        "[[target]]\nid = \"figures\"\ntitle = \"有完成数\"\ntarget = 10\nactuals = [{ period = \"2016-02\", value = 3 }]\n\n\
         [[target]]\nid = \"silent\"\ntitle = \"无报送\"\ntarget = 10\n\n\
         [[task]]\nid = \"finished\"\ntitle = \"已办结\"\ndue = \"2016-03\"\nstatus = \"done\"\ndone = 2016-03-01\n\n\
         [[task]]\nid = \"duty\"\ntitle = \"周期任务\"\nevery = \"month\"\nday = 28\n\n\
         [[task]]\nid = \"later\"\ntitle = \"四月开始\"\nstart = 2016-04-01\ndue = 2016-12-31\n\n\
         [[task]]\nid = \"ongoing\"\ntitle = \"长期坚持\"\nongoing = true\n",
    );
    // 26 March: the window Jan 1–Mar 25 has ended. `figures` has February's figure in it;
    // done tasks, recurring duties and an item that starts later owe nothing.
    assert_eq!(
        chased(&f, "2016-03-26"),
        [
            row("silent", "2016-03-25", None),
            row("ongoing", "2016-03-25", None)
        ]
    );
    // An item's own `feedback = "none"` overrides the plan's.
    let f = plan(
        "feedback = \"quarter\"\n",
        "[[task]]\nid = \"t\"\ntitle = \"T\"\nfeedback = \"none\"\n",
    );
    assert_eq!(chased(&f, "2016-04-01"), []);
    // Without an owner (neither the item's nor the area's) nothing is asked.
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"T\"\nyear = 2016\nfeedback = \"month\"\n",
        )
        .file(
            "p/01-a.toml",
            &area("[[task]]\nid = \"t\"\ntitle = \"T\"\n"),
        );
    assert_eq!(chased(&f, "2016-04-01"), []);
}

#[test]
fn chase_exits_one_when_any_is_missed_and_quiet_prints_nothing_otherwise() {
    let body = "[[task]]\nid = \"t\"\ntitle = \"摸查\"\ndue = 2016-12-31\nprogress = [{ on = 2016-03-10, text = \"x\" }]\n\n\
                [[task]]\nid = \"u\"\ntitle = \"清理\"\ndue = 2016-12-31\nowner = [\"区财政局\", \"区税务局\"]\n";
    let f = plan("feedback = \"month\"\nlang = \"zh\"\n", body);
    // 1 April: `u` has nothing for March; it is listed under each of its lead units.
    let r = f.run(&["--today", "2016-04-01", "chase"]);
    r.code(1);
    assert_eq!(
        r.stdout,
        "区财政局\n\
         +------+------+------------+----------+\n\
         | 编号 | 名称 |   报送截止 | 最近报送 |\n\
         +=====================================+\n\
         | u    | 清理 | 2016-03-31 | 从未报送 |\n\
         +------+------+------------+----------+\n\
         \n\
         区税务局\n\
         +------+------+------------+----------+\n\
         | 编号 | 名称 |   报送截止 | 最近报送 |\n\
         +=====================================+\n\
         | u    | 清理 | 2016-03-31 | 从未报送 |\n\
         +------+------+------------+----------+\n"
    );
    let r = f.run(&[
        "--today",
        "2016-04-01",
        "--lang",
        "en",
        "chase",
        "--format",
        "markdown",
    ]);
    r.code(1);
    assert!(
        r.stdout
            .starts_with("## 区财政局\n\n| ID | Title | Window ended | Latest report |\n"),
        "{}",
        r.stdout
    );
    let r = f.run(&["--today", "2016-04-01", "chase", "--format", "csv"]);
    assert_eq!(
        r.stdout,
        "计划,工作方面,编号,名称,牵头单位,报送截止,最近报送\np,a,u,清理,区财政局、区税务局,2016-03-31,\n"
    );
    // --quiet still prints what was missed.
    f.run(&["--today", "2016-04-01", "chase", "--quiet"])
        .code(1);
    // 31 March: the window that ended is February's, and both reported nothing then... but
    // `t` reported on 10 March: only windows that ended count, so both are missed.
    let r = f.run(&["--today", "2016-03-31", "chase", "--format", "json"]);
    assert_eq!(r.ids(), ["t", "u"]);
    // Nothing missed: exit 0, a sentence, or nothing at all with --quiet.
    let f = plan("lang = \"zh\"\n", body);
    let r = f.run(&["--today", "2016-04-01", "chase"]);
    r.code(0);
    assert_eq!(r.stdout, "没有需要催报的事项。\n");
    let r = f.run(&["--today", "2016-04-01", "chase", "--quiet"]);
    r.code(0);
    assert_eq!(r.stdout, "");
}

/// The light of each item on `today` (`status --area a --format json`).
fn lights(f: &Fixture, today: &str) -> Vec<(String, serde_json::Value)> {
    f.run(&[
        "--today", today, "status", "--area", "a", "--format", "json",
    ])
    .json()
    .as_array()
    .unwrap()
    .iter()
    .map(|x| (x["id"].as_str().unwrap().to_string(), x["light"].clone()))
    .collect()
}

#[test]
fn each_light_rule_at_its_threshold() {
    // Start 1 January, due 10 April: 100 days. On 1 March 60 of them have passed: 60 %.
    let task = |id: &str, percent: u32| {
        format!(
            "[[task]]\nid = \"{id}\"\ntitle = \"{id}\"\ndue = 2016-04-10\nprogress = [{{ on = 2016-02-28, text = \"x\", percent = {percent} }}]\n\n"
        )
    };
    let body = [
        task("p50", 50), // exactly 10 points behind: not yellow
        task("p49", 49), // 11 points: yellow
        task("p30", 30), // exactly 30 points: yellow, not red
        task("p29", 29), // 31 points: red
    ]
    .concat();
    // A ceiling already above its figure before the deadline: exceeded, red.
    let ceiling = "[[target]]\nid = \"ceiling\"\ntitle = \"控制在5以内\"\ntarget = 5\ncompare = \"at_most\"\nactual = 6\n\n";
    // Due in exactly warn_days (7) days: yellow; in 8: green.
    let near = "[[task]]\nid = \"in7\"\ntitle = \"7天\"\ndue = 2016-03-08\n\n[[task]]\nid = \"in8\"\ntitle = \"8天\"\ndue = 2016-03-09\n";
    let f = plan("", &format!("{body}{ceiling}{near}"));
    let j = |s: &str| serde_json::json!(s);
    let got = lights(&f, "2016-03-01");
    assert_eq!(
        got,
        [
            ("p50".to_string(), j("green")),
            ("p49".to_string(), j("yellow")),
            ("p30".to_string(), j("yellow")),
            ("p29".to_string(), j("red")),
            ("in7".to_string(), j("yellow")),
            ("in8".to_string(), j("green")),
            ("ceiling".to_string(), j("red")),
        ]
    );
    // A missed feedback window turns an otherwise green item yellow: with monthly feedback, on
    // 1 March February's window holds p50's report (28 Feb), but nothing from in8.
    let f = plan("feedback = \"month\"\n", &format!("{body}{near}"));
    let got = lights(&f, "2016-03-01");
    assert_eq!(got[0], ("p50".to_string(), j("green")));
    assert_eq!(got[5], ("in8".to_string(), j("yellow")));
}

#[test]
fn feedback_keys_are_checked() {
    let f = plan(
        "feedback = \"month\"\nfeedback_day = 32\n",
        "[[task]]\nid = \"t\"\ntitle = \"T\"\nfeedback = \"half-month\"\nfeedback_day = 10\n\n\
         [[task]]\nid = \"u\"\ntitle = \"U\"\nfeedback_month = 2\n\n\
         [[task]]\nid = \"v\"\ntitle = \"V\"\nfeedback = \"weekly\"\n",
    );
    let r = f.run(&["check"]);
    r.code(2);
    r.err_line("plans/p/plan.toml:5:16: error: `feedback_day` is 32, which feedback = \"month\" does not allow");
    r.err_line("plans/p/01-a.toml:10:16: error: `feedback_day` is 10, which feedback = \"half-month\" does not allow");
    r.err_line("plans/p/01-a.toml:15:18: error: `feedback_month` is 2, which feedback = \"month\" does not allow");
    assert!(
        r.stderr.contains("`feedback` cannot be `weekly`"),
        "{}",
        r.stderr
    );
}

#[test]
fn verify_closes_in_two_steps_with_evidence() {
    let f = plan(
        "verify = true\nlang = \"zh\"\n",
        "[[task]]\nid = \"land\"\ntitle = \"收回闲置土地\"\ndue = \"2016-03\"\nstatus = \"done\"\ndone = 2016-03-20\n\n\
         [[task]]\nid = \"open\"\ntitle = \"未完成\"\ndue = \"2016-06\"\n",
    );
    std::fs::create_dir_all(f.dir().join("docs/2016")).unwrap();
    std::fs::write(f.dir().join("docs/2016/land.pdf"), "pdf").unwrap();
    // Done but not verified: counted as awaiting verification, and not overdue.
    let status = f
        .run(&["--today", "2016-04-05", "status", "--format", "json"])
        .json();
    let a = &status["plans"][0]["areas"][0];
    assert_eq!(
        (a["awaiting_verification"].as_u64(), a["overdue"].as_u64()),
        (Some(1), Some(0))
    );
    let r = f.run(&["--today", "2016-04-05", "status"]);
    assert!(r.stdout.contains("待销号"), "{}", r.stdout);
    let r = f.run(&["--today", "2016-04-05", "status", "--area", "a"]);
    assert!(
        r.stdout.contains("已于 2016-03-20 完成；待销号"),
        "{}",
        r.stdout
    );
    // Evidence that does not exist: refused, nothing written.
    let before = f.read("p/01-a.toml");
    let r = f.run(&[
        "--today",
        "2016-04-05",
        "verify",
        "land",
        "--evidence",
        "docs/2016/none.pdf",
    ]);
    r.code(2);
    assert!(
        r.stderr.contains("证明材料 `docs/2016/none.pdf` 不存在"),
        "{}",
        r.stderr
    );
    assert_eq!(f.read("p/01-a.toml"), before);
    // An open task cannot be verified; nor a done one before its done date.
    f.run(&["verify", "open"]).code(2);
    f.run(&["verify", "land", "--on", "2016-03-19"]).code(2);
    assert_eq!(f.read("p/01-a.toml"), before);
    // Verified with a path and a link: written, and no longer awaiting.
    f.run(&[
        "--today",
        "2016-04-05",
        "verify",
        "land",
        "--evidence",
        "docs/2016/land.pdf",
        "--evidence",
        "https://example.org/notice/12",
    ])
    .code(0);
    assert!(
        f.read("p/01-a.toml").contains(
            "done = 2016-03-20\nverified = 2016-04-05\nevidence = [\"docs/2016/land.pdf\", \"https://example.org/notice/12\"]\n"
        ),
        "{}",
        f.read("p/01-a.toml")
    );
    let status = f
        .run(&["--today", "2016-04-05", "status", "--format", "json"])
        .json();
    assert_eq!(status["plans"][0]["areas"][0]["awaiting_verification"], 0);
    f.run(&["verify", "land"]).code(2);
}

#[test]
fn closing_keys_and_addresses_are_checked() {
    let f = Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"T\"\nyear = 2016\n\n[owners.\"区财政局\"]\nemail = \"not an address\"\n",
        )
        .file(
            "p/01-a.toml",
            &area(
                "[[task]]\nid = \"t\"\ntitle = \"T\"\nstatus = \"doing\"\nverified = 2016-03-01\n\n\
                 [[task]]\nid = \"u\"\ntitle = \"U\"\nstatus = \"done\"\ndone = 2016-03-10\nverified = 2016-03-01\nevidence = [\"docs/missing.pdf\", \"https://example.org/kept\"]\n\n\
                 [[task]]\nid = \"w\"\ntitle = \"W\"\nprogress = [{ on = 2016-05-01, text = \"future\" }]\n",
            ),
        );
    let r = f.run(&["--today", "2016-04-01", "check"]);
    r.code(2);
    r.err_line("plans/p/plan.toml:6:9: error: `not an address` is not a mail address: Missing domain or user");
    r.err_line("plans/p/01-a.toml:9:12: error: a task that is not done (status = \"doing\") cannot be verified");
    r.err_line("plans/p/01-a.toml:16:12: error: verified before it was done (2016-03-10)");
    r.err_line("plans/p/01-a.toml:17:13: error: evidence `docs/missing.pdf` does not exist (relative to .)");
    r.err_line(
        "plans/p/01-a.toml:22:20: warning: this progress report is dated 2016-05-01, after today",
    );
    // The link is kept, not looked up.
    assert!(
        !r.stderr
            .lines()
            .any(|l| l.contains("error:") && l.contains("example.org")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.ends_with("4 errors, 1 warning\n"), "{}", r.stderr);
}

/// Two lead units with red or yellow items, one with an address; a third with nothing late.
fn district() -> Fixture {
    Fixture::new()
        .file(
            "p/plan.toml",
            "[plan]\ntitle = \"区政府2016年重点工作\"\norg = \"区政府督查室\"\nyear = 2016\nlang = \"zh\"\n\n\
             [owners.\"区财政局\"]\nemail = \"czj@example.org\"\n\n\
             [owners.\"区教育局\"]\nemail = \"jyj@example.org\"\n",
        )
        .file(
            "p/01-a.toml",
            "[area]\nid = \"a\"\ntitle = \"甲\"\n\n\
             [[task]]\nid = \"tax\"\ntitle = \"清理欠税\"\nowner = [\"区财政局\", \"区税务局\"]\ndue = 2016-03-31\n\
             progress = [{ on = 2016-03-15, text = \"已清理五成\", percent = 50 }]\n\n\
             [[task]]\nid = \"budget\"\ntitle = \"编制预算\"\nowner = \"区财政局\"\ndue = 2016-04-08\n\n\
             [[task]]\nid = \"schools\"\ntitle = \"新建学校\"\nowner = \"区教育局\"\ndue = 2016-12-31\n",
        )
}

#[test]
fn notices_go_to_each_unit_with_red_or_yellow_items_and_keep_their_numbers() {
    let f = district();
    let args = ["--today", "2016-04-05", "notice"];
    let first = f.run(&args);
    first.code(0);
    // 区财政局 first (it leads the first red item), then 区税务局; 区教育局 is green.
    assert_eq!(
        first.stdout,
        "# 督办通知单\n\n编号：2016-001  \n单位：区财政局  \n日期：2016-04-05\n\n\
         经督查，你单位牵头的以下 2 项工作亮红灯或黄灯。请抓紧推进，并于 2016-04-08 前书面报送进展情况。\n\n\
         | 编号 | 事项 | 期限 | 灯 | 逾期天数 | 最新进展 |\n| --- | --- | ---: | --- | ---: | --- |\n\
         | tax | 清理欠税 | 2016-03-31 | ● 红灯 | 5 | 2016-03-15：已清理五成 |\n\
         | budget | 编制预算 | 2016-04-08 | ● 黄灯 |  | 无 |\n\n区政府督查室  \n2016-04-05\n\n---\n\n\
         # 督办通知单\n\n编号：2016-002  \n单位：区税务局  \n日期：2016-04-05\n\n\
         经督查，你单位牵头的以下 1 项工作亮红灯或黄灯。请抓紧推进，并于 2016-04-08 前书面报送进展情况。\n\n\
         | 编号 | 事项 | 期限 | 灯 | 逾期天数 | 最新进展 |\n| --- | --- | ---: | --- | ---: | --- |\n\
         | tax | 清理欠税 | 2016-03-31 | ● 红灯 | 5 | 2016-03-15：已清理五成 |\n\n区政府督查室  \n2016-04-05\n"
    );
    // The same day gives the same notices; one unit's notice keeps its number.
    assert_eq!(f.run(&args).stdout, first.stdout);
    let r = f.run(&[
        "--today",
        "2016-04-05",
        "notice",
        "--owner",
        "区税务局",
        "--reply-by",
        "2016-04-10",
    ]);
    assert!(
        r.stdout
            .starts_with("# 督办通知单\n\n编号：2016-002  \n单位：区税务局"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("并于 2016-04-10 前"), "{}", r.stdout);
    // One file per unit with -o, HTML printable on A4.
    let r = f.run(&[
        "--today",
        "2016-04-05",
        "notice",
        "--format",
        "html",
        "-o",
        "notices",
    ]);
    r.code(0);
    let html = std::fs::read_to_string(f.dir().join("notices/2016-001-区财政局.html")).unwrap();
    assert!(html.contains("@page { size: A4;"), "{html}");
    assert!(html.contains("<td>清理欠税</td>"), "{html}");
    assert!(f.dir().join("notices/2016-002-区税务局.html").exists());
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    // Nothing red or yellow: a sentence, exit 0.
    let r = f.run(&["--today", "2016-01-05", "notice"]);
    r.code(0);
    assert_eq!(r.stdout, "没有亮红灯或黄灯的事项，无需发督办通知单。\n");
}

/// A fake sendmail in `dir/bin` that records each call's arguments and message in `dir/sent`.
fn fake_sendmail(dir: &std::path::Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let sent = dir.join("sent");
    let script = format!(
        "#!/bin/sh\nmkdir -p '{0}'\nn=$(ls '{0}' | wc -l)\nprintf '%s\\n' \"$@\" > '{0}'/$n.args\ncat > '{0}'/$n.eml\n",
        sent.display()
    );
    let path = bin.join("sendmail");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!("{}:/usr/bin:/bin", bin.display())
}

#[test]
fn notice_mail_sends_one_message_per_unit_with_an_address() {
    let f = district();
    let path = fake_sendmail(f.dir());
    let r = f.run_env(
        &[
            "--today",
            "2016-04-05",
            "notice",
            "--mail",
            "--from",
            "区政府督查室 <duban@example.org>",
        ],
        &[("PATH", &path)],
    );
    // 区税务局 has no address: named on stderr, exit 1; 区财政局's notice is sent.
    r.code(1);
    assert_eq!(r.stdout, "已发送 2016-001 区财政局 → czj@example.org\n");
    assert_eq!(
        r.stderr,
        "警告：区税务局 没有邮件地址，通知单 2016-002 未发送（在 plan.toml 中加上 [owners.\"区税务局\"] email = \"…\"）\n"
    );
    let sent = f.dir().join("sent");
    let mut names: Vec<String> = std::fs::read_dir(&sent)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["0.args", "0.eml"]);
    assert_eq!(
        std::fs::read_to_string(sent.join("0.args")).unwrap(),
        "-i\n-f\nduban@example.org\n--\nczj@example.org\n"
    );
    let raw = std::fs::read(sent.join("0.eml")).unwrap();
    // RFC 5322: ASCII headers only (the Chinese is encoded), CRLF line ends.
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    assert!(raw[..head_end].is_ascii());
    let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(message.subject(), Some("督办通知单（2016-001）：区财政局"));
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(
        (to.name(), to.address()),
        (Some("区财政局"), Some("czj@example.org"))
    );
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("区政府督查室"));
    let text = message.body_text(0).unwrap();
    assert!(text.contains("单位：区财政局"), "{text}");
    assert!(
        text.contains("| tax | 清理欠税 | 2016-03-31 | ● 红灯 | 5 | 2016-03-15：已清理五成 |"),
        "{text}"
    );
    assert!(
        text.contains("| budget | 编制预算 | 2016-04-08 | ● 黄灯 |  | 无 |"),
        "{text}"
    );
    let html = message.body_html(0).unwrap();
    assert!(html.contains("<td>编制预算</td>"), "{html}");
    // With every unit addressed, exit 0 and one message each.
    let f = district();
    let plan = f.read("p/plan.toml") + "\n[owners.\"区税务局\"]\nemail = \"swj@example.org\"\n";
    std::fs::write(f.path("p/plan.toml"), plan).unwrap();
    let path = fake_sendmail(f.dir());
    let r = f.run_env(
        &["--today", "2016-04-05", "notice", "--mail"],
        &[("PATH", &path), ("PLAN_MAIL_FROM", "duban@example.org")],
    );
    r.code(0);
    assert_eq!(std::fs::read_dir(f.dir().join("sent")).unwrap().count(), 4);
}

#[test]
fn notice_mail_sends_nothing_without_sendmail_or_a_sender() {
    let f = district();
    // No sendmail anywhere: exit 2, nothing sent.
    let r = f.run_env(
        &[
            "--today",
            "2016-04-05",
            "--lang",
            "en",
            "notice",
            "--mail",
            "--from",
            "duban@example.org",
            "--sendmail",
            "/nonexistent/sendmail",
        ],
        &[("PATH", "/usr/bin:/bin")],
    );
    r.code(2);
    r.err_line("error: no sendmail to run at /nonexistent/sendmail; nothing was sent");
    // No sender, or one that does not parse.
    let path = fake_sendmail(f.dir());
    let r = f.run_env(
        &["--today", "2016-04-05", "notice", "--mail"],
        &[("PATH", &path)],
    );
    r.code(2);
    r.err_line("错误：发送督办通知单需要发件人地址");
    let r = f.run_env(
        &[
            "--today",
            "2016-04-05",
            "notice",
            "--mail",
            "--from",
            "duban at example",
        ],
        &[("PATH", &path)],
    );
    r.code(2);
    assert!(
        r.stderr.contains("`duban at example` 不是有效的邮件地址"),
        "{}",
        r.stderr
    );
    assert!(!f.dir().join("sent").exists());
}

#[test]
fn the_scoreboard_counts_on_time_late_and_overdue_items() {
    // 区财政局: `ontime` done before its due, `late` done after, `overdue` open past its due,
    // `future` not yet due: on time 1 of the 3 due by today = 33.3 %. 区税务局: its one item
    // done on time (100 %), so it ranks first.
    let f = plan(
        "feedback = \"month\"\n",
        "[[task]]\nid = \"ontime\"\ntitle = \"按期\"\ndue = 2016-03-31\nstatus = \"done\"\ndone = 2016-03-30\n\n\
         [[task]]\nid = \"late\"\ntitle = \"逾期办结\"\ndue = 2016-03-31\nstatus = \"done\"\ndone = 2016-04-02\n\n\
         [[task]]\nid = \"overdue\"\ntitle = \"逾期未办\"\ndue = 2016-03-31\nprogress = [{ on = 2016-03-20, text = \"x\" }]\n\n\
         [[task]]\nid = \"future\"\ntitle = \"未到期\"\ndue = 2016-12-31\n\n\
         [[task]]\nid = \"other\"\ntitle = \"他单位\"\nowner = \"区税务局\"\ndue = 2016-03-31\nstatus = \"done\"\ndone = 2016-03-01\n",
    );
    let r = f.run(&["--today", "2016-04-10", "owners", "--format", "json"]);
    r.code(0);
    let rows = r.json();
    let pick = |r: &serde_json::Value| {
        (
            r["owner"].as_str().unwrap().to_string(),
            r["rank"].as_u64().unwrap(),
            r["on_time_rate"]
                .as_f64()
                .map(|x| (x * 10.0).round() / 10.0),
            r["late"].as_u64().unwrap(),
            r["overdue"].as_u64().unwrap(),
            r["red"].as_u64().unwrap(),
            r["yellow"].as_u64().unwrap(),
            r["feedback_missed"].as_u64().unwrap(),
        )
    };
    // 区财政局: red = `overdue`; `future` missed March's report (yellow); `overdue` reported
    // on 20 March, so it misses none.
    assert_eq!(
        rows.as_array()
            .unwrap()
            .iter()
            .map(pick)
            .collect::<Vec<_>>(),
        [
            ("区税务局".to_string(), 1, Some(100.0), 0, 0, 0, 0, 0),
            ("区财政局".to_string(), 2, Some(33.3), 1, 1, 1, 1, 1),
        ]
    );
    let r = f.run(&[
        "--today",
        "2016-04-10",
        "--lang",
        "zh",
        "owners",
        "--format",
        "markdown",
    ]);
    assert!(r.stdout.starts_with("# 工作推进情况通报（截至 2016-04-10）\n\n本期共通报 2 个牵头单位。已到期（或已办结）事项 4 项，按期办结 2 项，按期办结率 50.0%。"), "{}", r.stdout);
    assert!(
        r.stdout.ends_with(
            "## 需要督促的单位\n\n- 区财政局：逾期未办结 1 项，红灯 1 项，未按时报送进展 1 项。\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn the_report_shows_lights_latest_progress_awaiting_verification_and_the_ranking() {
    let f = plan(
        "verify = true\nlang = \"zh\"\n",
        "[[task]]\nid = \"land\"\ntitle = \"收回闲置土地\"\ndue = \"2016-03\"\nstatus = \"done\"\ndone = 2016-03-20\n\n\
         [[task]]\nid = \"survey\"\ntitle = \"摸查统计\"\ndue = 2016-04-08\nprogress = [{ on = 2016-03-15, text = \"已完成摸查90%\", percent = 90 }]\n\n\
         [[task]]\nid = \"quiet\"\ntitle = \"无进展\"\ndue = 2016-12-31\n",
    );
    let r = f.run(&["--today", "2016-04-05", "report"]);
    r.code(0);
    let md = &r.stdout;
    // The areas table counts the lights and the items awaiting verification.
    assert!(md.contains("| 工作方面 | 重点 | 任务完成 | 进度 | 逾期 | 即将到期 | 目标达成 | 指标正常 | 红灯 | 黄灯 | 待销号 |"), "{md}");
    assert!(
        md.contains("| 甲 |  | 1/3 | ███░░░░░░░ 33.3% | 0 | 1 | - | - | 0 | 1 | 1 |"),
        "{md}"
    );
    // `survey` is due in 3 days (yellow; at 90 % it trails the 96.9 % of its time elapsed by
    // under 10 points), shown with its latest report; a green item without reports is left out.
    assert!(md.contains("## 红黄灯事项与最新进展\n\n| 灯 | 名称 | 牵头单位 | 期限 | 最新进展 |\n| --- | --- | --- | ---: | --- |\n| ● 黄灯 | 摸查统计 | 区财政局 | 2016-04-08 | 2016-03-15：已完成摸查90% |\n\n"), "{md}");
    assert!(md.contains("## 待销号事项\n\n| 名称 | 牵头单位 | 已完成 |\n| --- | --- | ---: |\n| 收回闲置土地 | 区财政局 | 2016-03-20 |\n"), "{md}");
    assert!(md.contains("## 各单位排名\n\n| 排名 | 牵头单位 | 按期办结率 | 逾期 | 红灯 | 黄灯 | 未报进展 |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n| 1 | 区财政局 | 100.0% | 0 | 0 | 1 | 0 |\n"), "{md}");
    let html = f
        .run(&["--today", "2016-04-05", "report", "--format", "html"])
        .stdout;
    assert!(
        html.contains("<td class=\"light warn\">● 黄灯</td>"),
        "{html}"
    );
    assert!(html.contains("<h2>待销号事项</h2>"), "{html}");
}

//! Spreadsheets in and out (contract v2, "Spreadsheets"): `plan import` reads an office's
//! ledger (台账) built here with rust_xlsxwriter in the shapes real ones have, `plan export`
//! writes one that calamine reads back, and the shipped plan survives the round trip.

use std::path::Path;

use calamine::{Data, Reader};
use rust_xlsxwriter::{Format, Formula, Workbook};

use crate::{Fixture, run_in};

/// A ledger shaped like a district's: a merged title row, a header, merged category rows,
/// numbered rows and sub-rows, "A牵头，B配合" owner cells, every deadline phrase of the contract,
/// a real date, a serial number, a formula with its cached value, and a row without deadline.
fn district_ledger(path: &Path, bad_deadline: Option<&str>) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    let plain = Format::new();
    sheet
        .merge_range(0, 0, 0, 5, "丽山区2023年重点工作任务台账", &plain)
        .unwrap();
    for (c, h) in [
        "序号",
        "工作任务",
        "牵头单位",
        "责任领导",
        "完成时限",
        "进展情况",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut r = 2u32;
    let mut row = |sheet: &mut rust_xlsxwriter::Worksheet, cells: &[&str]| {
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r, c as u16, *text).unwrap();
            }
        }
        r += 1;
        r - 1
    };
    // A category row merged across the table.
    let at = row(sheet, &[]);
    sheet
        .merge_range(at, 0, at, 5, "一、稳住经济大盘", &plain)
        .unwrap();
    row(
        sheet,
        &[
            "1",
            "加强税收征管",
            "区财政局牵头，区税务局、各街道配合",
            "分管副区长",
            "3月5日前",
            "已清缴欠税1200万元",
        ],
    );
    row(
        sheet,
        &["2", "推进重点项目", "区发改局", "常务副区长", "3月底前", ""],
    );
    row(sheet, &["（1）", "完成项目签约", "", "", "3月份前", ""]);
    row(sheet, &["（2）", "完成项目开工", "", "", "3月前", ""]);
    row(
        sheet,
        &[
            "3",
            "盘活存量土地",
            "区自然资源局、区财政局",
            "",
            "3月底",
            "",
        ],
    );
    row(
        sheet,
        &["4", "一季度经济运行分析", "区统计局", "", "一季度", ""],
    );
    row(
        sheet,
        &["5", "开展营商环境评价", "区营商办", "", "第一季度", ""],
    );
    row(
        sheet,
        &["6", "兑现惠企政策", "区工信局", "", "一季度末", ""],
    );
    // A category row whose only cell is its first.
    row(sheet, &["二、基层治理"]);
    row(
        sheet,
        &["1", "网格化管理全覆盖", "各街道", "", "上半年", ""],
    );
    row(sheet, &["2", "完善村规民约", "区民政局", "", "下半年", ""]);
    row(sheet, &["3", "整治背街小巷", "区城管局", "", "年底前", ""]);
    row(sheet, &["4", "建设口袋公园", "区城管局", "", "年底", ""]);
    row(
        sheet,
        &["5", "老旧小区改造", "区住建局", "", "12月底前", ""],
    );
    row(sheet, &["6", "平安建设", "区政法委", "", "全年", ""]);
    row(
        sheet,
        &["7", "智慧社区试点", "区大数据局", "", "2023年10月底前", ""],
    );
    row(
        sheet,
        &["8", "报送重点工作进展", "区发改局", "", "每月28日前", ""],
    );
    row(sheet, &["9", "报送季度分析", "区统计局", "", "每季度", ""]);
    row(
        sheet,
        &[
            "10",
            "报送督查台账",
            "区督查室",
            "",
            "每季度最后一个月的30日前",
            "",
        ],
    );
    row(sheet, &["11", "更新公示栏", "区住建局", "", "每半个月", ""]);
    row(sheet, &["12", "巡查河道", "区水利局", "", "每半月", ""]);
    row(
        sheet,
        &["13", "安全生产巡查", "区应急局", "", "长期坚持", ""],
    );
    row(
        sheet,
        &["14", "环境整治", "区生态环境局", "", "持续推进", ""],
    );
    row(sheet, &["15", "信访维稳", "区信访局", "", "长期", ""]);
    row(sheet, &["16", "扫黑除恶", "区政法委", "", "常态化", ""]);
    // A real date, an Excel serial number, a formula's cached value, and no deadline.
    let at = row(sheet, &["17", "召开动员大会", "区委办", "", "", ""]);
    sheet
        .write_date_with_format(
            at,
            4,
            chrono::NaiveDate::from_ymd_opt(2023, 2, 15).unwrap(),
            &date,
        )
        .unwrap();
    let at = row(sheet, &["18", "印发实施方案", "区政府办", "", "", ""]);
    sheet.write_number(at, 4, 44985.0).unwrap(); // 2023-02-28
    let at = row(sheet, &["19", "召开推进会", "区政府办", "", "", ""]);
    sheet
        .write_formula(
            at,
            4,
            Formula::new("=\"6月30日前\"").set_result("6月30日前"),
        )
        .unwrap();
    row(sheet, &["20", "总结评估", "区政府办", "", "", ""]);
    if let Some(text) = bad_deadline {
        row(sheet, &["21", "无法识别", "区政府办", "", text, ""]);
    }
    book.save(path).unwrap();
}

/// The imported plan's items: (id, title, parent, owners, with, leaders, due written).
fn items(f: &Fixture, plans: &str) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for area in ["a1", "a2"] {
        let r = f.run(&[
            "--plans",
            plans,
            "--today",
            "2023-01-10",
            "status",
            "--area",
            area,
            "--format",
            "json",
        ]);
        r.code(0);
        out.extend(r.json().as_array().unwrap().iter().cloned());
    }
    out
}

#[test]
fn a_district_ledger_imports_item_by_item() {
    let f = Fixture::new();
    let xlsx = f.dir().join("台账.xlsx");
    district_ledger(&xlsx, None);
    let r = f.run(&[
        "--today",
        "2023-01-10",
        "import",
        "台账.xlsx",
        "--plan",
        "lishan-2023",
        "--year",
        "2023",
        "-o",
        "out",
    ]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "imported into out/lishan-2023: 2 areas, 28 tasks (1 without a deadline); plan check passes\n"
    );
    assert_eq!(
        r.stderr,
        "台账!B32: warning: no deadline: `总结评估` is imported without `due`\n"
    );
    let dir = f.dir().join("out/lishan-2023");
    let plan = std::fs::read_to_string(dir.join("plan.toml")).unwrap();
    assert!(
        plan.contains("title = \"丽山区2023年重点工作任务台账\"\nyear = 2023\n"),
        "{plan}"
    );
    let a1 = std::fs::read_to_string(dir.join("01-a1.toml")).unwrap();
    assert!(
        a1.starts_with("[area]\nid = \"a1\"\ntitle = \"稳住经济大盘\"\n"),
        "{a1}"
    );
    // The owner cell "A牵头，B、C配合", the leader, the phrase and the progress cell.
    assert!(
        a1.contains(
            "# 台账!B4\n[[task]]\nid = \"a1-1\"\ntitle = \"加强税收征管\"\nowner = \"区财政局\"\nwith = [\"区税务局\", \"各街道\"]\nleader = \"分管副区长\"\ndue = 2023-03-05\nprogress = [{ on = 2023-01-10, text = \"已清缴欠税1200万元\" }]\n"
        ),
        "{a1}"
    );
    // Numbered sub-rows become sub-items of the row above.
    assert!(
        a1.contains(
            "id = \"a1-2-1\"\ntitle = \"完成项目签约\"\nparent = \"a1-2\"\ndue = \"2023-03\"\n"
        ),
        "{a1}"
    );
    let a2 = std::fs::read_to_string(dir.join("02-a2.toml")).unwrap();
    assert!(
        a2.starts_with("[area]\nid = \"a2\"\ntitle = \"基层治理\"\n"),
        "{a2}"
    );
    assert!(
        a2.contains("title = \"报送督查台账\"\nowner = \"区督查室\"\nevery = \"quarter\"\nmonth = 3\nday = 30\n"),
        "{a2}"
    );
    // Every item, as the plan reads it: (id, parent, owners, due or what stands for it).
    let got: Vec<(String, String, String, String)> = items(&f, "out")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["parent"].as_str().unwrap_or("").to_string(),
                i["owners"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| o.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("、"),
                i["due"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want: &[(&str, &str, &str, &str)] = &[
        ("a1-1", "", "区财政局", "2023-03-05"),
        ("a1-2", "", "区发改局", "2023-03-31"),
        ("a1-2-1", "a1-2", "区发改局", "2023-03-31"),
        ("a1-2-2", "a1-2", "区发改局", "2023-03-31"),
        ("a1-3", "", "区自然资源局、区财政局", "2023-03-31"),
        ("a1-4", "", "区统计局", "2023-03-31"),
        ("a1-5", "", "区营商办", "2023-03-31"),
        ("a1-6", "", "区工信局", "2023-03-31"),
        ("a2-1", "", "各街道", "2023-06-30"),
        ("a2-2", "", "区民政局", "2023-12-31"),
        ("a2-3", "", "区城管局", "2023-12-31"),
        ("a2-4", "", "区城管局", "2023-12-31"),
        ("a2-5", "", "区住建局", "2023-12-31"),
        ("a2-6", "", "区政法委", "2023-12-31"),
        ("a2-7", "", "区大数据局", "2023-10-31"),
        // Recurring duties: their next deadline on 10 January.
        ("a2-8", "", "区发改局", "2023-01-28"),
        ("a2-9", "", "区统计局", "2023-04-01"),
        ("a2-10", "", "区督查室", "2023-03-30"),
        ("a2-11", "", "区住建局", "2023-01-15"),
        ("a2-12", "", "区水利局", "2023-01-15"),
        // Ongoing work has no deadline.
        ("a2-13", "", "区应急局", ""),
        ("a2-14", "", "区生态环境局", ""),
        ("a2-15", "", "区信访局", ""),
        ("a2-16", "", "区政法委", ""),
        ("a2-17", "", "区委办", "2023-02-15"),
        ("a2-18", "", "区政府办", "2023-02-28"),
        ("a2-19", "", "区政府办", "2023-06-30"),
        ("a2-20", "", "区政府办", ""),
    ];
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(got, want);
    // The written forms of the phrases.
    for (title, keys) in [
        ("盘活存量土地", "due = \"2023-03\""),
        ("一季度经济运行分析", "due = \"2023-Q1\""),
        ("开展营商环境评价", "due = \"2023-Q1\""),
        ("兑现惠企政策", "due = \"2023-Q1\""),
        ("网格化管理全覆盖", "due = \"2023-H1\""),
        ("完善村规民约", "due = \"2023-H2\""),
        ("整治背街小巷", "due = \"2023\""),
        ("老旧小区改造", "due = \"2023\""),
        ("智慧社区试点", "due = \"2023-10\""),
        ("报送季度分析", "every = \"quarter\""),
        ("更新公示栏", "every = \"half-month\"\nday = 15"),
        ("安全生产巡查", "ongoing = true"),
        ("召开推进会", "due = 2023-06-30"),
    ] {
        let text = a1.clone() + &a2;
        let at = text.find(&format!("title = \"{title}\"")).unwrap();
        let block = &text[at..text[at..].find("\n\n").map_or(text.len(), |e| at + e)];
        assert!(block.contains(keys), "{title}: {block}");
    }
}

#[test]
fn an_unreadable_deadline_is_located_and_nothing_is_written() {
    let f = Fixture::new();
    district_ledger(&f.dir().join("台账.xlsx"), Some("尽快"));
    let r = f.run(&[
        "import",
        "台账.xlsx",
        "--plan",
        "p",
        "--year",
        "2023",
        "-o",
        "out",
    ]);
    r.code(2);
    assert!(
        r.stderr.contains(
            "台账!E33: error: cannot read the deadline `尽快`\n     |\n E33 | 尽快\n     | ^^^^\n     = help: write a date (2016-03-31) or a phrase such as 3月底前"
        ),
        "{}",
        r.stderr
    );
    assert!(!f.dir().join("out").exists());
    // --dry-run on a good ledger prints the files and writes nothing.
    district_ledger(&f.dir().join("台账.xlsx"), None);
    let r = f.run(&[
        "import",
        "台账.xlsx",
        "--plan",
        "p",
        "--year",
        "2023",
        "-o",
        "out",
        "--dry-run",
    ]);
    r.code(0);
    assert!(
        r.stdout
            .starts_with("==> out/p/plan.toml <==\n# plan import 台账.xlsx\n[plan]\n"),
        "{}",
        r.stdout
    );
    assert!(!f.dir().join("out").exists());
    // A plan already there is refused unless --force.
    f.run(&[
        "import",
        "台账.xlsx",
        "--plan",
        "p",
        "--year",
        "2023",
        "-o",
        "out",
    ])
    .code(0);
    let before = std::fs::read_to_string(f.dir().join("out/p/01-a1.toml")).unwrap();
    std::fs::write(
        f.dir().join("out/p/01-a1.toml"),
        before.replace("加强税收征管", "手改过的"),
    )
    .unwrap();
    let r = f.run(&[
        "import",
        "台账.xlsx",
        "--plan",
        "p",
        "--year",
        "2023",
        "-o",
        "out",
    ]);
    r.code(2);
    assert!(
        r.stderr
            .contains("out/p already holds plan files; nothing was written"),
        "{}",
        r.stderr
    );
    assert!(
        std::fs::read_to_string(f.dir().join("out/p/01-a1.toml"))
            .unwrap()
            .contains("手改过的")
    );
    f.run(&[
        "import",
        "台账.xlsx",
        "--plan",
        "p",
        "--year",
        "2023",
        "-o",
        "out",
        "--force",
    ])
    .code(0);
    assert_eq!(
        std::fs::read_to_string(f.dir().join("out/p/01-a1.toml")).unwrap(),
        before
    );
}

#[test]
fn files_that_are_not_ledgers_are_refused_with_a_reason() {
    let f = Fixture::new();
    let run = |args: &[&str]| f.run(args);
    // Not a spreadsheet by name, nor by content.
    std::fs::write(f.dir().join("notes.txt"), "hello").unwrap();
    let r = run(&["import", "notes.txt", "--plan", "p", "--year", "2016"]);
    r.code(2);
    r.err_line("error: notes.txt is not a spreadsheet plan import can read");
    std::fs::write(f.dir().join("broken.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
    let r = run(&["import", "broken.xlsx", "--plan", "p", "--year", "2016"]);
    r.code(2);
    assert!(r.stderr.contains("broken.xlsx"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    // A workbook protected by a password (tests/fixtures/README.md says how it was made).
    let protected = crate::repo().join("tests/fixtures/password.xlsx");
    let r = run(&[
        "import",
        protected.to_str().unwrap(),
        "--plan",
        "p",
        "--year",
        "2023",
    ]);
    r.code(2);
    assert!(
        r.stderr
            .contains("password.xlsx is protected by a password"),
        "{}",
        r.stderr
    );
    // A sheet that does not exist: the sheets are listed.
    district_ledger(&f.dir().join("台账.xlsx"), None);
    let r = run(&[
        "import",
        "台账.xlsx",
        "--sheet",
        "Sheet9",
        "--plan",
        "p",
        "--year",
        "2023",
    ]);
    r.code(2);
    r.err_line("error: no sheet is named `Sheet9`");
    r.err_line("  help: the sheets are: 台账");
    // No header row: the names looked for, and --map.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "事项").unwrap();
    sheet.write_string(0, 1, "单位").unwrap();
    sheet.write_string(1, 0, "摸查").unwrap();
    sheet.write_string(1, 1, "经发局").unwrap();
    book.save(f.dir().join("odd.xlsx")).unwrap();
    let r = run(&[
        "import", "odd.xlsx", "--plan", "p", "--year", "2016", "-o", "out",
    ]);
    r.code(2);
    assert!(
        r.stderr
            .contains("error: no header row in the first 30 rows of sheet `Sheet1`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("工作任务、重点任务、工作内容"),
        "{}",
        r.stderr
    );
    // With --map the same sheet reads.
    std::fs::write(
        f.dir().join("map.toml"),
        "\"事项\" = \"title\"\n\"单位\" = \"owner\"\n",
    )
    .unwrap();
    let r = run(&[
        "import", "odd.xlsx", "--plan", "p", "--year", "2016", "-o", "out", "--map", "map.toml",
    ]);
    r.code(0);
    let a1 = std::fs::read_to_string(f.dir().join("out/p/01-a1.toml")).unwrap();
    assert!(
        a1.contains("title = \"摸查\"\nowner = \"经发局\"\n"),
        "{a1}"
    );
}

#[test]
fn a_csv_ledger_in_utf8_or_gbk_imports_too() {
    let f = Fixture::new();
    let text = "重点工作台账\n序号,工作任务,牵头单位,完成时限\n1,摸查统计,经发局,3月底前\n2,建立台账,\"经发局、财政局\",2016/6/30\n";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    std::fs::write(f.dir().join("utf8.csv"), bom).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(f.dir().join("gbk.csv"), gbk).unwrap();
    for (file, id) in [("utf8.csv", "u"), ("gbk.csv", "g")] {
        f.run(&["import", file, "--plan", id, "--year", "2016", "-o", "out"])
            .code(0);
        let a1 = std::fs::read_to_string(f.dir().join(format!("out/{id}/01-a1.toml"))).unwrap();
        assert!(
            a1.contains("title = \"摸查统计\"\nowner = \"经发局\"\ndue = \"2016-03\"\n"),
            "{file}: {a1}"
        );
        assert!(
            a1.contains("owner = [\"经发局\", \"财政局\"]\ndue = 2016-06-30\n"),
            "{file}: {a1}"
        );
        let plan = std::fs::read_to_string(f.dir().join(format!("out/{id}/plan.toml"))).unwrap();
        assert!(plan.contains("title = \"重点工作台账\""), "{plan}");
    }
}

/// The cells of a sheet as (text, kind) rows.
fn sheet_cells(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => format!("{other}"),
    }
}

#[test]
fn the_export_is_a_ledger_with_dates_numbers_a_frozen_header_and_fills() {
    let root = crate::repo();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ledger.xlsx");
    let r = run_in(
        &root,
        &[
            "--today",
            "2016-04-01",
            "export",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    r.code(0);
    let book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), ["工作任务", "统计指标", "牵头单位"]);
    let items = sheet_cells(&out, "工作任务");
    assert_eq!(text(&items[0][0]), "清远高新区2016年经济发展工作计划");
    assert_eq!(
        items[1].iter().map(text).collect::<Vec<_>>(),
        [
            "序号",
            "工作方面",
            "工作任务",
            "牵头单位",
            "配合单位",
            "责任领导",
            "完成时限",
            "状态",
            "灯",
            "进展情况"
        ]
    );
    // The first item: a target due at the end of the year, as an Excel date.
    let first = &items[2];
    assert_eq!(text(&first[0]), "1");
    assert_eq!(text(&first[1]), "抓好招商引资，招大引强取得新突破");
    assert_eq!(text(&first[2]), "全年新引进项目10个以上");
    match &first[6] {
        Data::DateTime(dt) => assert_eq!(dt.as_f64(), 42735.0), // 2016-12-31
        other => panic!("not a date: {other:?}"),
    }
    // The half-monthly duty's deadline in words, its status and light.
    let duty = items
        .iter()
        .find(|r| text(&r[2]) == "通过公示栏每半个月更新一次省市重点建设项目建设进展")
        .unwrap();
    assert_eq!(text(&duty[6]), "每半个月");
    assert_eq!(text(&duty[7]), "未完成");
    assert_eq!(text(&duty[8]), "红灯");
    // Indicators: figures as numbers.
    let indicators = sheet_cells(&out, "统计指标");
    let industry = indicators
        .iter()
        .find(|r| text(&r[0]) == "规上工业增加值")
        .unwrap();
    assert!(matches!(industry[4], Data::Float(_)), "{:?}", industry[4]);
    assert!(matches!(industry[5], Data::Float(_)), "{:?}", industry[5]);
    // The frozen header, the autofilter and the red fill, in the sheet's XML.
    let file = std::fs::File::open(&out).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains(
            "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        ),
        "{xml}"
    );
    assert!(xml.contains("<autoFilter ref=\"A2:J"), "{xml}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("FFFFC7CE"), "{styles}");
}

#[test]
fn the_shipped_plan_survives_export_then_import() {
    let root = crate::repo();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.xlsx");
    let second = dir.path().join("second.xlsx");
    run_in(
        &root,
        &[
            "--today",
            "2016-04-01",
            "export",
            "-o",
            first.to_str().unwrap(),
        ],
    )
    .code(0);
    let plans = dir.path().join("plans");
    run_in(
        dir.path(),
        &[
            "import",
            first.to_str().unwrap(),
            "--plan",
            "back",
            "--year",
            "2016",
            "-o",
            plans.to_str().unwrap(),
        ],
    )
    .code(0);
    run_in(
        dir.path(),
        &[
            "--plans",
            plans.to_str().unwrap(),
            "--today",
            "2016-04-01",
            "export",
            "-o",
            second.to_str().unwrap(),
        ],
    )
    .code(0);
    // Title, owners, with, leaders, due and status of every item, as the ledger shows them.
    let columns = |path: &Path| -> Vec<Vec<String>> {
        sheet_cells(path, "工作任务")
            .iter()
            .map(|r| {
                [0, 1, 2, 3, 4, 5, 6, 7]
                    .iter()
                    .map(|c| text(&r[*c]))
                    .collect()
            })
            .collect()
    };
    let (a, b) = (columns(&first), columns(&second));
    assert_eq!(a.len(), 70);
    assert_eq!(a, b);
}

#[test]
fn check_suggests_the_form_a_deadline_phrase_stands_for() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &crate::area(
            "[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = \"3月底前\"\n\n[[task]]\nid = \"u\"\ntitle = \"U\"\ndue = \"每月28日前\"\n\n[[task]]\nid = \"v\"\ntitle = \"V\"\ndue = \"尽快\"\n",
        ),
    )]);
    let r = f.run(&["check"]);
    r.code(2);
    r.err_line("   = help: write \"2016-03\"");
    r.err_line("    = help: in place of `due`, write every = \"month\", day = 28");
    // A phrase the reader does not know gets the general hint.
    r.err_line("    = help: write a day 2016-03-31, or a period \"2016-03\" (its last day), \"2016-Q1\", \"2016-H1\", \"2016\"");
}

#[test]
fn csv_for_excel_starts_with_a_byte_order_mark_and_holds_plain_numbers() {
    let root = crate::repo();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(&root)
        .args([
            "--today",
            "2016-04-01",
            "overdue",
            "--format",
            "csv",
            "--bom",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.starts_with(b"\xEF\xBB\xBF"),
        "{:?}",
        &out.stdout[..8]
    );
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        record[0].parse::<i64>().unwrap();
    }
    // Without --bom, no mark.
    let r = run_in(
        &root,
        &["--today", "2016-04-01", "overdue", "--format", "csv"],
    );
    assert!(!r.stdout.starts_with('\u{feff}'));
    // Indicators: every figure column parses as a number (or is empty); the flags have columns.
    let r = run_in(
        &crate::repo(),
        &[
            "--plans",
            "examples/plans",
            "--today",
            "2016-07-25",
            "indicators",
            "--format",
            "csv",
        ],
    );
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "Plan",
            "ID",
            "Indicator",
            "Owner",
            "Unit",
            "Prior",
            "Target",
            "Target growth",
            "Period",
            "Value",
            "Growth",
            "Gap (pp)",
            "Completion",
            "Year elapsed",
            "State",
            "Parent",
            "implied",
            "provisional",
            "stale"
        ]
    );
    let mut figures = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for c in [5, 6, 7, 9, 10, 11, 12, 13] {
            if !record[c].is_empty() {
                record[c]
                    .parse::<f64>()
                    .unwrap_or_else(|_| panic!("{:?}", &record[c]));
                figures += 1;
            }
        }
        for c in [16, 17, 18] {
            assert!(["true", "false"].contains(&&record[c]), "{record:?}");
        }
    }
    assert!(figures > 20, "{figures}");
    // `plan status` in CSV: each count and its total in a column.
    let r = run_in(
        &root,
        &["--today", "2016-06-30", "status", "--format", "csv"],
    );
    assert!(
        r.stdout.starts_with("计划,编号,工作方面,重点,任务完成,任务总数,逾期,即将到期,目标达成,目标总数,指标正常,指标总数,红灯,黄灯\nqingyuan-hitech-2016,investment,抓好招商引资，招大引强取得新突破,重点,0,12,"),
        "{}",
        r.stdout
    );
}

/// The example ledger of `examples/ledger/` (an illustration: every name and date is made up),
/// built here so that the file's origin is this code. `PLAN_UPDATE_EXAMPLES=1` rewrites it.
fn example_ledger() -> Vec<u8> {
    let mut book = Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 1, 5).unwrap();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title("丽山区2023年重点工作任务台账（示例）")
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let category = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy年m月d日");
    sheet
        .merge_range(0, 0, 0, 6, "丽山区2023年重点工作任务台账（示例）", &title)
        .unwrap();
    for (c, h) in [
        "序号",
        "工作任务",
        "牵头单位",
        "责任领导",
        "完成时限",
        "进展情况",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string_with_format(1, c as u16, *h, &head)
            .unwrap();
    }
    let rows: &[&[&str]] = &[
        &["一、稳住经济大盘"],
        &[
            "1",
            "加强税收征管，确保应收尽收",
            "区财政局牵头，区税务局、各街道配合",
            "分管副区长",
            "6月底前",
            "已清缴欠税1200万元",
            "",
        ],
        &[
            "2",
            "推进重点项目建设",
            "区发改局",
            "常务副区长",
            "年底前",
            "",
            "",
        ],
        &[
            "（1）",
            "完成10个项目签约",
            "区投资促进局",
            "",
            "上半年",
            "",
            "",
        ],
        &["（2）", "完成5个项目开工", "区住建局", "", "三季度", "", ""],
        &[
            "3",
            "报送重点工作进展",
            "区发改局",
            "常务副区长",
            "每季度最后一个月的30日前",
            "",
            "报区政府督查室",
        ],
        &["二、基层治理"],
        &[
            "1",
            "推进网格化管理全覆盖",
            "各街道",
            "分管副区长",
            "",
            "",
            "",
        ],
        &[
            "2",
            "常态化开展安全巡查",
            "区应急局",
            "分管副区长",
            "长期坚持",
            "",
            "",
        ],
    ];
    for (r, cells) in (2u32..).zip(rows.iter()) {
        if cells.len() == 1 {
            sheet.merge_range(r, 0, r, 6, cells[0], &category).unwrap();
        } else {
            for (c, text) in cells.iter().enumerate() {
                if !text.is_empty() {
                    sheet.write_string(r, c as u16, *text).unwrap();
                }
            }
        }
    }
    // The grid task's deadline is a date cell, as clerks often type it.
    sheet
        .write_date_with_format(
            9,
            4,
            chrono::NaiveDate::from_ymd_opt(2023, 9, 30).unwrap(),
            &date,
        )
        .unwrap();
    for (c, w) in [6.0, 30.0, 30.0, 12.0, 26.0, 22.0, 16.0].iter().enumerate() {
        sheet.set_column_width(c as u16, *w).unwrap();
    }
    sheet.set_freeze_panes(2, 0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn the_example_ledger_is_the_one_this_test_builds() {
    let path = crate::repo().join("examples/ledger/台账.xlsx");
    let built = example_ledger();
    // The same bytes twice: the file is reproducible.
    assert_eq!(built, example_ledger());
    if std::env::var_os("PLAN_UPDATE_EXAMPLES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &built).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(
        committed == built,
        "examples/ledger/台账.xlsx is not what this test builds; rerun with PLAN_UPDATE_EXAMPLES=1"
    );
    // It imports into a plan that passes `plan check`.
    let dir = tempfile::tempdir().unwrap();
    let r = run_in(
        dir.path(),
        &[
            "import",
            path.to_str().unwrap(),
            "--plan",
            "lishan-2023",
            "--year",
            "2023",
            "-o",
            "plans",
        ],
    );
    r.code(0);
    assert_eq!(
        r.stdout,
        "imported into plans/lishan-2023: 2 areas, 7 tasks (0 without a deadline); plan check passes\n"
    );
}

//! `plan report`: the Markdown bulletin and the self-contained HTML page, pinned as snapshots;
//! escaping; nothing fetched; and a real browser renders both to PNG and PDF.

use std::path::Path;

use crate::{Fixture, area, example, shipped};

fn shipped_md() -> String {
    let r = shipped(&["report", "--today", "2016-04-01"]);
    r.code(0);
    r.stdout
}

#[test]
fn the_markdown_bulletin_in_both_languages() {
    insta::assert_snapshot!("report-markdown-zh", shipped_md());
    let r = example(&[
        "report",
        "--plan",
        "riverside-2016",
        "--today",
        "2016-07-25",
    ]);
    r.code(0);
    insta::assert_snapshot!("report-markdown-en", r.stdout);
}

#[test]
fn the_html_page_in_both_languages() {
    let r = shipped(&["report", "--format", "html", "--today", "2016-04-01"]);
    r.code(0);
    insta::assert_snapshot!("report-html-zh", r.stdout);
    let r = example(&[
        "report",
        "--format",
        "html",
        "--plan",
        "riverside-2016",
        "--today",
        "2016-07-25",
    ]);
    r.code(0);
    insta::assert_snapshot!("report-html-en", r.stdout);
}

#[test]
fn key_areas_come_first() {
    let md = shipped_md();
    let areas: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("## 各方面进展"))
        .filter(|l| {
            l.starts_with("| 抓好")
                || l.starts_with("| 狠抓")
                || l.starts_with("| 切实")
                || l.starts_with("| 大力")
        })
        .collect();
    let keys: Vec<bool> = areas.iter().map(|l| l.contains("| 重点 |")).collect();
    assert_eq!(
        keys,
        [true, true, true, true, true, false, false],
        "{areas:?}"
    );
}

#[test]
fn plan_text_is_escaped_in_html() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area("[[task]]\nid = \"t\"\ntitle = \"<b>& bold\"\ndue = 2016-01-01\n"),
    )]);
    let r = f.run(&["report", "--format", "html", "--today", "2016-02-01"]);
    r.code(0);
    assert!(r.stdout.contains("&lt;b&gt;&amp; bold"), "{}", r.stdout);
    assert!(!r.stdout.contains("<b>&"));
    let r = f.run(&["report", "--today", "2016-02-01"]);
    // Markdown boards render HTML: the text is written as entities, never as markup.
    assert!(r.stdout.contains("| &lt;b&gt;&amp; bold |"), "{}", r.stdout);
    assert!(!r.stdout.contains("<b>"));
}

#[test]
fn the_html_page_fetches_nothing() {
    for html in [
        shipped(&["report", "--format", "html", "--today", "2016-04-01"]).stdout,
        example(&["report", "--format", "html", "--today", "2016-07-25"]).stdout,
    ] {
        for forbidden in [
            "http:", "https:", "//", "<script", "<link", "<img", "url(", "@import", "<iframe",
        ] {
            assert!(!html.contains(forbidden), "the page contains {forbidden}");
        }
    }
}

#[test]
fn filters_narrow_the_report() {
    let r = shipped(&[
        "report",
        "--area",
        "xiongxing",
        "--kind",
        "task",
        "--today",
        "2016-04-01",
    ]);
    r.code(0);
    assert!(
        r.stdout
            .contains("| 抓好实施雄兴工业园区规范化管理工作 | 重点 | 0/5 |"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("招商引资"));
    assert!(
        !r.stdout.contains("## 目标"),
        "no targets when only tasks are asked for"
    );
    shipped(&["report", "--area", "nowhere"]).code(2);
}

#[test]
fn a_report_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("board.md");
    let r = shipped(&[
        "report",
        "-o",
        file.to_str().unwrap(),
        "--today",
        "2016-04-01",
    ]);
    r.code(0);
    assert_eq!(r.stdout, "");
    assert_eq!(std::fs::read_to_string(file).unwrap(), shipped_md());
}

/// Render `html` headless in Debian's Chromium to `png` (a screenshot) and `pdf`.
fn render(chromium: &str, html: &Path, png: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ];
    let url = format!("file://{}", html.display());
    let shot = std::process::Command::new(chromium)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1100,1500")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let print = std::process::Command::new(chromium)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&print.stderr)
    );
}

/// The share of pixels of a PNG that are not (nearly) white.
fn ink(png: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()].chunks(channels);
    let total = pixels.len();
    let inked = pixels
        .filter(|p| p.iter().take(3).any(|c| *c < 200))
        .count();
    #[allow(clippy::cast_precision_loss)]
    let share = inked as f64 / total as f64;
    share
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Needs a browser, so `cargo test` lists it as ignored rather than passing it unrun;
/// `.ci/run` installs Chromium and runs it with `--ignored`.
#[test]
#[ignore = "needs Chromium: apt-get install chromium fonts-wqy-microhei, then cargo test -- --ignored"]
fn a_browser_renders_both_reports() {
    let chromium = chromium().expect(
        "chromium (or chromium-browser) is not installed: apt-get install chromium fonts-wqy-microhei",
    );
    let dir = tempfile::tempdir().unwrap();
    let update = std::env::var_os("PLAN_UPDATE_SCREENSHOTS").is_some();
    for (lang, html) in [
        (
            "zh",
            shipped(&["report", "--format", "html", "--today", "2016-04-01"]).stdout,
        ),
        (
            "en",
            example(&[
                "report",
                "--format",
                "html",
                "--plan",
                "riverside-2016",
                "--today",
                "2016-07-25",
            ])
            .stdout,
        ),
        // Every page of the report as a site.
        ("site", {
            let (dir, pages) = district_site();
            let all: Vec<String> = pages
                .iter()
                .map(|p| std::fs::read_to_string(dir.path().join("site").join(p)).unwrap())
                .collect();
            // One page stands for the rest in the screenshot and the PDF below; each of the
            // others is rendered here and must not be blank.
            for (name, html) in pages.iter().zip(&all).filter(|(n, _)| *n != "index.html") {
                let page = dir.path().join(format!("render-{name}"));
                std::fs::write(&page, html).unwrap();
                let png = dir.path().join(format!("render-{name}.png"));
                let pdf = dir.path().join(format!("render-{name}.pdf"));
                render(chromium, &page, &png, &pdf);
                assert!(ink(&png) > 0.001, "{name} looks blank");
            }
            std::fs::read_to_string(dir.path().join("site/index.html")).unwrap()
        }),
        // A notice (督办通知单) on A4.
        ("notice", {
            let root = crate::repo().join("examples/district/plans");
            crate::run_in(
                &crate::repo(),
                &[
                    "--plans",
                    root.to_str().unwrap(),
                    "notice",
                    "--format",
                    "html",
                    "--today",
                    "2023-07-10",
                ],
            )
            .stdout
        }),
    ] {
        let page = dir.path().join(format!("report-{lang}.html"));
        std::fs::write(&page, &html).unwrap();
        let png = dir.path().join(format!("report-{lang}.png"));
        let pdf = dir.path().join(format!("report-{lang}.pdf"));
        render(chromium, &page, &png, &pdf);
        // Not blank, not broken: text and bars cover a real share of the page.
        // (The site's index is mostly links and two tables: less ink than a report.)
        let share = ink(&png);
        let least = if lang == "site" { 0.01 } else { 0.02 };
        assert!(
            share > least,
            "{lang}: the page looks blank ({share:.4} of pixels inked)"
        );
        let pdf_bytes = std::fs::read(&pdf).unwrap();
        assert!(pdf_bytes.starts_with(b"%PDF"), "{lang}: not a PDF");
        assert!(
            pdf_bytes.len() > 10_000,
            "{lang}: the PDF is suspiciously small"
        );
        if update && lang != "notice" && lang != "site" {
            std::fs::copy(
                &png,
                crate::repo().join(format!("docs/img/report-{lang}.png")),
            )
            .unwrap();
        }
    }
}

#[test]
fn long_lists_are_capped_with_how_many_more_and_several_plans_get_an_overview() {
    // The shipped plan on 1 April: 17 overdue rows; with --limit 5 the report lists 5 and says 12 more.
    let r = shipped(&[
        "report",
        "--today",
        "2016-04-01",
        "--limit",
        "5",
        "--lang",
        "en",
    ]);
    r.code(0);
    let overdue = r.stdout.split("## Overdue").nth(1).unwrap();
    let section = overdue.split("\n## ").next().unwrap();
    assert_eq!(
        section
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Days") && !l.starts_with("| ---"))
            .count(),
        5
    );
    assert!(
        section.contains("… and 12 more (plan report --limit 0 lists them all)"),
        "{section}"
    );
    // --limit 0 lists every row; no "more".
    let r = shipped(&[
        "report",
        "--today",
        "2016-04-01",
        "--limit",
        "0",
        "--lang",
        "en",
    ]);
    let overdue = r.stdout.split("## Overdue").nth(1).unwrap();
    let section = overdue.split("\n## ").next().unwrap();
    assert_eq!(
        section
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Days") && !l.starts_with("| ---"))
            .count(),
        17
    );
    assert!(!r.stdout.contains("more (plan report"), "{}", r.stdout);
    // The HTML says it too.
    let r = shipped(&[
        "report",
        "--today",
        "2016-04-01",
        "--limit",
        "5",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    assert!(
        r.stdout
            .contains("<p class=\"more\">… and 12 more (plan report --limit 0 lists them all)</p>")
    );
    // Over several plans: an overview of the plans and the units ranked, before the plans.
    let root = crate::repo().join("examples/district/plans");
    let r = shipped(&[
        "--plans",
        root.to_str().unwrap(),
        "report",
        "--today",
        "2023-07-10",
        "--limit",
        "3",
    ]);
    assert!(
        r.stdout.starts_with(
            "# 总览\n\n| 计划 | 任务完成 | 逾期 | 即将到期 | 目标达成 | 红灯 | 黄灯 |\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("| 丽山区2023年重点工作任务分解（示例） | 1/4 | 4 | 0 | 0/3 | 4 | 2 |\n"),
        "{}",
        r.stdout
    );
    let one = shipped(&["report", "--today", "2016-04-01"]);
    assert!(!one.stdout.contains("# 总览"));
    // Past --limit plans: the overview is cut as every list is, only the plans shown are
    // made in full, and the report says how many more there are.
    let overview = |s: &str| s.split("\n## ").next().unwrap().to_string();
    let all = shipped(&[
        "--plans",
        root.to_str().unwrap(),
        "report",
        "--today",
        "2023-07-10",
        "--limit",
        "0",
    ]);
    let capped = shipped(&[
        "--plans",
        root.to_str().unwrap(),
        "report",
        "--today",
        "2023-07-10",
        "--limit",
        "1",
    ]);
    let rows = |s: &str| -> Vec<String> {
        overview(s)
            .lines()
            .filter(|l| l.starts_with("| 丽山区"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(rows(&all.stdout).len(), 3);
    assert_eq!(rows(&capped.stdout), rows(&all.stdout)[..1]);
    assert!(
        overview(&capped.stdout)
            .ends_with("\n\n……另有 2 项未列出（plan report --limit 0 列出全部）\n")
    );
    let plans = |s: &str| s.lines().filter(|l| l.starts_with("# 丽山区")).count();
    assert_eq!((plans(&all.stdout), plans(&capped.stdout)), (3, 1));
    assert!(
        capped
            .stdout
            .ends_with("\n\n……另有 2 项未列出（plan report --limit 0 列出全部）\n"),
        "{}",
        capped.stdout
    );
}

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The district's report as a site in a temporary directory: (its directory, the pages).
fn district_site() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = format!("{}/site/", dir.path().display());
    let root = crate::repo().join("examples/district/plans");
    let r = shipped(&[
        "--plans",
        root.to_str().unwrap(),
        "report",
        "--format",
        "html",
        "--today",
        "2023-07-10",
        "-o",
        &out,
    ]);
    r.code(0);
    let mut pages: Vec<String> = std::fs::read_dir(dir.path().join("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    (dir, pages)
}

#[test]
fn the_report_as_a_site_links_every_page_and_every_link_resolves() {
    let (dir, pages) = district_site();
    let site = dir.path().join("site");
    // The index, 3 plans, 4 areas (2022: 1, 2023: 2, fiscal 2024: 1) and the named lead units.
    assert!(pages.contains(&"index.html".to_string()));
    assert_eq!(pages.iter().filter(|p| p.starts_with("plan-")).count(), 3);
    assert_eq!(pages.iter().filter(|p| p.starts_with("area-")).count(), 4);
    assert!(
        pages.iter().filter(|p| p.starts_with("unit-")).count() >= 10,
        "{pages:?}"
    );
    // Every link of every page names a page of the site; every page is reached from the index
    // or a plan page; no page fetches anything or runs a script.
    let mut reached = std::collections::BTreeSet::new();
    for name in &pages {
        let html = std::fs::read_to_string(site.join(name)).unwrap();
        assert!(html.len() < 2_000_000, "{name}: {} bytes", html.len());
        assert!(
            !html.contains("<script") && !html.contains("src=\"http"),
            "{name}"
        );
        for link in links(&html) {
            assert!(
                pages.contains(&link),
                "{name} links to {link}, which is not there"
            );
            reached.insert(link);
        }
    }
    for name in pages.iter().filter(|p| *p != "index.html") {
        assert!(reached.contains(name), "nothing links to {name}");
    }
    // An area's page lists its items with their lights; a unit's page its own items.
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        index.contains("<a href=\"plan-2.html\">丽山区2023年重点工作任务分解（示例）</a>"),
        "{index}"
    );
    let plan = std::fs::read_to_string(site.join("plan-2.html")).unwrap();
    assert!(plan.contains("<a href=\"index.html\">← 总览</a>"), "{plan}");
    // Areas are numbered across the plans: 2022 has one, so 2023's first is area-2.
    let economy = std::fs::read_to_string(site.join("area-2.html")).unwrap();
    assert!(
        economy.contains("<a href=\"plan-2.html\">丽山区2023年重点工作任务分解（示例）</a>"),
        "{economy}"
    );
    assert!(economy.contains("<h1>稳住经济大盘</h1>"), "{economy}");
    assert!(economy.contains("<td>tax-collection</td>"), "{economy}");
    assert!(economy.contains("● 红灯"), "{economy}");
}

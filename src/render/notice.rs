//! Notices (督办通知单) as Markdown and as an A4 HTML page, and the file name of each.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::compute::notice::{Notice, NoticeItem};
use crate::date::ymd;
use crate::model::Lang;
use crate::render::grid::md_text;
use crate::render::labels::{self, sentences};

/// The cells of one item: id, title, deadline, light, days late, latest progress.
fn cells(lang: Lang, r: &NoticeItem<'_>) -> [String; 6] {
    let t = labels::labels(lang);
    let w = sentences::notice_words(lang);
    [
        r.id.to_string(),
        r.title.to_string(),
        r.due.map(ymd).unwrap_or_default(),
        labels::light_words(t, Some(r.light)).0.to_string(),
        r.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
        match (r.progress_on, r.progress) {
            (Some(on), Some(text)) => sentences::dated_text(lang, &ymd(on), text),
            _ => w.none.to_string(),
        },
    ]
}

fn headers(lang: Lang) -> [&'static str; 6] {
    let t = labels::labels(lang);
    let w = sentences::notice_words(lang);
    [
        t.id,
        w.item,
        t.due,
        t.light,
        t.days_late_short,
        t.latest_progress,
    ]
}

/// One notice as Markdown.
pub fn markdown(n: &Notice<'_>, lang: Lang) -> String {
    let w = sentences::notice_words(lang);
    let t = labels::labels(lang);
    let mut out = format!(
        "# {}\n\n{}{}{}  \n{}{}{}  \n{}{}{}\n\n{}\n\n",
        w.title,
        w.number,
        t.colon,
        n.number,
        w.unit,
        t.colon,
        md_text(n.unit),
        w.date,
        t.colon,
        ymd(n.date),
        md_text(&sentences::notice_request(
            lang,
            n.items.len(),
            &ymd(n.reply_by)
        )),
    );
    let head = headers(lang);
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str("| --- | --- | ---: | --- | ---: | --- |\n");
    for r in &n.items {
        let c = cells(lang, r).map(|s| md_text(&s));
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    if let Some(org) = n.org {
        out.push_str(&format!("\n{}  \n{}\n", md_text(org), ymd(n.date)));
    }
    out
}

/// Several notices as Markdown, separated by rules.
pub fn markdown_all(notices: &[Notice<'_>], lang: Lang) -> String {
    notices
        .iter()
        .map(|n| markdown(n, lang))
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

fn notice_html(n: &Notice<'_>, lang: Lang) -> Markup {
    let w = sentences::notice_words(lang);
    let t = labels::labels(lang);
    html! {
        section.notice {
            h1 { (w.title) }
            dl {
                div { dt { (w.number) (t.colon) } dd { (n.number) } }
                div { dt { (w.unit) (t.colon) } dd { (n.unit) } }
                div { dt { (w.date) (t.colon) } dd { (ymd(n.date)) } }
            }
            p { (sentences::notice_request(lang, n.items.len(), &ymd(n.reply_by))) }
            table {
                thead { tr { @for (i, h) in headers(lang).iter().enumerate() {
                    th.num[i == 2 || i == 4] { (h) }
                } } }
                tbody { @for r in &n.items {
                    @let c = cells(lang, r);
                    tr {
                        td.id { (c[0]) } td { (c[1]) } td.num { (c[2]) }
                        td.red[r.light == crate::compute::light::Light::Red]
                          .yellow[r.light == crate::compute::light::Light::Yellow] { (c[3]) }
                        td.num { (c[4]) } td { (c[5]) }
                    }
                } }
            }
            @if let Some(org) = n.org {
                p.sign { (org) br; (ymd(n.date)) }
            }
            p.made { (t.made_by) (ymd(n.date)) }
        }
    }
}

/// Notices as one self-contained HTML page, each on its own A4 sheet when printed.
pub fn html_all(notices: &[Notice<'_>], lang: Lang) -> String {
    let w = sentences::notice_words(lang);
    let page = html! {
        (DOCTYPE)
        html lang=(labels::labels(lang).html_lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (w.title) }
                style { (PreEscaped(CSS)) }
            }
            body { @for n in notices { (notice_html(n, lang)) } }
        }
    };
    let mut s = crate::source::neutralise_controls(&page.into_string()).into_owned();
    s.push('\n');
    s
}

/// The file a notice is written to in `-o DIR`: its number and unit (`2016-001-区财政局.md`),
/// with characters that cannot be in a file name replaced.
pub fn file_name(n: &Notice<'_>, extension: &str) -> String {
    let unit: String = n
        .unit
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}-{}.{extension}", n.number, unit.trim_start_matches('.'))
}

const CSS: &str = r#"
@page { size: A4; margin: 20mm 18mm; }
body { margin: 0; color: #1f2328; background: #fff; font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
.notice { max-width: 180mm; margin: 0 auto; padding: 16px; break-after: page; page-break-after: always; }
.notice:last-child { break-after: auto; page-break-after: auto; }
h1 { text-align: center; font-size: 1.6em; letter-spacing: 0.3em; margin: 0.5em 0 1em; }
dl { display: flex; flex-wrap: wrap; gap: 0 2em; margin: 0 0 1em; }
dl div { display: flex; gap: 0.3em; }
dt { font-weight: 600; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #8c959f; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f2f4; }
.num { text-align: right; white-space: nowrap; }
.id { white-space: nowrap; font-size: 0.9em; }
.red { color: #cf222e; font-weight: 600; white-space: nowrap; }
.yellow { color: #9a6700; font-weight: 600; white-space: nowrap; }
.sign { text-align: right; margin-top: 2em; }
.made { color: #59636e; font-size: 0.8em; margin-top: 2em; }
@media print { .notice { padding: 0; } .made { display: none; } }
"#;

//! The report people read: a Markdown bulletin for the public board (GitHub / GitLab) and a
//! self-contained HTML page (inline CSS and SVG, nothing fetched, every text escaped by maud),
//! readable on a phone and printable on A4.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::compute::bulletin::{Bulletin, PlanBulletin};
use crate::compute::deadline::State;
use crate::compute::indicators::{IndicatorRow, IndicatorStatus};
use crate::compute::light::Light;
use crate::compute::report::{DatedRow, ItemState};
use crate::date::ymd;
use crate::model::Lang;
use crate::number::{grouped, percent};
use crate::render::labels::{self, indicator_words, item_words, labels};

fn ratio(done: usize, total: usize) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let r = (total > 0).then(|| done as f64 / total as f64 * 100.0);
    r
}

fn count(done: usize, total: usize) -> String {
    if total == 0 {
        "-".to_string()
    } else {
        format!("{done}/{total}")
    }
}

fn signed(x: Option<f64>) -> String {
    x.map(|v| format!("{v:+.1}%")).unwrap_or_default()
}

// ---- Markdown --------------------------------------------------------------------------

/// A text bar for Markdown: ten cells and the percentage.
fn text_bar(pct: Option<f64>) -> String {
    match pct {
        None => String::new(),
        Some(p) => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let full = (p.clamp(0.0, 100.0) / 10.0).round() as usize;
            format!(
                "{}{} {}",
                "█".repeat(full),
                "░".repeat(10 - full),
                percent(p)
            )
        }
    }
}

fn cell(s: &str) -> String {
    crate::render::grid::md_text(s)
}

/// The words after a capped list: `……另有 12 项` / `… and 12 more`; `None` when nothing is left out.
fn more(lang: Lang, total: usize, limit: usize) -> Option<String> {
    (limit > 0 && total > limit).then(|| labels::sentences::and_more(lang, total - limit))
}

/// The first `limit` rows (all when `limit` is 0).
fn cap<T>(rows: &[T], limit: usize) -> &[T] {
    if limit > 0 && rows.len() > limit {
        &rows[..limit]
    } else {
        rows
    }
}

/// A Markdown table of the first `limit` rows (all when 0), then how many were left out.
fn md_table(
    out: &mut String,
    headers: &[&str],
    right: &[bool],
    rows: &[Vec<String>],
    limit: usize,
    lang: Lang,
) {
    let total = rows.len();
    let rows = cap(rows, limit);
    out.push_str(&format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let rule: Vec<&str> = right
        .iter()
        .map(|r| if *r { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    if let Some(more) = more(lang, total, limit) {
        out.push_str(&format!("\n{}\n", cell(&more)));
    }
}

/// The overview's rows: each plan's totals.
fn overview_cells(totals: &[crate::compute::bulletin::PlanTotals]) -> Vec<Vec<String>> {
    totals
        .iter()
        .map(|p| {
            vec![
                p.title.clone(),
                count(p.tasks_done, p.tasks_total),
                p.overdue.to_string(),
                p.due_soon.to_string(),
                count(p.targets_met, p.targets_total),
                p.red.to_string(),
                p.yellow.to_string(),
            ]
        })
        .collect()
}

fn overview_headers(t: &labels::Labels) -> [&'static str; 7] {
    [
        t.plan,
        t.tasks_done,
        t.overdue,
        t.due_soon,
        t.targets_met,
        t.red,
        t.yellow,
    ]
}

pub fn markdown(b: &Bulletin<'_>, lang: Lang) -> String {
    let t = labels(lang);
    let mut out = String::new();
    if let Some((totals, units)) = &b.overview {
        out.push_str(&format!("# {}\n\n", t.overview_heading));
        md_table(
            &mut out,
            &overview_headers(t),
            &[false, true, true, true, true, true, true],
            &overview_cells(totals),
            b.limit,
            lang,
        );
        if !units.is_empty() {
            out.push_str(&format!("\n## {}\n\n", t.scoreboard_heading));
            let rows: Vec<Vec<String>> = units_cells(units, lang)
                .into_iter()
                .map(Vec::from)
                .collect();
            md_table(
                &mut out,
                &scoreboard_headers(t),
                &[true, false, true, true, true, true, true],
                &rows,
                b.limit,
                lang,
            );
        }
        out.push('\n');
    }
    // Plans too are a list: past `--limit` of them the overview stands for the rest.
    for p in &b.plans {
        out.push_str(&format!("# {}\n\n", cell(&p.title)));
        out.push_str(&format!(
            "{}\n\n",
            labels::as_of(
                lang,
                &ymd(b.today),
                p.year,
                p.fiscal,
                &percent(p.year_elapsed)
            )
        ));
        out.push_str(&format!("## {}\n\n", t.areas_heading));
        let rows: Vec<Vec<String>> = p
            .areas
            .iter()
            .map(|a| {
                vec![
                    a.title.clone(),
                    if a.key {
                        t.key_mark.to_string()
                    } else {
                        String::new()
                    },
                    count(a.tasks_done, a.tasks_total),
                    text_bar(ratio(a.tasks_done, a.tasks_total)),
                    a.overdue.to_string(),
                    a.due_soon.to_string(),
                    count(a.targets_met, a.targets_total),
                    count(a.indicators_on_track, a.indicators_total),
                    a.red.to_string(),
                    a.yellow.to_string(),
                ]
                .into_iter()
                .chain(p.verify.then(|| a.awaiting_verification.to_string()))
                .collect()
            })
            .collect();
        let mut headers = vec![
            t.area,
            t.key,
            t.tasks_done,
            t.bar,
            t.overdue,
            t.due_soon,
            t.targets_met,
            t.indicators_on_track,
            t.red,
            t.yellow,
        ];
        let mut right = vec![
            false, false, true, false, true, true, true, true, true, true,
        ];
        if p.verify {
            headers.push(t.awaiting);
            right.push(true);
        }
        md_table(&mut out, &headers, &right, &rows, 0, lang);
        let (late, soon) = dated(p, lang);
        md_dated(
            &mut out,
            t.overdue_heading,
            t.days_late,
            lang,
            &late,
            b.limit,
        );
        md_dated(
            &mut out,
            &labels::sentences::due_within(lang, b.within),
            t.days_left,
            lang,
            &soon,
            b.limit,
        );
        md_watched(&mut out, p, lang, b.limit);
        if !p.targets.is_empty() {
            out.push_str(&format!("\n## {}\n\n", t.targets_heading));
            let rows: Vec<Vec<String>> = p
                .targets
                .iter()
                .map(|r| {
                    vec![
                        r.title.clone(),
                        r.owners.join(t.list_sep),
                        text_bar(bar_progress(r).map(|x| x.min(100.0))),
                        item_words(lang, r).0,
                        labels::light_words(t, r.light).0.to_string(),
                    ]
                })
                .collect();
            md_table(
                &mut out,
                &[t.title, t.owner, t.bar, t.state, t.light],
                &[false, false, false, false, false],
                &rows,
                b.limit,
                lang,
            );
        }
        if !p.indicators.is_empty() {
            out.push_str(&format!("\n## {}\n\n", t.indicators_heading));
            let rows: Vec<Vec<String>> = p
                .indicators
                .iter()
                .map(|r| indicator_cells(lang, r))
                .collect();
            md_table(
                &mut out,
                &[
                    t.indicator,
                    t.owner,
                    t.unit,
                    t.target,
                    t.target_growth,
                    t.period,
                    t.growth,
                    t.gap,
                    t.completion,
                    t.year_elapsed,
                    t.state,
                ],
                &[
                    false, false, false, true, true, true, true, true, true, true, false,
                ],
                &rows,
                b.limit,
                lang,
            );
        }
        md_closing(&mut out, p, lang, b.limit);
        out.push('\n');
    }
    if let Some(m) = more(lang, b.plans_total, b.limit) {
        out.push_str(&format!("{}\n", cell(&m)));
    }
    out
}

/// The cells of the items to watch: light, title, owners, deadline, latest progress.
fn watched_cells(p: &PlanBulletin<'_>, lang: Lang) -> Vec<[String; 5]> {
    let t = labels(lang);
    p.watched
        .iter()
        .map(|w| {
            [
                labels::light_words(t, w.row.light).0.to_string(),
                w.row.title.clone(),
                w.row.owners.join(t.list_sep),
                w.row.due.map(ymd).unwrap_or_default(),
                w.latest.as_ref().map_or_else(
                    || labels::sentences::notice_words(lang).none.to_string(),
                    |(on, text)| labels::sentences::dated_text(lang, &ymd(*on), text),
                ),
            ]
        })
        .collect()
}

/// Items to watch: red and yellow, and any open item with a progress report.
fn md_watched(out: &mut String, p: &PlanBulletin<'_>, lang: Lang, limit: usize) {
    let t = labels(lang);
    out.push_str(&format!("\n## {}\n\n", t.watched_heading));
    let rows: Vec<Vec<String>> = watched_cells(p, lang).into_iter().map(Vec::from).collect();
    if rows.is_empty() {
        out.push_str(t.none);
        out.push('\n');
        return;
    }
    md_table(
        out,
        &[t.light, t.title, t.owner, t.due, t.latest_progress],
        &[false, false, false, true, false],
        &rows,
        limit,
        lang,
    );
}

/// The cells of the items awaiting verification: title, owners, done date.
fn awaiting_cells(p: &PlanBulletin<'_>, lang: Lang) -> Vec<[String; 3]> {
    let t = labels(lang);
    p.awaiting
        .iter()
        .map(|r| {
            [
                r.title.clone(),
                r.owners.join(t.list_sep),
                r.done_on.map(ymd).unwrap_or_default(),
            ]
        })
        .collect()
}

/// The cells of the scoreboard: rank, unit, on-time rate, overdue, red, yellow, missed.
fn scoreboard_cells(p: &PlanBulletin<'_>, lang: Lang) -> Vec<[String; 7]> {
    units_cells(&p.scoreboard, lang)
}

/// The cells of lead units ranked: rank, unit, on-time rate, overdue, red, yellow, missed.
fn units_cells(units: &[crate::compute::report::OwnerRow], lang: Lang) -> Vec<[String; 7]> {
    let t = labels(lang);
    units
        .iter()
        .map(|r| {
            [
                r.rank.to_string(),
                r.who.name().unwrap_or(t.no_owner).to_string(),
                r.on_time_rate.map_or_else(|| "-".to_string(), percent),
                r.overdue.to_string(),
                r.red.to_string(),
                r.yellow.to_string(),
                r.feedback_missed.to_string(),
            ]
        })
        .collect()
}

fn scoreboard_headers(t: &labels::Labels) -> [&'static str; 7] {
    [
        t.rank,
        t.owner,
        t.on_time_rate,
        t.overdue,
        t.red,
        t.yellow,
        t.feedback_missed,
    ]
}

/// Awaiting verification (with `verify`) and the scoreboard.
fn md_closing(out: &mut String, p: &PlanBulletin<'_>, lang: Lang, limit: usize) {
    let t = labels(lang);
    if p.verify {
        out.push_str(&format!("\n## {}\n\n", t.awaiting_heading));
        let rows: Vec<Vec<String>> = awaiting_cells(p, lang).into_iter().map(Vec::from).collect();
        if rows.is_empty() {
            out.push_str(t.none);
            out.push('\n');
        } else {
            md_table(
                out,
                &[t.title, t.owner, t.done],
                &[false, false, true],
                &rows,
                limit,
                lang,
            );
        }
    }
    if !p.scoreboard.is_empty() {
        out.push_str(&format!("\n## {}\n\n", t.scoreboard_heading));
        let rows: Vec<Vec<String>> = scoreboard_cells(p, lang)
            .into_iter()
            .map(Vec::from)
            .collect();
        md_table(
            out,
            &scoreboard_headers(t),
            &[true, false, true, true, true, true, true],
            &rows,
            limit,
            lang,
        );
    }
}

/// A target's progress as a bar: for an at-most target (a ceiling) actual / target is not
/// progress, so it gets none.
fn bar_progress(r: &crate::compute::report::ItemRow) -> Option<f64> {
    if r.compare == Some(crate::model::Compare::AtMost) {
        None
    } else {
        r.progress
    }
}

/// The overdue and the due-soon lists as cells: days, due, area, title, owner, light.
fn dated(p: &PlanBulletin<'_>, lang: Lang) -> (Vec<[String; 6]>, Vec<[String; 6]>) {
    let t = labels(lang);
    let cells = |r: &DatedRow<'_>| {
        [
            r.days.count().to_string(),
            ymd(r.due),
            r.area_title.to_string(),
            r.title.to_string(),
            r.owners.join(t.list_sep),
            labels::light_words(t, r.light).0.to_string(),
        ]
    };
    (
        p.overdue.iter().map(cells).collect(),
        p.due_soon.iter().map(cells).collect(),
    )
}

/// A dated list as a Markdown section.
fn md_dated(
    out: &mut String,
    heading: &str,
    days: &str,
    lang: Lang,
    rows: &[[String; 6]],
    limit: usize,
) {
    let t = labels(lang);
    out.push_str(&format!("\n## {heading}\n\n"));
    if rows.is_empty() {
        out.push_str(t.none);
        out.push('\n');
    } else {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
        md_table(
            out,
            &[days, t.due, t.area, t.title, t.owner, t.light],
            &[true, true, false, false, false, false],
            &rows,
            limit,
            lang,
        );
    }
}

/// A dated list as an HTML section; `late` marks the days in red.
/// The words after a capped list, as a paragraph (nothing when no row was left out).
fn more_html(lang: Lang, total: usize, limit: usize) -> Markup {
    html! { @if let Some(m) = more(lang, total, limit) { p.more { (m) } } }
}

fn html_dated(
    heading: &str,
    days: &str,
    t: &labels::Labels,
    rows: &[[String; 6]],
    late: bool,
) -> Markup {
    html! {
        h2 { (heading) }
        @if rows.is_empty() { p.none { (t.none) } } @else {
            div.scroll { table {
                thead { tr { th.num { (days) } th.num { (t.due) } th { (t.area) } th { (t.title) } th { (t.owner) } th { (t.light) } } }
                tbody { @for r in rows { tr {
                    td.num.late[late] { (r[0]) } td.num { (r[1]) } td { (r[2]) } td { (r[3]) } td { (r[4]) }
                    td.light.late[r[5] == t.lights[0]].warn[r[5] == t.lights[1]] { (r[5]) }
                } } }
            } }
        }
    }
}

/// The items to watch as HTML: red and yellow, and open items with a progress report.
fn html_watch_and_close(p: &PlanBulletin<'_>, lang: Lang, limit: usize) -> Markup {
    let t = labels(lang);
    let all = watched_cells(p, lang);
    let watched = cap(&all, limit);
    let light_cell = |w: &str| {
        html! {
            td.light.late[w == t.lights[0]].warn[w == t.lights[1]].good[w == t.lights[2]] { (w) }
        }
    };
    html! {
        h2 { (t.watched_heading) }
        @if watched.is_empty() { p.none { (t.none) } } @else {
            div.scroll { table {
                thead { tr { th { (t.light) } th { (t.title) } th { (t.owner) } th.num { (t.due) } th { (t.latest_progress) } } }
                tbody { @for r in watched { tr {
                    (light_cell(&r[0])) td { (r[1]) } td { (r[2]) } td.num { (r[3]) } td { (r[4]) }
                } } }
            } }
            (more_html(lang, all.len(), limit))
        }
    }
}

/// Awaiting verification (with `verify`) and the scoreboard, as HTML.
fn html_closing(p: &PlanBulletin<'_>, lang: Lang, limit: usize) -> Markup {
    let t = labels(lang);
    let all_awaiting = awaiting_cells(p, lang);
    let awaiting = cap(&all_awaiting, limit);
    let all_board = scoreboard_cells(p, lang);
    let board = cap(&all_board, limit);
    html! {
        @if p.verify {
            h2 { (t.awaiting_heading) }
            @if awaiting.is_empty() { p.none { (t.none) } } @else {
                div.scroll { table {
                    thead { tr { th { (t.title) } th { (t.owner) } th.num { (t.done) } } }
                    tbody { @for r in awaiting { tr { td { (r[0]) } td { (r[1]) } td.num { (r[2]) } } } }
                } }
                (more_html(lang, all_awaiting.len(), limit))
            }
        }
        @if !board.is_empty() {
            h2 { (t.scoreboard_heading) }
            div.scroll { table {
                thead { tr { @for (i, h) in scoreboard_headers(t).iter().enumerate() { th.num[i != 1] { (h) } } } }
                tbody { @for r in board { tr {
                    td.num { (r[0]) } td { (r[1]) } td.num { (r[2]) }
                    td.num.late[r[3] != "0"] { (r[3]) } td.num.late[r[4] != "0"] { (r[4]) }
                    td.num.warn[r[5] != "0"] { (r[5]) } td.num.warn[r[6] != "0"] { (r[6]) }
                } } }
            } }
            (more_html(lang, all_board.len(), limit))
        }
    }
}

fn indicator_cells(lang: Lang, r: &IndicatorRow) -> Vec<String> {
    let mut status = indicator_words(lang, r.status).to_string();
    if r.stale {
        status.push_str(labels(lang).sep);
        status.push_str(labels(lang).stale);
    }
    vec![
        format!("{}{}", if r.depth > 0 { "↳ " } else { "" }, r.title),
        r.owners.join(labels(lang).list_sep),
        r.unit.clone().unwrap_or_default(),
        r.target.map(grouped).unwrap_or_default(),
        signed(r.target_growth),
        r.period.clone().unwrap_or_default(),
        signed(r.growth),
        r.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default(),
        r.completion.map(percent).unwrap_or_default(),
        r.year_elapsed.map(percent).unwrap_or_default(),
        status,
    ]
}

// ---- HTML ------------------------------------------------------------------------------

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; --bar: #e8ebef; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5em; margin: 0.2em 0; }
h2 { font-size: 1.15em; margin: 1.4em 0 0.5em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.asof { color: var(--muted); margin: 0 0 1em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.key { display: inline-block; padding: 0 6px; border-radius: 8px; background: #ddf4ff; color: #0969da; font-size: 0.85em; }
.late { color: var(--bad); font-weight: 600; }
.good { color: var(--good); }
.more { color: var(--muted); font-size: 0.9em; margin: 0.3em 0 0; }
nav { margin: 0 0 1em; }
ul.units { columns: 3 12em; }
.warn { color: var(--warn); font-weight: 600; }
.light { white-space: nowrap; }
.bad { color: var(--bad); }
.none { color: var(--muted); }
svg { vertical-align: middle; }
footer { color: var(--muted); font-size: 0.85em; margin: 2em 0 1em; }
@media (max-width: 640px) { body { font-size: 14px; } main { padding: 10px; } th, td { padding: 4px 6px; } }
@page { size: A4; margin: 12mm; }
@media print { body { font-size: 10pt; } main { max-width: none; padding: 0; } .scroll { overflow: visible; } tr, h2 { break-inside: avoid; } h2 { break-after: avoid; } section.plan + section.plan { break-before: page; } }
"#;

const BAR_W: f64 = 120.0;

/// A progress bar; with `marker`, a line at that share (the year elapsed).
fn bar(pct: Option<f64>, marker: Option<f64>, class_good: bool) -> Markup {
    let fill = pct.map_or(0.0, |p| p.clamp(0.0, 100.0) / 100.0 * BAR_W);
    let colour = if class_good { "#1a7f37" } else { "#0969da" };
    html! {
        svg width=(BAR_W) height="12" viewBox=(format!("0 0 {BAR_W} 12")) role="img" aria-label=(pct.map(percent).unwrap_or_default()) {
            rect x="0" y="1" width=(BAR_W) height="10" rx="2" fill="#e8ebef" {}
            rect x="0" y="1" width=(format!("{fill:.1}")) height="10" rx="2" fill=(colour) {}
            @if let Some(m) = marker {
                line x1=(format!("{:.1}", m.clamp(0.0, 100.0) / 100.0 * BAR_W)) x2=(format!("{:.1}", m.clamp(0.0, 100.0) / 100.0 * BAR_W)) y1="0" y2="12" stroke="#1f2328" stroke-width="2" {}
            }
        }
    }
}

/// Growth against target growth: a bar from zero to the growth (leftwards for a fall) and a
/// marker at the target; green when on track, red when behind.
fn growth_chart(r: &IndicatorRow) -> Markup {
    let (Some(g), t) = (r.growth, r.target_growth) else {
        return html! {};
    };
    let scale = g.abs().max(t.map_or(0.0, f64::abs)).max(1.0) * 1.15;
    let half = BAR_W / 2.0;
    let x = |v: f64| half + v / scale * half;
    let (from, to) = if g >= 0.0 { (half, x(g)) } else { (x(g), half) };
    let colour = match r.status {
        IndicatorStatus::OnTrack => "#1a7f37",
        IndicatorStatus::Behind => "#cf222e",
        _ => "#8c959f",
    };
    html! {
        svg width=(BAR_W) height="14" viewBox=(format!("0 0 {BAR_W} 14")) role="img" aria-label=(signed(Some(g))) {
            rect x="0" y="2" width=(BAR_W) height="10" fill="#f6f8fa" {}
            rect x=(format!("{from:.1}")) y="2" width=(format!("{:.1}", to - from)) height="10" fill=(colour) {}
            line x1=(half) x2=(half) y1="0" y2="14" stroke="#8c959f" stroke-width="1" {}
            @if let Some(t) = t {
                line x1=(format!("{:.1}", x(t))) x2=(format!("{:.1}", x(t))) y1="0" y2="14" stroke="#1f2328" stroke-width="2" {}
            }
        }
    }
}

/// The overview before the plans: each plan's totals, and the lead units ranked over all.
fn overview_html(
    b: &Bulletin<'_>,
    totals: &[crate::compute::bulletin::PlanTotals],
    units: &[crate::compute::report::OwnerRow],
    lang: Lang,
) -> Markup {
    let t = labels(lang);
    let rows = overview_cells(totals);
    let board = units_cells(units, lang);
    html! {
        section.overview {
            h1 { (t.overview_heading) }
            div.scroll { table {
                thead { tr { @for (i, h) in overview_headers(t).iter().enumerate() { th.num[i > 0] { (h) } } } }
                tbody { @for r in cap(&rows, b.limit) { tr {
                    td { (r[0]) } @for c in &r[1..] { td.num { (c) } }
                } } }
            } }
            (more_html(lang, rows.len(), b.limit))
            @if !board.is_empty() {
                h2 { (t.scoreboard_heading) }
                div.scroll { table {
                    thead { tr { @for (i, h) in scoreboard_headers(t).iter().enumerate() { th.num[i != 1] { (h) } } } }
                    tbody { @for r in cap(&board, b.limit) { tr {
                        td.num { (r[0]) } td { (r[1]) } @for c in &r[2..] { td.num { (c) } }
                    } } }
                } }
                (more_html(lang, board.len(), b.limit))
            }
        }
    }
}

fn plan_html(b: &Bulletin<'_>, p: &PlanBulletin<'_>, lang: Lang) -> Markup {
    let t = labels(lang);
    html! {
        section.plan {
            h1 { (p.title) }
            p.asof { (labels::as_of(lang, &ymd(b.today), p.year, p.fiscal, &percent(p.year_elapsed))) }
            h2 { (t.areas_heading) }
            div.scroll { table {
                thead { tr {
                    th { (t.area) } th { (t.tasks_done) } th { (t.bar) }
                    th.num { (t.overdue) } th.num { (t.due_soon) } th.num { (t.targets_met) } th.num { (t.indicators_on_track) }
                    th.num { (t.red) } th.num { (t.yellow) }
                    @if p.verify { th.num { (t.awaiting) } }
                } }
                tbody { @for a in &p.areas { tr {
                    td { (a.title) @if a.key { " " span.key { (t.key_mark) } } }
                    td.num { (count(a.tasks_done, a.tasks_total)) }
                    td { (bar(ratio(a.tasks_done, a.tasks_total), None, true)) }
                    td.num.late[a.overdue > 0] { (a.overdue) }
                    td.num { (a.due_soon) }
                    td.num { (count(a.targets_met, a.targets_total)) }
                    td.num { (count(a.indicators_on_track, a.indicators_total)) }
                    td.num.late[a.red > 0] { (a.red) } td.num.warn[a.yellow > 0] { (a.yellow) }
                    @if p.verify { td.num { (a.awaiting_verification) } }
                } } }
            } }
            @let (late, soon) = dated(p, lang);
            (html_dated(t.overdue_heading, t.days_late, t, cap(&late, b.limit), true))
            (more_html(lang, late.len(), b.limit))
            (html_dated(&labels::sentences::due_within(lang, b.within), t.days_left, t, cap(&soon, b.limit), false))
            (more_html(lang, soon.len(), b.limit))
            (html_watch_and_close(p, lang, b.limit))
            @if !p.targets.is_empty() {
                h2 { (t.targets_heading) }
                div.scroll { table {
                    thead { tr { th { (t.title) } th { (t.owner) } th { (t.bar) } th { (t.state) } th { (t.light) } } }
                    tbody { @for r in cap(&p.targets, b.limit) { tr {
                        td { (r.title) @if r.stretch { " " span.key { (t.stretch) } } }
                        td { (r.owners.join(t.list_sep)) }
                        td { @if bar_progress(r).is_some() { (bar(bar_progress(r), None, r.state == ItemState::Dated(State::Met))) } }
                        td.late[matches!(r.state, ItemState::Dated(State::Overdue | State::Exceeded))] { (item_words(lang, r).0) }
                        @let light = labels::light_words(t, r.light).0;
                        td.light.late[r.light == Some(Light::Red)].warn[r.light == Some(Light::Yellow)].good[r.light == Some(Light::Green)] { (light) }
                    } } }
                } }
                (more_html(lang, p.targets.len(), b.limit))
            }
            @if !p.indicators.is_empty() {
                h2 { (t.indicators_heading) }
                div.scroll { table {
                    thead { tr {
                        th { (t.indicator) } th { (t.owner) } th { (t.unit) } th.num { (t.target) }
                        th.num { (t.target_growth) } th.num { (t.period) } th.num { (t.growth) }
                        th { (t.growth_against_target) } th { (t.completion_against_year) } th { (t.state) }
                    } }
                    tbody { @for r in cap(&p.indicators, b.limit) {
                        @let cells = indicator_cells(lang, r);
                        tr {
                            td { (cells[0]) } td { (cells[1]) } td { (cells[2]) } td.num { (cells[3]) } td.num { (cells[4]) } td.num { (cells[5]) } td.num { (cells[6]) }
                            td { (growth_chart(r)) }
                            td { @if r.completion.is_some() { (bar(r.completion, r.year_elapsed, r.on_pace == Some(true))) " " (cells[8]) } }
                            td.good[r.status == IndicatorStatus::OnTrack].bad[r.status == IndicatorStatus::Behind || r.stale] { (cells[10]) }
                        }
                    } }
                } }
                (more_html(lang, p.indicators.len(), b.limit))
            }
            (html_closing(p, lang, b.limit))
        }
    }
}

pub fn html(b: &Bulletin<'_>, lang: Lang) -> String {
    // Every plan's title, those shown in full and those the overview stands for.
    let title = match &b.overview {
        Some((totals, _)) => totals.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        None => b.plans.iter().map(|p| p.title.as_str()).collect(),
    }
    .join(" / ");
    let body = html! {
        @if let Some((totals, units)) = &b.overview { (overview_html(b, totals, units, lang)) }
        @for p in &b.plans { (plan_html(b, p, lang)) }
        @if let Some(m) = more(lang, b.plans_total, b.limit) { p.more { (m) } }
    };
    page(&title, body, lang, b.today)
}

/// One self-contained page: the report's styles inline, nothing fetched.
pub fn page(title: &str, body: Markup, lang: Lang, today: chrono::NaiveDate) -> String {
    let page = html! {
        (DOCTYPE)
        html lang=(labels(lang).html_lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { main {
                (body)
                footer { (labels(lang).made_by) (ymd(today)) }
            } }
        }
    };
    let mut s = crate::source::neutralise_controls(&page.into_string()).into_owned();
    s.push('\n');
    s
}

/// One plan's section of the report, for a page of its own.
pub fn plan_section(b: &Bulletin<'_>, p: &PlanBulletin<'_>, lang: Lang) -> Markup {
    plan_html(b, p, lang)
}

/// The overview's tables, for the index page of a site.
pub fn overview_section(b: &Bulletin<'_>, lang: Lang) -> Markup {
    match &b.overview {
        Some((totals, units)) => overview_html(b, totals, units, lang),
        None => html! {},
    }
}

/// Items with their deadline, state and light (an area's or a unit's page), first `limit`.
pub fn items_table(rows: &[crate::compute::report::ItemRow], limit: usize, lang: Lang) -> Markup {
    let t = labels(lang);
    html! {
        @if rows.is_empty() { p.none { (t.none) } } @else {
            div.scroll { table {
                thead { tr {
                    th { (t.id) } th { (t.kind) } th { (t.title) } th { (t.owner) } th.num { (t.due) } th { (t.state) } th { (t.light) }
                } }
                tbody { @for r in cap(rows, limit) {
                    @let (words, _) = item_words(lang, r);
                    @let light = labels::light_words(t, r.light).0;
                    tr {
                        td { (r.id) } td { (t.kind_name(r.kind)) } td { (r.title) }
                        td { (r.owners.join(t.list_sep)) }
                        td.num { (r.due.map(ymd).unwrap_or_default()) }
                        td.late[matches!(r.state, ItemState::Dated(State::Overdue | State::Exceeded))] { (words) }
                        td.light.late[r.light == Some(Light::Red)].warn[r.light == Some(Light::Yellow)].good[r.light == Some(Light::Green)] { (light) }
                    }
                } }
            } }
            (more_html(lang, rows.len(), limit))
        }
    }
}

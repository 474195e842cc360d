//! `plan indicators`: every indicator against the prior year; `plan indicators ID`: one
//! indicator's reported periods and what the rest of the year must deliver.

use serde::Serialize;

use crate::compute::indicators::{IndicatorRow, IndicatorStatus, PeriodFigures, RestOfYear};
use crate::model::{Direction, Lang};
use crate::render::grid::{self, Grid, GridCell, Tone};
use crate::render::labels::{Labels, bracket, indicator_words, sentences};
use crate::render::{Format, View, json};

fn signed_pct(x: Option<f64>) -> String {
    x.map(|v| format!("{v:+.1}%")).unwrap_or_default()
}

fn pct(x: Option<f64>) -> String {
    x.map(crate::number::percent).unwrap_or_default()
}

fn num(x: Option<f64>) -> String {
    x.map(crate::number::grouped).unwrap_or_default()
}

/// A reported figure, marked when it is preliminary.
fn value_text(t: &Labels, lang: Lang, value: Option<f64>, provisional: bool) -> String {
    match (value, provisional) {
        (Some(v), true) => bracket(lang, &crate::number::grouped(v), t.provisional),
        (v, _) => num(v),
    }
}

fn prior_text(lang: Lang, t: &Labels, r: &IndicatorRow) -> String {
    match (r.prior, r.prior_implied) {
        (Some(p), true) => bracket(lang, &crate::number::grouped(p), t.implied),
        (p, _) => num(p),
    }
}

/// The status in words, with staleness.
fn status_text(lang: Lang, t: &Labels, r: &IndicatorRow) -> (String, Tone) {
    let mut words = indicator_words(lang, r.status).to_string();
    if r.stale {
        words.push_str(t.sep);
        words.push_str(t.stale);
    }
    let tone = match (r.status, r.stale) {
        (_, true) | (IndicatorStatus::Behind, _) => Tone::Alert,
        (IndicatorStatus::OnTrack, _) => Tone::Good,
        (IndicatorStatus::Unknown | IndicatorStatus::NoData, false) => Tone::Plain,
    };
    (words, tone)
}

/// `plan indicators`; `many`: more than one plan is in view (a plan column).
pub fn table(view: View, rows: &[IndicatorRow], many: bool) -> String {
    if view.format == Format::Json {
        return json(rows);
    }
    let t = view.labels();
    let mut headers = Vec::new();
    if many {
        headers.push(t.plan.to_string());
    }
    headers.extend(
        [
            t.id,
            t.indicator,
            t.owner,
            t.unit,
            t.prior,
            t.target,
            t.target_growth,
            t.period,
            t.cumulative,
            t.growth,
            t.gap,
            t.completion,
            t.year_elapsed,
            t.state,
        ]
        .map(str::to_string),
    );
    // CSV names the parent in a column; the table and Markdown indent sub-indicators.
    // CSV also gives the flags that tables write beside a figure, each in a column.
    let csv = view.format == Format::Csv;
    if csv {
        headers.extend([t.parent, t.implied, t.provisional, t.stale].map(str::to_string));
    }
    let grid = Grid {
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut cells = Vec::new();
                if many {
                    cells.push(GridCell::text(&r.plan));
                }
                let behind_pace = if r.pace_pp.is_some_and(|p| p < 0.0) {
                    Tone::Warn
                } else {
                    Tone::Plain
                };
                let (status, tone) = status_text(view.lang, t, r);
                let indent = match (view.format, r.depth) {
                    (_, 0) | (Format::Csv, _) => String::new(),
                    (Format::Markdown, _) => "↳ ".to_string(),
                    (Format::Table | Format::Json, _) => "  ".repeat(r.depth),
                };
                cells.extend([
                    GridCell::text(&r.id),
                    GridCell::text(format!(
                        "{indent}{}",
                        if r.stretch {
                            bracket(view.lang, &r.title, t.stretch)
                        } else {
                            r.title.clone()
                        }
                    )),
                    GridCell::text(r.owners.join(t.list_sep)),
                    GridCell::text(r.unit.clone().unwrap_or_default()),
                    GridCell::num(prior_text(view.lang, t, r)).plain(r.prior),
                    GridCell::num(num(r.target)).plain(r.target),
                    GridCell::num(signed_pct(r.target_growth)).plain(r.target_growth),
                    GridCell::num(r.period.clone().unwrap_or_default()),
                    GridCell::num(value_text(t, view.lang, r.value, r.provisional)).plain(r.value),
                    GridCell::num(signed_pct(r.growth)).plain(r.growth),
                    GridCell::num(r.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default())
                        .plain(r.gap_pp),
                    GridCell::num(pct(r.completion))
                        .tone(behind_pace)
                        .plain(r.completion),
                    GridCell::num(pct(r.year_elapsed)).plain(r.year_elapsed),
                    GridCell::text(if csv {
                        indicator_words(view.lang, r.status).to_string()
                    } else {
                        status
                    })
                    .tone(tone),
                ]);
                if csv {
                    cells.extend([
                        GridCell::text(r.parent.clone().unwrap_or_default()),
                        GridCell::text(r.prior_implied.to_string()),
                        GridCell::text(r.provisional.to_string()),
                        GridCell::text(r.stale.to_string()),
                    ]);
                }
                cells
            })
            .collect(),
    };
    view.emit(&grid, rows)
}

/// `plan indicators ID --format json`.
#[derive(Debug, Serialize)]
pub struct History {
    pub indicator: IndicatorRow,
    /// Every reported period up to today, oldest first.
    pub history: Vec<PeriodFigures>,
    /// What the rest of the year must deliver, after the latest period.
    pub rest: Option<RestOfYear>,
}

/// `plan indicators ID`: the facts, a row per reported period, and what follows from them.
pub fn history(view: View, data: &History) -> String {
    if view.format == Format::Json {
        return json(data);
    }
    let t = view.labels();
    let lang = view.lang;
    let r = &data.indicator;
    let unit = r.unit.clone().unwrap_or_default();
    let grid = Grid {
        headers: [
            t.period,
            t.cumulative,
            t.prior_period,
            t.growth,
            t.gap,
            t.completion,
            t.year_elapsed,
        ]
        .map(str::to_string)
        .into_iter()
        .chain((view.format == Format::Csv).then(|| t.provisional.to_string()))
        .collect(),
        rows: data
            .history
            .iter()
            .map(|p| {
                let mut cells = vec![
                    GridCell::num(p.period.to_string()),
                    GridCell::num(value_text(t, view.lang, p.value, p.provisional)).plain(p.value),
                    GridCell::num(num(p.period_prior)).plain(p.period_prior),
                    GridCell::num(signed_pct(p.growth)).plain(p.growth),
                    GridCell::num(p.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default())
                        .plain(p.gap_pp),
                    GridCell::num(pct(p.completion)).plain(p.completion),
                    GridCell::num(crate::number::percent(p.year_elapsed))
                        .plain(Some(p.year_elapsed)),
                ];
                if view.format == Format::Csv {
                    cells.push(GridCell::text(p.provisional.to_string()));
                }
                cells
            })
            .collect(),
    };
    if view.format == Format::Csv {
        return view.csv(&grid);
    }
    let heading = bracket(lang, &r.title, &r.id);
    let or_dash = |present: bool, text: String| if present { text } else { "-".into() };
    let mut facts = vec![
        format!(
            "{}{}{}",
            t.unit,
            t.colon,
            if unit.is_empty() { "-" } else { &unit }
        ),
        format!(
            "{}{}{}",
            t.prior_year,
            t.colon,
            or_dash(r.prior.is_some(), prior_text(lang, t, r))
        ),
        format!(
            "{}{}{}",
            t.target,
            t.colon,
            or_dash(r.target.is_some(), num(r.target))
        ),
        format!(
            "{}{}{}",
            t.target_growth,
            t.colon,
            or_dash(r.target_growth.is_some(), signed_pct(r.target_growth))
        ),
    ];
    if r.direction == Direction::Down {
        facts.push(t.meant_to_fall.to_string());
    }
    let mut out = String::new();
    if view.format == Format::Markdown {
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            grid::md_text(&heading),
            grid::md_text(&facts.join(t.sep))
        ));
    } else {
        out.push_str(&format!("{heading}\n{}\n", facts.join(t.sep)));
    }
    if data.history.is_empty() {
        out.push_str(t.no_period_yet);
        out.push('\n');
    } else if view.format == Format::Markdown {
        out.push_str(&grid::markdown(&grid));
    } else {
        out.push_str(&grid::table(&grid, view.table));
    }
    let (status, _) = status_text(lang, t, r);
    let mut tail = vec![format!("{}{}{status}", t.status, t.colon)];
    if let (Some(pace), Some(on)) = (r.pace_pp, r.on_pace) {
        tail.push(sentences::pace(lang, on, &format!("{:.1}", pace.abs())));
    }
    if let Some(rest) = &data.rest {
        let needed = sentences::quantity(lang, &crate::number::grouped(rest.needed), &unit);
        tail.push(sentences::rest_of_year(lang, &needed, rest.growth));
    }
    if let (true, Some(expected)) = (r.stale, &r.expected_period) {
        tail.push(sentences::figure_due(lang, expected));
    }
    if view.format == Format::Markdown {
        out.push('\n');
    }
    out.push_str(&tail.join(t.sep));
    out.push('\n');
    out
}

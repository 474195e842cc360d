//! `plan indicators`: every indicator against the prior year; `plan indicators ID`: one
//! indicator's reported periods and what the rest of the year must deliver.

use serde::Serialize;

use crate::cli::args::{Format, IndicatorsArgs};
use crate::cli::listing::{Listing, bracket, json};
use crate::cli::{Config, Output, fail, filters};
use crate::compute::indicators::{self, IndicatorRow, IndicatorStatus, PeriodFigures, RestOfYear};
use crate::compute::show;
use crate::load::Loaded;
use crate::model::{ItemRef, Lang};
use crate::render::grid::{self, Grid, GridCell, Tone};
use crate::render::labels::indicator_words;
use crate::render::labels::messages::{self, What};

pub fn run(config: &Config, loaded: &Loaded, args: &IndicatorsArgs) -> Output {
    let l = match Listing::new(config, loaded, &args.list) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let stdout = match &args.id {
        Some(id) => match history(config, &l, id) {
            Ok(text) => text,
            Err(out) => return out,
        },
        None => table(&l),
    };
    Output {
        stdout: stdout.into(),
        ..Output::default()
    }
}

fn signed_pct(x: Option<f64>) -> String {
    x.map(|v| format!("{v:+.1}%")).unwrap_or_default()
}

fn pct(x: Option<f64>) -> String {
    x.map(grid::percent).unwrap_or_default()
}

fn num(x: Option<f64>) -> String {
    x.map(grid::number).unwrap_or_default()
}

fn prior_text(lang: Lang, r: &IndicatorRow) -> String {
    match (r.prior, r.prior_implied) {
        (Some(p), true) => bracket(
            lang,
            &grid::number(p),
            if lang == Lang::Zh {
                "推算"
            } else {
                "implied"
            },
        ),
        (p, _) => num(p),
    }
}

/// The status in words, with staleness.
fn status_text(lang: Lang, r: &IndicatorRow) -> (String, Tone) {
    let mut words = indicator_words(lang, r.status).to_string();
    if r.stale {
        words.push_str(if lang == Lang::Zh {
            "；数据滞后"
        } else {
            "; stale"
        });
    }
    let tone = match (r.status, r.stale) {
        (_, true) | (IndicatorStatus::Behind, _) => Tone::Alert,
        (IndicatorStatus::OnTrack, _) => Tone::Good,
        _ => Tone::Plain,
    };
    (words, tone)
}

fn table(l: &Listing<'_>) -> String {
    let rows = indicators::rows(l.ws, &l.filter, l.clock.today);
    if l.format == Format::Json {
        return json(&rows);
    }
    let zh = l.lang == Lang::Zh;
    let w = |z: &'static str, e: &'static str| if zh { z } else { e };
    let t = l.labels();
    let many = l.many_plans();
    let mut headers = Vec::new();
    if many {
        headers.push(t.plan.to_string());
    }
    headers.extend(
        [
            t.id,
            w("指标", "Indicator"),
            w("单位", "Unit"),
            w("上年数", "Prior"),
            w("目标值", "Target"),
            w("目标增速", "Target growth"),
            w("报告期", "Period"),
            w("累计值", "Value"),
            w("同比增速", "Growth"),
            w("增速差", "Gap (pp)"),
            w("完成进度", "Completion"),
            w("时间进度", "Year elapsed"),
            t.state,
        ]
        .map(str::to_string),
    );
    // CSV names the parent in a column; the table and Markdown indent sub-indicators.
    let csv = l.format == Format::Csv;
    if csv {
        headers.push(w("上级指标", "Parent").to_string());
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
                let (status, tone) = status_text(l.lang, r);
                let indent = match (l.format, r.depth) {
                    (_, 0) | (Format::Csv, _) => String::new(),
                    (Format::Markdown, _) => "↳ ".to_string(),
                    _ => "  ".repeat(r.depth),
                };
                cells.extend([
                    GridCell::text(&r.id),
                    GridCell::text(format!("{indent}{}", r.title)),
                    GridCell::text(r.unit.clone().unwrap_or_default()),
                    GridCell::num(prior_text(l.lang, r)),
                    GridCell::num(num(r.target)),
                    GridCell::num(signed_pct(r.target_growth)),
                    GridCell::num(r.period.clone().unwrap_or_default()),
                    GridCell::num(num(r.value)),
                    GridCell::num(signed_pct(r.growth)),
                    GridCell::num(r.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default()),
                    GridCell::num(pct(r.completion)).tone(behind_pace),
                    GridCell::num(pct(r.year_elapsed)),
                    GridCell::text(status).tone(tone),
                ]);
                if csv {
                    cells.push(GridCell::text(r.parent.clone().unwrap_or_default()));
                }
                cells
            })
            .collect(),
    };
    l.render_string(&grid, &rows)
}

/// `plan indicators ID --format json`.
#[derive(Debug, Serialize)]
struct History {
    indicator: IndicatorRow,
    /// Every reported period up to today, oldest first.
    history: Vec<PeriodFigures>,
    /// What the rest of the year must deliver, after the latest period.
    rest: Option<RestOfYear>,
}

fn history(config: &Config, l: &Listing<'_>, id: &str) -> Result<String, Output> {
    let found = show::find(l.ws, id, l.filter.plan.as_deref())
        .map_err(|plans| fail(&messages::ambiguous(l.lang, id, &plans.join(", "))))?;
    let Some((plan, area, ItemRef::Indicator(ind))) = found else {
        let ids: Vec<&str> =
            l.ws.plans
                .iter()
                .flat_map(|p| p.areas.iter().flat_map(|a| &a.indicators))
                .map(|i| i.common.id.value.as_str())
                .collect();
        return Err(filters::unknown(l.lang, "ID", What::Indicator, id, &ids));
    };
    let (row, f) = indicators::row(l.ws, plan, area, ind, 0, config.today);
    let data = History {
        indicator: row,
        history: f.history.clone(),
        rest: f.rest,
    };
    if l.format == Format::Json {
        return Ok(json(&data));
    }
    let zh = l.lang == Lang::Zh;
    let w = |z: &'static str, e: &'static str| if zh { z } else { e };
    let r = &data.indicator;
    let unit = r.unit.clone().unwrap_or_default();
    let grid = Grid {
        headers: [
            w("报告期", "Period"),
            w("累计值", "Value"),
            w("上年同期", "Prior period"),
            w("同比增速", "Growth"),
            w("增速差", "Gap (pp)"),
            w("完成进度", "Completion"),
            w("时间进度", "Year elapsed"),
        ]
        .map(str::to_string)
        .to_vec(),
        rows: data
            .history
            .iter()
            .map(|p| {
                vec![
                    GridCell::num(p.period.to_string()),
                    GridCell::num(grid::number(p.value)),
                    GridCell::num(num(p.period_prior)),
                    GridCell::num(signed_pct(p.growth)),
                    GridCell::num(p.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default()),
                    GridCell::num(pct(p.completion)),
                    GridCell::num(grid::percent(p.year_elapsed)),
                ]
            })
            .collect(),
    };
    if l.format == Format::Csv {
        return Ok(grid::csv(&grid));
    }
    let heading = bracket(l.lang, &r.title, &r.id);
    let mut facts = vec![
        format!(
            "{}{}",
            w("单位：", "Unit: "),
            if unit.is_empty() { "-" } else { &unit }
        ),
        format!(
            "{}{}",
            w("上年数：", "Prior year: "),
            if r.prior.is_some() {
                prior_text(l.lang, r)
            } else {
                "-".into()
            }
        ),
        format!(
            "{}{}",
            w("目标值：", "Target: "),
            if r.target.is_some() {
                num(r.target)
            } else {
                "-".into()
            }
        ),
        format!(
            "{}{}",
            w("目标增速：", "Target growth: "),
            if r.target_growth.is_some() {
                signed_pct(r.target_growth)
            } else {
                "-".into()
            }
        ),
    ];
    if r.direction == "down" {
        facts.push(w("下降型指标", "meant to fall").to_string());
    }
    let sep = if zh { "；" } else { "; " };
    let mut out = String::new();
    if l.format == Format::Markdown {
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            grid::md_text(&heading),
            grid::md_text(&facts.join(sep))
        ));
    } else {
        out.push_str(&format!("{heading}\n{}\n", facts.join(sep)));
    }
    if data.history.is_empty() {
        out.push_str(w("暂无报告期数据。\n", "No period reported yet.\n"));
    } else if l.format == Format::Markdown {
        out.push_str(&grid::markdown(&grid));
    } else {
        out.push_str(&grid::table(&grid, l.table));
    }
    let (status, _) = status_text(l.lang, r);
    let mut tail = vec![format!("{}{status}", w("状态：", "Status: "))];
    if let (Some(pace), Some(on)) = (r.pace_pp, r.on_pace) {
        let points = format!("{:.1}", pace.abs());
        tail.push(match (l.lang, on) {
            (Lang::Zh, true) => "完成进度不低于时间进度".to_string(),
            (Lang::Zh, false) => format!("完成进度落后时间进度 {points} 个百分点"),
            (Lang::En, true) => "completion keeps pace with the year".to_string(),
            (Lang::En, false) => format!("completion {points} points behind the year elapsed"),
        });
    }
    if let Some(rest) = &data.rest {
        let unit_sp = if zh || unit.is_empty() {
            unit.clone()
        } else {
            format!(" {unit}")
        };
        tail.push(match (zh, rest.growth) {
            (true, Some(g)) => format!(
                "全年还需完成 {}{unit_sp}，剩余月份需比上年同期增长 {g:+.1}%",
                grid::number(rest.needed)
            ),
            (true, None) => format!("全年还需完成 {}{unit_sp}", grid::number(rest.needed)),
            (false, Some(g)) => format!(
                "the rest of the year must deliver {}{unit_sp}, {g:+.1}% on the same months of the prior year",
                grid::number(rest.needed)
            ),
            (false, None) => format!("the rest of the year must deliver {}{unit_sp}", grid::number(rest.needed)),
        });
    }
    if let (true, Some(expected)) = (r.stale, &r.expected_period) {
        tail.push(match l.lang {
            Lang::Zh => format!("按发布周期应已有 {expected} 的数据"),
            Lang::En => format!("the {expected} figure is due by now"),
        });
    }
    if l.format == Format::Markdown {
        out.push('\n');
    }
    out.push_str(&tail.join(sep));
    out.push('\n');
    Ok(out)
}

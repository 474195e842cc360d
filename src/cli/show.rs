//! `plan show ID`: one item as a two-column table (or Markdown, CSV, JSON).

use crate::cli::args::{Format, ShowArgs};
use crate::cli::listing::{bracket, json};
use crate::cli::{Config, Output, filters};
use crate::compute::deadline::Clock;
use crate::compute::show::{self, Details, Shown};
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::grid::{self, Grid, GridCell};
use crate::render::labels::item_words;
use crate::render::labels::labels;

pub fn run(config: &Config, loaded: &Loaded, args: &ShowArgs) -> Output {
    let ws = &loaded.workspace;
    let lang = config.lang_for(loaded);
    let clock = Clock {
        today: config.today,
        within: 14,
    };
    let (plan, area, item) = match filters::find_item(ws, &args.id, args.plan.as_deref(), lang) {
        Ok(found) => found,
        Err(out) => return out,
    };
    let shown = show::show(ws, plan, area, item, clock);
    let grid = fields(lang, &shown);
    let stdout = match args.format {
        Format::Json => json(&shown),
        Format::Table => grid::table(&grid, config.table_options()),
        Format::Markdown => grid::markdown(&grid),
        Format::Csv => grid::csv(&grid),
    };
    Output {
        stdout: stdout.into(),
        ..Output::default()
    }
}

fn opt_num(x: Option<f64>) -> String {
    x.map(grid::number).unwrap_or_default()
}

fn opt_pct(x: Option<f64>) -> String {
    x.map(grid::percent).unwrap_or_default()
}

/// The item as (field, value) rows; empty values are left out.
#[allow(clippy::too_many_lines)]
fn fields(lang: Lang, s: &Shown) -> Grid<'_> {
    let t = labels(lang);
    let zh = lang == Lang::Zh;
    let w = |z: &'static str, e: &'static str| if zh { z } else { e };
    let mut rows: Vec<(String, String)> = vec![
        (t.id.into(), s.row.id.clone()),
        (t.kind.into(), t.kind_name(s.row.kind).into()),
        (t.title.into(), s.row.title.clone()),
        (t.plan.into(), bracket(lang, &s.plan_title, &s.row.plan)),
        (t.area.into(), bracket(lang, &s.area_title, &s.row.area)),
        (t.owner.into(), s.row.owner.clone().unwrap_or_default()),
        (w("配合单位", "With").into(), s.with.join(", ")),
        (w("标签", "Tags").into(), s.tags.join(", ")),
        (
            t.due.into(),
            s.row
                .due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        (t.state.into(), item_words(lang, &s.row).0),
    ];
    let delays = |rows: &mut Vec<(String, String)>, list: &[show::DelayOut]| {
        if list.is_empty() {
            return;
        }
        rows.push((w("延期次数", "Postponed").into(), list.len().to_string()));
        for (i, d) in list.iter().enumerate() {
            let mut line = format!("{} -> {}", d.from, d.to);
            if let Some(on) = &d.on {
                line.push_str(&if zh {
                    format!("（{on} 决定）")
                } else {
                    format!(" (decided {on})")
                });
            }
            if let Some(r) = &d.reason {
                line.push_str(&format!(": {r}"));
            }
            rows.push((format!("{} {}", w("延期", "Delay"), i + 1), line));
        }
    };
    match &s.details {
        Details::Task(d) => {
            rows.push((
                w("原写期限", "Due as written").into(),
                d.due_written.clone().unwrap_or_default(),
            ));
            rows.push((
                w("周期", "Every").into(),
                d.every.unwrap_or_default().into(),
            ));
            rows.push((
                w("上次完成", "Last done").into(),
                d.last.clone().unwrap_or_default(),
            ));
            delays(&mut rows, &d.delays);
        }
        Details::Target(d) => {
            let unit = s.row.unit.clone().unwrap_or_default();
            rows.push((
                w("目标值", "Target").into(),
                format!("{} {unit}", opt_num(s.row.target))
                    .trim()
                    .to_string(),
            ));
            rows.push((
                w("完成值", "Actual").into(),
                format!("{} {unit}", opt_num(s.row.actual))
                    .trim()
                    .to_string(),
            ));
            rows.push((w("完成进度", "Progress").into(), opt_pct(s.row.progress)));
            let compare = match (d.compare, zh) {
                ("at_most", true) => "不超过目标值",
                ("at_most", false) => "at most the target",
                (_, true) => "不低于目标值",
                (_, false) => "at least the target",
            };
            rows.push((w("比较", "Compare").into(), compare.into()));
            if s.row.stretch {
                rows.push((w("力争目标", "Stretch").into(), w("是", "yes").into()));
            }
            if let Some(stage) = d.stage {
                let name =
                    crate::model::Stage::from_name(stage).map_or(stage, |st| t.stage_name(st));
                rows.push((w("计数阶段", "Counts stage").into(), name.into()));
                for p in &d.projects {
                    let reached = if p.reached {
                        w("已达到", "reached")
                    } else {
                        w("未达到", "not reached")
                    };
                    rows.push((format!("  {}", p.id), bracket(lang, &p.title, reached)));
                }
            }
            delays(&mut rows, &d.delays);
        }
        Details::Project(d) => {
            rows.push((
                w("投资额", "Investment").into(),
                d.investment
                    .map(|i| format!("{} {}", grid::number(i), d.money_unit))
                    .unwrap_or_default(),
            ));
            for sd in &d.stage_dates {
                let name = crate::model::Stage::from_name(sd.stage)
                    .map_or(sd.stage, |st| t.stage_name(st));
                rows.push((format!("{}{}", name, w("日期", " on")), sd.date.clone()));
            }
            rows.push((w("计入目标", "Counted by").into(), d.counted_by.join(", ")));
        }
        Details::Indicator(d) => {
            let unit = s.row.unit.clone().unwrap_or_default();
            let with_unit = |x: Option<f64>| {
                x.map(|v| format!("{} {unit}", grid::number(v)).trim().to_string())
                    .unwrap_or_default()
            };
            rows.push((
                w("方向", "Direction").into(),
                if d.direction == "down" {
                    w("下降", "down")
                } else {
                    w("上升", "up")
                }
                .into(),
            ));
            rows.push((
                w("上级指标", "Parent").into(),
                d.parent.clone().unwrap_or_default(),
            ));
            rows.push((
                w("下级指标", "Sub-indicators").into(),
                d.children.join(", "),
            ));
            let source = match (d.prior_source, zh) {
                (show::PriorSourceRef::Implied, true) => "（由目标值和增速推算）",
                (show::PriorSourceRef::Implied, false) => " (implied by target and growth)",
                (show::PriorSourceRef::PreviousPlan, true) => "（取自上年计划）",
                (show::PriorSourceRef::PreviousPlan, false) => " (from the previous year's plan)",
                _ => "",
            };
            let prior = with_unit(d.prior);
            rows.push((
                w("上年数", "Prior year").into(),
                if prior.is_empty() {
                    prior
                } else {
                    format!("{prior}{source}")
                },
            ));
            rows.push((w("目标值", "Target").into(), with_unit(d.target)));
            rows.push((
                w("目标增速", "Target growth").into(),
                opt_pct(d.target_growth),
            ));
            rows.push((
                w("最新报告期", "Latest period").into(),
                d.period.clone().unwrap_or_default(),
            ));
            rows.push((w("累计值", "Value").into(), with_unit(d.value)));
            rows.push((w("同比增速", "Growth").into(), opt_pct(d.growth)));
            rows.push((
                w("增速差（百分点）", "Gap (pp)").into(),
                d.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default(),
            ));
            rows.push((w("完成进度", "Completion").into(), opt_pct(d.completion)));
        }
    }
    rows.push((w("备注", "Note").into(), s.note.clone().unwrap_or_default()));
    rows.push((w("定义位置", "Defined at").into(), s.defined_at.clone()));
    Grid {
        headers: vec![t.field.into(), t.value.into()],
        rows: rows
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| vec![GridCell::text(k), GridCell::text(v)])
            .collect(),
    }
}

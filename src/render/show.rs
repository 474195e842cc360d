//! `plan show ID`: one item as a two-column table of fields (or Markdown, CSV, JSON).

use crate::compute::indicators::PriorSource;
use crate::compute::show::{self, Details, Shown};
use crate::model::{Compare, Direction, Lang};
use crate::render::View;
use crate::render::grid::{Grid, GridCell};
use crate::render::labels::{Labels, bracket, item_words, sentences};

fn opt_num(x: Option<f64>) -> String {
    x.map(crate::number::grouped).unwrap_or_default()
}

fn opt_pct(x: Option<f64>) -> String {
    x.map(crate::number::percent).unwrap_or_default()
}

/// `plan show`.
pub fn show(view: View, s: &Shown) -> String {
    view.emit(&fields(view.lang, s), s)
}

/// The delay log as rows: the count, then each postponement.
fn delays(t: &Labels, lang: Lang, rows: &mut Vec<(String, String)>, list: &[show::DelayOut]) {
    if list.is_empty() {
        return;
    }
    rows.push((t.postponed.into(), list.len().to_string()));
    for (i, d) in list.iter().enumerate() {
        let mut line = format!("{} -> {}", d.from, d.to);
        if let Some(on) = &d.on {
            line.push_str(&sentences::decided(lang, on));
        }
        if let Some(r) = &d.reason {
            line.push_str(&format!(": {r}"));
        }
        if let Some(who) = &d.approved_by {
            line = bracket(lang, &line, &format!("{}{}{who}", t.approved_by, t.colon));
        }
        rows.push((format!("{} {}", t.delay, i + 1), line));
    }
}

/// The item as (field, value) rows; empty values are left out.
fn fields(lang: Lang, s: &Shown) -> Grid<'_> {
    let t = crate::render::labels::labels(lang);
    let mut rows: Vec<(String, String)> = vec![
        (t.id.into(), s.row.id.clone()),
        (t.kind.into(), t.kind_name(s.row.kind).into()),
        (t.title.into(), s.row.title.clone()),
        (t.plan.into(), bracket(lang, &s.plan_title, &s.row.plan)),
        (t.area.into(), bracket(lang, &s.area_title, &s.row.area)),
        (t.owner.into(), s.row.owners.join(t.list_sep)),
        (t.leader.into(), s.row.leaders.join(t.list_sep)),
        (t.with.into(), s.with.join(", ")),
        (t.tags.into(), s.tags.join(", ")),
        (
            t.due.into(),
            s.row.due.map(crate::date::ymd).unwrap_or_default(),
        ),
        (t.state.into(), item_words(lang, &s.row).0),
        (
            t.light.into(),
            crate::render::labels::light_words(t, s.row.light).0.into(),
        ),
        (
            t.binding.into(),
            if s.row.binding { t.yes } else { "" }.into(),
        ),
        (
            t.evidence.into(),
            s.evidence_required.clone().unwrap_or_default(),
        ),
        (
            t.verified.into(),
            s.row.verified.map(crate::date::ymd).unwrap_or_default(),
        ),
        (t.evidence_given.into(), s.evidence.join(", ")),
        (
            t.parent_item.into(),
            s.row.parent.clone().unwrap_or_default(),
        ),
        (t.sub_items.into(), s.row.sub_items.join(", ")),
    ];
    match &s.details {
        Details::Task(d) => {
            rows.push((
                t.due_written.into(),
                d.due_written.clone().unwrap_or_default(),
            ));
            rows.push((
                t.every.into(),
                d.every
                    .map(|e| t.everies[e as usize])
                    .unwrap_or_default()
                    .into(),
            ));
            rows.push((t.last_done.into(), d.last.clone().unwrap_or_default()));
            if d.ongoing {
                rows.push((t.ongoing.into(), t.yes.into()));
            }
            delays(t, lang, &mut rows, &d.delays);
        }
        Details::Target(d) => {
            let unit = s.row.unit.clone().unwrap_or_default();
            let with_unit = |x| format!("{} {unit}", opt_num(x)).trim().to_string();
            rows.push((t.target.into(), with_unit(s.row.target)));
            rows.push((t.actual.into(), with_unit(s.row.actual)));
            rows.push((t.progress.into(), opt_pct(s.row.progress)));
            let compare = match d.compare {
                Compare::AtLeast => t.at_least,
                Compare::AtMost => t.at_most,
                Compare::About => t.about,
            };
            rows.push((t.compare.into(), compare.into()));
            if d.compare == Compare::About {
                rows.push((t.tolerance.into(), with_unit(d.tolerance)));
            }
            if s.row.stretch {
                rows.push((t.stretch_target.into(), t.yes.into()));
            }
            if let Some(stage) = d.stage {
                rows.push((t.counts_stage.into(), t.stage_name(stage).into()));
                for p in &d.projects {
                    let reached = if p.reached { t.reached } else { t.not_reached };
                    rows.push((format!("  {}", p.id), bracket(lang, &p.title, reached)));
                }
            }
            delays(t, lang, &mut rows, &d.delays);
        }
        Details::Project(d) => {
            rows.push((
                t.investment.into(),
                d.investment
                    .map(|i| format!("{} {}", crate::number::grouped(i), d.money_unit))
                    .unwrap_or_default(),
            ));
            for sd in &d.stage_dates {
                rows.push((
                    format!("{}{}", t.stage_name(sd.stage), t.stage_on),
                    sd.date.clone(),
                ));
            }
            rows.push((t.counted_by.into(), d.counted_by.join(", ")));
        }
        Details::Indicator(d) => {
            let unit = s.row.unit.clone().unwrap_or_default();
            let with_unit = |x: Option<f64>| {
                x.map(|v| {
                    format!("{} {unit}", crate::number::grouped(v))
                        .trim()
                        .to_string()
                })
                .unwrap_or_default()
            };
            let direction = match d.direction {
                Direction::Up => t.up,
                Direction::Down => t.down,
            };
            rows.push((t.direction.into(), direction.into()));
            rows.push((t.parent.into(), d.parent.clone().unwrap_or_default()));
            rows.push((t.children.into(), d.children.join(", ")));
            let source = match d.prior_source {
                PriorSource::Implied => t.prior_implied,
                PriorSource::PreviousPlan => t.prior_from_previous_plan,
                PriorSource::Given | PriorSource::None => "",
            };
            let prior = with_unit(d.prior);
            rows.push((
                t.prior_year.into(),
                if prior.is_empty() {
                    prior
                } else {
                    format!("{prior}{source}")
                },
            ));
            rows.push((t.target.into(), with_unit(d.target)));
            rows.push((t.target_growth.into(), opt_pct(d.target_growth)));
            rows.push((t.latest_period.into(), d.period.clone().unwrap_or_default()));
            rows.push((t.cumulative.into(), with_unit(d.value)));
            rows.push((t.growth.into(), opt_pct(d.growth)));
            rows.push((
                t.gap_points.into(),
                d.gap_pp.map(|g| format!("{g:+.1}")).unwrap_or_default(),
            ));
            rows.push((t.completion.into(), opt_pct(d.completion)));
        }
    }
    for (i, p) in s.progress.iter().enumerate() {
        let mut line = format!("{}{}{}", p.on, t.colon, p.text);
        let details: Vec<String> = p
            .percent
            .map(crate::number::percent)
            .into_iter()
            .chain(p.by.clone())
            .collect();
        if !details.is_empty() {
            line = bracket(lang, &line, &details.join(t.list_sep));
        }
        rows.push((format!("{} {}", t.progress_report, i + 1), line));
    }
    rows.push((t.note.into(), s.note.clone().unwrap_or_default()));
    rows.push((t.defined_at.into(), s.defined_at.clone()));
    Grid {
        headers: vec![t.field.into(), t.value.into()],
        rows: rows
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| vec![GridCell::text(k), GridCell::text(v)])
            .collect(),
    }
}

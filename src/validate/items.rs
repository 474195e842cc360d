//! Checks within one task, target or project: recurrence, delay logs, batch targets, stages.

use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{DateSpec, Delay, Every, Located, Plan, Task, TaskStatus};

pub fn tasks(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in plan.areas.iter().flat_map(|a| &a.tasks) {
        let recurring = task.every.is_some();
        if let (true, Some(due)) = (recurring, &task.due) {
            out.push(Diagnostic::new(Problem::DueOnRecurring, due.span));
        }
        if let (false, Some(last)) = (recurring, &task.last) {
            out.push(Diagnostic::new(Problem::LastWithoutEvery, last.span));
        }
        if recurring && task.status == TaskStatus::Done {
            out.push(Diagnostic::new(Problem::DoneRecurring, task.common.span));
        }
        if let Some(done) = &task.done
            && task.status != TaskStatus::Done
        {
            let status = crate::model::TaskStatus::NAMES[task.status as usize].to_string();
            out.push(Diagnostic::new(
                Problem::DoneDateNotDone { status },
                done.span,
            ));
        }
        if !recurring {
            out.extend(delay_log(&task.delays, task.due.as_ref()));
        }
        out.extend(anchor(task, plan.span()));
    }
    out
}

/// A duty fixed to the calendar: `day` and `month` that its interval allows, no `last`, and
/// submissions that are days of the plan's year, each satisfying an occurrence.
fn anchor(task: &Task, span: crate::model::PlanYear) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let conflict = |key: &'static str, span| Diagnostic::new(Problem::AnchorConflict { key }, span);
    let Some(every) = task.every.as_ref().map(|e| e.value) else {
        for (key, span) in [
            ("day", task.day.as_ref().map(|d| d.span)),
            ("month", task.month.as_ref().map(|m| m.span)),
            ("submitted", task.submitted.first().map(|s| s.span)),
        ] {
            if let Some(span) = span {
                out.push(conflict(key, span));
            }
        }
        return out;
    };
    let Some(day) = &task.day else {
        if let Some(month) = &task.month {
            out.push(conflict("month", month.span));
        }
        if let Some(s) = task.submitted.first() {
            out.push(conflict("submitted", s.span));
        }
        return out;
    };
    if let Some(last) = &task.last {
        out.push(conflict("last", last.span));
    }
    let day_ok = match every {
        Every::Week => (1..=7).contains(&day.value),
        Every::HalfMonth => day.value == 15,
        Every::Month | Every::Quarter | Every::Year => (1..=31).contains(&day.value),
    };
    if !day_ok {
        out.push(Diagnostic::new(
            Problem::BadAnchor {
                key: "day",
                value: day.value,
                every,
            },
            day.span,
        ));
    }
    if let Some(month) = &task.month {
        let month_ok = match every {
            Every::Quarter => (1..=3).contains(&month.value),
            Every::Year => (1..=12).contains(&month.value),
            Every::Week | Every::HalfMonth | Every::Month => false,
        };
        if !month_ok {
            out.push(Diagnostic::new(
                Problem::BadAnchor {
                    key: "month",
                    value: month.value,
                    every,
                },
                month.span,
            ));
        }
    }
    for s in &task.submitted {
        let a_day = matches!(s.value.written, crate::date::Period::Day(_));
        if !a_day || !span.contains(s.value.day()) {
            out.push(Diagnostic::new(
                Problem::BadSubmission {
                    text: s.value.written.to_string(),
                },
                s.span,
            ));
        }
    }
    if out.is_empty() {
        let (_, unused) = crate::anchored::occurrences(task, span);
        for day in unused {
            if let Some(s) = task.submitted.iter().find(|s| s.value.day() == day) {
                out.push(Diagnostic::new(Problem::UnusedSubmission { day }, s.span));
            }
        }
    }
    out
}

/// The log must chain (`from` = previous `to`) and end at the current `due`.
fn delay_log(delays: &[Delay], due: Option<&Located<DateSpec>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for pair in delays.windows(2) {
        let (prev, this) = (&pair[0], &pair[1]);
        if prev.to.value.day() != this.from.value.day() {
            out.push(Diagnostic::new(
                Problem::DelayChain {
                    expected: prev.to.value.day(),
                },
                this.from.span,
            ));
        }
    }
    if let Some(last) = delays.last() {
        let due_day = due.map(|d| d.value.day());
        if due_day != Some(last.to.value.day()) {
            out.push(Diagnostic::new(
                Problem::DelayMismatch {
                    last_to: last.to.value.day(),
                    due: due_day,
                },
                due.map_or(last.to.span, |d| d.span),
            ));
        }
    }
    out
}

pub fn targets(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for target in plan.areas.iter().flat_map(|a| &a.targets) {
        if target.is_batch() {
            if let Some(actual) = &target.actual {
                out.push(Diagnostic::new(Problem::ActualOnBatch, actual.span));
            }
            match (&target.stage, target.projects_span) {
                (Some(stage), None) => {
                    out.push(Diagnostic::new(Problem::BatchWithoutProjects, stage.span));
                }
                (None, Some(span)) => out.push(Diagnostic::new(Problem::BatchWithoutStage, span)),
                _ => {}
            }
            if let Some(t) = &target.target {
                #[allow(clippy::cast_precision_loss)]
                let count = target.projects.len() as f64;
                if t.value > count && target.projects_span.is_some() {
                    out.push(Diagnostic::new(
                        Problem::BatchTargetTooHigh {
                            target: t.value,
                            count: target.projects.len(),
                        },
                        t.span,
                    ));
                }
            }
        }
        if let Some(t) = &target.tolerance
            && target.compare != crate::model::Compare::About
        {
            out.push(Diagnostic::new(Problem::ToleranceWithoutAbout, t.span));
        }
        if let (Some(actual), false) = (&target.actual, target.actuals.is_empty()) {
            out.push(Diagnostic::new(Problem::ActualWithActuals, actual.span));
        }
        let due = target
            .due
            .as_ref()
            .map_or(plan.span().last, |d| d.value.day());
        for m in &target.milestones {
            if m.due.value.day() > due {
                out.push(Diagnostic::new(
                    Problem::MilestoneAfterDue { due },
                    m.due.span,
                ));
            }
        }
        for pair in target.milestones.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let lower =
                target.compare == crate::model::Compare::AtLeast && b.value.value < a.value.value;
            if b.due.value.day() <= a.due.value.day() || lower {
                out.push(Diagnostic::new(Problem::MilestonesOutOfOrder, b.due.span));
            }
        }
        out.extend(delay_log(&target.delays, target.due.as_ref()));
    }
    out
}

pub fn projects(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for project in plan.areas.iter().flat_map(|a| &a.projects) {
        for (stage, date) in &project.stage_dates {
            if *stage > project.stage.value {
                out.push(Diagnostic::new(
                    Problem::StageDateBeyondStage {
                        date_stage: *stage,
                        stage: project.stage.value,
                    },
                    date.span,
                ));
            }
        }
        // Each stage is reached after the ones before it: a date earlier than an earlier
        // stage's is a slip of the pen (or of the order of events) worth a look.
        let mut dated: Vec<&(
            crate::model::Stage,
            crate::model::Located<crate::model::DateSpec>,
        )> = project.stage_dates.iter().collect();
        dated.sort_by_key(|(stage, _)| *stage);
        for pair in dated.windows(2) {
            let [(earlier, first), (later, second)] = pair else {
                continue;
            };
            if second.value.day() < first.value.day() {
                out.push(
                    Diagnostic::new(
                        Problem::StageDatesOutOfOrder {
                            stage: *later,
                            before: *earlier,
                        },
                        second.span,
                    )
                    .with_related(first.span),
                );
            }
        }
    }
    out
}

/// Progress reports: in date order, `percent` from 0 to 100; and with `approve_delays`, every
/// postponement names who approved it.
pub fn progress(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if plan.approve_delays {
        for area in &plan.areas {
            let delays = area
                .tasks
                .iter()
                .flat_map(|t| &t.delays)
                .chain(area.targets.iter().flat_map(|t| &t.delays));
            for d in delays.filter(|d| d.approved_by.is_none()) {
                out.push(Diagnostic::new(Problem::UnapprovedDelay, d.span));
            }
        }
    }
    for (_, item) in plan.items() {
        let entries = &item.common().progress;
        for pair in entries.windows(2) {
            if pair[1].on.value.day() < pair[0].on.value.day() {
                out.push(Diagnostic::new(
                    Problem::ProgressOutOfOrder,
                    pair[1].on.span,
                ));
            }
        }
        for p in entries {
            if let Some(percent) = &p.percent
                && !(0.0..=100.0).contains(&percent.value)
            {
                out.push(Diagnostic::new(
                    Problem::PercentOutOfRange {
                        value: percent.value,
                    },
                    percent.span,
                ));
            }
        }
    }
    out
}

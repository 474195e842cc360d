//! The supervision loop's keys: feedback cadences the calendar allows, verification after
//! done, evidence that exists, mail addresses that parse, and (on the day) progress reports
//! not dated in the future.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Feedback, FeedbackEvery, ItemRef, Plan, TaskStatus, Workspace};

/// Every check of this module for one plan; evidence is looked up under `repository`.
pub fn check(plan: &Plan, repository: &Path) -> Vec<Diagnostic> {
    let mut out = feedback(&plan.feedback, &Feedback::default());
    for (_, item) in plan.items() {
        let (own, c) = match item {
            ItemRef::Task(t) => (&t.feedback, &t.common),
            ItemRef::Target(t) => (&t.feedback, &t.common),
            ItemRef::Project(_) | ItemRef::Indicator(_) => continue,
        };
        out.extend(feedback(own, &plan.feedback));
        if let (ItemRef::Task(t), Some(verified)) = (item, &c.verified) {
            if t.status == TaskStatus::Done {
                if let Some(done) = &t.done
                    && verified.value.day() < done.value.day()
                {
                    out.push(Diagnostic::new(
                        Problem::VerifiedBeforeDone {
                            done: done.value.day(),
                        },
                        verified.span,
                    ));
                }
            } else {
                out.push(Diagnostic::new(
                    Problem::VerifiedNotDone {
                        status: t.status.name().to_string(),
                    },
                    verified.span,
                ));
            }
        }
        for e in &c.evidence {
            if !is_link(&e.value) && !repository.join(&e.value).exists() {
                out.push(Diagnostic::new(
                    Problem::MissingEvidence {
                        path: e.value.clone(),
                        root: match crate::source::display_path(repository) {
                            shown if shown.is_empty() => ".".to_string(),
                            shown => shown,
                        },
                    },
                    e.span,
                ));
            }
        }
    }
    for (_, email) in &plan.emails {
        if let Err(e) = email.value.parse::<lettre::Address>() {
            out.push(Diagnostic::new(
                Problem::BadEmail {
                    text: email.value.clone(),
                    reason: e.to_string(),
                },
                email.span,
            ));
        }
    }
    out
}

/// A link (`https://…`, `file:…`) rather than a path: kept as written.
fn is_link(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, rest)| {
        scheme.len() > 1
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
    })
}

/// `feedback_day` and `feedback_month` as written in `own`, against the cadence in force
/// there (`own`'s over `plan`'s).
fn feedback(own: &Feedback, plan: &Feedback) -> Vec<Diagnostic> {
    let every = own
        .over(plan)
        .every
        .map_or(FeedbackEvery::None, |e| e.value);
    let mut out = Vec::new();
    if let Some(day) = &own.day {
        let ok = matches!(every, FeedbackEvery::Month | FeedbackEvery::Quarter)
            && (1..=31).contains(&day.value);
        if !ok {
            out.push(Diagnostic::new(
                Problem::BadFeedback {
                    key: "feedback_day",
                    value: day.value,
                    every,
                },
                day.span,
            ));
        }
    }
    if let Some(month) = &own.month {
        let ok = every == FeedbackEvery::Quarter && (1..=3).contains(&month.value);
        if !ok {
            out.push(Diagnostic::new(
                Problem::BadFeedback {
                    key: "feedback_month",
                    value: month.value,
                    every,
                },
                month.span,
            ));
        }
    }
    out
}

/// Progress reports dated after `today`: warnings.
pub fn future_progress(ws: &Workspace, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for plan in &ws.plans {
        for (_, item) in plan.items() {
            for p in &item.common().progress {
                let on = p.on.value.day();
                if on > today {
                    out.push(Diagnostic::new(Problem::ProgressInFuture { on }, p.on.span));
                }
            }
        }
    }
    out
}

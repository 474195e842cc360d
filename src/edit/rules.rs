//! The rules of the editing commands: which kinds of item accept which edit, what a
//! postponement allows, when a stage keeps its recorded date. A pure function from (request,
//! plan, item, today) to the [`Change`] to make, or a typed [`Refusal`] that `render` words.

use chrono::NaiveDate;

use crate::date::Period;
use crate::edit::Change;
use crate::model::{ItemRef, Kind, Plan, Stage, TaskStatus};
use crate::number::NumberError;

/// What one editing command asks for, as typed on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum Request<'a> {
    /// `plan done`: a task done on a day.
    Done { on: NaiveDate },
    /// `plan mark`: a task's status (never `done`: that is `plan done`).
    Mark { status: TaskStatus },
    /// `plan record`: an indicator's cumulative figure for a period.
    Record {
        period: &'a str,
        value: &'a str,
        prior: Option<&'a str>,
    },
    /// `plan stage`: a project reaches a stage, on a day when given.
    Stage {
        stage: Stage,
        on: Option<NaiveDate>,
        today: NaiveDate,
    },
    /// `plan actual`: a numeric target's value so far.
    Actual { value: &'a str },
    /// `plan progress`: a progress report on any item.
    Progress {
        text: &'a str,
        on: NaiveDate,
        percent: Option<&'a str>,
        by: Option<&'a str>,
    },
    /// `plan verify`: the office verifies a done task or met target (销号), with evidence.
    Verify {
        on: NaiveDate,
        evidence: &'a [String],
    },
    /// `plan postpone`: a new deadline, decided on a day, for a reason.
    Postpone {
        date: &'a str,
        reason: &'a str,
        on: NaiveDate,
        approved_by: Option<&'a str>,
    },
}

impl Request<'_> {
    /// The command's name, as typed after `plan`.
    pub fn command(&self) -> &'static str {
        match self {
            Request::Done { .. } => "done",
            Request::Mark { .. } => "mark",
            Request::Record { .. } => "record",
            Request::Stage { .. } => "stage",
            Request::Actual { .. } => "actual",
            Request::Postpone { .. } => "postpone",
            Request::Progress { .. } => "progress",
            Request::Verify { .. } => "verify",
        }
    }

    /// The kinds of item the command works on.
    pub fn kinds(&self) -> &'static [Kind] {
        match self {
            Request::Done { .. } | Request::Mark { .. } => &[Kind::Task],
            Request::Record { .. } => &[Kind::Indicator, Kind::Target],
            Request::Stage { .. } => &[Kind::Project],
            Request::Actual { .. } => &[Kind::Target],
            Request::Postpone { .. } | Request::Verify { .. } => &[Kind::Task, Kind::Target],
            Request::Progress { .. } => &[Kind::Task, Kind::Target, Kind::Project, Kind::Indicator],
        }
    }
}

/// Which number of a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberArg {
    /// The value (`plan record`, `plan actual`).
    Value,
    /// `--prior`.
    Prior,
}

/// Why a request cannot become a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The item is of another kind than the command works on.
    WrongKind {
        command: &'static str,
        wants: &'static [Kind],
        found: Kind,
    },
    /// `plan actual` on a target counted from its projects.
    BatchActual,
    /// A period that is not a month, quarter, half or year.
    BadPeriod(String),
    /// A deadline that is neither a date nor a period.
    BadDate(String),
    /// A number that cannot be written into the plan.
    Number {
        arg: NumberArg,
        text: String,
        error: NumberError,
    },
    /// A postponement without a reason.
    EmptyReason,
    /// `--prior` on a target: targets have no prior-year figures.
    PriorOnTarget,
    /// A progress report without text.
    EmptyProgress,
    /// `--percent` outside 0 to 100.
    PercentOutOfRange(String),
    /// A recurring task has no deadline of its own.
    RecurringPostpone,
    /// A task without `due`.
    NoDeadline,
    /// The new deadline is the current one.
    SameDeadline(Period),
    /// The new deadline is earlier: not a postponement.
    EarlierDeadline { from: Period, to: Period },
    /// `plan verify` on a task that is not done, or a target not met on the day.
    NotFinished,
    /// `plan verify --on` before the task's `done`.
    VerifyBeforeDone { done: NaiveDate },
    /// Already verified, on this day.
    AlreadyVerified { on: NaiveDate },
    /// An empty `--evidence`.
    EmptyEvidence,
}

/// A finite number, as text to be written as the user wrote it.
fn number(arg: NumberArg, text: &str) -> Result<String, Refusal> {
    match crate::number::parse(text) {
        Ok(_) => Ok(text.trim().to_string()),
        Err(error) => Err(Refusal::Number {
            arg,
            text: text.to_string(),
            error,
        }),
    }
}

/// The default deadline of a target: the plan's year, or the last day of a fiscal year.
fn plan_end(plan: &Plan) -> Period {
    match plan.start {
        Some(_) => Period::Day(plan.span().last),
        None => Period::Year { year: plan.year },
    }
}

/// The change `request` makes to `item` of `plan`.
pub fn change(request: &Request<'_>, plan: &Plan, item: ItemRef<'_>) -> Result<Change, Refusal> {
    let wrong = || Refusal::WrongKind {
        command: request.command(),
        wants: request.kinds(),
        found: item.kind(),
    };
    match (request, item) {
        (Request::Done { on }, ItemRef::Task(t)) if t.is_anchored() => {
            Ok(Change::Submit { on: *on })
        }
        (Request::Done { on }, ItemRef::Task(t)) => Ok(Change::Done {
            on: *on,
            recurring: t.every.is_some(),
        }),
        (Request::Mark { status }, ItemRef::Task(_)) => Ok(Change::Mark { status: *status }),
        (
            Request::Record {
                period,
                value,
                prior,
            },
            ItemRef::Indicator(_),
        ) => {
            let period = match Period::parse(period) {
                Ok(Period::Day(_)) | Err(_) => return Err(Refusal::BadPeriod(period.to_string())),
                Ok(p) => p,
            };
            Ok(Change::Record {
                period,
                value: number(NumberArg::Value, value)?,
                prior: prior.map(|p| number(NumberArg::Prior, p)).transpose()?,
            })
        }
        // A numeric target's figures over time (`actuals`), when it has no undated `actual`.
        (
            Request::Record {
                period,
                value,
                prior,
            },
            ItemRef::Target(t),
        ) if !t.is_batch() && t.actual.is_none() => {
            if prior.is_some() {
                return Err(Refusal::PriorOnTarget);
            }
            let period = match Period::parse(period) {
                Ok(Period::Day(_)) | Err(_) => return Err(Refusal::BadPeriod(period.to_string())),
                Ok(p) => p,
            };
            Ok(Change::Record {
                period,
                value: number(NumberArg::Value, value)?,
                prior: None,
            })
        }
        (Request::Stage { stage, on, today }, ItemRef::Project(p)) => {
            // A date already recorded for the stage stays unless --on says otherwise.
            let recorded = p.stage_dates.iter().any(|(s, _)| s == stage);
            let on = match (on, recorded) {
                (Some(on), _) => Some(*on),
                (None, true) => None,
                (None, false) => Some(*today),
            };
            Ok(Change::Stage { stage: *stage, on })
        }
        (Request::Actual { .. }, ItemRef::Target(t)) if t.is_batch() => Err(Refusal::BatchActual),
        (Request::Actual { value }, ItemRef::Target(_)) => Ok(Change::Actual {
            value: number(NumberArg::Value, value)?,
        }),
        (
            Request::Progress {
                text,
                on,
                percent,
                by,
            },
            _,
        ) => {
            if text.trim().is_empty() {
                return Err(Refusal::EmptyProgress);
            }
            let percent = match percent {
                Some(p) => {
                    let n = crate::number::parse(p).map_err(|error| Refusal::Number {
                        arg: NumberArg::Value,
                        text: (*p).to_string(),
                        error,
                    })?;
                    if !(0.0..=100.0).contains(&n) {
                        return Err(Refusal::PercentOutOfRange((*p).to_string()));
                    }
                    Some(p.trim().to_string())
                }
                None => None,
            };
            Ok(Change::Progress {
                on: *on,
                text: text.trim().to_string(),
                percent,
                by: by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
            })
        }
        (Request::Verify { on, evidence }, ItemRef::Task(_) | ItemRef::Target(_)) => {
            let c = item.common();
            if let Some(v) = &c.verified {
                return Err(Refusal::AlreadyVerified { on: v.value.day() });
            }
            if evidence.iter().any(|e| e.trim().is_empty()) {
                return Err(Refusal::EmptyEvidence);
            }
            match item {
                ItemRef::Task(t) if t.status != TaskStatus::Done || t.every.is_some() => {
                    return Err(Refusal::NotFinished);
                }
                ItemRef::Task(t) => {
                    if let Some(done) = t.done.as_ref().map(|d| d.value.day())
                        && *on < done
                    {
                        return Err(Refusal::VerifyBeforeDone { done });
                    }
                }
                ItemRef::Target(t) => {
                    let clock = crate::compute::deadline::Clock {
                        today: *on,
                        within: 0,
                    };
                    if crate::compute::deadline::target_state(t, plan, clock)
                        != crate::compute::deadline::State::Met
                    {
                        return Err(Refusal::NotFinished);
                    }
                }
                ItemRef::Project(_) | ItemRef::Indicator(_) => return Err(wrong()),
            }
            Ok(Change::Verify {
                on: *on,
                evidence: evidence.iter().map(|e| e.trim().to_string()).collect(),
            })
        }
        // The date and reason are checked before the kind, as typed.
        (
            Request::Postpone {
                date,
                reason,
                on,
                approved_by,
            },
            _,
        ) => {
            let to = Period::parse(date).map_err(|_| Refusal::BadDate(date.to_string()))?;
            if reason.trim().is_empty() {
                return Err(Refusal::EmptyReason);
            }
            let from = match item {
                ItemRef::Task(t) if t.every.is_some() => return Err(Refusal::RecurringPostpone),
                ItemRef::Task(t) => t.due.as_ref().map(|d| d.value.written),
                ItemRef::Target(t) => Some(
                    t.due
                        .as_ref()
                        .map_or_else(|| plan_end(plan), |d| d.value.written),
                ),
                ItemRef::Project(_) | ItemRef::Indicator(_) => return Err(wrong()),
            };
            let from = from.ok_or(Refusal::NoDeadline)?;
            if from.last_day() == to.last_day() {
                return Err(Refusal::SameDeadline(to));
            }
            if to.last_day() < from.last_day() {
                return Err(Refusal::EarlierDeadline { from, to });
            }
            Ok(Change::Postpone {
                from,
                to,
                on: *on,
                reason: reason.trim().to_string(),
                approved_by: approved_by
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty()),
            })
        }
        _ => Err(wrong()),
    }
}

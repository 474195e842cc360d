//! The command line, as clap sees it. Nothing outside `cli` depends on clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

pub use crate::render::Format;
pub use crate::render::labels::messages::DateArgError;

/// Run an annual work plan kept as TOML files in git.
#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Args {
    /// Print help
    #[arg(short, long, global = true, action = clap::ArgAction::Help)]
    pub help: Option<bool>,

    /// Print version
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    pub version: Option<bool>,

    /// The plans directory [env: PLAN_DIR] [default: the nearest `plans/` found walking up]
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,

    /// The date to compute for (YYYY-MM-DD) [env: PLAN_TODAY] [default: the local date]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Output language [env: PLAN_LANG] [default: the plan's `lang`, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::model::Lang>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Start CSV output with a UTF-8 byte-order mark, so that Excel reads its Chinese
    #[arg(long, global = true)]
    pub bom: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every plan file: errors and warnings, each with its place in the file
    Check(CheckArgs),
    /// Where every area stands today; with --area, that area's items
    Status(ListArgs),
    /// Every overdue task and target, most days late first (exit 1 when there are any)
    Overdue(OverdueArgs),
    /// Open tasks and targets due within --within days, soonest first
    Upcoming(ListArgs),
    /// Items that missed their latest progress report (催报), by lead unit (exit 1 when any)
    Chase(ChaseArgs),
    /// One row per lead unit (or leader): open, overdue, done, the overdue share and indicators
    /// behind, worst first
    Owners(OwnersArgs),
    /// Every indicator against the prior year; with an ID, that indicator's history
    Indicators(IndicatorsArgs),
    /// Everything known about one item
    Show(ShowArgs),
    /// Mark a task done (a recurring task: done once more, moving `last`)
    Done(DoneArgs),
    /// Set a task's status: todo, doing, blocked or dropped
    Mark(MarkArgs),
    /// Record an indicator's cumulative figure for a period (added or replaced, in order)
    Record(RecordArgs),
    /// Move a project to a stage and record the day it was reached
    Stage(StageArgs),
    /// Record the value a numeric target has reached so far
    Actual(ActualArgs),
    /// Move a task's or target's deadline and log the postponement with its reason
    Postpone(PostponeArgs),
    /// Add a progress report (进展情况) to any item, in date order
    Progress(ProgressArgs),
    /// Verify a done task or met target (销号), with the evidence that proves it
    Verify(VerifyArgs),
    /// The report people read: Markdown for the public board, or a self-contained HTML page
    Report(ReportArgs),
    /// A notice (督办通知单) to each lead unit with red or yellow items; --mail sends them
    Notice(NoticeArgs),
    /// Every deadline as an iCalendar feed (all-day events) for calendar apps
    Calendar(CalendarArgs),
    /// What moved since a git revision (or a date): done, newly overdue, postponed, new figures
    Diff(DiffArgs),
    /// The history of one item across commits: each change, with commit, author and date
    Log(LogArgs),
    /// Create a new plan (plan.toml and a commented example area) that passes `plan check`
    Init(InitArgs),
    /// Read an office's ledger (台账: .xlsx, .xls, .ods or .csv) into a new plan
    Import(ImportArgs),
    /// Write the plans as a ledger (台账): an .xlsx workbook of items, indicators and lead units
    Export(ExportArgs),
    /// Print the JSON Schema of plan files, for editors (see docs/editing.md)
    Schema(SchemaArgs),
    /// Print shell completions
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
    /// Print help, or the help of a command
    Help {
        /// The command
        command: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Markdown for the board, or one self-contained HTML file
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Rows per list (overdue, due soon, targets, indicators, …); the rest are counted (0: all)
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub limit: usize,
}

#[derive(Debug, clap::Args)]
pub struct NoticeArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The day by which each unit must report back [default: today + 3 days]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub reply_by: Option<NaiveDate>,
    /// Markdown, or one self-contained HTML page printable on A4
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write one file per unit into this directory (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Mail each unit its notice (its `email` in plan.toml) through sendmail
    #[arg(long)]
    pub mail: bool,
    /// The sendmail to run [default: `sendmail` on PATH, else /usr/sbin/sendmail]
    #[arg(long, value_name = "PATH", requires = "mail")]
    pub sendmail: Option<PathBuf>,
    /// The sender, `Name <address>` or an address [env: PLAN_MAIL_FROM]
    #[arg(long, value_name = "ADDRESS", env = "PLAN_MAIL_FROM", hide_env = true)]
    pub from: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The revision to compare with [default: HEAD]
    #[arg(conflicts_with = "since")]
    pub rev: Option<String>,
    /// Compare with the plans at the last commit before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only this plan (its id)
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The item's id
    pub id: String,
    /// The plan, when the id is in more than one
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write the feed to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// A schema for these plans: ids of projects, parents and plans, and the names of lead units
    /// and leaders, for editors to complete
    #[arg(long)]
    pub ids: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The ledger: .xlsx, .xlsm, .xls, .ods or .csv
    pub file: PathBuf,
    /// The sheet to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The new plan's id (its directory's name)
    #[arg(long = "plan", value_name = "ID")]
    pub id: String,
    /// The plan year: deadlines in words ("3月底前") fall in it
    #[arg(long)]
    pub year: i32,
    /// The first day of a plan year that is not the calendar year (a fiscal year)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<NaiveDate>,
    /// A TOML file of other header names: "具体内容" = "title"
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// The plans directory to write the plan into [default: --plans, else plans]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Print the files instead of writing them
    #[arg(long)]
    pub dry_run: bool,
    /// Replace a plan of the same id
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The workbook to write (.xlsx)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The plan's directory [default: plans/plan-YEAR]
    pub dir: Option<PathBuf>,
    /// The plan year [default: the year of today]
    #[arg(long)]
    pub year: Option<i32>,
    /// The plan's title
    #[arg(long)]
    pub title: Option<String>,
}

/// Options of every editing command.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The plan, when the id is in more than one
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,

    /// Print the change as a diff instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// The task's id
    pub id: String,
    /// The day it was done [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    /// The task's id
    pub id: String,
    /// The new status (`plan done` marks a task done)
    #[arg(value_enum)]
    pub status: crate::model::TaskStatus,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct RecordArgs {
    /// The indicator's id
    pub id: String,
    /// The period: "2016-03", "2016-Q1", "2016-H1" or "2016"
    pub period: String,
    /// The cumulative value for the period
    #[arg(allow_negative_numbers = true)]
    pub value: String,
    /// The same period of the prior year
    #[arg(long, value_name = "VALUE", allow_negative_numbers = true)]
    pub prior: Option<String>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct StageArgs {
    /// The project's id
    pub id: String,
    /// The stage reached
    #[arg(value_enum)]
    pub stage: crate::model::Stage,
    /// The day it was reached [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct ActualArgs {
    /// The target's id
    pub id: String,
    /// The value reached so far
    #[arg(allow_negative_numbers = true)]
    pub value: String,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct PostponeArgs {
    /// The task's or target's id
    pub id: String,
    /// The new deadline: 2016-04-30, or a period such as "2016-04" or "2016-Q2"
    pub date: String,
    /// Why (kept in the delay log for every reviewer to see)
    #[arg(long)]
    pub reason: String,
    /// The day the postponement was decided [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// Who approved it (kept in the delay log)
    #[arg(long, value_name = "NAME")]
    pub approved_by: Option<String>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct ProgressArgs {
    /// The item's id
    pub id: String,
    /// What was done
    pub text: String,
    /// The day it was reported [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// How far along, 0 to 100
    #[arg(long, value_name = "N")]
    pub percent: Option<String>,
    /// Who reported it
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The task's or target's id
    pub id: String,
    /// The day it was verified [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub on: Option<NaiveDate>,
    /// What proves it done: a path in the repository (it must exist) or a link; repeatable
    #[arg(long, value_name = "PATH")]
    pub evidence: Vec<String>,
    #[command(flatten)]
    pub edit: EditArgs,
}

#[derive(Debug, clap::Args)]
pub struct IndicatorsArgs {
    /// One indicator: every reported period and what the rest of the year must deliver
    pub id: Option<String>,

    #[command(flatten)]
    pub list: ListArgs,
}

/// Which items a command covers: the same flags on every listing, the report and the calendar.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only this plan (its id)
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,

    /// Only this area (its id)
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,

    /// Only items of this lead unit (one of the item's owners, else its area's; a collective
    /// unit's members count as its owners)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// Only items of this responsible leader (one of the item's leaders, else its area's)
    #[arg(long, value_name = "NAME")]
    pub leader: Option<String>,

    /// Only items with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,

    /// Only items of this kind
    #[arg(long, value_enum)]
    pub kind: Option<crate::model::Kind>,

    /// Look-ahead window for "due soon", in days (0 to 3660)
    #[arg(long, value_name = "DAYS", default_value_t = 14,
          value_parser = clap::value_parser!(u32).range(0..=MAX_WITHIN))]
    pub within: u32,
}

/// `plan owners`: a listing ranked by lead unit or by leader.
#[derive(Debug, clap::Args)]
pub struct OwnersArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Rank lead units (unit) or responsible leaders (leader)
    #[arg(long, value_enum, default_value_t = crate::compute::report::By::Unit)]
    pub by: crate::compute::report::By,
}

/// Filters and the output format of a listing.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// Print nothing when nothing is overdue (for cron)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ChaseArgs {
    #[command(flatten)]
    pub list: ListArgs,

    /// Print nothing when every item has reported (for cron)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The item's id
    pub id: String,

    /// The plan, when the id is in more than one
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Count warnings as errors
    #[arg(long)]
    pub strict: bool,

    /// How to print the diagnostics
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people: file:line:col, the source line and a caret
    Text,
    /// For editors and CI: an array of {file, line, col, severity, code, message, help}
    Json,
}

/// The longest look-ahead `--within` takes: ten years.
pub const MAX_WITHIN: i64 = 3660;

/// A day written exactly `YYYY-MM-DD`, in the years plan files accept (1900 to 9999).
pub fn parse_date(s: &str) -> Result<NaiveDate, DateArgError> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let date = if shaped {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    } else {
        None
    };
    match date {
        Some(d) if (1900..=9999).contains(&chrono::Datelike::year(&d)) => Ok(d),
        Some(_) => Err(DateArgError::OutOfRange(s.to_string())),
        None => Err(DateArgError::Form(s.to_string())),
    }
}

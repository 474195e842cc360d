//! The command line, as clap sees it. Nothing outside `cli` depends on clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

/// Run an annual work plan kept as TOML files in git.
#[derive(Debug, Parser)]
#[command(name = "plan", version, about, long_about = None, max_term_width = 100)]
pub struct Args {
    /// The plans directory [default: the nearest `plans/` found walking up]
    #[arg(long, global = true, env = "PLAN_DIR", value_name = "DIR")]
    pub plans: Option<PathBuf>,

    /// The date to compute for (YYYY-MM-DD) [default: the local date]
    #[arg(long, global = true, env = "PLAN_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Output language [default: the plan's `lang`, else en]
    #[arg(long, global = true, env = "PLAN_LANG", value_enum)]
    pub lang: Option<LangArg>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
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

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

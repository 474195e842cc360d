//! The command line: arguments become a [`Config`] before any work starts; each command is a
//! function from (config, loaded plans) to an [`Output`]; this module alone reads the
//! environment and the clock, prints, and chooses the exit code.

mod args;
mod check;
mod clock;
mod edit;
mod error;
mod filters;
mod help;
mod history;
mod indicators;
mod ledger;
mod listing;
mod notice;
mod setup;
mod show;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::load::discover::{self, RootError};
use crate::load::{self, Loaded};
use crate::model::Lang;
use crate::render::diagnostics;
use crate::render::grid::Text;
use crate::render::labels::messages;
use crate::render::style::Style;
use args::{Args, ColorArg, Command};
pub use error::{CommandError, ErrorKind};

/// Exit codes of the contract.
pub mod exit {
    pub const OK: u8 = 0;
    /// `plan overdue` found overdue items.
    pub const FOUND: u8 = 1;
    /// Invalid plan files, invalid arguments or any other error.
    pub const ERROR: u8 = 2;
}

/// Everything a command needs, resolved once.
#[derive(Debug)]
pub struct Config {
    pub root: PathBuf,
    /// The date everything is computed for.
    pub today: NaiveDate,
    /// `--lang` / `$PLAN_LANG`, when given; otherwise the plan's `lang` decides.
    pub lang: Option<Lang>,
    pub stdout_style: Style,
    pub stderr_style: Style,
    /// Whether stdout is a terminal (tables then wrap to its width).
    pub stdout_tty: bool,
    /// `--bom`: CSV output starts with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
}

impl Config {
    /// Table layout for stdout.
    pub fn table_options(&self) -> crate::render::grid::TableOptions {
        crate::render::grid::TableOptions {
            tty: self.stdout_tty,
            color: self.stdout_style.color,
        }
    }

    /// How a listing in `format` is rendered in `lang`.
    pub fn view(&self, lang: Lang, format: crate::render::Format) -> crate::render::View {
        crate::render::View {
            lang,
            format,
            table: self.table_options(),
            bom: self.bom,
        }
    }

    /// The output language: the explicit one, else the first plan's `lang`, else English.
    pub fn lang_for(&self, loaded: &Loaded) -> Lang {
        self.lang
            .or_else(|| loaded.workspace.plans.iter().find_map(|p| p.lang))
            .unwrap_or(Lang::En)
    }
}

/// What a command produced: the text for stdout and stderr, and the exit code.
#[derive(Debug, Default)]
pub struct Output {
    /// Written, or (a long listing's table) written while it is printed.
    pub stdout: Text,
    pub stderr: String,
    pub code: u8,
    /// A file was changed on disk: failing to print the confirmation does not undo that, so
    /// the exit code stays `code` (the printing error still goes to stderr).
    pub committed: bool,
}

/// Parse `argv`, run the command, print, and return the exit code.
pub fn run<I: IntoIterator<Item = OsString>>(argv: I) -> ExitCode {
    let argv: Vec<OsString> = argv.into_iter().collect();
    let early = help::early_lang(&argv);
    let parsed = help::command(early)
        .try_get_matches_from(&argv)
        .and_then(|m| <Args as clap::FromArgMatches>::from_arg_matches(&m));
    let output = match parsed {
        Ok(mut args) => match from_env(&mut args) {
            Ok(()) => execute(&args),
            Err(e) => failure(args.lang.unwrap_or(Lang::En), &e),
        },
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let text = help::error_text(&e, early);
            if e.use_stderr() {
                Output {
                    stderr: text,
                    code,
                    ..Output::default()
                }
            } else {
                Output {
                    stdout: text.into(),
                    code,
                    ..Output::default()
                }
            }
        }
    };
    emit(output)
}

/// Run the command; a failure becomes its text here, in the output language known by then.
fn execute(args: &Args) -> Output {
    // Before the plans are read, only an explicit language is known.
    let lang = args.lang.unwrap_or(Lang::En);
    // Commands that need no plans directory.
    let early = match &args.command {
        Command::Init(init) => {
            let today = args.today.unwrap_or_else(clock::local_today);
            Some(setup::init(init, today, lang))
        }
        Command::Import(import) => {
            let today = args.today.unwrap_or_else(clock::local_today);
            Some(ledger::import(import, args.plans.as_deref(), today, lang))
        }
        Command::Schema(schema) if !schema.ids => Some(Ok(setup::schema())),
        Command::Completions { shell } => Some(Ok(setup::completions(*shell))),
        Command::Man => Some(setup::man(lang)),
        Command::Help { command } => Some(match help::help_text(lang, command) {
            Some(text) => Ok(Output {
                stdout: text.into(),
                ..Output::default()
            }),
            None => Err(CommandError::usage(messages::no_such_command(
                lang,
                &command.join(" "),
            ))),
        }),
        _ => None,
    };
    if let Some(result) = early {
        return result.unwrap_or_else(|e| failure(lang, &e));
    }
    let config = match configure(args) {
        Ok(config) => config,
        Err(e) => return failure(lang, &e),
    };
    // The plans live until the process ends, right after printing: freeing a large workspace
    // allocation by allocation would only cost time, and a long listing is made while it
    // is printed (see `render::grid::Text`).
    let loaded: &'static Loaded = Box::leak(Box::new(load::load(&config.root)));
    let lang = config.lang_for(loaded);
    dispatch(args, &config, loaded).unwrap_or_else(|e| failure(lang, &e))
}

/// The command on the loaded plans. Only `check` runs on plans with errors.
fn dispatch(args: &Args, config: &Config, loaded: &'static Loaded) -> Result<Output, CommandError> {
    if let Command::Check(check) = &args.command {
        return Ok(check::run(config, loaded, check));
    }
    refuse_on_errors(config, loaded)?;
    match &args.command {
        Command::Status(list) => listing::status(config, loaded, list),
        Command::Overdue(overdue) => listing::overdue(config, loaded, overdue),
        Command::Upcoming(list) => listing::upcoming(config, loaded, list),
        Command::Chase(args) => listing::chase(config, loaded, args),
        Command::Owners(args) => listing::owners(config, loaded, args),
        Command::Indicators(args) => indicators::run(config, loaded, args),
        Command::Calendar(args) => listing::calendar(config, loaded, args),
        Command::Report(args) => listing::report(config, loaded, args),
        Command::Notice(args) => notice::run(config, loaded, args),
        Command::Export(args) => ledger::export(config, loaded, args),
        Command::Schema(_) => Ok(Output {
            stdout: crate::schema::text_of(&crate::schema::with_ids(&loaded.workspace)).into(),
            ..Output::default()
        }),
        Command::Diff(args) => history::diff(config, loaded, args),
        Command::Log(args) => history::log(config, loaded, args),
        Command::Show(show) => show::run(config, loaded, show),
        Command::Done(_)
        | Command::Mark(_)
        | Command::Record(_)
        | Command::Stage(_)
        | Command::Actual(_)
        | Command::Postpone(_)
        | Command::Progress(_)
        | Command::Verify(_) => edit::run(config, loaded, &args.command),
        Command::Check(_)
        | Command::Init(_)
        | Command::Import(_)
        | Command::Completions { .. }
        | Command::Man
        | Command::Help { .. } => Ok(Output::default()),
    }
}

/// `$PLAN_DIR`, `$PLAN_TODAY` and `$PLAN_LANG` where the flag is not given. An empty
/// variable counts as unset; a bad value is an error that names the variable.
fn from_env(args: &mut Args) -> Result<(), CommandError> {
    let lang = args.lang.unwrap_or(Lang::En);
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(|v| (name.to_string(), v))
    };
    let text = |(name, v): (String, OsString)| {
        v.into_string().map(|s| (name.clone(), s)).map_err(|v| {
            CommandError::usage(messages::env_not_utf8(lang, &name, &v.to_string_lossy()))
        })
    };
    if args.plans.is_none()
        && let Some((_, dir)) = var("PLAN_DIR")
    {
        args.plans = Some(PathBuf::from(dir));
    }
    if args.today.is_none()
        && let Some(found) = var("PLAN_TODAY")
    {
        let (name, value) = text(found)?;
        args.today = Some(
            args::parse_date(&value)
                .map_err(|e| CommandError::usage(messages::bad_date_var(lang, &name, &e)))?,
        );
    }
    if args.lang.is_none()
        && let Some(found) = var("PLAN_LANG")
    {
        let (name, value) = text(found)?;
        args.lang = Some(match value.as_str() {
            "zh" => Lang::Zh,
            "en" => Lang::En,
            _ => {
                return Err(CommandError::usage(messages::env_not_a_language(
                    lang, &name, &value,
                )));
            }
        });
    }
    Ok(())
}

fn configure(args: &Args) -> Result<Config, CommandError> {
    // Before the plans are read, only an explicit language is known.
    let lang = args.lang.unwrap_or(Lang::En);
    let cwd = std::env::current_dir()
        .map_err(|e| CommandError::new(ErrorKind::Io, messages::no_cwd(lang, &e.to_string())))?;
    let root = discover::find_root(args.plans.as_deref(), &cwd).map_err(|e| {
        CommandError::usage(match e {
            RootError::Missing(dir) => messages::root_missing(lang, &dir.display().to_string()),
            RootError::NotADirectory(dir) => {
                messages::root_not_a_directory(lang, &dir.display().to_string())
            }
            RootError::NotFound(cwd) => messages::root_not_found(lang, &cwd.display().to_string()),
        })
    })?;
    let today = args.today.unwrap_or_else(clock::local_today);
    let lang = args.lang;
    let color_wanted = |tty: bool| match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    };
    Ok(Config {
        root,
        today,
        lang,
        stdout_style: Style {
            color: color_wanted(std::io::stdout().is_terminal()),
        },
        stderr_style: Style {
            color: color_wanted(std::io::stderr().is_terminal()),
        },
        stdout_tty: std::io::stdout().is_terminal(),
        bom: args.bom,
    })
}

/// The output of a failed command: its text (see [`diagnostics::failure`]) and exit 2.
fn failure(lang: Lang, error: &CommandError) -> Output {
    let mut stderr = error.diagnostics.clone();
    stderr.push_str(&diagnostics::failure(
        lang,
        &error.message,
        error.hint.as_deref(),
    ));
    Output {
        stderr,
        code: exit::ERROR,
        ..Output::default()
    }
}

/// For commands other than `check`: when the plans have errors, print them and stop.
/// Warnings are left to `plan check`, so that a cron job's output stays quiet.
pub(crate) fn refuse_on_errors(config: &Config, loaded: &Loaded) -> Result<(), CommandError> {
    if !loaded.has_errors() {
        return Ok(());
    }
    let lang = config.lang_for(loaded);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
        .cloned()
        .collect();
    Err(CommandError::invalid_plans(diagnostics::report(
        &errors,
        &loaded.workspace.sources,
        lang,
        config.stderr_style,
    )))
}

/// Whether the process was started with standard output closed (`plan status >&-`). Rust's
/// runtime opens `/dev/null` read-write in place of a closed descriptor before `main`, so that
/// writes vanish without an error; a shell's `>/dev/null` opens it write-only. On Linux the
/// two are told apart by the descriptor's access mode; elsewhere this says no.
fn stdout_was_closed() -> bool {
    const O_ACCMODE: u32 = 0o3;
    const O_RDWR: u32 = 0o2;
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    if target != std::path::Path::new("/dev/null") {
        return false;
    }
    std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        })
        .is_some_and(|flags| flags & O_ACCMODE == O_RDWR)
}

/// Print an output. A closed stdout (`plan overdue | head`) is not an error.
fn emit(output: Output) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let written = if !output.stdout.is_empty() && stdout_was_closed() {
        Err(std::io::Error::other("standard output is closed"))
    } else {
        output
            .stdout
            .write_to(&mut stdout)
            .and_then(|()| stdout.flush())
    };
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(output.stderr.as_bytes());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let message = messages::cannot_write(Lang::En, &e.to_string());
            let _ = stderr.write_all(diagnostics::failure(Lang::En, &message, None).as_bytes());
            ExitCode::from(if output.committed {
                output.code
            } else {
                exit::ERROR
            })
        }
        _ => ExitCode::from(output.code),
    }
}

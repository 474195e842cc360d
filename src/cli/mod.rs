//! The command line: arguments become a [`Config`] before any work starts; each command is a
//! function from (config, loaded plans) to an [`Output`]; this module alone reads the
//! environment and the clock, prints, and chooses the exit code.

mod args;
mod check;
mod clock;
mod edit;
mod filters;
mod history;
mod indicators;
mod listing;
mod setup;
mod show;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;

use crate::load::discover::{self, RootError};
use crate::load::{self, Loaded};
use crate::model::Lang;
use crate::render::diagnostics;
use crate::render::grid::Text;
use crate::render::labels::messages;
use crate::render::style::Style;
use args::{Args, ColorArg, Command, LangArg};

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
    let output = match Args::try_parse_from(argv) {
        Ok(mut args) => match from_env(&mut args) {
            Ok(()) => execute(args),
            Err(message) => fail(&message),
        },
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let text = e.render().to_string();
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

fn execute(args: Args) -> Output {
    // Commands that need no plans directory.
    let explicit_lang = args.lang.map(|l| match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    });
    match &args.command {
        Command::Init(init) => {
            let today = args.today.unwrap_or_else(clock::local_today);
            return setup::init(init, today, explicit_lang.unwrap_or(Lang::En));
        }
        Command::Schema => return setup::schema(),
        Command::Completions { shell } => return setup::completions(*shell),
        Command::Man => return setup::man(),
        _ => {}
    }
    let config = match configure(&args) {
        Ok(config) => config,
        Err(message) => return fail(&message),
    };
    // The plans live until the process ends, right after printing: freeing a large workspace
    // allocation by allocation would only cost time, and a long listing is made while it
    // is printed (see `render::grid::Text`).
    let loaded: &'static Loaded = Box::leak(Box::new(load::load(&config.root)));
    if let Command::Check(check) = &args.command {
        return check::run(&config, loaded, check);
    }
    if let Some(refused) = refuse_on_errors(&config, loaded) {
        return refused;
    }
    match &args.command {
        Command::Check(_) => Output::default(),
        Command::Status(list) => listing::status(&config, loaded, list),
        Command::Overdue(overdue) => listing::overdue(&config, loaded, overdue),
        Command::Upcoming(list) => listing::upcoming(&config, loaded, list),
        Command::Owners(list) => listing::owners(&config, loaded, list),
        Command::Indicators(args) => indicators::run(&config, loaded, args),
        Command::Calendar(args) => listing::calendar(&config, loaded, args),
        Command::Report(args) => listing::report(&config, loaded, args),
        Command::Diff(args) => history::diff(&config, loaded, args),
        Command::Log(args) => history::log(&config, loaded, args),
        Command::Show(show) => show::run(&config, loaded, show),
        Command::Done(_)
        | Command::Mark(_)
        | Command::Record(_)
        | Command::Stage(_)
        | Command::Actual(_)
        | Command::Postpone(_) => edit::run(&config, loaded, &args.command),
        Command::Init(_) | Command::Schema | Command::Completions { .. } | Command::Man => {
            Output::default()
        }
    }
}

/// `$PLAN_DIR`, `$PLAN_TODAY` and `$PLAN_LANG` where the flag is not given. An empty
/// variable counts as unset; a bad value is an error that names the variable.
fn from_env(args: &mut Args) -> Result<(), String> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(|v| (name.to_string(), v))
    };
    let text = |(name, v): (String, OsString)| {
        v.into_string()
            .map(|s| (name.clone(), s))
            .map_err(|v| format!("{name}: `{}` is not UTF-8", v.to_string_lossy()))
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
        args.today = Some(args::parse_date(&value).map_err(|e| format!("{name}: {e}"))?);
    }
    if args.lang.is_none()
        && let Some(found) = var("PLAN_LANG")
    {
        let (name, value) = text(found)?;
        args.lang = Some(match value.as_str() {
            "zh" => LangArg::Zh,
            "en" => LangArg::En,
            _ => {
                return Err(format!(
                    "{name}: `{value}` is not a language\n  help: use zh or en"
                ));
            }
        });
    }
    Ok(())
}

fn configure(args: &Args) -> Result<Config, String> {
    // Before the plans are read, only an explicit language is known.
    let lang = args.lang.map_or(Lang::En, |l| match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    });
    let cwd = std::env::current_dir().map_err(|e| messages::no_cwd(lang, &e.to_string()))?;
    let root = discover::find_root(args.plans.as_deref(), &cwd).map_err(|e| match e {
        RootError::Missing(dir) => messages::root_missing(lang, &dir.display().to_string()),
        RootError::NotADirectory(dir) => {
            messages::root_not_a_directory(lang, &dir.display().to_string())
        }
        RootError::NotFound(cwd) => messages::root_not_found(lang, &cwd.display().to_string()),
    })?;
    let today = args.today.unwrap_or_else(clock::local_today);
    let lang = args.lang.map(|l| match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    });
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
    })
}

/// An error that is not about a place in a file.
fn fail(message: &str) -> Output {
    Output {
        // Messages may quote ids and paths; escape them, line by line.
        stderr: format!(
            "error: {}\n",
            message
                .lines()
                .map(|l| crate::source::escape(l).into_owned())
                .collect::<Vec<_>>()
                .join("\n")
        ),
        code: exit::ERROR,
        ..Output::default()
    }
}

/// For commands other than `check`: when the plans have errors, print them and stop.
/// Warnings are left to `plan check`, so that a cron job's output stays quiet.
pub(crate) fn refuse_on_errors(config: &Config, loaded: &Loaded) -> Option<Output> {
    if !loaded.has_errors() {
        return None;
    }
    let lang = config.lang_for(loaded);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
        .cloned()
        .collect();
    let mut stderr = diagnostics::text(
        &errors,
        &loaded.workspace.sources,
        lang,
        config.stderr_style,
    );
    if let Some(summary) = diagnostics::summary(&errors, lang) {
        stderr.push_str(&summary);
        stderr.push('\n');
    }
    Some(Output {
        stderr,
        code: exit::ERROR,
        ..Output::default()
    })
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
            let _ = writeln!(
                stderr,
                "error: {}",
                messages::cannot_write(Lang::En, &e.to_string())
            );
            ExitCode::from(if output.committed {
                output.code
            } else {
                exit::ERROR
            })
        }
        _ => ExitCode::from(output.code),
    }
}

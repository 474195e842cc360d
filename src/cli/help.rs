//! The command line in the user's language: clap's command with every `about` and `help` set
//! from the catalogue when the language is Chinese, the help and man page printed from it, and
//! clap's common errors in Chinese. The language comes from `--lang` or `$PLAN_LANG` (the plans
//! are not read before the arguments are).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapKind};
use clap::{Arg, Command, CommandFactory};

use crate::cli::args::Args;
use crate::model::Lang;
use crate::render::labels::{self, help};

/// The language asked for before parsing: `--lang zh`, `--lang=zh`, else `$PLAN_LANG`.
pub fn early_lang(argv: &[OsString]) -> Lang {
    let mut it = argv.iter().map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            asked = it.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    let asked = asked.or_else(|| std::env::var("PLAN_LANG").ok());
    match asked.as_deref() {
        Some("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The command line in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Args::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => chinese(cmd, ""),
    }
}

/// One argument's help in Chinese, with its default and possible values in Chinese brackets.
fn chinese_arg(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let mut text = help::arg(command, &id).map_or_else(
        || arg.get_help().map(ToString::to_string).unwrap_or_default(),
        str::to_string,
    );
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let possible: Vec<String> = if arg.get_action().takes_values() {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect()
    } else {
        Vec::new()
    };
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&help::default_value(
            &defaults.join(labels::labels(Lang::Zh).list_sep),
        ));
    }
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        text.push_str(&help::possible_values(
            &possible.join(labels::labels(Lang::Zh).list_sep),
        ));
    }
    let heading = if arg.is_positional() {
        help::ARGUMENTS
    } else {
        help::OPTIONS
    };
    let arg = arg.help(text).help_heading(heading);
    if arg.get_action().takes_values() {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// `cmd` and its subcommands in Chinese.
fn chinese(mut cmd: Command, name: &str) -> Command {
    if let Some(about) = help::about(name) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| chinese_arg(a, name));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.clone(), |s| chinese(s, &sub));
    }
    cmd.subcommand_help_heading(help::COMMANDS)
        .subcommand_value_name(help::COMMANDS)
        .help_template(format!(
            "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            help::USAGE
        ))
}

/// The help of the command named by `path` (`plan help overdue`), or of `plan`.
pub fn help_text(lang: Lang, path: &[String]) -> Option<String> {
    let mut cmd = command(lang);
    cmd.build();
    let mut at = &mut cmd;
    for name in path {
        at = at.find_subcommand_mut(name)?;
    }
    Some(at.render_help().to_string())
}

/// A clap error in Chinese, for the kinds a user meets; other kinds as clap words them.
pub fn error_text(error: &clap::Error, lang: Lang) -> String {
    let rendered = error.render().to_string();
    if lang == Lang::En || !error.use_stderr() {
        return rendered;
    }
    let t = labels::labels(Lang::Zh);
    let get = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(t.list_sep)),
        _ => None,
    };
    // Suggestions, each quoted: `stage`、`status`.
    let suggested = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(help::did_you_mean(&format!("`{s}`"))),
        Some(ContextValue::Strings(list)) if !list.is_empty() => Some(help::did_you_mean(
            &list
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(t.list_sep),
        )),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let (message, hint) = match error.kind() {
        ClapKind::InvalidValue | ClapKind::ValueValidation => {
            // A date argument's own reason, in Chinese.
            let reason = std::error::Error::source(error)
                .and_then(|e| e.downcast_ref::<crate::render::labels::messages::DateArgError>())
                .map(|e| crate::render::labels::messages::bad_date_arg(Lang::Zh, e));
            let valid = get(ContextKind::ValidValue);
            (
                help::bad_argument_value(&arg, &value, reason.as_deref()),
                valid.map(|v| help::valid_values(&v)),
            )
        }
        ClapKind::UnknownArgument => (
            help::unknown_argument(&arg),
            suggested(ContextKind::SuggestedArg),
        ),
        ClapKind::InvalidSubcommand => (
            help::unknown_command(&get(ContextKind::InvalidSubcommand).unwrap_or_default()),
            suggested(ContextKind::SuggestedSubcommand),
        ),
        ClapKind::MissingRequiredArgument => (help::missing_argument(&arg), None),
        ClapKind::ArgumentConflict => (
            help::conflicting_arguments(&arg, &get(ContextKind::PriorArg).unwrap_or_default()),
            None,
        ),
        _ => return rendered,
    };
    let usage = get(ContextKind::Usage)
        .or_else(|| {
            rendered
                .lines()
                .find_map(|l| l.strip_prefix("Usage: ").map(str::to_string))
        })
        .unwrap_or_default();
    let mut out = format!("{}{}{message}\n", t.error, t.prefix_sep);
    if let Some(hint) = hint {
        out.push_str(&format!("  {}{}{hint}\n", t.help, t.prefix_sep));
    }
    if !usage.is_empty() {
        out.push_str(&format!(
            "\n{}{}\n",
            help::USAGE,
            usage.trim_start_matches("Usage: ")
        ));
    }
    out.push_str(&format!("\n{}\n", help::more_help()));
    out
}

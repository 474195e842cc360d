//! Commands that need no plans: `init` scaffolds a plan, `schema` prints the JSON Schema,
//! `completions` and `man` describe the command line itself.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use clap::CommandFactory;

use crate::cli::args::{Args, InitArgs};
use crate::cli::{CommandError, ErrorKind, Output};
use crate::model::Lang;
use crate::render::labels::Message;
use crate::render::labels::{messages, templates};

pub fn schema() -> Output {
    Output {
        stdout: crate::schema::text_form().into(),
        ..Output::default()
    }
}

pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "plan", &mut buf);
    Output {
        stdout: String::from_utf8_lossy(&buf).into_owned().into(),
        ..Output::default()
    }
}

/// The man page in `lang`: clap's sections with their headings in that language, the
/// commands listed without references to pages that do not exist, then ENVIRONMENT and EXIT
/// STATUS.
pub fn man(lang: Lang) -> Result<Output, CommandError> {
    let cmd = crate::cli::help::command(lang);
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    let io = |e: std::io::Error| CommandError::new(ErrorKind::Io, Message::new(e.to_string()));
    man.render_title(&mut buf).map_err(io)?;
    man.render_name_section(&mut buf).map_err(io)?;
    man.render_synopsis_section(&mut buf).map_err(io)?;
    man.render_description_section(&mut buf).map_err(io)?;
    man.render_options_section(&mut buf).map_err(io)?;
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    // The commands, each with what it does (no `plan-check(1)`: there are no such pages).
    text.push_str(".SH SUBCOMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        text.push_str(&format!(
            ".TP\n\\fBplan {}\\fR\n{}\n",
            sub.get_name(),
            sub.get_about().map(ToString::to_string).unwrap_or_default()
        ));
    }
    text.push_str(crate::render::labels::help::man_tail(lang));
    if lang == Lang::Zh {
        for (en, zh) in crate::render::labels::help::MAN_SECTIONS {
            text = text.replace(en, zh);
        }
    }
    Ok(Output {
        stdout: text.into(),
        ..Output::default()
    })
}

pub fn init(args: &InitArgs, today: NaiveDate, lang: Lang) -> Result<Output, CommandError> {
    let year = args.year.unwrap_or_else(|| today.year());
    if !(1900..=2999).contains(&year) {
        return Err(CommandError::usage(messages::year_out_of_range(lang, year)));
    }
    // DIR is the plan's directory when it sits in a `plans` directory; any other DIR is the
    // office's repository, and the plan goes to DIR/plans/plan-YEAR.
    let default = || Path::new("plans").join(format!("plan-{year}"));
    let dir = match &args.dir {
        None => default(),
        Some(d)
            if d.parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == "plans") =>
        {
            d.clone()
        }
        Some(d) => d.join(default()),
    };
    let root = dir
        .parent()
        .map_or_else(|| Path::new("plans").to_path_buf(), Path::to_path_buf);
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| templates::plan_title(lang, year));
    let files = [
        (
            dir.join("plan.toml"),
            templates::plan_toml(&title, year, lang),
        ),
        (
            dir.join("01-example.toml"),
            templates::example_area(year, lang),
        ),
    ];
    // Never overwrite: a plan that exists stays as it is.
    // `symlink_metadata`: a dangling link counts as there (writing through it would create a
    // file wherever it points).
    if let Some((path, _)) = files
        .iter()
        .find(|(p, _)| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(CommandError::usage(messages::init_exists(
            lang,
            &path.display().to_string(),
        )));
    }
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        files.iter().try_for_each(|(path, text)| {
            // `create_new`: never through a link, never over a file made meanwhile.
            use std::io::Write as _;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?
                .write_all(text.as_bytes())
        })
    });
    if let Err(e) = written {
        return Err(CommandError::new(
            ErrorKind::Io,
            messages::cannot_create(lang, &dir.display().to_string(), &e.to_string()),
        ));
    }
    let mut list: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    // The schema the files name (`#:schema ../plan.schema.json`), beside the plans, so that an
    // editor finds it without this repository; one already there is kept.
    let schema = root.join("plan.schema.json");
    if std::fs::symlink_metadata(&schema).is_err() {
        std::fs::write(&schema, crate::schema::text_form()).map_err(|e| {
            CommandError::new(
                ErrorKind::Io,
                messages::cannot_create(lang, &schema.display().to_string(), &e.to_string()),
            )
        })?;
        list.push(schema.display().to_string());
    }
    // The next command, exactly: `plan check` finds `plans/` from here; elsewhere it needs
    // `--plans`.
    let found = std::env::current_dir()
        .ok()
        .and_then(|cwd| crate::load::discover::find_root(None, &cwd).ok());
    let here = std::fs::canonicalize(&root).ok();
    let next = if found.is_some() && found.and_then(|f| std::fs::canonicalize(f).ok()) == here {
        "plan check".to_string()
    } else {
        let shown = root.display().to_string();
        let quoted = if shown
            .chars()
            .all(|c| c.is_alphanumeric() || "/._-".contains(c))
        {
            shown
        } else {
            format!("'{}'", shown.replace('\'', "'\\''"))
        };
        format!("plan --plans {quoted} check")
    };
    Ok(Output {
        stdout: messages::created(lang, &list, &next).into(),
        ..Output::default()
    })
}

//! The editing commands: `done`, `mark`, `record`, `stage`, `actual` and `postpone`. Each
//! finds the item, builds one [`Change`], applies it to the file's text, validates the result
//! together with the whole plan, and only then prints a diff (`--dry-run`) or writes the file
//! atomically. On any error nothing is written and the exit code is 2.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::args::{Command, EditArgs};
use crate::cli::{CommandError, Config, ErrorKind, Output, filters};
use crate::edit::rules::{self, Request as Wanted};
use crate::edit::{self, write};
use crate::load::{self, Loaded};
use crate::model::{Area, ItemRef, Lang, Plan};
use crate::render::diagnostics;
use crate::render::labels::{Message, edits};

/// What one command asks for, and of which item.
struct Request<'a> {
    id: &'a str,
    edit: &'a EditArgs,
    wanted: Wanted<'a>,
}

/// How many times an edit is made again on a file that another writer changed meanwhile.
const ATTEMPTS: usize = 5;

pub fn run(config: &Config, loaded: &Loaded, command: &Command) -> Result<Output, CommandError> {
    let Some(request) = request(command, config.today) else {
        return Ok(Output::default());
    };
    let lang = config.lang_for(loaded);
    // Find the file first, to know which directory to lock.
    let (path, display) = locate(loaded, &request, lang)?;
    let display = crate::source::escape(&display).into_owned();
    let dir = write::real_dir(&path)
        .map_err(|e| io_error(edits::cannot(lang, &display, &e.to_string())))?;
    // Other `plan` edits of this directory wait here: while the lock is held, only another
    // program (an editor, a script) can change the file, and the compare before the rename
    // catches that.
    let _lock =
        write::lock_dir(&dir, write::LOCK_WAIT).map_err(|e| write_error(lang, &display, e))?;
    let mut fresh: Option<Loaded> = None;
    for _ in 0..ATTEMPTS {
        let current = fresh.as_ref().unwrap_or(loaded);
        match attempt(config, current, &request, lang, &dir)? {
            Attempt::Finished(output) => return Ok(output),
            Attempt::Stale => {
                // Read everything again under the lock: what was loaded is out of date.
                let again = load::load(&config.root);
                crate::cli::refuse_on_errors(config, &again)?;
                fresh = Some(again);
            }
        }
    }
    Err(refused(edits::kept_changing(lang, &display, ATTEMPTS)))
}

/// One try at an edit.
enum Attempt {
    Finished(Output),
    /// The file on disk is not what the plans were loaded from: load again and retry.
    Stale,
}

fn refused(message: Message) -> CommandError {
    CommandError::new(ErrorKind::Refused, message)
}

fn io_error(message: Message) -> CommandError {
    CommandError::new(ErrorKind::Io, message)
}

/// The file of the item the request names, and the display form of its path.
fn locate(
    loaded: &Loaded,
    request: &Request<'_>,
    lang: Lang,
) -> Result<(PathBuf, String), CommandError> {
    let ws = &loaded.workspace;
    let (_, _, item) = filters::find_item(ws, request.id, request.edit.plan.as_deref(), lang)?;
    let source = ws.sources.get(item.common().span.file);
    Ok((source.path.clone(), source.display.clone()))
}

fn attempt(
    config: &Config,
    loaded: &Loaded,
    request: &Request<'_>,
    lang: Lang,
    locked: &Path,
) -> Result<Attempt, CommandError> {
    let ws = &loaded.workspace;
    let (plan, _area, item): (&Plan, &Area, ItemRef<'_>) =
        filters::find_item(ws, request.id, request.edit.plan.as_deref(), lang)?;
    let source = ws.sources.get(item.common().span.file);
    let display = crate::source::escape(&source.display).into_owned();
    // The item moved to a file of another directory since the lock was taken.
    if write::real_dir(&source.path).ok().as_deref() != Some(locked) {
        return Err(refused(edits::vanished(lang, &display, request.id)));
    }
    let change = rules::change(&request.wanted, plan, item)
        .map_err(|refusal| refused(edits::refusal(lang, request.id, &refusal)))?;
    let cannot = |e: String| io_error(edits::cannot(lang, &display, &e));
    let bytes = std::fs::read(&source.path).map_err(|e| cannot(e.to_string()))?;
    let original = String::from_utf8(bytes.clone()).map_err(|e| cannot(e.to_string()))?;
    // The change was built from the loaded plans: they must still be what is on disk.
    if original.strip_prefix('\u{feff}').unwrap_or(&original) != source.text {
        return Ok(Attempt::Stale);
    }
    let edited = match edit::apply(&original, item.kind(), request.id, &change) {
        Ok(text) => text,
        Err(edit::EditError::Parse(e)) => return Err(cannot(e)),
        Err(edit::EditError::NotFound) => {
            return Err(refused(edits::vanished(lang, &display, request.id)));
        }
    };
    if edited == original {
        return Ok(Attempt::Finished(Output {
            stdout: format!("{}\n", edits::unchanged(lang, &display)).into(),
            ..Output::default()
        }));
    }
    let size = edited.len() as u64;
    if size > load::MAX_FILE_BYTES {
        return Err(refused(edits::too_large(
            lang,
            &display,
            size,
            load::MAX_FILE_BYTES,
        )));
    }
    // Validate the edited text together with every other file before anything is written.
    if let Err(diagnostics) = validate(&ws.root, &source.path, &edited, lang, config) {
        return Err(refused(edits::refused(lang, &display)).after(diagnostics));
    }
    if request.edit.dry_run {
        let diff = similar::TextDiff::from_lines(&original, &edited)
            .unified_diff()
            .context_radius(2)
            .header(&display, &display)
            .to_string();
        return Ok(Attempt::Finished(Output {
            stdout: diff.into(),
            ..Output::default()
        }));
    }
    match write::replace(&source.path, &bytes, &edited, pause()) {
        Ok(_) => Ok(Attempt::Finished(Output {
            stdout: format!("{}\n", edits::written(lang, &display, request.id)).into(),
            committed: true,
            ..Output::default()
        })),
        Err(write::WriteError::Changed) => Ok(Attempt::Stale),
        Err(e) => Err(write_error(lang, &display, e)),
    }
}

/// `PLAN_TEST_EDIT_PAUSE_MS`: how long an edit holds its written temporary file before it
/// compares and renames, so that tests can change the file meanwhile or interrupt the edit.
/// Not for users; documented in docs/editing.md beside the guarantee it tests.
fn pause() -> Option<std::time::Duration> {
    std::env::var("PLAN_TEST_EDIT_PAUSE_MS")
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok())
        .filter(|ms| *ms > 0)
        .map(|ms| std::time::Duration::from_millis(ms.min(60_000)))
}

/// Why a file could not be written.
fn write_error(lang: Lang, file: &str, error: write::WriteError) -> CommandError {
    match error {
        write::WriteError::Changed => refused(edits::kept_changing(lang, file, ATTEMPTS)),
        write::WriteError::ReadOnly => refused(edits::read_only(lang, file)),
        write::WriteError::HardLinks(n) => refused(edits::hard_links(lang, file, n)),
        write::WriteError::TooLarge { size, limit } => {
            refused(edits::too_large(lang, file, size, limit))
        }
        write::WriteError::Busy => refused(edits::busy(lang, file, write::LOCK_WAIT.as_secs())),
        write::WriteError::Io(e) => io_error(edits::cannot(lang, file, &e.to_string())),
    }
}

/// Load the plans with `edited` in place of the file at `path`; on errors, the rendered
/// diagnostics (which quote the edited text).
fn validate(
    root: &Path,
    path: &Path,
    edited: &str,
    lang: Lang,
    config: &Config,
) -> Result<(), String> {
    // Only the edited plan is read again, the edited file's text in place of the file: an
    // edit changes items of one area file, and every check an item can fail is within its
    // plan. (The other plans, already loaded, are neither re-read nor re-parsed.) The one
    // check across plans, `previous` naming a plan, is about plan.toml, which no edit touches.
    let plan_dir = path
        .parent()
        .filter(|d| d.join("plan.toml").is_file())
        .unwrap_or(root);
    let after = load::load_under(root, plan_dir, Some((path, edited)));
    let errors: Vec<_> = after
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
        .filter(|d| !matches!(d.problem, crate::diagnostic::Problem::UnknownPlan { .. }))
        .cloned()
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(diagnostics::text(
        &errors,
        &after.workspace.sources,
        lang,
        config.stderr_style,
    ))
}

/// The request of an editing command; `None` for other commands.
fn request(command: &Command, today: NaiveDate) -> Option<Request<'_>> {
    let (id, edit, wanted) = match command {
        Command::Done(a) => (
            &a.id,
            &a.edit,
            Wanted::Done {
                on: a.on.unwrap_or(today),
            },
        ),
        Command::Mark(a) => (&a.id, &a.edit, Wanted::Mark { status: a.status }),
        Command::Record(a) => (
            &a.id,
            &a.edit,
            Wanted::Record {
                period: &a.period,
                value: &a.value,
                prior: a.prior.as_deref(),
            },
        ),
        Command::Stage(a) => (
            &a.id,
            &a.edit,
            Wanted::Stage {
                stage: a.stage,
                on: a.on,
                today,
            },
        ),
        Command::Actual(a) => (&a.id, &a.edit, Wanted::Actual { value: &a.value }),
        Command::Progress(a) => (
            &a.id,
            &a.edit,
            Wanted::Progress {
                text: &a.text,
                on: a.on.unwrap_or(today),
                percent: a.percent.as_deref(),
                by: a.by.as_deref(),
            },
        ),
        Command::Verify(a) => (
            &a.id,
            &a.edit,
            Wanted::Verify {
                on: a.on.unwrap_or(today),
                evidence: &a.evidence,
            },
        ),
        Command::Postpone(a) => (
            &a.id,
            &a.edit,
            Wanted::Postpone {
                date: &a.date,
                reason: &a.reason,
                on: a.on.unwrap_or(today),
                approved_by: a.approved_by.as_deref(),
            },
        ),
        _ => return None,
    };
    Some(Request { id, edit, wanted })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-plan check refuses an edited text that would not load, whichever command
    /// produced it: the backstop behind every command's own checks.
    #[test]
    fn an_edit_that_breaks_the_plan_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("p");
        std::fs::create_dir(&plan).unwrap();
        std::fs::write(
            plan.join("plan.toml"),
            "[plan]\ntitle = \"T\"\nyear = 2016\n",
        )
        .unwrap();
        let area = plan.join("01-a.toml");
        std::fs::write(&area, "[area]\nid = \"a\"\ntitle = \"A\"\n").unwrap();
        let config = Config {
            root: dir.path().to_path_buf(),
            today: NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
            lang: None,
            stdout_style: crate::render::style::Style::default(),
            stderr_style: crate::render::style::Style::default(),
            stdout_tty: false,
            bom: false,
        };
        let good = "[area]\nid = \"a\"\ntitle = \"A\"\n[[task]]\nid = \"t\"\ntitle = \"T\"\n";
        assert_eq!(validate(dir.path(), &area, good, Lang::En, &config), Ok(()));
        let bad = "[area]\nid = \"a\"\ntitle = \"A\"\n[[task]]\nid = \"t\"\ntitle = \"T\"\nstatus = \"finished\"\n";
        let errors = validate(dir.path(), &area, bad, Lang::En, &config).unwrap_err();
        assert!(
            errors.contains(":7:10: error: `status` cannot be `finished`"),
            "{errors}"
        );
        assert!(errors.contains(" 7 | status = \"finished\""), "{errors}");
    }
}

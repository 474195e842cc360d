//! `plan diff` and `plan log`: resolve the revision, read git, compare, hand the rows to
//! `render::history`.

use crate::cli::args::{DiffArgs, LogArgs};
use crate::cli::{CommandError, Config, ErrorKind, Output, filters};
use crate::history::git::{GitError, Repo};
use crate::history::{self, LogRow, Snapshot};
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::labels::messages::{self, What};

fn git_error(lang: Lang) -> impl Fn(GitError) -> CommandError {
    move |e| CommandError::new(ErrorKind::Git, messages::git(lang, &e))
}

pub fn diff(
    config: &Config,
    loaded: &'static Loaded,
    args: &DiffArgs,
) -> Result<Output, CommandError> {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    if let Some(plan) = &args.plan
        && !ws.plans.iter().any(|p| p.id.value == *plan)
    {
        let known: Vec<&str> = ws.plans.iter().map(|p| p.id.value.as_str()).collect();
        return Err(filters::unknown(lang, "--plan", What::Plan, plan, &known));
    }
    let repo = Repo::open(&ws.root).map_err(git_error(lang))?;
    let sha = match (&args.rev, args.since) {
        (_, Some(day)) => repo.before(day),
        (Some(rev), None) => repo.resolve(rev),
        (None, None) => repo.resolve("HEAD"),
    };
    // Plans that did not change since are not read again: their items then were today's.
    let ((old, same), then) = sha
        .and_then(|s| Ok((repo.load_changed(&s, ws)?, repo.date(&s)?)))
        .map_err(git_error(lang))?;
    // Plans that did not load at that revision cannot be compared item by item: say so.
    let stderr = if old.has_errors() {
        let files = old
            .diagnostics
            .iter()
            .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
            .count();
        messages::old_revision_errors(lang, files)
    } else {
        String::new()
    };
    // Kept until the process exits, as today's plans are (`cli::execute`): the rows borrow
    // their text from both while the output is written.
    let old: &'static Loaded = Box::leak(Box::new(old));
    let mut rows = history::diff_except(&old.workspace, &same, then, ws, config.today);
    if let Some(plan) = &args.plan {
        rows.retain(|r| r.plan == plan.as_str());
    }
    Ok(Output {
        stdout: crate::render::history::diff(config.view(lang, args.format), rows),
        stderr,
        ..Output::default()
    })
}

pub fn log(config: &Config, loaded: &Loaded, args: &LogArgs) -> Result<Output, CommandError> {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    let repo = Repo::open(&ws.root).map_err(git_error(lang))?;
    let mut seen = history::find(ws, &args.id, args.plan.as_deref()).is_some();
    let mut rows: Vec<LogRow> = Vec::new();
    // In proportion to what changed: the files each commit changed, each version read once.
    // Plans holding symbolic links are read tree by tree, as they were at each commit.
    if let Some(commits) = repo.deltas().map_err(git_error(lang))? {
        let oids = history::replay::needed(&commits, repo.prefix());
        let refs: Vec<&str> = oids.iter().map(String::as_str).collect();
        let blobs = repo.read_blobs(&refs).map_err(git_error(lang))?;
        let (found, any) = history::replay::log(
            &commits,
            &blobs,
            repo.prefix(),
            &args.id,
            args.plan.as_deref(),
            repo.shallow,
        );
        rows = found;
        seen |= any;
    } else {
        let commits = repo.commits().map_err(git_error(lang))?;
        let mut before: Option<Snapshot> = None;
        for (i, commit) in commits.iter().enumerate() {
            let at = repo.load_at(&commit.sha).map_err(git_error(lang))?;
            let after = history::find(&at.workspace, &args.id, args.plan.as_deref())
                .map(|(plan, item)| history::snapshot(plan, item));
            seen |= after.is_some();
            rows.extend(history::log_step(
                commit,
                before.as_deref(),
                after.as_deref(),
                repo.shallow && i == 0,
            ));
            before = after;
        }
    }
    if !seen {
        let ids: Vec<&str> = ws
            .plans
            .iter()
            .flat_map(|p| p.items().map(|(_, i)| i.common().id.value.as_str()))
            .collect();
        return Err(filters::unknown(lang, "ID", What::Item, &args.id, &ids));
    }
    Ok(Output {
        stdout: crate::render::history::log(config.view(lang, args.format), &rows).into(),
        ..Output::default()
    })
}

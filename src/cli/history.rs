//! `plan diff` and `plan log`: resolve the revision, read git, compare, hand the rows to
//! `render::history`.

use crate::cli::args::{DiffArgs, LogArgs};
use crate::cli::{Config, Output, fail, filters};
use crate::history::git::{GitError, Repo};
use crate::history::{self, LogRow, Snapshot};
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::labels::messages::{self, What};

fn git_error(lang: Lang, e: &GitError) -> Output {
    fail(&messages::git(lang, e))
}

pub fn diff(config: &Config, loaded: &Loaded, args: &DiffArgs) -> Output {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    if let Some(plan) = &args.plan
        && !ws.plans.iter().any(|p| p.id.value == *plan)
    {
        let known: Vec<&str> = ws.plans.iter().map(|p| p.id.value.as_str()).collect();
        return filters::unknown(lang, "--plan", What::Plan, plan, &known);
    }
    let repo = match Repo::open(&ws.root) {
        Ok(r) => r,
        Err(e) => return git_error(lang, &e),
    };
    let sha = match (&args.rev, args.since) {
        (_, Some(day)) => repo.before(day),
        (Some(rev), None) => repo.resolve(rev),
        (None, None) => repo.resolve("HEAD"),
    };
    let (old, then) = match sha.and_then(|s| Ok((repo.load_at(&s)?, repo.date(&s)?))) {
        Ok(x) => x,
        Err(e) => return git_error(lang, &e),
    };
    // Plans that did not load at that revision cannot be compared item by item: say so.
    let stderr = if old.has_errors() {
        let files = old
            .diagnostics
            .iter()
            .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
            .count();
        crate::render::history::old_errors(lang, files)
    } else {
        String::new()
    };
    let mut rows = history::diff(&old.workspace, then, ws, config.today);
    if let Some(plan) = &args.plan {
        rows.retain(|r| r.plan == *plan);
    }
    Output {
        stdout: crate::render::history::diff(config.view(lang, args.format), &rows).into(),
        stderr,
        ..Output::default()
    }
}

pub fn log(config: &Config, loaded: &Loaded, args: &LogArgs) -> Output {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    let repo = match Repo::open(&ws.root) {
        Ok(r) => r,
        Err(e) => return git_error(lang, &e),
    };
    let commits = match repo.commits() {
        Ok(c) => c,
        Err(e) => return git_error(lang, &e),
    };
    let mut rows: Vec<LogRow> = Vec::new();
    let mut seen = history::find(ws, &args.id, args.plan.as_deref()).is_some();
    let mut before: Option<Snapshot> = None;
    for (i, commit) in commits.iter().enumerate() {
        let at = match repo.load_at(&commit.sha) {
            Ok(l) => l,
            Err(e) => return git_error(lang, &e),
        };
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
    if !seen {
        let ids: Vec<&str> = ws
            .plans
            .iter()
            .flat_map(|p| p.items().map(|(_, i)| i.common().id.value.as_str()))
            .collect();
        return filters::unknown(lang, "ID", What::Item, &args.id, &ids);
    }
    Output {
        stdout: crate::render::history::log(config.view(lang, args.format), &rows).into(),
        ..Output::default()
    }
}

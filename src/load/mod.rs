//! Loading a plans tree: discover the files, read them (size limit, UTF-8), parse and lower
//! them in parallel, assemble the plans, then run every validation check.

pub mod discover;
pub mod lower;
#[cfg(test)]
mod proptests;

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Problem, Severity};
use crate::model::{Area, Plan, Workspace};
use crate::source::{FileId, Sources, Span};
use crate::validate;
use lower::{Lower, PlanHead};

pub use crate::source::MAX_FILE_BYTES;

/// The loaded workspace and every problem found on the way, sorted by place.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Plan,
    Area,
}

enum Lowered {
    Plan(PlanHead),
    Area(Area),
    Nothing,
}

/// What reading and lowering one file produced.
struct FileResult {
    text: String,
    lowered: Lowered,
    /// False when the file could not be read or parsed: the plan it belongs to is then
    /// incomplete, and cross-file checks are skipped so as not to report follow-on errors.
    parsed: bool,
    diags: Vec<Diagnostic>,
}

/// Load every plan under `root`.
pub fn load(root: &Path) -> Loaded {
    load_with(root, None)
}

/// Load every plan under `root`, reading `overlay.1` in place of the file at `overlay.0`: how
/// an edit is validated with the whole plan before anything is written.
pub fn load_with(root: &Path, overlay: Option<(&Path, &str)>) -> Loaded {
    load_under(root, root, overlay)
}

/// Load the plans under `dir` only (one plan's directory, for an edit), in a workspace whose
/// root is still `root` (so that paths such as evidence resolve as in the whole workspace).
pub fn load_under(root: &Path, dir: &Path, overlay: Option<(&Path, &str)>) -> Loaded {
    let tree = discover::walk(dir);
    let mut sources = Sources::default();
    let mut diags = Vec::new();

    let root_id = sources.add(root, String::new());
    if tree.too_many {
        diags.push(Diagnostic::file(
            Problem::TooManyFiles {
                limit: discover::MAX_FILES,
            },
            root_id,
        ));
    }
    for (path, error) in &tree.unreadable {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(
            Problem::Io {
                error: error.clone(),
            },
            id,
        ));
    }
    for path in &tree.loops {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(Problem::SymlinkLoop, id));
    }
    for path in &tree.orphans {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(Problem::OrphanFile, id));
    }
    for path in &tree.leftovers {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(Problem::LeftoverTemp, id));
    }
    for (dir, name) in &tree.bad_names {
        let id = sources.add(dir, String::new());
        diags.push(Diagnostic::file(
            Problem::NameNotUtf8 { name: name.clone() },
            id,
        ));
    }
    for path in &tree.not_read {
        let id = sources.add(path, String::new());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        diags.push(Diagnostic::file(Problem::NameNotRead { name }, id));
    }
    for dir in &tree.too_deep {
        let id = sources.add(dir, String::new());
        diags.push(Diagnostic::file(
            Problem::TooDeepDirs {
                limit: discover::MAX_DEPTH,
            },
            id,
        ));
    }
    if tree.plans.is_empty() && !tree.too_many {
        diags.push(Diagnostic::file(Problem::NoPlans, root_id));
    }

    // Register every file first so that ids are stable, then read and lower in parallel.
    let jobs = register(&mut sources, &tree.plans);
    let results = run_parallel(&jobs, overlay);
    finish(root, sources, diags, &tree.plans, &jobs, results)
}

/// Load the plans of a tree held in memory (`files` are paths below `root` with their bytes),
/// as read from a git revision: the same discovery rules, decoding, lowering and validation as
/// from disk.
/// `too_large` are files over [`MAX_FILE_BYTES`] that were not read, with their sizes.
///
/// Files are lowered on all cores. **Decision:** a tree from history is not validated as a
/// whole (duplicate ids, references, delay logs): what compares it with today reads its items
/// as they are, and only errors that stop a file from loading are reported.
pub fn load_files(
    root: &Path,
    files: Vec<(PathBuf, Vec<u8>)>,
    too_large: &[(PathBuf, u64)],
) -> Loaded {
    let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
    let tree = discover::from_paths(&paths);
    let mut bytes: std::collections::HashMap<PathBuf, Vec<u8>> = files.into_iter().collect();
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    for path in &tree.orphans {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(Problem::OrphanFile, id));
    }
    for (path, size) in too_large {
        let id = sources.add(path, String::new());
        diags.push(Diagnostic::file(
            Problem::TooLarge {
                size: *size,
                limit: MAX_FILE_BYTES,
            },
            id,
        ));
    }
    let jobs = register(&mut sources, &tree.plans);
    let work: Vec<(FileId, &Path, Kind, std::sync::Mutex<Vec<u8>>)> = jobs
        .iter()
        .map(|(id, path, kind)| {
            let b = bytes.remove(path).unwrap_or_default();
            (*id, path.as_path(), *kind, std::sync::Mutex::new(b))
        })
        .collect();
    let results = crate::par::map(&work, |(id, path, kind, b)| {
        let b = b
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default();
        match decode(b) {
            Ok(text) => lower_text(*id, path, *kind, text),
            Err((problem, text, offset)) => failed(*id, problem, text, offset),
        }
    });
    finish_with(root, sources, diags, &tree.plans, &jobs, results, false)
}

/// Load one plan from bytes in memory (a `plan.toml` and area files): the same decoding,
/// lowering and validation as from disk, for fuzzing and property tests.
pub fn load_bytes(plan: &[u8], areas: &[&[u8]]) -> Loaded {
    let root = PathBuf::from("memory");
    let mut sources = Sources::default();
    let dir = discover::PlanDir {
        dir: root.join("p"),
        plan_file: root.join("p/plan.toml"),
        area_files: (0..areas.len())
            .map(|i| root.join(format!("p/{i:02}.toml")))
            .collect(),
    };
    let mut jobs = vec![(
        sources.add(&dir.plan_file, String::new()),
        dir.plan_file.clone(),
        Kind::Plan,
    )];
    for path in &dir.area_files {
        jobs.push((sources.add(path, String::new()), path.clone(), Kind::Area));
    }
    let bytes: Vec<&[u8]> = std::iter::once(plan).chain(areas.iter().copied()).collect();
    let results = jobs
        .iter()
        .zip(bytes)
        .map(|((id, path, kind), bytes)| match decode(bytes.to_vec()) {
            Ok(text) => lower_text(*id, path, *kind, text),
            Err((problem, text, offset)) => failed(*id, problem, text, offset),
        })
        .collect();
    finish(
        &root,
        sources,
        Vec::new(),
        std::slice::from_ref(&dir),
        &jobs,
        results,
    )
}

/// Register every file of every plan as a job, so that file ids are stable before the files are
/// read (in parallel).
fn register(sources: &mut Sources, plans: &[discover::PlanDir]) -> Vec<(FileId, PathBuf, Kind)> {
    let mut jobs = Vec::new();
    for plan in plans {
        jobs.push((
            sources.add(&plan.plan_file, String::new()),
            plan.plan_file.clone(),
            Kind::Plan,
        ));
        for area in &plan.area_files {
            jobs.push((sources.add(area, String::new()), area.clone(), Kind::Area));
        }
    }
    jobs
}

/// Attach every file's result to its plan, assemble the plans and run the checks.
fn finish(
    root: &Path,
    sources: Sources,
    diags: Vec<Diagnostic>,
    plan_dirs: &[discover::PlanDir],
    jobs: &[(FileId, PathBuf, Kind)],
    results: Vec<FileResult>,
) -> Loaded {
    finish_with(root, sources, diags, plan_dirs, jobs, results, true)
}

/// [`finish`], validating the whole plans only when `validate`.
fn finish_with(
    root: &Path,
    mut sources: Sources,
    mut diags: Vec<Diagnostic>,
    plan_dirs: &[discover::PlanDir],
    jobs: &[(FileId, PathBuf, Kind)],
    mut results: Vec<FileResult>,
    validate: bool,
) -> Loaded {
    let mut plans = Vec::new();
    let mut incomplete = Vec::new();
    let mut next = 0;
    for dir in plan_dirs {
        let files = 1 + dir.area_files.len();
        let mut head = None;
        let mut areas = Vec::new();
        let mut complete = true;
        let mut found = Vec::new();
        for (job, result) in jobs[next..next + files]
            .iter()
            .zip(&mut results[next..next + files])
        {
            let result = std::mem::replace(result, empty_result());
            sources.set_text(job.0, result.text);
            found.extend(result.diags);
            complete &= result.parsed;
            match result.lowered {
                Lowered::Plan(h) => head = Some(h),
                Lowered::Area(a) => areas.push(a),
                Lowered::Nothing => {}
            }
        }
        next += files;
        // A deadline in words (`due = "3月底前"`): the hint says what to write for this plan.
        if let Some(head) = &head {
            let span = head.start.as_ref().map_or_else(
                || crate::model::PlanYear::calendar(head.year),
                |s| crate::model::PlanYear::from(s.value.day()),
            );
            for d in &mut found {
                if let Problem::BadDate {
                    key,
                    text,
                    reads_as,
                    ..
                } = &mut d.problem
                    && key == "due"
                {
                    *reads_as =
                        crate::phrase::read(text, span).map(|d| crate::phrase::as_keys(d).into());
                }
            }
        }
        diags.extend(found);
        if let Some(head) = head {
            if !complete {
                incomplete.push(plans.len());
            }
            plans.push(assemble(head, dir.dir.clone(), areas));
        }
    }

    let workspace = Workspace::new(root.to_path_buf(), sources, plans);
    if validate {
        diags.extend(validate::run(&workspace, &incomplete));
    }
    sort(&mut diags, &workspace.sources);
    Loaded {
        workspace,
        diagnostics: diags,
    }
}

fn assemble(head: PlanHead, dir: PathBuf, mut areas: Vec<Area>) -> Plan {
    structure(&mut areas);
    Plan {
        id: head.id,
        title: head.title,
        org: head.org,
        year: head.year,
        previous: head.previous,
        start: head.start,
        approve_delays: head.approve_delays,
        lights: head.lights,
        lang: head.lang,
        money_unit: head.money_unit,
        groups: head.groups,
        emails: head.emails,
        feedback: head.feedback,
        verify: head.verify,
        dir,
        areas,
        projects_by_id: crate::model::ProjectIndex::new(),
    }
}

/// Sub-items (`parent` on tasks and targets): each group learns where its sub-items are, and a
/// sub-item that names no `due`, `owner`, `leader` or `with` takes its parent's (the nearest
/// ancestor's that has one). Parents of another kind or missing, and cycles, are left alone
/// here: validation reports them.
fn structure(areas: &mut [Area]) {
    use crate::model::{ItemPos, Kind};
    // Most plans have no sub-items: nothing to index then.
    let any = areas.iter().any(|a| {
        a.tasks.iter().any(|t| t.parent.is_some()) || a.targets.iter().any(|t| t.parent.is_some())
    });
    if !any {
        return;
    }
    let mut by_id: rustc_hash::FxHashMap<String, ItemPos> = rustc_hash::FxHashMap::default();
    let mut parents: Vec<(ItemPos, String)> = Vec::new();
    for (a, area) in areas.iter().enumerate() {
        for (i, t) in area.tasks.iter().enumerate() {
            let pos = ItemPos {
                area: a,
                kind: Kind::Task,
                index: i,
            };
            by_id.entry(t.common.id.value.clone()).or_insert(pos);
            if let Some(p) = &t.parent {
                parents.push((pos, p.value.clone()));
            }
        }
        for (i, t) in area.targets.iter().enumerate() {
            let pos = ItemPos {
                area: a,
                kind: Kind::Target,
                index: i,
            };
            by_id.entry(t.common.id.value.clone()).or_insert(pos);
            if let Some(p) = &t.parent {
                parents.push((pos, p.value.clone()));
            }
        }
    }
    let mut parent_of: rustc_hash::FxHashMap<ItemPos, ItemPos> = rustc_hash::FxHashMap::default();
    for (child, parent) in parents {
        let Some(&pos) = by_id.get(&parent) else {
            continue;
        };
        if pos.kind != child.kind || pos == child {
            continue;
        }
        parent_of.insert(child, pos);
        let area = &mut areas[pos.area];
        match pos.kind {
            Kind::Task => area.tasks[pos.index].sub_items.push(child),
            Kind::Target => area.targets[pos.index].sub_items.push(child),
            Kind::Project | Kind::Indicator => {}
        }
    }
    // Inherit from the nearest ancestor that has the key; a cycle stops the walk.
    let ancestors = |start: ItemPos| {
        let mut out = Vec::new();
        let mut at = start;
        while let Some(&p) = parent_of.get(&at) {
            if p == start || out.contains(&p) {
                break;
            }
            out.push(p);
            at = p;
        }
        out
    };
    for &child in parent_of.keys() {
        for anc in ancestors(child) {
            let (due, owners, leaders, with) = {
                let area = &areas[anc.area];
                let (due, c) = match anc.kind {
                    Kind::Task => (
                        area.tasks[anc.index].due.clone(),
                        &area.tasks[anc.index].common,
                    ),
                    _ => (
                        area.targets[anc.index].due.clone(),
                        &area.targets[anc.index].common,
                    ),
                };
                (due, c.owners.clone(), c.leaders.clone(), c.with.clone())
            };
            let area = &mut areas[child.area];
            let (own_due, recurring, c) = match child.kind {
                Kind::Task => {
                    let t = &mut area.tasks[child.index];
                    let recurring = t.every.is_some();
                    (&mut t.due, recurring, &mut t.common)
                }
                _ => {
                    let t = &mut area.targets[child.index];
                    (&mut t.due, false, &mut t.common)
                }
            };
            if own_due.is_none() && !recurring {
                *own_due = due;
            }
            if c.owners.is_empty() {
                c.owners = owners;
            }
            if c.leaders.is_empty() {
                c.leaders = leaders;
            }
            if c.with.is_empty() {
                c.with = with;
            }
        }
    }
}

/// One `plan.toml` lowered alone, without its plan's other files (for history): `None` when
/// it does not read as one.
pub fn plan_head_alone(path: &Path, bytes: Vec<u8>) -> Option<lower::PlanHead> {
    let text = decode(bytes).ok()?;
    match lower_text(FileId(0), path, Kind::Plan, text).lowered {
        Lowered::Plan(h) => Some(h),
        Lowered::Area(_) | Lowered::Nothing => None,
    }
}

/// One area file lowered alone (for history): its items as written, before the plan is
/// assembled (sub-items have not taken their parents' keys); `None` when it does not read.
pub fn area_alone(bytes: Vec<u8>) -> Option<Area> {
    let text = decode(bytes).ok()?;
    match lower_text(FileId(0), Path::new("area.toml"), Kind::Area, text).lowered {
        Lowered::Area(a) => Some(a),
        Lowered::Plan(_) | Lowered::Nothing => None,
    }
}

fn empty_result() -> FileResult {
    FileResult {
        text: String::new(),
        lowered: Lowered::Nothing,
        parsed: false,
        diags: Vec::new(),
    }
}

/// Read and lower every job, spread over the available cores.
fn run_parallel(
    jobs: &[(FileId, PathBuf, Kind)],
    overlay: Option<(&Path, &str)>,
) -> Vec<FileResult> {
    crate::par::map(jobs, |(id, path, kind)| match overlay {
        Some((p, text)) if p == path => lower_text(*id, path, *kind, text.to_string()),
        _ => read_and_lower(*id, path, *kind),
    })
}

fn read_and_lower(id: FileId, path: &Path, kind: Kind) -> FileResult {
    match read_text(path) {
        Ok(text) => lower_text(id, path, kind, text),
        Err((problem, text, offset)) => failed(id, problem, text, offset),
    }
}

/// The result of a file that could not be read or decoded.
fn failed(id: FileId, problem: Problem, text: String, offset: Option<usize>) -> FileResult {
    let diag = match offset {
        Some(at) => Diagnostic::new(problem, Span::new(id, at..at + 1)),
        None => Diagnostic::file(problem, id),
    };
    let mut result = empty_result();
    result.diags.push(diag);
    result.text = text;
    result
}

/// Parse and lower the text of one file (a byte-order mark already removed).
fn lower_text(id: FileId, path: &Path, kind: Kind, text: String) -> FileResult {
    let mut result = empty_result();
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // A merge conflict would give a cascade of syntax errors: one error per conflict instead.
    let conflicts = conflict_markers(&text);
    if !conflicts.is_empty() {
        for at in conflicts {
            result.diags.push(Diagnostic::new(
                Problem::MergeConflict,
                Span::new(id, at..at + 7),
            ));
        }
        result.text = text;
        return result;
    }
    let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
    let doc = doc.into_inner();
    for e in &errors {
        let span = e.span().unwrap_or(0..0);
        let message = e.message();
        let problem = if message.contains("recursion") || message.contains("recurse") {
            Problem::TooDeep
        } else {
            Problem::Syntax {
                message: message.trim().to_string(),
            }
        };
        result
            .diags
            .push(Diagnostic::new(problem, Span::new(id, span)));
    }
    if !errors.is_empty() {
        // Recover: what parsed is still checked, so a syntax error does not hide the file's
        // other errors. Keys the parser dropped would read as missing: those are left out, and
        // the file counts as not loaded.
        let mut found = Vec::new();
        let mut lower = Lower::new(id, &mut found);
        match kind {
            Kind::Plan => {
                let dir = path.parent().unwrap_or(Path::new("."));
                let _ = lower.plan_file(&doc, dir);
            }
            Kind::Area => {
                let _ = lower.area_file(&doc);
            }
        }
        result.diags.extend(found.into_iter().filter(|d| {
            !matches!(
                d.problem,
                Problem::MissingKey { .. } | Problem::MissingTable { .. }
            )
        }));
    }
    if errors.is_empty() {
        let mut lower = Lower::new(id, &mut result.diags);
        result.lowered = match kind {
            Kind::Plan => {
                let dir = path.parent().unwrap_or(Path::new("."));
                lower
                    .plan_file(&doc, dir)
                    .map_or(Lowered::Nothing, Lowered::Plan)
            }
            Kind::Area => lower
                .area_file(&doc)
                .map_or(Lowered::Nothing, Lowered::Area),
        };
        result.parsed = true;
    }
    drop(doc);
    result.text = text;
    result
}

/// The byte offsets of the `<<<<<<<` lines that open merge conflicts (a line starting with
/// seven `<` followed by a space or the line's end, as git writes them).
fn conflict_markers(text: &str) -> Vec<usize> {
    if !text.contains("<<<<<<<") {
        return Vec::new();
    }
    let mut at = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some(rest) = body.strip_prefix("<<<<<<<")
            && (rest.is_empty() || rest.starts_with(' '))
        {
            found.push(at);
        }
        at += line.len();
    }
    found
}

/// The file's text without a byte-order mark; on failure the problem, whatever text can be
/// shown, and the byte offset to point at.
fn read_text(path: &Path) -> Result<String, (Problem, String, Option<usize>)> {
    let io = |e: std::io::Error| {
        (
            Problem::Io {
                error: e.to_string(),
            },
            String::new(),
            None,
        )
    };
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::other("not a regular file")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err((
            Problem::TooLarge {
                size: meta.len(),
                limit: MAX_FILE_BYTES,
            },
            String::new(),
            None,
        ));
    }
    decode(fs::read(path).map_err(io)?)
}

/// The text of a file's bytes without a byte-order mark, or why it is not UTF-8.
fn decode(mut bytes: Vec<u8>) -> Result<String, (Problem, String, Option<usize>)> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err((Problem::Utf16, String::new(), None));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let shown = String::from_utf8_lossy(e.as_bytes()).into_owned();
        (Problem::NotUtf8, shown, Some(at))
    })
}

/// Sort by file, line and column, errors before warnings at the same place.
pub fn sort(diags: &mut [Diagnostic], sources: &Sources) {
    diags.sort_by_cached_key(|d| {
        let (file, pos) = match d.at {
            crate::diagnostic::At::Span(span) => (span.file, Some(sources.line_col(span))),
            crate::diagnostic::At::File(file) => (file, None),
        };
        (sources.get(file).display.clone(), pos, d.severity())
    });
}

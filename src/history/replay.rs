//! `plan log` in proportion to what changed: the commits along the first-parent line with the
//! files each changed, every file version (blob) parsed once and only when its plan is looked
//! at, and no validation or assembly of the whole tree at each commit. The item's fields are
//! what `history::snapshot` takes from a fully loaded plan, including a sub-item's deadline
//! taken from its parent.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::history::git::{Commit, Delta};
use crate::history::{Field, LogRow, Shown, Snapshot, log_step, snapshot_in};
use crate::load::lower::PlanHead;
use crate::model::{Area, ItemRef, Kind};

/// One area file's version: the area and where each id is in it.
struct Parsed {
    area: Area,
    ids: FxHashMap<String, (Kind, usize)>,
}

impl Parsed {
    fn new(area: Area) -> Self {
        let mut ids = FxHashMap::default();
        for (i, t) in area.tasks.iter().enumerate() {
            ids.entry(t.common.id.value.clone())
                .or_insert((Kind::Task, i));
        }
        for (i, t) in area.targets.iter().enumerate() {
            ids.entry(t.common.id.value.clone())
                .or_insert((Kind::Target, i));
        }
        for (i, p) in area.projects.iter().enumerate() {
            ids.entry(p.common.id.value.clone())
                .or_insert((Kind::Project, i));
        }
        for (i, x) in area.indicators.iter().enumerate() {
            ids.entry(x.common.id.value.clone())
                .or_insert((Kind::Indicator, i));
        }
        Parsed { area, ids }
    }

    fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        let &(kind, i) = self.ids.get(id)?;
        Some(match kind {
            Kind::Task => ItemRef::Task(self.area.tasks.get(i)?),
            Kind::Target => ItemRef::Target(self.area.targets.get(i)?),
            Kind::Project => ItemRef::Project(self.area.projects.get(i)?),
            Kind::Indicator => ItemRef::Indicator(self.area.indicators.get(i)?),
        })
    }
}

/// The plans' files along the history, and every version read so far.
struct Replay<'b> {
    prefix: String,
    blobs: &'b HashMap<String, Vec<u8>>,
    /// The files now: path from the repository's top → object id.
    files: BTreeMap<String, String>,
    heads: FxHashMap<String, Option<Rc<PlanHead>>>,
    areas: FxHashMap<String, Option<Rc<Parsed>>>,
}

impl Replay<'_> {
    /// A path of the plans: a `.toml` file under the plans root, no part hidden.
    fn wanted(&self, path: &str) -> bool {
        path.ends_with(".toml")
            && path
                .strip_prefix(&self.prefix)
                .is_some_and(|rest| !rest.split('/').any(|part| part.starts_with('.')))
    }

    fn apply(&mut self, deltas: &[Delta]) {
        for d in deltas {
            if !self.wanted(&d.path) {
                continue;
            }
            match &d.oid {
                Some(oid) => self.files.insert(d.path.clone(), oid.clone()),
                None => self.files.remove(&d.path),
            };
        }
    }

    fn head(&mut self, path: &str) -> Option<Rc<PlanHead>> {
        let oid = self.files.get(path)?.clone();
        let blobs = self.blobs;
        self.heads
            .entry(oid.clone())
            .or_insert_with(|| {
                let bytes = blobs.get(&oid)?.clone();
                let relative = path.strip_prefix(&self.prefix).unwrap_or(path);
                crate::load::plan_head_alone(Path::new(relative), bytes).map(Rc::new)
            })
            .clone()
    }

    fn area(&mut self, path: &str) -> Option<Rc<Parsed>> {
        let oid = self.files.get(path)?.clone();
        let blobs = self.blobs;
        self.areas
            .entry(oid.clone())
            .or_insert_with(|| {
                let bytes = blobs.get(&oid)?.clone();
                crate::load::area_alone(bytes).map(|a| Rc::new(Parsed::new(a)))
            })
            .clone()
    }

    /// The area files of the plan in `dir`, in name order.
    fn area_paths(&self, dir: &str) -> Vec<String> {
        let start = format!("{dir}/");
        self.files
            .range(start.clone()..)
            .take_while(|(p, _)| p.starts_with(&start))
            .map(|(p, _)| p.clone())
            .filter(|p| !p[start.len()..].contains('/') && !p.ends_with("/plan.toml"))
            .collect()
    }

    /// The item `id` now (in the plan `plan`, when given): its followed fields.
    fn snapshot(&mut self, id: &str, plan: Option<&str>) -> Option<Snapshot> {
        let dirs: Vec<String> = self
            .files
            .keys()
            .filter_map(|p| p.strip_suffix("/plan.toml").map(str::to_string))
            .collect();
        for dir in dirs {
            let Some(head) = self.head(&format!("{dir}/plan.toml")) else {
                continue;
            };
            if plan.is_some_and(|want| head.id.value != want) {
                continue;
            }
            let start = head.start.as_ref().map(|s| s.value.day());
            let paths = self.area_paths(&dir);
            for path in &paths {
                let Some(parsed) = self.area(path) else {
                    continue;
                };
                let Some(item) = parsed.item(id) else {
                    continue;
                };
                let mut snap = snapshot_in(head.year, start, item);
                // A sub-item without a deadline of its own takes its nearest ancestor's.
                let parent = match item {
                    ItemRef::Task(t) if t.due.is_none() && t.every.is_none() => t.parent.clone(),
                    ItemRef::Target(t) if t.due.is_none() => t.parent.clone(),
                    _ => None,
                };
                if let Some(parent) = parent
                    && let Some(due) = self.inherited_due(&paths, item.kind(), &parent.value, id)
                    && let Some(slot) = snap.iter_mut().find(|(f, _)| *f == Field::Due)
                {
                    slot.1 = Some(due);
                }
                return Some(snap);
            }
        }
        None
    }

    /// The deadline a sub-item takes: the first ancestor of its kind (found by id in the same
    /// plan) that has one; a cycle or 32 levels stop the walk.
    fn inherited_due(
        &mut self,
        paths: &[String],
        kind: Kind,
        first: &str,
        child: &str,
    ) -> Option<Shown> {
        let mut at = first.to_string();
        for _ in 0..32 {
            if at == child {
                return None;
            }
            let found = paths.iter().find_map(|p| {
                let parsed = self.area(p)?;
                let item = parsed.item(&at)?;
                (item.kind() == kind).then(|| match item {
                    ItemRef::Task(t) => (t.due.as_ref().map(|d| d.value.written), t.parent.clone()),
                    ItemRef::Target(t) => {
                        (t.due.as_ref().map(|d| d.value.written), t.parent.clone())
                    }
                    ItemRef::Project(_) | ItemRef::Indicator(_) => (None, None),
                })
            })?;
            match found {
                (Some(due), _) => return Some(Shown::Written(due)),
                (None, Some(next)) => at = next.value,
                (None, None) => return None,
            }
        }
        None
    }
}

/// `plan log ID`: every change of the item along `commits` (oldest first, each with the files
/// it changed), reading file versions from `blobs`. Also whether the item was seen at all.
pub fn log(
    commits: &[(Commit, Vec<Delta>)],
    blobs: &HashMap<String, Vec<u8>>,
    prefix: &str,
    id: &str,
    plan: Option<&str>,
    shallow: bool,
) -> (Vec<LogRow>, bool) {
    let mut replay = Replay {
        prefix: prefix.to_string(),
        blobs,
        files: BTreeMap::new(),
        heads: FxHashMap::default(),
        areas: FxHashMap::default(),
    };
    let mut rows = Vec::new();
    let mut seen = false;
    let mut before: Option<Snapshot> = None;
    for (i, (commit, deltas)) in commits.iter().enumerate() {
        replay.apply(deltas);
        let after = replay.snapshot(id, plan);
        seen |= after.is_some();
        rows.extend(log_step(
            commit,
            before.as_deref(),
            after.as_deref(),
            shallow && i == 0,
        ));
        before = after;
    }
    (rows, seen)
}

/// The object ids of the plans' files that `commits` bring in, each once.
pub fn needed(commits: &[(Commit, Vec<Delta>)], prefix: &str) -> Vec<String> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for (_, deltas) in commits {
        for d in deltas {
            if let Some(oid) = &d.oid
                && d.path.ends_with(".toml")
                && d.path.starts_with(prefix)
                && seen.insert(oid.clone())
            {
                out.push(oid.clone());
            }
        }
    }
    out
}

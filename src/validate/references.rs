//! References between items: the projects a batch target counts, and an indicator's parent.

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Problem, suggest};
use crate::model::{ItemRef, Kind, Located, Plan};
use crate::validate::ids::Index;

/// Look up `id` as an item of kind `want`; `from` (the referring item) is never suggested.
fn resolve<'a>(
    index: &Index<'a>,
    key: &'static str,
    want: Kind,
    id: &Located<String>,
    from: &str,
) -> Result<ItemRef<'a>, Diagnostic> {
    match index.items.get(id.value.as_str()) {
        Some(item) if item.kind() == want => Ok(*item),
        Some(item) => Err(Diagnostic::new(
            Problem::WrongReferenceKind {
                key,
                id: id.value.clone(),
                expected: want,
                found: item.kind(),
            },
            id.span,
        )),
        None => {
            let mut candidates: Vec<&str> = index.ids_of(want).filter(|c| *c != from).collect();
            candidates.sort_unstable();
            Err(Diagnostic::new(
                Problem::UnknownReference {
                    key,
                    id: id.value.clone(),
                    suggestion: suggest(&id.value, candidates).map(str::to_string),
                },
                id.span,
            ))
        }
    }
}

pub fn batch_projects(plan: &Plan, index: &Index<'_>) -> Vec<Diagnostic> {
    plan.areas
        .iter()
        .flat_map(|a| &a.targets)
        .flat_map(|t| t.projects.iter().map(move |p| (t, p)))
        .filter_map(|(t, id)| {
            resolve(index, "projects", Kind::Project, id, &t.common.id.value).err()
        })
        .collect()
}

pub fn indicator_parents(plan: &Plan, index: &Index<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for indicator in plan.areas.iter().flat_map(|a| &a.indicators) {
        let Some(parent) = &indicator.parent else {
            continue;
        };
        if let Err(d) = resolve(
            index,
            "parent",
            Kind::Indicator,
            parent,
            &indicator.common.id.value,
        ) {
            out.push(d);
            continue;
        }
        // Follow the chain; a loop back to this indicator is an error (reported once per member).
        let mut seen = HashSet::new();
        let mut next = Some(parent);
        while let Some(id) = next {
            if id.value == indicator.common.id.value {
                out.push(Diagnostic::new(
                    Problem::ParentCycle {
                        id: indicator.common.id.value.clone(),
                    },
                    parent.span,
                ));
                break;
            }
            if !seen.insert(id.value.as_str()) {
                break;
            }
            next = match index.items.get(id.value.as_str()) {
                Some(ItemRef::Indicator(i)) => i.parent.as_ref(),
                _ => None,
            };
        }
    }
    out
}

/// The `parent` of a task or target: an item of the same kind in the plan, with no loop; and a
/// group (an item with sub-items) has no state of its own.
pub fn sub_items(plan: &Plan, index: &Index<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    fn parent_of(item: ItemRef<'_>) -> Option<&Located<String>> {
        match item {
            ItemRef::Task(t) => t.parent.as_ref(),
            ItemRef::Target(t) => t.parent.as_ref(),
            ItemRef::Project(_) | ItemRef::Indicator(_) => None,
        }
    }
    for (_, item) in plan.items() {
        let Some(parent) = parent_of(item) else {
            continue;
        };
        let id = &item.common().id.value;
        if let Err(d) = resolve(index, "parent", item.kind(), parent, id) {
            out.push(d);
            continue;
        }
        let mut seen = HashSet::new();
        let mut next = Some(parent);
        while let Some(p) = next {
            if p.value == *id {
                out.push(Diagnostic::new(
                    Problem::SubItemCycle { id: id.clone() },
                    parent.span,
                ));
                break;
            }
            if !seen.insert(p.value.as_str()) {
                break;
            }
            next = index
                .items
                .get(p.value.as_str())
                .and_then(|i| parent_of(*i));
        }
    }
    for area in &plan.areas {
        for t in area.tasks.iter().filter(|t| t.is_group()) {
            if let Some(done) = &t.done {
                out.push(Diagnostic::new(
                    Problem::GroupOwnState { key: "done" },
                    done.span,
                ));
            } else if t.status != crate::model::TaskStatus::Todo {
                out.push(Diagnostic::new(
                    Problem::GroupOwnState { key: "status" },
                    t.common.span,
                ));
            }
        }
        for t in area.targets.iter().filter(|t| t.is_group()) {
            if let Some(actual) = &t.actual {
                out.push(Diagnostic::new(
                    Problem::GroupOwnState { key: "actual" },
                    actual.span,
                ));
            } else if let Some(a) = t.actuals.first() {
                out.push(Diagnostic::new(
                    Problem::GroupOwnState { key: "actuals" },
                    a.span,
                ));
            }
        }
    }
    out
}

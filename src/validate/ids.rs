//! Ids: plan ids unique under the root, area ids and item ids unique within a plan
//! (across kinds and files), and the index of items that references are resolved against.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{ItemRef, Plan, Workspace};

pub fn plan_ids(ws: &Workspace) -> Vec<Diagnostic> {
    let mut seen = HashMap::default();
    let mut out = Vec::new();
    for plan in &ws.plans {
        match seen.entry(plan.id.value.as_str()) {
            Entry::Occupied(first) => out.push(
                Diagnostic::new(
                    Problem::DuplicatePlan {
                        id: plan.id.value.clone(),
                    },
                    plan.id.span,
                )
                .with_related(*first.get()),
            ),
            Entry::Vacant(slot) => {
                slot.insert(plan.id.span);
            }
        }
    }
    // `previous` must name a plan under the root; `start` must be a day of the plan's year or
    // the year before.
    for plan in &ws.plans {
        if let Some(start) = &plan.start {
            let day = start.value.day();
            let a_day = matches!(start.value.written, crate::date::Period::Day(_));
            if !a_day || !(plan.year - 1..=plan.year).contains(&chrono::Datelike::year(&day)) {
                out.push(Diagnostic::new(
                    Problem::BadStart {
                        text: start.value.written.to_string(),
                        year: plan.year,
                    },
                    start.span,
                ));
            }
        }
        if let Some(named) = &plan.previous
            && !seen.contains_key(named.value.as_str())
        {
            let others = ws
                .plans
                .iter()
                .map(|p| p.id.value.as_str())
                .filter(|id| *id != plan.id.value);
            out.push(Diagnostic::new(
                Problem::UnknownPlan {
                    id: named.value.clone(),
                    suggestion: crate::diagnostic::suggest(&named.value, others)
                        .map(str::to_string),
                },
                named.span,
            ));
        }
    }
    out
}

/// Every item of a plan by id (the first definition wins). FxHash: ids come from the plan's
/// own files, so a hash resistant to crafted collisions buys nothing here.
pub struct Index<'a> {
    pub items: HashMap<&'a str, ItemRef<'a>>,
}

impl<'a> Index<'a> {
    /// Build the index, reporting duplicate area and item ids into `out`.
    pub fn build(plan: &'a Plan, out: &mut Vec<Diagnostic>) -> Self {
        let mut areas = HashMap::default();
        for area in &plan.areas {
            if let Some(first) = areas.insert(area.id.value.as_str(), area.id.span) {
                out.push(
                    Diagnostic::new(
                        Problem::DuplicateArea {
                            id: area.id.value.clone(),
                        },
                        area.id.span,
                    )
                    .with_related(first),
                );
                areas.insert(area.id.value.as_str(), first);
            }
        }
        let mut items: HashMap<&str, ItemRef<'a>> = HashMap::default();
        for (_, item) in plan.items() {
            let id = &item.common().id;
            match items.entry(id.value.as_str()) {
                Entry::Occupied(first) => out.push(
                    Diagnostic::new(
                        Problem::DuplicateId {
                            id: id.value.clone(),
                        },
                        id.span,
                    )
                    .with_related(first.get().common().id.span),
                ),
                Entry::Vacant(slot) => {
                    slot.insert(item);
                }
            }
        }
        confusable(plan, out);
        Index { items }
    }

    /// Ids of the items of one kind, for did-you-mean suggestions.
    pub fn ids_of(&self, kind: crate::model::Kind) -> impl Iterator<Item = &'a str> + '_ {
        self.items
            .iter()
            .filter(move |(_, item)| item.kind() == kind)
            .map(|(id, _)| *id)
    }
}

/// Warn about item ids that differ only in Unicode form: full-width letters and digits
/// (`ｔ１` and `t1`), composed and decomposed accents. Someone typing one form on the
/// command line will not find the other. Only plans with a non-ASCII id pay for the check.
fn confusable(plan: &Plan, out: &mut Vec<Diagnostic>) {
    use unicode_normalization::UnicodeNormalization;
    if plan
        .items()
        .all(|(_, item)| item.common().id.value.is_ascii())
    {
        return;
    }
    let mut seen: HashMap<String, (&str, crate::source::Span)> = HashMap::default();
    for (_, item) in plan.items() {
        let id = &item.common().id;
        let folded: String = id.value.nfkc().collect();
        match seen.entry(folded) {
            Entry::Occupied(first) if first.get().0 != id.value => out.push(
                Diagnostic::new(
                    Problem::ConfusableId {
                        id: id.value.clone(),
                        other: first.get().0.to_string(),
                    },
                    id.span,
                )
                .with_related(first.get().1),
            ),
            Entry::Occupied(_) => {}
            Entry::Vacant(slot) => {
                slot.insert((id.value.as_str(), id.span));
            }
        }
    }
}

//! Which items a listing covers: the filters of the command line, and the lead units and
//! leaders an item falls to.

use crate::model::{Area, ItemRef, Kind, Plan, Workspace};

/// Which items a listing covers. Every field narrows; `None` lets everything through.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub plan: Option<String>,
    pub area: Option<String>,
    /// A lead unit: one of the item's units (see [`units_of`]), or a collective unit it names.
    pub owner: Option<String>,
    /// A responsible leader: one of the item's leaders (see [`leaders_of`]).
    pub leader: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<Kind>,
}

impl Filter {
    /// Whether `plan` passes the `--plan` filter.
    pub fn plan(&self, plan: &Plan) -> bool {
        self.plan.as_ref().is_none_or(|p| *p == plan.id.value)
    }

    /// Whether `area` passes the `--area` filter.
    pub fn area(&self, area: &Area) -> bool {
        self.area.as_ref().is_none_or(|a| *a == area.id.value)
    }

    /// Whether `item` of `area` in `plan` passes every item filter (area, owner, leader, tag,
    /// kind).
    pub fn item(&self, plan: &Plan, area: &Area, item: ItemRef<'_>) -> bool {
        self.area(area)
            && self.owner.as_ref().is_none_or(|o| {
                owners_of(area, item).contains(o)
                    || units_of(plan, area, item).contains(&o.as_str())
            })
            && self
                .leader
                .as_ref()
                .is_none_or(|l| leaders_of(area, item).iter().any(|x| x == l))
            && self
                .tag
                .as_ref()
                .is_none_or(|t| item.common().tags.contains(t))
            && self.kind.is_none_or(|k| k == item.kind())
    }

    /// The items of the workspace that pass, with their plan and area.
    pub fn items<'a>(
        &'a self,
        ws: &'a Workspace,
    ) -> impl Iterator<Item = (&'a Plan, &'a Area, ItemRef<'a>)> + 'a {
        ws.plans
            .iter()
            .filter(|p| self.plan(p))
            .flat_map(|p| p.items().map(move |(a, i)| (p, a, i)))
            .filter(|(p, a, i)| self.item(p, a, *i))
    }
}

/// The lead units of an item as written: its own `owner`, else its area's.
pub fn owners_of<'a>(area: &'a Area, item: ItemRef<'a>) -> &'a [String] {
    let own = &item.common().owners;
    if own.is_empty() { &area.owners } else { own }
}

/// The first lead unit of an item (JSON's `owner`).
pub fn owner_of<'a>(area: &'a Area, item: ItemRef<'a>) -> Option<&'a str> {
    owners_of(area, item).first().map(String::as_str)
}

/// The responsible leaders of an item: its own `leader`, else its area's.
pub fn leaders_of<'a>(area: &'a Area, item: ItemRef<'a>) -> &'a [String] {
    let own = &item.common().leaders;
    if own.is_empty() { &area.leaders } else { own }
}

/// The units an item counts under: its lead units with each collective unit replaced by its
/// members, each unit once, in the order written.
pub fn units_of<'a>(plan: &'a Plan, area: &'a Area, item: ItemRef<'a>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for name in owners_of(area, item) {
        for unit in plan.units(name) {
            if !out.contains(&unit) {
                out.push(unit);
            }
        }
    }
    out
}

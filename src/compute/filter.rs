//! Which items a listing covers: the filters of the command line, and the lead unit an item
//! falls to.

use crate::model::{Area, ItemRef, Kind, Plan, Workspace};

/// Which items a listing covers. Every field narrows; `None` lets everything through.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub plan: Option<String>,
    pub area: Option<String>,
    /// The lead unit: the item's `owner`, else its area's.
    pub owner: Option<String>,
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

    /// Whether `item` of `area` passes every item filter (area, owner, tag, kind).
    pub fn item(&self, area: &Area, item: ItemRef<'_>) -> bool {
        self.area(area)
            && self
                .owner
                .as_ref()
                .is_none_or(|o| owner_of(area, item) == Some(o.as_str()))
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
            .filter(|(_, a, i)| self.item(a, *i))
    }
}

/// The lead unit of an item: its own `owner`, else its area's.
pub fn owner_of<'a>(area: &'a Area, item: ItemRef<'a>) -> Option<&'a str> {
    item.common().owner.as_deref().or(area.owner.as_deref())
}

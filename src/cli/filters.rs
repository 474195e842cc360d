//! Filter values are checked against the plans: a mistyped `--area` in a cron line must be
//! an error, not a silent empty listing.

use crate::cli::CommandError;
use crate::compute::filter::{Filter, leaders_of, owners_of, units_of};
use crate::diagnostic::suggest;
use crate::model::{Lang, Workspace};
use crate::render::labels::messages::{self, What};

pub fn check<'w>(ws: &'w Workspace, filter: &Filter, lang: Lang) -> Result<(), CommandError> {
    // Each list of known values is gathered only when its filter is given: listing every
    // owner and tag means walking every item.
    let plans = || ws.plans.iter().map(|p| p.id.value.as_str()).collect();
    let areas = || {
        ws.plans
            .iter()
            .filter(|p| filter.plan(p))
            .flat_map(|p| &p.areas)
            .map(|a| a.id.value.as_str())
            .collect()
    };
    let owners = || {
        ws.plans
            .iter()
            .flat_map(|p| p.items().map(move |(a, i)| (p, a, i)))
            .flat_map(|(plan, area, item)| {
                let written = owners_of(area, item).iter().map(String::as_str);
                written.chain(units_of(plan, area, item))
            })
            .collect()
    };
    let leaders = || {
        ws.plans
            .iter()
            .flat_map(|p| p.items())
            .flat_map(|(area, item)| leaders_of(area, item).iter().map(String::as_str))
            .collect()
    };
    let tags = || {
        ws.plans
            .iter()
            .flat_map(|p| p.items())
            .flat_map(|(_, item)| item.common().tags.iter().map(String::as_str))
            .collect()
    };
    type Known<'k, 'w> = &'k dyn Fn() -> Vec<&'w str>;
    let checks: [(&str, What, Option<&str>, Known<'_, 'w>); 5] = [
        ("--plan", What::Plan, filter.plan.as_deref(), &plans),
        ("--area", What::Area, filter.area.as_deref(), &areas),
        ("--owner", What::Owner, filter.owner.as_deref(), &owners),
        ("--leader", What::Leader, filter.leader.as_deref(), &leaders),
        ("--tag", What::Tag, filter.tag.as_deref(), &tags),
    ];
    for (flag, what, given, known) in checks {
        if let Some(given) = given {
            let known = known();
            if !known.contains(&given) {
                return Err(unknown(lang, flag, what, given, &known));
            }
        }
    }
    Ok(())
}

/// `error: --area: no area `investmnt` in the plans` with a did-you-mean.
pub fn unknown(lang: Lang, flag: &str, what: What, given: &str, known: &[&str]) -> CommandError {
    let suggestion = suggest(given, known.iter().copied());
    CommandError::usage(messages::unknown(lang, flag, what, given, suggestion))
}

/// The item `id` (in `--plan`, when given), or the error to print: an unknown plan or id with a
/// did-you-mean, or an id that is in more than one plan.
pub fn find_item<'a>(
    ws: &'a Workspace,
    id: &str,
    plan: Option<&str>,
    lang: Lang,
) -> Result<
    (
        &'a crate::model::Plan,
        &'a crate::model::Area,
        crate::model::ItemRef<'a>,
    ),
    CommandError,
> {
    if let Some(plan) = plan
        && !ws.plans.iter().any(|p| p.id.value == plan)
    {
        let known: Vec<&str> = ws.plans.iter().map(|p| p.id.value.as_str()).collect();
        return Err(unknown(lang, "--plan", What::Plan, plan, &known));
    }
    match crate::compute::show::find(ws, id, plan) {
        Ok(Some(found)) => Ok(found),
        Ok(None) => {
            let ids: Vec<&str> = ws
                .plans
                .iter()
                .flat_map(|p| p.items().map(|(_, i)| i.common().id.value.as_str()))
                .collect();
            Err(unknown(lang, "ID", What::Item, id, &ids))
        }
        Err(plans) => Err(CommandError::usage(messages::ambiguous(
            lang,
            id,
            &plans.join(", "),
        ))),
    }
}

/// The display path of the plans' source file that `path` names (through links and hard
/// links alike), if it names one: a report must never be written over a plan file.
pub fn source_file(ws: &Workspace, path: &std::path::Path) -> Option<String> {
    // `metadata` follows links: the same file has the same device and inode, whatever the
    // name it was reached by.
    let target = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let same = |source: &std::path::Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(source)
            .is_ok_and(|m| m.is_file() && m.dev() == target.dev() && m.ino() == target.ino())
    };
    #[cfg(not(unix))]
    let same = |source: &std::path::Path| {
        target.is_file() && std::fs::canonicalize(source).ok() == std::fs::canonicalize(path).ok()
    };
    ws.sources
        .iter()
        .find(|s| same(&s.path))
        .map(|s| s.display.clone())
}

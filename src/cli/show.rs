//! `plan show ID`: find the item, compute everything known about it, hand it to
//! `render::show`.

use crate::cli::args::ShowArgs;
use crate::cli::{CommandError, Config, Output, filters};
use crate::compute::deadline::Clock;
use crate::compute::show;
use crate::load::Loaded;

pub fn run(config: &Config, loaded: &Loaded, args: &ShowArgs) -> Result<Output, CommandError> {
    let ws = &loaded.workspace;
    let lang = config.lang_for(loaded);
    let clock = Clock {
        today: config.today,
        within: 14,
    };
    let (plan, area, item) = filters::find_item(ws, &args.id, args.plan.as_deref(), lang)?;
    let shown = show::show(ws, plan, area, item, clock);
    Ok(Output {
        stdout: crate::render::show::show(config.view(lang, args.format), &shown).into(),
        ..Output::default()
    })
}

//! `plan indicators`: every indicator against the prior year; `plan indicators ID`: one
//! indicator's reported periods and what the rest of the year must deliver.

use crate::cli::args::IndicatorsArgs;
use crate::cli::listing::Listing;
use crate::cli::{CommandError, Config, Output, filters};
use crate::compute::{indicators, show};
use crate::load::Loaded;
use crate::model::ItemRef;
use crate::render::indicators::{self as render, History};
use crate::render::labels::messages::{self, What};

pub fn run(
    config: &Config,
    loaded: &Loaded,
    args: &IndicatorsArgs,
) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, &args.list)?;
    let stdout = match &args.id {
        Some(id) => history(&l, id)?,
        None => {
            let rows = indicators::rows(l.ws, &l.filter, l.clock.today);
            render::table(l.view, &rows, l.many_plans())
        }
    };
    Ok(Output {
        stdout: stdout.into(),
        ..Output::default()
    })
}

fn history(l: &Listing<'_>, id: &str) -> Result<String, CommandError> {
    let found = show::find(l.ws, id, l.filter.plan.as_deref())
        .map_err(|plans| CommandError::usage(messages::ambiguous(l.lang, id, &plans.join(", "))))?;
    let Some((plan, area, ItemRef::Indicator(ind))) = found else {
        let ids: Vec<&str> =
            l.ws.plans
                .iter()
                .flat_map(|p| p.areas.iter().flat_map(|a| &a.indicators))
                .map(|i| i.common.id.value.as_str())
                .collect();
        return Err(filters::unknown(l.lang, "ID", What::Indicator, id, &ids));
    };
    let (row, f) = indicators::row(l.ws, plan, area, ind, 0, l.clock.today);
    let data = History {
        indicator: row,
        history: f.history,
        rest: f.rest,
    };
    Ok(render::history(l.view, &data))
}

//! The listings: `status`, `overdue`, `upcoming`, `owners`, `calendar` and `report`. Each
//! resolves its options, builds report rows in `compute` and hands them to `render::listing`.

use crate::cli::args::{FilterArgs, ListArgs, OverdueArgs};
use crate::cli::{CommandError, Config, ErrorKind, Output, exit};
use crate::compute::deadline::Clock;
use crate::compute::filter::Filter;
use crate::compute::report::{self, ItemRow};
use crate::load::Loaded;
use crate::model::{Lang, Workspace};
use crate::render::grid::Text;
use crate::render::labels::messages;
use crate::render::listing::{self as render, AreaHeading, AreaSection, Dated};
use crate::render::{Format, View};

/// Resolved options of one listing.
pub struct Listing<'a> {
    pub ws: &'a Workspace,
    pub filter: Filter,
    pub clock: Clock,
    pub lang: Lang,
    pub view: View,
}

impl<'a> Listing<'a> {
    pub fn new(config: &Config, loaded: &'a Loaded, args: &ListArgs) -> Result<Self, CommandError> {
        Self::filtered(config, loaded, &args.filter, args.format)
    }

    /// A listing of the items `args` selects, in `format`.
    pub fn filtered(
        config: &Config,
        loaded: &'a Loaded,
        args: &FilterArgs,
        format: Format,
    ) -> Result<Self, CommandError> {
        let filter = Filter {
            plan: args.plan.clone(),
            area: args.area.clone(),
            owner: args.owner.clone(),
            leader: args.leader.clone(),
            tag: args.tag.clone(),
            kind: args.kind,
        };
        let lang = config.lang_for(loaded);
        super::filters::check(&loaded.workspace, &filter, lang)?;
        Ok(Listing {
            ws: &loaded.workspace,
            filter,
            clock: Clock {
                today: config.today,
                within: i64::from(args.within),
            },
            lang,
            view: config.view(lang, format),
        })
    }

    /// Whether more than one plan is in view (then tables get a plan column).
    pub fn many_plans(&self) -> bool {
        self.ws.plans.iter().filter(|p| self.filter.plan(p)).count() > 1
    }
}

pub fn overdue(
    config: &Config,
    loaded: &'static Loaded,
    args: &OverdueArgs,
) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, &args.list)?;
    let rows = report::overdue(l.ws, &l.filter, l.clock);
    let many = l.many_plans();
    Ok(found(rows.is_empty(), args.quiet, || {
        render::dated(l.view, Dated::Overdue, rows, many)
    }))
}

/// The output of a listing that looks for trouble (`overdue`, `chase`): exit 1 when it found
/// any; with `--quiet`, nothing at all when it found none, so that cron sends no mail.
fn found(empty: bool, quiet: bool, text: impl FnOnce() -> Text) -> Output {
    Output {
        stdout: if empty && quiet {
            Text::default()
        } else {
            text()
        },
        code: if empty { exit::OK } else { exit::FOUND },
        ..Output::default()
    }
}

/// `plan chase` (催报): items that missed their latest feedback window; exit 1 when any.
pub fn chase(
    config: &Config,
    loaded: &Loaded,
    args: &crate::cli::args::ChaseArgs,
) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, &args.list)?;
    let rows = crate::compute::chase::chase(l.ws, &l.filter, l.clock);
    Ok(found(rows.is_empty(), args.quiet, || {
        crate::render::supervision::chase(l.view, &rows, l.many_plans()).into()
    }))
}

pub fn upcoming(
    config: &Config,
    loaded: &'static Loaded,
    args: &ListArgs,
) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, args)?;
    let rows = report::upcoming(l.ws, &l.filter, l.clock);
    let within = l.clock.within;
    Ok(Output {
        stdout: render::dated(l.view, Dated::Upcoming { within }, rows, l.many_plans()),
        ..Output::default()
    })
}

pub fn owners(
    config: &Config,
    loaded: &Loaded,
    args: &crate::cli::args::OwnersArgs,
) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, &args.list)?;
    let rows = report::owners(l.ws, &l.filter, l.clock, args.by);
    Ok(Output {
        stdout: render::owners(l.view, args.by, &rows, l.clock.today).into(),
        ..Output::default()
    })
}

pub fn status(config: &Config, loaded: &Loaded, args: &ListArgs) -> Result<Output, CommandError> {
    let l = Listing::new(config, loaded, args)?;
    let stdout = if l.filter.area.is_some() {
        let mut rows = report::items(l.ws, &l.filter, l.clock);
        let mut sections = Vec::new();
        for plan in l.ws.plans.iter().filter(|p| l.filter.plan(p)) {
            for area in plan.areas.iter().filter(|a| l.filter.area(a)) {
                let (mine, rest): (Vec<ItemRow>, Vec<ItemRow>) = rows
                    .into_iter()
                    .partition(|r| r.plan == plan.id.value && r.area == area.id.value);
                rows = rest;
                sections.push(AreaSection {
                    heading: AreaHeading {
                        title: &area.title,
                        key: area.key,
                        plan_title: Some(&plan.title),
                    },
                    rows: mine,
                });
            }
        }
        render::area(l.view, &sections)
    } else {
        render::status(
            l.view,
            &report::status(l.ws, &l.filter, l.clock),
            &crate::source::display_path(&l.ws.root),
        )
    };
    Ok(Output {
        stdout: stdout.into(),
        ..Output::default()
    })
}

/// `plan calendar`: every dated task and target of the listing as an iCalendar feed.
pub fn calendar(
    config: &Config,
    loaded: &Loaded,
    args: &crate::cli::args::CalendarArgs,
) -> Result<Output, CommandError> {
    let l = Listing::filtered(config, loaded, &args.filter, Format::Table)?;
    let rows: Vec<ItemRow> = report::items(l.ws, &l.filter, l.clock)
        .into_iter()
        .filter(|r| r.due.is_some())
        .collect();
    let area_titles: rustc_hash::FxHashMap<(&str, &str), &str> =
        l.ws.plans
            .iter()
            .flat_map(|p| {
                p.areas
                    .iter()
                    .map(move |a| ((p.id.value.as_str(), a.id.value.as_str()), a.title.as_str()))
            })
            .collect();
    let titles: Vec<&str> =
        l.ws.plans
            .iter()
            .filter(|p| l.filter.plan(p))
            .map(|p| p.title.as_str())
            .collect();
    let feed = render::calendar(
        l.lang,
        &rows,
        |r| {
            area_titles
                .get(&(r.plan.as_str(), r.area.as_str()))
                .copied()
                .unwrap_or(r.area.as_str())
        },
        &titles,
        l.clock.today,
    );
    to_output(&l, feed, args.output.as_deref())
}

/// `text` to standard output, or written to `-o FILE` (`-o -` is standard output). A file
/// is written atomically, and never one of the plans' own files.
fn to_output(
    l: &Listing<'_>,
    text: String,
    file: Option<&std::path::Path>,
) -> Result<Output, CommandError> {
    let path = match file {
        Some(path) if path.as_os_str() != "-" => path,
        _ => {
            return Ok(Output {
                stdout: text.into(),
                ..Output::default()
            });
        }
    };
    let shown = crate::source::escape(&path.display().to_string()).into_owned();
    if let Some(source) = crate::cli::filters::source_file(l.ws, path) {
        return Err(CommandError::usage(messages::output_is_source(
            l.lang, &shown, &source,
        )));
    }
    match crate::edit::write::create(path, text.as_bytes()) {
        Ok(()) => Ok(Output::default()),
        Err(e) => Err(CommandError::new(
            ErrorKind::Io,
            messages::cannot_write_file(l.lang, &shown, &e.to_string()),
        )),
    }
}

// ---- report --------------------------------------------------------------------------

/// `plan report`: the Markdown bulletin or the HTML page.
pub fn report(
    config: &Config,
    loaded: &Loaded,
    args: &crate::cli::args::ReportArgs,
) -> Result<Output, CommandError> {
    let l = Listing::filtered(config, loaded, &args.filter, Format::Table)?;
    // `-o DIR/` (or an existing directory) with HTML: a small static site.
    if let Some(dir) = args
        .output
        .as_deref()
        .filter(|p| p.as_os_str().to_string_lossy().ends_with('/') || p.is_dir())
        && args.format == crate::cli::args::ReportFormat::Html
    {
        return site(&l, args, dir);
    }
    // Past `--limit` plans the overview stands for the rest: only the plans shown are made.
    let bulletin =
        crate::compute::bulletin::bulletin(l.ws, &l.filter, l.clock, args.limit, args.limit, false);
    let text = match args.format {
        crate::cli::args::ReportFormat::Markdown => {
            crate::render::bulletin::markdown(&bulletin, l.lang)
        }
        crate::cli::args::ReportFormat::Html => crate::render::bulletin::html(&bulletin, l.lang),
    };
    to_output(&l, text, args.output.as_deref())
}

/// `plan report --format html -o DIR/`: the index, a page per plan, area and lead unit.
fn site(
    l: &Listing<'_>,
    args: &crate::cli::args::ReportArgs,
    dir: &std::path::Path,
) -> Result<Output, CommandError> {
    // Every plan has its page.
    let bulletin =
        crate::compute::bulletin::bulletin(l.ws, &l.filter, l.clock, args.limit, 0, true);
    let ranked = bulletin
        .overview
        .as_ref()
        .map_or(&[][..], |(_, units)| units.as_slice());
    let (areas, units) = crate::compute::bulletin::site_pages(l.ws, &l.filter, l.clock, ranked);
    let pages = crate::render::site::site(&bulletin, &areas, &units, l.lang);
    let shown = |p: &std::path::Path| crate::source::escape(&p.display().to_string()).into_owned();
    std::fs::create_dir_all(dir).map_err(|e| {
        CommandError::new(
            ErrorKind::Io,
            messages::cannot_write_file(l.lang, &shown(dir), &e.to_string()),
        )
    })?;
    for (name, html) in &pages {
        let path = dir.join(name);
        if let Some(source) = crate::cli::filters::source_file(l.ws, &path) {
            return Err(CommandError::usage(messages::output_is_source(
                l.lang,
                &shown(&path),
                &source,
            )));
        }
        crate::edit::write::create(&path, html.as_bytes()).map_err(|e| {
            CommandError::new(
                ErrorKind::Io,
                messages::cannot_write_file(l.lang, &shown(&path), &e.to_string()),
            )
        })?;
    }
    Ok(Output {
        stdout: format!(
            "{}\n",
            messages::wrote_site(l.lang, &shown(dir), pages.len())
        )
        .into(),
        ..Output::default()
    })
}

//! The listings: `status`, `overdue`, `upcoming` and `owners`. Each builds report rows in
//! `compute`, then renders them as a table, Markdown, CSV or JSON.

use serde::Serialize;

use crate::cli::args::{FilterArgs, Format, ListArgs, OverdueArgs};
use crate::cli::{Config, Output, exit};
use crate::compute::deadline::Clock;
use crate::compute::report::{self, Filter, ItemRow, Listed, StatusReport};
use crate::load::Loaded;
use crate::model::{Lang, Workspace};
use crate::render::grid::{self, Grid, GridCell, TableOptions, Text, Tone};
use crate::render::labels::{self, Labels, item_words, labels, messages};

/// Resolved options of one listing.
pub struct Listing<'a> {
    pub ws: &'a Workspace,
    pub filter: Filter,
    pub clock: Clock,
    pub lang: Lang,
    pub format: Format,
    pub table: TableOptions,
    /// Area titles by (plan id, area id), for listings that name areas.
    area_titles: rustc_hash::FxHashMap<(&'a str, &'a str), &'a str>,
}

impl<'a> Listing<'a> {
    pub fn new(config: &Config, loaded: &'a Loaded, args: &ListArgs) -> Result<Self, Output> {
        Self::filtered(config, loaded, &args.filter, args.format)
    }

    /// A listing of the items `args` selects, in `format`.
    pub fn filtered(
        config: &Config,
        loaded: &'a Loaded,
        args: &FilterArgs,
        format: Format,
    ) -> Result<Self, Output> {
        let filter = Filter {
            plan: args.plan.clone(),
            area: args.area.clone(),
            owner: args.owner.clone(),
            tag: args.tag.clone(),
            kind: args.kind.map(|k| k.name().to_string()),
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
            format,
            table: config.table_options(),
            area_titles: loaded
                .workspace
                .plans
                .iter()
                .flat_map(|p| {
                    p.areas.iter().map(move |a| {
                        ((p.id.value.as_str(), a.id.value.as_str()), a.title.as_str())
                    })
                })
                .collect(),
        })
    }

    pub fn labels(&self) -> &'static Labels {
        labels(self.lang)
    }

    /// Whether more than one plan is in view (then tables get a plan column).
    pub fn many_plans(&self) -> bool {
        self.ws.plans.iter().filter(|p| self.filter.plan(p)).count() > 1
    }

    /// Render `grid` in the chosen format, or `rows` as JSON.
    pub fn render<T: Serialize>(&self, grid: &Grid, rows: &T) -> Text {
        self.render_string(grid, rows).into()
    }

    /// [`Listing::render`], as a string.
    pub fn render_string<T: Serialize>(&self, grid: &Grid, rows: &T) -> String {
        match self.format {
            Format::Table => grid::table(grid, self.table),
            Format::Markdown => grid::markdown(grid),
            Format::Csv => grid::csv(grid),
            Format::Json => json(rows),
        }
    }

    fn area_title(&self, plan: &str, area: &'a str) -> &'a str {
        self.area_titles.get(&(plan, area)).copied().unwrap_or(area)
    }
}

pub fn json<T: Serialize>(rows: &T) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_default();
    s.push('\n');
    s
}

fn ymd(d: chrono::NaiveDate) -> String {
    crate::date::ymd(d)
}

// ---- overdue and upcoming ------------------------------------------------------------

pub fn overdue(config: &Config, loaded: &'static Loaded, args: &OverdueArgs) -> Output {
    let l = match Listing::new(config, loaded, &args.list) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let rows = report::overdue(l.ws, &l.filter, l.clock);
    let code = if rows.is_empty() {
        exit::OK
    } else {
        exit::FOUND
    };
    let stdout = match (rows.is_empty(), args.quiet, l.format) {
        // --quiet: nothing at all when nothing is late, so that cron sends no mail.
        (true, true, _) => Text::default(),
        (true, false, Format::Table) => format!("{}\n", labels::nothing_overdue(l.lang)).into(),
        _ => {
            let header = l.labels().days_late;
            dated_text(l, rows, header, Tone::Alert)
        }
    };
    Output {
        stdout,
        code,
        ..Output::default()
    }
}

/// The text of `overdue` or `upcoming`. A table for a pipe or a file (cron's mail) is made
/// while it is printed, its cells made on demand, so that a province's listing never holds all
/// its cells or all its text at once; other formats are rendered from the whole grid.
fn dated_text(
    l: Listing<'static>,
    rows: Listed<report::DatedRow<'static>>,
    days_header: &'static str,
    tone: Tone,
) -> Text {
    if l.format == Format::Table && grid::streams(l.table) {
        return Text::Stream(Box::new(move |out| {
            let many = l.many_plans();
            let headers = dated_headers(&l, days_header, many);
            grid::write_plain(
                &headers,
                &DatedRows {
                    l: &l,
                    many,
                    tone,
                    rows: &rows,
                },
                out,
            )
        }));
    }
    let grid = dated_grid(&l, days_header, tone, &rows);
    let text = l.render(&grid, &rows);
    // The process ends after printing (see `cli::execute`): the cells of a long listing are
    // not freed one by one.
    std::mem::forget(grid);
    text
}

/// The rows of `overdue` or `upcoming` as a table made while it is printed.
struct DatedRows<'l, 'a> {
    l: &'l Listing<'a>,
    many: bool,
    tone: Tone,
    rows: &'l Listed<report::DatedRow<'a>>,
}

impl grid::Rows for DatedRows<'_, '_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn cells(&self, at: usize, f: &mut dyn FnMut(&[GridCell<'_>])) {
        if let Some(r) = self.rows.stored(at) {
            f(&dated_cells(self.l, self.many, self.tone, r));
        }
    }

    fn order(&self) -> Option<&[usize]> {
        Some(self.rows.order())
    }

    /// Reads the rows, then the first byte of their texts: a province's rows, listed by
    /// deadline, are scattered over hundreds of megabytes, and these short loops let the
    /// reads overlap.
    fn read_ahead(&self, ats: &[usize]) {
        let rows: Vec<&report::DatedRow<'_>> =
            ats.iter().filter_map(|&at| self.rows.stored(at)).collect();
        let first = |s: &str| s.as_bytes().first().copied().unwrap_or(0);
        let touched = rows.iter().fold(0u8, |acc, r| {
            acc ^ first(r.id) ^ first(r.title) ^ r.owner.map_or(0, first)
        });
        std::hint::black_box(touched);
    }
}

/// The headers of `overdue` and `upcoming`: days, due, [plan,] area, id, title, owner.
fn dated_headers(l: &Listing<'_>, days_header: &str, many: bool) -> Vec<String> {
    let t = l.labels();
    let mut headers = vec![days_header.to_string(), t.due.to_string()];
    if many {
        headers.push(t.plan.to_string());
    }
    headers.extend([t.area, t.id, t.title, t.owner].map(str::to_string));
    headers
}

/// The cells of one row of `overdue` or `upcoming`.
fn dated_cells<'a>(
    l: &Listing<'a>,
    many: bool,
    tone: Tone,
    r: &report::DatedRow<'a>,
) -> Vec<GridCell<'a>> {
    let t = l.labels();
    let mut cells = Vec::with_capacity(7);
    cells.extend([
        GridCell::num(itoa::Buffer::new().format(r.days.count()).to_string()).tone(tone),
        GridCell::num(ymd(r.due)),
    ]);
    if many {
        cells.push(GridCell::text(r.plan));
    }
    cells.extend([
        GridCell::text(r.area_title),
        GridCell::text(r.id),
        GridCell::text(r.title),
        GridCell::text(r.owner.unwrap_or(t.no_owner)),
    ]);
    cells
}

/// The whole table of `overdue` and `upcoming`, for every format but a streamed table.
fn dated_grid<'a>(
    l: &Listing<'a>,
    days_header: &str,
    tone: Tone,
    rows: &Listed<report::DatedRow<'a>>,
) -> Grid<'a> {
    let many = l.many_plans();
    let headers = dated_headers(l, days_header, many);
    // Long listings (every open item of a province) build their cells on all cores.
    let built = crate::par::map(&grid::pieces(rows.len()), |piece| {
        piece
            .clone()
            .filter_map(|i| rows.get(i))
            .map(|r| dated_cells(l, many, tone, r))
            .collect::<Vec<_>>()
    });
    let mut rows = Vec::with_capacity(rows.len());
    for piece in built {
        rows.extend(piece);
    }
    Grid { headers, rows }
}

pub fn upcoming(config: &Config, loaded: &'static Loaded, args: &ListArgs) -> Output {
    let l = match Listing::new(config, loaded, args) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let rows = report::upcoming(l.ws, &l.filter, l.clock);
    let stdout = if rows.is_empty() && l.format == Format::Table {
        format!("{}\n", labels::nothing_upcoming(l.lang, l.clock.within)).into()
    } else {
        let header = l.labels().days_left;
        dated_text(l, rows, header, Tone::Warn)
    };
    Output {
        stdout,
        ..Output::default()
    }
}

// ---- owners --------------------------------------------------------------------------

pub fn owners(config: &Config, loaded: &Loaded, args: &ListArgs) -> Output {
    let l = match Listing::new(config, loaded, args) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let rows = report::owners(l.ws, &l.filter, l.clock);
    let t = l.labels();
    let grid = Grid {
        headers: [
            t.owner,
            t.open,
            t.overdue,
            t.done,
            t.overdue_share,
            t.postponed,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let late = if r.overdue > 0 {
                    Tone::Alert
                } else {
                    Tone::Plain
                };
                vec![
                    GridCell::text(r.owner.as_deref().unwrap_or(t.no_owner)),
                    GridCell::num(r.open.to_string()),
                    GridCell::num(r.overdue.to_string()).tone(late),
                    GridCell::num(r.done.to_string()),
                    GridCell::num(grid::percent(r.overdue_share)).tone(late),
                    GridCell::num(r.delays.to_string()),
                ]
            })
            .collect(),
    };
    Output {
        stdout: l.render(&grid, &rows),
        ..Output::default()
    }
}

// ---- status --------------------------------------------------------------------------

pub fn status(config: &Config, loaded: &Loaded, args: &ListArgs) -> Output {
    let l = match Listing::new(config, loaded, args) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let stdout = if l.filter.area.is_some() {
        area_detail(&l)
    } else {
        let report = report::status(l.ws, &l.filter, l.clock);
        status_summary(&l, &report)
    };
    Output {
        stdout: stdout.into(),
        ..Output::default()
    }
}

fn status_summary(l: &Listing<'_>, report: &StatusReport) -> String {
    let t = l.labels();
    let header = |plan: &report::PlanStatus| {
        labels::as_of(
            l.lang,
            &ymd(report.today),
            plan.year,
            &grid::percent(plan.year_elapsed),
        )
    };
    match l.format {
        Format::Json => json(report),
        Format::Csv => {
            // One table for all plans, with a plan column.
            let empty = report::PlanStatus {
                id: String::new(),
                title: String::new(),
                year: 0,
                year_elapsed: 0.0,
                areas: Vec::new(),
            };
            let mut all = status_grid(t, &empty, true);
            for plan in &report.plans {
                all.rows.extend(status_grid(t, plan, true).rows);
            }
            grid::csv(&all)
        }
        Format::Table | Format::Markdown => {
            let mut out = String::new();
            for (i, plan) in report.plans.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let grid = status_grid(t, plan, false);
                if l.format == Format::Markdown {
                    out.push_str(&format!(
                        "## {}\n\n{}\n\n",
                        grid::md_text(&plan.title),
                        header(plan)
                    ));
                    out.push_str(&grid::markdown(&grid));
                } else {
                    out.push_str(&format!(
                        "{}\n{}\n",
                        crate::source::escape(&plan.title),
                        header(plan)
                    ));
                    out.push_str(&grid::table(&grid, l.table));
                }
            }
            out
        }
    }
}

/// The status table of one plan: a row per area.
fn status_grid<'r>(t: &Labels, plan: &'r report::PlanStatus, with_plan: bool) -> Grid<'r> {
    // An area with nothing of a kind shows `-`, not `0/0`.
    let count = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{a}/{b}")
        }
    };
    let mut headers = Vec::new();
    if with_plan {
        headers.push(t.plan.to_string());
    }
    headers.extend(
        [
            t.id,
            t.area,
            t.key,
            t.tasks_done,
            t.overdue,
            t.due_soon,
            t.targets_met,
            t.indicators_on_track,
        ]
        .map(str::to_string),
    );
    let rows = plan
        .areas
        .iter()
        .map(|a| {
            let mut cells = Vec::new();
            if with_plan {
                cells.push(GridCell::text(&plan.id));
            }
            let late = if a.overdue > 0 {
                Tone::Alert
            } else {
                Tone::Plain
            };
            let soon = if a.due_soon > 0 {
                Tone::Warn
            } else {
                Tone::Plain
            };
            cells.extend([
                GridCell::text(&a.id),
                GridCell::text(&a.title),
                GridCell::text(if a.key { t.key_mark } else { "" }),
                GridCell::num(count(a.tasks_done, a.tasks_total)),
                GridCell::num(a.overdue.to_string()).tone(late),
                GridCell::num(a.due_soon.to_string()).tone(soon),
                GridCell::num(count(a.targets_met, a.targets_total)),
                GridCell::num(count(a.indicators_on_track, a.indicators_total)),
            ]);
            cells
        })
        .collect();
    Grid { headers, rows }
}

/// One area's items with their state in words.
fn area_detail(l: &Listing<'_>) -> String {
    let rows = report::items(l.ws, &l.filter, l.clock);
    if l.format == Format::Json {
        return json(&rows);
    }
    let t = l.labels();
    let grid = Grid {
        headers: [t.id, t.kind, t.title, t.owner, t.due, t.state]
            .map(str::to_string)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let kind = if r.stretch {
                    bracket(l.lang, t.kind_name(r.kind), t.stretch)
                } else {
                    t.kind_name(r.kind).to_string()
                };
                let (words, tone) = item_words(l.lang, r);
                vec![
                    GridCell::text(&r.id),
                    GridCell::text(kind),
                    GridCell::text(&r.title),
                    GridCell::text(r.owner.as_deref().unwrap_or("")),
                    GridCell::num(r.due.map(ymd).unwrap_or_default()),
                    GridCell::text(words).tone(tone),
                ]
            })
            .collect(),
    };
    let mut out = String::new();
    if let Some(area) =
        l.ws.plans
            .iter()
            .filter(|p| l.filter.plan(p))
            .flat_map(|p| &p.areas)
            .find(|a| l.filter.area(a))
        && l.format != Format::Csv
    {
        let key = if area.key {
            bracket(l.lang, "", t.key_mark)
        } else {
            String::new()
        };
        match l.format {
            Format::Markdown => {
                out.push_str(&format!("## {}{key}\n\n", grid::md_text(&area.title)));
            }
            _ => out.push_str(&format!("{}{key}\n", crate::source::escape(&area.title))),
        }
    }
    out.push_str(&l.render_string(&grid, &rows));
    out
}

/// `text（note）` in Chinese, `text (note)` in English.
pub fn bracket(lang: Lang, text: &str, note: &str) -> String {
    match lang {
        Lang::Zh => format!("{text}（{note}）"),
        Lang::En if text.is_empty() => format!(" ({note})"),
        Lang::En => format!("{text} ({note})"),
    }
}

// ---- calendar ------------------------------------------------------------------------

/// `plan calendar`: every dated task and target of the listing as an iCalendar feed.
pub fn calendar(config: &Config, loaded: &Loaded, args: &crate::cli::args::CalendarArgs) -> Output {
    let l = match Listing::filtered(config, loaded, &args.filter, Format::Table) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let rows: Vec<ItemRow> = report::items(l.ws, &l.filter, l.clock)
        .into_iter()
        .filter(|r| r.due.is_some())
        .collect();
    let events: Vec<crate::render::ical::Event<'_>> = rows
        .iter()
        .map(|r| crate::render::ical::Event {
            row: r,
            area_title: l.area_title(&r.plan, &r.area),
            state: item_words(l.lang, r).0,
        })
        .collect();
    let t = l.labels();
    let title: Vec<&str> =
        l.ws.plans
            .iter()
            .filter(|p| l.filter.plan(p))
            .map(|p| p.title.as_str())
            .collect();
    let words = crate::render::ical::Words {
        calendar: &title.join(" / "),
        colon: if l.lang == Lang::Zh { "：" } else { ": " },
        area: t.area,
        owner: t.owner,
        state: t.state,
    };
    let feed = crate::render::ical::feed(&events, &words, l.clock.today);
    to_output(&l, feed, args.output.as_deref())
}

/// `text` to standard output, or written to `-o FILE` (`-o -` is standard output). A file
/// is written atomically, and never one of the plans' own files.
fn to_output(l: &Listing<'_>, text: String, file: Option<&std::path::Path>) -> Output {
    let path = match file {
        Some(path) if path.as_os_str() != "-" => path,
        _ => {
            return Output {
                stdout: text.into(),
                ..Output::default()
            };
        }
    };
    let shown = crate::source::escape(&path.display().to_string()).into_owned();
    if let Some(source) = crate::cli::filters::source_file(l.ws, path) {
        return super::fail(&messages::output_is_source(l.lang, &shown, &source));
    }
    match crate::edit::write::create(path, text.as_bytes()) {
        Ok(()) => Output::default(),
        Err(e) => super::fail(&messages::cannot_write_file(l.lang, &shown, &e.to_string())),
    }
}

// ---- report --------------------------------------------------------------------------

/// `plan report`: the Markdown bulletin or the HTML page.
pub fn report(config: &Config, loaded: &Loaded, args: &crate::cli::args::ReportArgs) -> Output {
    let l = match Listing::filtered(config, loaded, &args.filter, Format::Table) {
        Ok(l) => l,
        Err(out) => return out,
    };
    let bulletin = crate::compute::bulletin::bulletin(l.ws, &l.filter, l.clock);
    let text = match args.format {
        crate::cli::args::ReportFormat::Markdown => {
            crate::render::bulletin::markdown(&bulletin, l.lang)
        }
        crate::cli::args::ReportFormat::Html => crate::render::bulletin::html(&bulletin, l.lang),
    };
    to_output(&l, text, args.output.as_deref())
}

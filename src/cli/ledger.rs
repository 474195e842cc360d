//! `plan import` (a ledger into a new plan that passes `plan check`, or nothing at all) and
//! `plan export` (the plans as an .xlsx ledger).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::args::{ExportArgs, ImportArgs};
use crate::cli::listing::Listing;
use crate::cli::{CommandError, Config, ErrorKind, Output};
use crate::ledger::import::{self, Problem};
use crate::ledger::read::{self, ReadError};
use crate::ledger::words::{self, Field};
use crate::load::Loaded;
use crate::model::{Lang, PlanYear};
use crate::render::Format;
use crate::render::labels::messages;

fn shown(path: &Path) -> String {
    crate::source::escape(&path.display().to_string()).into_owned()
}

/// `--map`: `"header text" = "field"` lines.
fn map(path: &Path, lang: Lang) -> Result<import::Map, CommandError> {
    let bad = |e: String| CommandError::usage(messages::bad_map(lang, &shown(path), &e));
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| bad(e.message().to_string()))?;
    let mut out = Vec::new();
    for (name, value) in table {
        let field = value
            .as_str()
            .and_then(|f| Field::NAMES.iter().find(|(n, _)| *n == f))
            .ok_or_else(|| bad(format!("`{name}` = {value}")))?;
        out.push((name, field.1));
    }
    Ok(out)
}

/// Whether `id` can name a plan's directory.
fn good_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub fn import(
    args: &ImportArgs,
    plans: Option<&Path>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Output, CommandError> {
    if !good_id(&args.id) {
        return Err(CommandError::usage(messages::bad_plan_id(lang, &args.id)));
    }
    if !(1900..=2999).contains(&args.year) {
        return Err(CommandError::usage(messages::year_out_of_range(
            lang, args.year,
        )));
    }
    let file = shown(&args.file);
    let sheet = read::read(&args.file, args.sheet.as_deref()).map_err(|e| match e {
        ReadError::Io(error) => CommandError::new(
            ErrorKind::Io,
            messages::cannot_read_file(lang, &file, &error),
        ),
        ReadError::NotSpreadsheet => CommandError::usage(messages::not_spreadsheet(lang, &file)),
        ReadError::Password => CommandError::usage(messages::password_protected(lang, &file)),
        ReadError::Corrupt(error) => {
            CommandError::usage(messages::corrupt_spreadsheet(lang, &file, &error))
        }
        ReadError::NoSheet { name, sheets } => {
            CommandError::usage(messages::no_such_sheet(lang, &name, &sheets))
        }
        ReadError::Empty => CommandError::usage(messages::no_sheets(lang, &file)),
    })?;
    let map = match &args.map {
        Some(path) => map(path, lang)?,
        None => Vec::new(),
    };
    let span = match args.start {
        Some(start) => PlanYear::from(start),
        None => PlanYear::calendar(args.year),
    };
    let (ledger, problems) = import::import(&sheet, span, &map);
    let looked_for = words::HEADERS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(words::LIST_SEP);
    let report = crate::render::ledger::problems(&problems, lang, &looked_for, &sheet.name);
    if problems.iter().any(Problem::is_error) {
        return Err(CommandError::invalid_plans(report));
    }
    let root = args
        .output
        .clone()
        .or_else(|| plans.map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("plans"));
    let dir = root.join(&args.id);
    let title = ledger
        .title
        .clone()
        .or_else(|| {
            args.file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| args.id.clone());
    let source = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut files = vec![(
        "plan.toml".to_string(),
        import::plan_toml(&args.id, &title, args.year, args.start, &source),
    )];
    for (i, area) in ledger.areas.iter().enumerate() {
        files.push((
            format!("{:02}-{}.toml", i + 1, area.id),
            import::area_toml(area, today),
        ));
    }
    let undated = problems
        .iter()
        .filter(|p| matches!(p, Problem::NoDeadline { .. }))
        .count();
    if args.dry_run {
        let mut out = String::new();
        for (name, text) in &files {
            out.push_str(&format!("==> {} <==\n{text}\n", shown(&dir.join(name))));
        }
        return Ok(Output {
            stdout: out.into(),
            stderr: report,
            ..Output::default()
        });
    }
    write_plan(&root, &dir, &files, args.force, lang)?;
    Ok(Output {
        stdout: format!(
            "{}\n",
            messages::imported(
                lang,
                &shown(&dir),
                ledger.areas.len(),
                ledger.items,
                undated
            )
        )
        .into(),
        stderr: report,
        ..Output::default()
    })
}

/// Write the plan's files into a new directory beside the target, check that the plan loads
/// without errors, then move it into place (with `force`, in place of the old one).
fn write_plan(
    root: &Path,
    dir: &Path,
    files: &[(String, String)],
    force: bool,
    lang: Lang,
) -> Result<(), CommandError> {
    let io = |path: &Path, e: &std::io::Error| {
        CommandError::new(
            ErrorKind::Io,
            messages::cannot_write_file(lang, &shown(path), &e.to_string()),
        )
    };
    let holds_plan = std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "toml"))
    });
    if holds_plan && !force {
        return Err(CommandError::new(
            ErrorKind::Refused,
            messages::plan_exists(lang, &shown(dir)),
        ));
    }
    std::fs::create_dir_all(root).map_err(|e| io(root, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".plan-import-")
        .tempdir_in(root)
        .map_err(|e| io(root, &e))?;
    let new = staging.path().join(dir.file_name().unwrap_or_default());
    std::fs::create_dir(&new).map_err(|e| io(&new, &e))?;
    for (name, text) in files {
        let path = new.join(name);
        std::fs::write(&path, text).map_err(|e| io(&path, &e))?;
    }
    let loaded = crate::load::load(staging.path());
    if loaded.has_errors() {
        return Err(CommandError::new(
            ErrorKind::Refused,
            messages::import_invalid(lang),
        ));
    }
    if holds_plan {
        let old = staging.path().join(".replaced");
        std::fs::rename(dir, &old).map_err(|e| io(dir, &e))?;
    }
    std::fs::rename(&new, dir).map_err(|e| io(dir, &e))?;
    Ok(())
}

pub fn export(config: &Config, loaded: &Loaded, args: &ExportArgs) -> Result<Output, CommandError> {
    let l = Listing::filtered(config, loaded, &args.filter, Format::Table)?;
    let lang = l.lang;
    let path = &args.output;
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(CommandError::usage(messages::export_needs_xlsx(lang)));
    }
    if let Some(source) = crate::cli::filters::source_file(l.ws, path) {
        return Err(CommandError::usage(messages::output_is_source(
            lang,
            &shown(path),
            &source,
        )));
    }
    let items = crate::compute::ledger::rows(l.ws, &l.filter, l.clock);
    let indicators = crate::compute::indicators::rows(l.ws, &l.filter, l.clock.today);
    let units =
        crate::compute::report::owners(l.ws, &l.filter, l.clock, crate::compute::report::By::Unit);
    let title =
        l.ws.plans
            .iter()
            .filter(|p| l.filter.plan(p))
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
    let bytes =
        crate::render::xlsx::workbook(&title, &items, &indicators, &units, lang).map_err(|e| {
            CommandError::new(
                ErrorKind::Io,
                messages::cannot_write_file(lang, &shown(path), &e.to_string()),
            )
        })?;
    crate::edit::write::create(path, &bytes).map_err(|e| {
        CommandError::new(
            ErrorKind::Io,
            messages::cannot_write_file(lang, &shown(path), &e.to_string()),
        )
    })?;
    Ok(Output {
        stdout: format!(
            "{}\n",
            messages::exported(
                lang,
                &shown(path),
                items.len(),
                indicators.len(),
                units.len()
            )
        )
        .into(),
        ..Output::default()
    })
}

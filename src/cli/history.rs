//! `plan diff` and `plan log`: history from git, rendered as a table, JSON, CSV or Markdown.

use crate::cli::args::{DiffArgs, Format, LogArgs};
use crate::cli::listing::json;
use crate::cli::{Config, Output, fail, filters};
use crate::history::git::{GitError, Repo};
use crate::history::{self, ChangeRow, LogRow};
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::grid::{self, Grid, GridCell, Tone};
use crate::render::labels::labels;
use crate::render::labels::messages::What;

fn git_error(lang: Lang, e: GitError) -> Output {
    let zh = lang == Lang::Zh;
    fail(&match e {
        GitError::NotARepository(why) if zh => format!("计划目录不在 git 仓库中（{why}）"),
        GitError::NotARepository(why) => format!("the plans are not in a git repository ({why})"),
        GitError::UnknownRevision(rev) if zh => format!("git 中没有版本 `{rev}`"),
        GitError::UnknownRevision(rev) => format!("no revision `{rev}` in git"),
        GitError::NothingBefore(d) if zh => format!("{d} 之前没有提交"),
        GitError::NothingBefore(d) => format!("no commit before {d}"),
        GitError::Failed(why) => format!("git: {why}"),
    })
}

fn render(
    format: Format,
    grid: &Grid<'_>,
    rows: &impl serde::Serialize,
    config: &Config,
) -> String {
    match format {
        Format::Json => json(rows),
        Format::Csv => grid::csv(grid),
        Format::Markdown => grid::markdown(grid),
        Format::Table => grid::table(grid, config.table_options()),
    }
}

fn change_words(lang: Lang, change: &str) -> &'static str {
    let zh = lang == Lang::Zh;
    match (change, zh) {
        ("postponed", true) => "延期",
        ("postponed", false) => "postponed",
        ("brought_forward", true) => "提前",
        ("brought_forward", false) => "brought forward",
        ("overdue", true) => "新逾期",
        ("overdue", false) => "newly overdue",
        ("done", true) => "新完成",
        ("done", false) => "newly done",
        ("met", true) => "新达成",
        ("met", false) => "newly met",
        ("stage", true) => "阶段变化",
        ("stage", false) => "stage",
        ("actual", true) => "完成值",
        ("actual", false) => "actual",
        ("figure", true) => "新数据",
        ("figure", false) => "new figure",
        ("added", true) => "新增",
        ("added", false) => "added",
        (_, true) => "删除",
        (_, false) => "removed",
    }
}

pub fn diff(config: &Config, loaded: &Loaded, args: &DiffArgs) -> Output {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    if let Some(plan) = &args.plan
        && !ws.plans.iter().any(|p| p.id.value == *plan)
    {
        let known: Vec<&str> = ws.plans.iter().map(|p| p.id.value.as_str()).collect();
        return filters::unknown(lang, "--plan", What::Plan, plan, &known);
    }
    let repo = match Repo::open(&ws.root) {
        Ok(r) => r,
        Err(e) => return git_error(lang, e),
    };
    let sha = match (&args.rev, args.since) {
        (_, Some(day)) => repo.before(day),
        (Some(rev), None) => repo.resolve(rev),
        (None, None) => repo.resolve("HEAD"),
    };
    let (old, then) = match sha.and_then(|s| Ok((repo.load_at(&s)?, repo.date(&s)?))) {
        Ok(x) => x,
        Err(e) => return git_error(lang, e),
    };
    // Plans that did not load at that revision cannot be compared item by item: say so.
    let stderr = if old.has_errors() {
        let files = old
            .diagnostics
            .iter()
            .filter(|d| d.severity() == crate::diagnostic::Severity::Error)
            .count();
        match lang {
            Lang::Zh => format!(
                "warning: 该版本的计划文件有 {files} 处错误，未能读取的事项不在比较之内（可用 git checkout 该版本后运行 plan check 查看）\n"
            ),
            Lang::En => format!(
                "warning: the plans at that revision have {files} error(s); items that did not load there are left out of the comparison (check out that revision and run plan check to see them)\n"
            ),
        }
    } else {
        String::new()
    };
    let mut rows = history::diff(&old.workspace, then, ws, config.today);
    if let Some(plan) = &args.plan {
        rows.retain(|r| r.plan == *plan);
    }
    let t = labels(lang);
    let zh = lang == Lang::Zh;
    let w = |a: &'static str, b: &'static str| if zh { a } else { b };
    let grid = Grid {
        headers: [
            w("变化", "Change"),
            t.id,
            t.title,
            w("原", "From"),
            w("新", "To"),
            w("天数", "Days"),
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r: &ChangeRow| {
                let tone = match r.change {
                    "postponed" | "overdue" | "removed" => Tone::Alert,
                    "done" | "met" => Tone::Good,
                    _ => Tone::Plain,
                };
                let to = match (&r.to, r.growth) {
                    (Some(v), Some(g)) => format!("{v} ({g:+.1}%)"),
                    (v, _) => v.clone().unwrap_or_default(),
                };
                vec![
                    GridCell::text(change_words(lang, r.change)).tone(tone),
                    GridCell::text(r.id.as_str()),
                    GridCell::text(r.title.as_str()),
                    GridCell::text(r.from.clone().unwrap_or_default()),
                    GridCell::text(to),
                    GridCell::text(r.days.map(|d| format!("{d:+}")).unwrap_or_default()),
                ]
            })
            .collect(),
    };
    let stdout = if rows.is_empty() && args.format == Format::Table {
        format!(
            "{}\n",
            w("自该版本以来没有变化。", "Nothing moved since then.")
        )
    } else {
        render(args.format, &grid, &rows, config)
    };
    Output {
        stdout: stdout.into(),
        stderr,
        ..Output::default()
    }
}

pub fn log(config: &Config, loaded: &Loaded, args: &LogArgs) -> Output {
    let lang = config.lang_for(loaded);
    let ws = &loaded.workspace;
    let repo = match Repo::open(&ws.root) {
        Ok(r) => r,
        Err(e) => return git_error(lang, e),
    };
    let commits = match repo.commits() {
        Ok(c) => c,
        Err(e) => return git_error(lang, e),
    };
    let mut rows: Vec<LogRow> = Vec::new();
    let mut seen = history::find(ws, &args.id, args.plan.as_deref()).is_some();
    let mut before: Option<Vec<(&'static str, Option<String>)>> = None;
    for (i, commit) in commits.iter().enumerate() {
        let at = match repo.load_at(&commit.sha) {
            Ok(l) => l,
            Err(e) => return git_error(lang, e),
        };
        let after = history::find(&at.workspace, &args.id, args.plan.as_deref())
            .map(|(plan, item)| history::snapshot(plan, item));
        seen |= after.is_some();
        rows.extend(history::log_step(
            commit,
            before.as_deref(),
            after.as_deref(),
            repo.shallow && i == 0,
        ));
        before = after;
    }
    if !seen {
        let ids: Vec<&str> = ws
            .plans
            .iter()
            .flat_map(|p| p.items().map(|(_, i)| i.common().id.value.as_str()))
            .collect();
        return filters::unknown(lang, "ID", What::Item, &args.id, &ids);
    }
    let zh = lang == Lang::Zh;
    let w = |a: &'static str, b: &'static str| if zh { a } else { b };
    let field = |f: &str| -> &'static str {
        match (f, zh) {
            ("added", true) => "新增",
            ("shallow", true) => "历史起点（浅克隆，更早的提交不在本仓库）",
            ("shallow", false) => {
                "history starts here (shallow clone: earlier commits are not here)"
            }
            ("removed", true) => "删除",
            ("status", true) => "状态",
            ("due", true) => "期限",
            ("done", true) => "完成日期",
            ("last", true) => "上次完成",
            ("stage", true) => "阶段",
            ("actual", true) => "完成值",
            ("target", true) => "目标值",
            ("figures", true) => "报告期数据",
            ("added", false) => "added",
            ("removed", false) => "removed",
            ("status", false) => "status",
            ("due", false) => "due",
            ("done", false) => "done",
            ("last", false) => "last",
            ("stage", false) => "stage",
            ("actual", false) => "actual",
            ("target", false) => "target",
            (_, _) => "figures",
        }
    };
    let grid = Grid {
        headers: [
            w("日期", "Date"),
            w("提交", "Commit"),
            w("作者", "Author"),
            w("字段", "Field"),
            w("原", "From"),
            w("新", "To"),
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    GridCell::num(r.date.as_str()),
                    GridCell::text(r.commit.as_str()),
                    GridCell::text(r.author.as_str()),
                    GridCell::text(field(r.field)),
                    GridCell::text(r.from.clone().unwrap_or_default()),
                    GridCell::text(r.to.clone().unwrap_or_default()),
                ]
            })
            .collect(),
    };
    Output {
        stdout: render(args.format, &grid, &rows, config).into(),
        ..Output::default()
    }
}

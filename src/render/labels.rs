//! Every word the listings print, in Chinese and English. One struct per language, so that a
//! label missing in one language is a compile error.

use crate::compute::deadline::State;
use crate::compute::indicators::IndicatorStatus;
use crate::compute::report::ItemState;
use crate::model::{Kind, Lang, Stage};

pub struct Labels {
    pub id: &'static str,
    pub plan: &'static str,
    pub area: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub state: &'static str,
    pub days_late: &'static str,
    pub days_left: &'static str,
    pub key: &'static str,
    pub key_mark: &'static str,
    pub tasks_done: &'static str,
    pub overdue: &'static str,
    pub due_soon: &'static str,
    pub targets_met: &'static str,
    pub indicators_on_track: &'static str,
    pub open: &'static str,
    pub done: &'static str,
    pub overdue_share: &'static str,
    pub postponed: &'static str,
    pub no_owner: &'static str,
    pub stretch: &'static str,
    pub kinds: [&'static str; 4],
    pub stages: [&'static str; 6],
    pub field: &'static str,
    pub value: &'static str,
    // plan diff and plan log
    pub change: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub days: &'static str,
    pub date: &'static str,
    pub commit: &'static str,
    pub author: &'static str,
    pub log_field: &'static str,
    /// [`crate::history::Change`], in its order.
    pub changes: [&'static str; 10],
    /// [`crate::history::Field`], in its order.
    pub fields: [&'static str; 11],
    /// [`State`] as a value before or after a change, in its order.
    pub state_names: [&'static str; 6],
    /// [`crate::model::TaskStatus`], in its order.
    pub statuses: [&'static str; 5],
    pub nothing_moved: &'static str,
    /// `：` or `: `, between a label and its value in running text.
    pub colon: &'static str,
    // plan indicators
    pub indicator: &'static str,
    pub unit: &'static str,
    pub prior: &'static str,
    pub prior_year: &'static str,
    pub target: &'static str,
    pub target_growth: &'static str,
    pub period: &'static str,
    pub cumulative: &'static str,
    pub prior_period: &'static str,
    pub growth: &'static str,
    pub gap: &'static str,
    pub completion: &'static str,
    pub year_elapsed: &'static str,
    pub parent: &'static str,
    pub status: &'static str,
    /// A prior implied by target and growth.
    pub implied: &'static str,
    pub stale: &'static str,
    pub meant_to_fall: &'static str,
    pub no_period_yet: &'static str,
    /// `；` or `; `, between clauses.
    pub sep: &'static str,
    // plan show
    pub with: &'static str,
    pub tags: &'static str,
    pub delay: &'static str,
    pub due_written: &'static str,
    pub every: &'static str,
    /// [`crate::model::Every`], in its order.
    pub everies: [&'static str; 5],
    pub last_done: &'static str,
    pub actual: &'static str,
    pub progress: &'static str,
    pub compare: &'static str,
    pub at_least: &'static str,
    pub at_most: &'static str,
    pub stretch_target: &'static str,
    pub yes: &'static str,
    pub counts_stage: &'static str,
    pub reached: &'static str,
    pub not_reached: &'static str,
    pub investment: &'static str,
    /// After a stage's name: the day it was reached.
    pub stage_on: &'static str,
    pub counted_by: &'static str,
    pub direction: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub children: &'static str,
    pub prior_implied: &'static str,
    pub prior_from_previous_plan: &'static str,
    pub latest_period: &'static str,
    pub gap_points: &'static str,
    pub note: &'static str,
    pub defined_at: &'static str,
}

const ZH: Labels = Labels {
    id: "编号",
    plan: "计划",
    area: "工作方面",
    kind: "类型",
    title: "名称",
    owner: "牵头单位",
    due: "期限",
    state: "状态",
    days_late: "逾期天数",
    days_left: "剩余天数",
    key: "重点",
    key_mark: "重点",
    tasks_done: "任务完成",
    overdue: "逾期",
    due_soon: "即将到期",
    targets_met: "目标达成",
    indicators_on_track: "指标正常",
    open: "未完成",
    done: "已完成",
    overdue_share: "逾期占比",
    postponed: "延期次数",
    no_owner: "（未指定）",
    stretch: "力争",
    kinds: ["任务", "目标", "项目", "指标"],
    stages: ["洽谈中", "已签约", "已供地", "已开工", "已建成", "已投产"],
    field: "项目",
    value: "内容",
    change: "变化",
    from: "原",
    to: "新",
    days: "天数",
    date: "日期",
    commit: "提交",
    author: "作者",
    log_field: "字段",
    changes: [
        "延期",
        "提前",
        "新逾期",
        "新完成",
        "新达成",
        "阶段变化",
        "完成值",
        "新数据",
        "新增",
        "删除",
    ],
    fields: [
        "新增",
        "删除",
        "历史起点（浅克隆，更早的提交不在本仓库）",
        "状态",
        "期限",
        "完成日期",
        "上次完成",
        "阶段",
        "完成值",
        "目标值",
        "报告期数据",
    ],
    state_names: ["已完成", "已达成", "已取消", "逾期", "即将到期", "未完成"],
    statuses: ["待办", "进行中", "受阻", "已完成", "已取消"],
    nothing_moved: "自该版本以来没有变化。",
    colon: "：",
    indicator: "指标",
    unit: "单位",
    prior: "上年数",
    prior_year: "上年数",
    target: "目标值",
    target_growth: "目标增速",
    period: "报告期",
    cumulative: "累计值",
    prior_period: "上年同期",
    growth: "同比增速",
    gap: "增速差",
    completion: "完成进度",
    year_elapsed: "时间进度",
    parent: "上级指标",
    status: "状态",
    implied: "推算",
    stale: "数据滞后",
    meant_to_fall: "下降型指标",
    no_period_yet: "暂无报告期数据。",
    sep: "；",
    with: "配合单位",
    tags: "标签",
    delay: "延期",
    due_written: "原写期限",
    every: "周期",
    everies: ["每周", "每半月", "每月", "每季度", "每年"],
    last_done: "上次完成",
    actual: "完成值",
    progress: "完成进度",
    compare: "比较",
    at_least: "不低于目标值",
    at_most: "不超过目标值",
    stretch_target: "力争目标",
    yes: "是",
    counts_stage: "计数阶段",
    reached: "已达到",
    not_reached: "未达到",
    investment: "投资额",
    stage_on: "日期",
    counted_by: "计入目标",
    direction: "方向",
    up: "上升",
    down: "下降",
    children: "下级指标",
    prior_implied: "（由目标值和增速推算）",
    prior_from_previous_plan: "（取自上年计划）",
    latest_period: "最新报告期",
    gap_points: "增速差（百分点）",
    note: "备注",
    defined_at: "定义位置",
};

const EN: Labels = Labels {
    id: "ID",
    plan: "Plan",
    area: "Area",
    kind: "Kind",
    title: "Title",
    owner: "Owner",
    due: "Due",
    state: "State",
    days_late: "Days late",
    days_left: "Days left",
    key: "Key",
    key_mark: "key",
    tasks_done: "Tasks done",
    overdue: "Overdue",
    due_soon: "Due soon",
    targets_met: "Targets met",
    indicators_on_track: "Indicators on track",
    open: "Open",
    done: "Done",
    overdue_share: "Overdue share",
    postponed: "Postponed",
    no_owner: "(none)",
    stretch: "stretch",
    kinds: ["task", "target", "project", "indicator"],
    stages: [
        "negotiating",
        "signed",
        "land",
        "started",
        "completed",
        "producing",
    ],
    field: "Field",
    value: "Value",
    change: "Change",
    from: "From",
    to: "To",
    days: "Days",
    date: "Date",
    commit: "Commit",
    author: "Author",
    log_field: "Field",
    changes: [
        "postponed",
        "brought forward",
        "newly overdue",
        "newly done",
        "newly met",
        "stage",
        "actual",
        "new figure",
        "added",
        "removed",
    ],
    fields: [
        "added",
        "removed",
        "history starts here (shallow clone: earlier commits are not here)",
        "status",
        "due",
        "done",
        "last",
        "stage",
        "actual",
        "target",
        "figures",
    ],
    state_names: ["done", "met", "dropped", "overdue", "due_soon", "open"],
    statuses: ["todo", "doing", "blocked", "done", "dropped"],
    nothing_moved: "Nothing moved since then.",
    colon: ": ",
    indicator: "Indicator",
    unit: "Unit",
    prior: "Prior",
    prior_year: "Prior year",
    target: "Target",
    target_growth: "Target growth",
    period: "Period",
    cumulative: "Value",
    prior_period: "Prior period",
    growth: "Growth",
    gap: "Gap (pp)",
    completion: "Completion",
    year_elapsed: "Year elapsed",
    parent: "Parent",
    status: "Status",
    implied: "implied",
    stale: "stale",
    meant_to_fall: "meant to fall",
    no_period_yet: "No period reported yet.",
    sep: "; ",
    with: "With",
    tags: "Tags",
    delay: "Delay",
    due_written: "Due as written",
    every: "Every",
    everies: ["week", "half-month", "month", "quarter", "year"],
    last_done: "Last done",
    actual: "Actual",
    progress: "Progress",
    compare: "Compare",
    at_least: "at least the target",
    at_most: "at most the target",
    stretch_target: "Stretch",
    yes: "yes",
    counts_stage: "Counts stage",
    reached: "reached",
    not_reached: "not reached",
    investment: "Investment",
    stage_on: " on",
    counted_by: "Counted by",
    direction: "Direction",
    up: "up",
    down: "down",
    children: "Sub-indicators",
    prior_implied: " (implied by target and growth)",
    prior_from_previous_plan: " (from the previous year's plan)",
    latest_period: "Latest period",
    gap_points: "Gap (pp)",
    note: "Note",
    defined_at: "Defined at",
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Labels {
    pub fn kind_name(&self, kind: Kind) -> &'static str {
        self.kinds[kind as usize]
    }

    pub fn stage_name(&self, stage: Stage) -> &'static str {
        self.stages[stage as usize]
    }
}

/// A state in words: `done on 2016-03-28`, `overdue 3 days`, `due in 5 days`, ...
pub fn state_words(lang: Lang, state: State, days: Option<i64>, done_on: Option<String>) -> String {
    let zh = lang == Lang::Zh;
    match (state, days) {
        (State::Done, _) => match (done_on, zh) {
            (Some(d), true) => format!("已于 {d} 完成"),
            (Some(d), false) => format!("done on {d}"),
            (None, true) => "已完成".into(),
            (None, false) => "done".into(),
        },
        (State::Met, _) => if zh { "已达成" } else { "met" }.into(),
        (State::Dropped, _) => if zh { "已取消" } else { "dropped" }.into(),
        (State::Overdue, Some(n)) => {
            if zh {
                format!("逾期 {n} 天")
            } else {
                format!("overdue {n} day{}", plural(n))
            }
        }
        (State::DueSoon | State::Open, Some(0)) => if zh { "今天到期" } else { "due today" }.into(),
        (State::DueSoon | State::Open, Some(n)) => {
            if zh {
                format!("还有 {n} 天到期")
            } else {
                format!("due in {n} day{}", plural(n))
            }
        }
        _ => if zh { "未完成" } else { "open" }.into(),
    }
}

pub fn indicator_words(lang: Lang, status: IndicatorStatus) -> &'static str {
    match (status, lang) {
        (IndicatorStatus::OnTrack, Lang::Zh) => "达到目标增速",
        (IndicatorStatus::OnTrack, Lang::En) => "on track",
        (IndicatorStatus::Behind, Lang::Zh) => "低于目标增速",
        (IndicatorStatus::Behind, Lang::En) => "behind",
        (IndicatorStatus::Unknown, Lang::Zh) => "无法判断",
        (IndicatorStatus::Unknown, Lang::En) => "unknown",
        (IndicatorStatus::NoData, Lang::Zh) => "暂无数据",
        (IndicatorStatus::NoData, Lang::En) => "no data",
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `As of 2016-06-30, 49.7% of 2016 has passed`.
pub fn as_of(lang: Lang, today: &str, year: i32, elapsed: &str) -> String {
    match lang {
        Lang::Zh => format!("截至 {today}，{year} 年已过 {elapsed}"),
        Lang::En => format!("As of {today}, {elapsed} of {year} has passed"),
    }
}

pub fn nothing_overdue(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有逾期事项。",
        Lang::En => "Nothing is overdue.",
    }
}

pub fn nothing_upcoming(lang: Lang, within: i64) -> String {
    match lang {
        Lang::Zh => format!("未来 {within} 天内没有到期事项。"),
        Lang::En => format!("Nothing is due in the next {within} days."),
    }
}

/// Sentences with figures in them, in both languages.
pub mod sentences {
    use crate::model::Lang;

    /// Completion against the share of the year elapsed.
    pub fn pace(lang: Lang, on_pace: bool, points: &str) -> String {
        match (lang, on_pace) {
            (Lang::Zh, true) => "完成进度不低于时间进度".to_string(),
            (Lang::Zh, false) => format!("完成进度落后时间进度 {points} 个百分点"),
            (Lang::En, true) => "completion keeps pace with the year".to_string(),
            (Lang::En, false) => format!("completion {points} points behind the year elapsed"),
        }
    }

    /// What the rest of the year must deliver (`needed` with its unit), and at what growth.
    pub fn rest_of_year(lang: Lang, needed: &str, growth: Option<f64>) -> String {
        match (lang, growth) {
            (Lang::Zh, Some(g)) => {
                format!("全年还需完成 {needed}，剩余月份需比上年同期增长 {g:+.1}%")
            }
            (Lang::Zh, None) => format!("全年还需完成 {needed}"),
            (Lang::En, Some(g)) => format!(
                "the rest of the year must deliver {needed}, {g:+.1}% on the same months of the prior year"
            ),
            (Lang::En, None) => format!("the rest of the year must deliver {needed}"),
        }
    }

    /// When a postponement was decided, after the old and new deadlines.
    pub fn decided(lang: Lang, on: &str) -> String {
        match lang {
            Lang::Zh => format!("（{on} 决定）"),
            Lang::En => format!(" (decided {on})"),
        }
    }

    /// A figure the release cadence says is out by now.
    pub fn figure_due(lang: Lang, period: &str) -> String {
        match lang {
            Lang::Zh => format!("按发布周期应已有 {period} 的数据"),
            Lang::En => format!("the {period} figure is due by now"),
        }
    }
}

/// Messages for errors that are not about a place in a file.
pub mod messages {
    use crate::model::Lang;

    pub fn root_missing(lang: Lang, dir: &str) -> String {
        match lang {
            Lang::Zh => format!("计划目录 `{dir}` 不存在"),
            Lang::En => format!("plans directory `{dir}` does not exist"),
        }
    }

    pub fn root_not_a_directory(lang: Lang, dir: &str) -> String {
        match lang {
            Lang::Zh => format!("计划目录 `{dir}` 不是目录\n  help: --plans 应指向含有计划的目录"),
            Lang::En => format!(
                "plans directory `{dir}` is not a directory\n  help: --plans names the directory that holds the plans"
            ),
        }
    }

    pub fn root_not_found(lang: Lang, cwd: &str) -> String {
        match lang {
            Lang::Zh => format!(
                "在 `{cwd}` 及其上级目录中找不到 `plans/` 目录\n  help: 用 --plans 或 PLAN_DIR 指定计划目录"
            ),
            Lang::En => format!(
                "no `plans/` directory in `{cwd}` or any directory above it\n  help: name one with --plans or PLAN_DIR"
            ),
        }
    }

    pub fn no_cwd(lang: Lang, error: &str) -> String {
        match lang {
            Lang::Zh => format!("无法读取当前目录：{error}"),
            Lang::En => format!("cannot read the current directory: {error}"),
        }
    }

    /// What a filter names, for `unknown`.
    #[derive(Debug, Clone, Copy)]
    pub enum What {
        Plan,
        Area,
        Owner,
        Tag,
        Item,
        Indicator,
    }

    /// `--area: no area `investmnt` in the plans`, with a did-you-mean.
    pub fn unknown(
        lang: Lang,
        flag: &str,
        what: What,
        given: &str,
        suggestion: Option<&str>,
    ) -> String {
        let word = match (what, lang) {
            (What::Plan, Lang::Zh) => "计划",
            (What::Area, Lang::Zh) => "工作方面",
            (What::Owner, Lang::Zh) => "牵头单位",
            (What::Tag, Lang::Zh) => "标签",
            (What::Item, Lang::Zh) => "事项",
            (What::Indicator, Lang::Zh) => "指标",
            (What::Plan, Lang::En) => "plan",
            (What::Area, Lang::En) => "area",
            (What::Owner, Lang::En) => "owner",
            (What::Tag, Lang::En) => "tag",
            (What::Item, Lang::En) => "item",
            (What::Indicator, Lang::En) => "indicator",
        };
        let mut m = match lang {
            Lang::Zh => format!("{flag}：计划中没有{word} `{given}`"),
            Lang::En => format!("{flag}: no {word} `{given}` in the plans"),
        };
        if let Some(s) = suggestion {
            m.push_str(&match lang {
                Lang::Zh => format!("\n  help: 是否想写 `{s}`？"),
                Lang::En => format!("\n  help: did you mean `{s}`?"),
            });
        }
        m
    }

    pub fn ambiguous(lang: Lang, id: &str, plans: &str) -> String {
        match lang {
            Lang::Zh => {
                format!("`{id}` 出现在多个计划中（{plans}）\n  help: 用 --plan 指定其中一个")
            }
            Lang::En => {
                format!("`{id}` is in more than one plan ({plans})\n  help: name one with --plan")
            }
        }
    }

    pub fn output_is_source(lang: Lang, file: &str, source: &str) -> String {
        match lang {
            Lang::Zh => format!(
                "-o {file} 指向计划文件 {source}，拒绝覆盖\n  help: 把报告写到计划目录之外的文件"
            ),
            Lang::En => format!(
                "-o {file} is the plan file {source}; it is not overwritten\n  help: write the report to a file outside the plans"
            ),
        }
    }

    pub fn cannot_write_file(lang: Lang, file: &str, error: &str) -> String {
        match lang {
            Lang::Zh => format!("无法写入 {file}：{error}"),
            Lang::En => format!("cannot write {file}: {error}"),
        }
    }

    /// Why git could not answer.
    pub fn git(lang: Lang, e: &crate::history::git::GitError) -> String {
        use crate::history::git::GitError;
        match (e, lang) {
            (GitError::NotARepository(why), Lang::Zh) => {
                format!("计划目录不在 git 仓库中（{why}）")
            }
            (GitError::NotARepository(why), Lang::En) => {
                format!("the plans are not in a git repository ({why})")
            }
            (GitError::UnknownRevision(rev), Lang::Zh) => format!("git 中没有版本 `{rev}`"),
            (GitError::UnknownRevision(rev), Lang::En) => format!("no revision `{rev}` in git"),
            (GitError::NothingBefore(d), Lang::Zh) => format!("{d} 之前没有提交"),
            (GitError::NothingBefore(d), Lang::En) => format!("no commit before {d}"),
            (GitError::Failed(why), _) => format!("git: {why}"),
        }
    }

    pub fn cannot_write(lang: Lang, error: &str) -> String {
        match lang {
            Lang::Zh => format!("无法写出结果：{error}"),
            Lang::En => format!("cannot write the output: {error}"),
        }
    }
}

/// Messages of the editing commands.
pub mod edits {
    use crate::edit::rules::{NumberArg, Refusal};
    use crate::model::Lang;
    use crate::number::NumberError;

    fn pick(lang: Lang, zh: String, en: String) -> String {
        if lang == Lang::Zh { zh } else { en }
    }

    /// Why an edit was refused, in words.
    pub fn refusal(lang: Lang, id: &str, refusal: &Refusal) -> String {
        let t = super::labels(lang);
        match refusal {
            Refusal::WrongKind {
                command,
                wants,
                found,
            } => {
                let hint = match (*command, lang) {
                    ("done", Lang::Zh) => "（目标请用 plan actual）",
                    ("done", Lang::En) => " (for a target use `plan actual`)",
                    ("postpone", Lang::Zh) => "（或目标）",
                    ("postpone", Lang::En) => " (or targets)",
                    _ => "",
                };
                let first = wants.first().map_or("", |k| t.kind_name(*k));
                let wants = match lang {
                    Lang::Zh => first.to_string(),
                    Lang::En => format!("{first}s"),
                };
                wrong_kind(lang, id, t.kind_name(*found), command, &wants, hint)
            }
            Refusal::BatchActual => batch_actual(lang, id),
            Refusal::BadPeriod(text) => bad_period(lang, text),
            Refusal::BadDate(text) => bad_date(lang, text),
            Refusal::Number { arg, text, error } => {
                let what = match (arg, lang) {
                    (NumberArg::Value, Lang::Zh) => "数值",
                    (NumberArg::Value, Lang::En) => "value",
                    (NumberArg::Prior, _) => "--prior",
                };
                match error {
                    NumberError::TooLarge => number_too_large(lang, what, text),
                    NumberError::TooSmall => number_too_small(lang, what, text),
                    NumberError::NotANumber | NumberError::NotFinite => {
                        not_a_number(lang, what, text)
                    }
                }
            }
            Refusal::EmptyReason => empty_reason(lang),
            Refusal::RecurringPostpone => recurring_postpone(lang, id),
            Refusal::NoDeadline => no_deadline(lang, id),
            Refusal::SameDeadline(to) => same_deadline(lang, id, &to.to_string()),
            Refusal::EarlierDeadline { from, to } => {
                earlier_deadline(lang, id, &from.to_string(), &to.to_string())
            }
        }
    }

    /// `sign-batch-1` is a target; `plan done` works on tasks.
    fn wrong_kind(
        lang: Lang,
        id: &str,
        kind: &str,
        command: &str,
        wants: &str,
        hint: &str,
    ) -> String {
        pick(
            lang,
            format!("`{id}` 是{kind}，`plan {command}` 只能用于{wants}{hint}"),
            format!("`{id}` is a {kind}; `plan {command}` works on {wants}{hint}"),
        )
    }

    fn not_a_number(lang: Lang, what: &str, text: &str) -> String {
        pick(
            lang,
            format!("{what} `{text}` 不是有限的数值"),
            format!("{what} `{text}` is not a finite number"),
        )
    }

    fn number_too_large(lang: Lang, what: &str, text: &str) -> String {
        pick(
            lang,
            format!("{what} `{text}` 太大"),
            format!("{what} `{text}` is too large a number"),
        )
    }

    fn number_too_small(lang: Lang, what: &str, text: &str) -> String {
        pick(
            lang,
            format!("{what} `{text}` 太接近零，无法表示"),
            format!("{what} `{text}` is too close to zero to be held (it would read as 0)"),
        )
    }

    fn bad_period(lang: Lang, text: &str) -> String {
        pick(
            lang,
            format!(
                "报告期 `{text}` 无效\n  help: 写成 \"2016-03\"、\"2016-Q1\"、\"2016-H1\" 或 \"2016\""
            ),
            format!(
                "`{text}` is not a period\n  help: write \"2016-03\", \"2016-Q1\", \"2016-H1\" or \"2016\""
            ),
        )
    }

    fn bad_date(lang: Lang, text: &str) -> String {
        pick(
            lang,
            format!(
                "日期 `{text}` 无效\n  help: 写成 2016-04-30，或期间 \"2016-04\"、\"2016-Q2\"、\"2016-H2\"、\"2016\""
            ),
            format!(
                "`{text}` is not a date\n  help: write 2016-04-30, or a period \"2016-04\", \"2016-Q2\", \"2016-H2\", \"2016\""
            ),
        )
    }

    fn no_deadline(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!("`{id}` 没有期限可以延期\n  help: 在文件中先写上 `due`"),
            format!(
                "`{id}` has no deadline to postpone\n  help: give it a `due` in the file first"
            ),
        )
    }

    fn same_deadline(lang: Lang, id: &str, due: &str) -> String {
        pick(
            lang,
            format!("`{id}` 的期限已经是 {due}"),
            format!("`{id}` is already due {due}"),
        )
    }

    fn earlier_deadline(lang: Lang, id: &str, from: &str, to: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}` 的期限是 {from}，{to} 更早，不是延期\n  help: 提前完成请直接改写 `due`"
            ),
            format!(
                "`{id}` is due {from}; {to} is earlier, which is not a postponement\n  help: to bring a deadline forward, edit its `due`"
            ),
        )
    }

    fn empty_reason(lang: Lang) -> String {
        pick(
            lang,
            "延期必须写明原因（--reason）".into(),
            "a postponement needs a reason (--reason)".into(),
        )
    }

    pub fn unchanged(lang: Lang, file: &str) -> String {
        pick(
            lang,
            format!("{file} 无需修改"),
            format!("{file}: nothing to change"),
        )
    }

    pub fn written(lang: Lang, file: &str, id: &str) -> String {
        pick(
            lang,
            format!("已修改 {file}（{id}）"),
            format!("updated {file} ({id})"),
        )
    }

    pub fn refused(lang: Lang, file: &str) -> String {
        pick(
            lang,
            format!("修改后计划将无法通过检查，{file} 未作改动"),
            format!("the edit would leave the plans invalid; {file} is unchanged"),
        )
    }

    fn batch_actual(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}` 是按项目计数的目标，完成数由所列项目的阶段自动计算\n  help: 用 plan stage 推进项目"
            ),
            format!(
                "`{id}` is a batch target: its value is counted from its projects\n  help: move the projects with `plan stage`"
            ),
        )
    }

    fn recurring_postpone(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!("`{id}` 是周期性任务，没有可延期的期限\n  help: 完成一次后用 plan done 记录"),
            format!(
                "`{id}` is a recurring task: it has no deadline of its own to postpone\n  help: record each time it is done with `plan done`"
            ),
        )
    }

    pub fn vanished(lang: Lang, file: &str, id: &str) -> String {
        pick(
            lang,
            format!("在 {file} 中找不到 `{id}`（文件是否刚被改动？）"),
            format!("`{id}` is no longer in {file} (did the file just change?)"),
        )
    }

    pub fn kept_changing(lang: Lang, file: &str, tries: usize) -> String {
        pick(
            lang,
            format!(
                "{file} 在修改期间被其他程序改动了 {tries} 次，未作改动\n  help: 等其他编辑保存完毕后再试"
            ),
            format!(
                "{file} was changed by another program during the edit, {tries} times; it is unchanged\n  help: try again when the other writer has finished"
            ),
        )
    }

    pub fn read_only(lang: Lang, file: &str) -> String {
        pick(
            lang,
            format!("{file} 是只读文件，未作改动\n  help: 确需修改时先 chmod u+w"),
            format!(
                "{file} is read-only; it is unchanged\n  help: make it writable (chmod u+w) if it should be edited"
            ),
        )
    }

    pub fn hard_links(lang: Lang, file: &str, links: u64) -> String {
        pick(
            lang,
            format!(
                "{file} 有 {links} 个硬链接，替换它会使其他链接停留在旧内容，未作改动\n  help: 用符号链接代替硬链接"
            ),
            format!(
                "{file} has {links} hard links: replacing it would leave the others with the old text; it is unchanged\n  help: use a symbolic link instead"
            ),
        )
    }

    pub fn too_large(lang: Lang, file: &str, size: u64, limit: u64) -> String {
        pick(
            lang,
            format!("修改后 {file} 将有 {size} 字节，超过上限 {limit} 字节，未作改动"),
            format!(
                "the edit would make {file} {size} bytes, over the limit of {limit}; it is unchanged"
            ),
        )
    }

    pub fn busy(lang: Lang, file: &str, seconds: u64) -> String {
        pick(
            lang,
            format!(
                "另一个 plan 修改命令占用 {file} 所在目录超过 {seconds} 秒，未作改动\n  help: 稍后再试"
            ),
            format!(
                "another `plan` edit held the directory of {file} for over {seconds} s; it is unchanged\n  help: try again later"
            ),
        )
    }

    pub fn cannot(lang: Lang, file: &str, error: &str) -> String {
        pick(
            lang,
            format!("无法修改 {file}：{error}"),
            format!("cannot edit {file}: {error}"),
        )
    }
}

/// The state of one item in words, and how to colour it.
pub fn item_words(
    lang: Lang,
    r: &crate::compute::report::ItemRow,
) -> (String, crate::render::grid::Tone) {
    let zh = lang == Lang::Zh;
    let tone = match r.state {
        ItemState::Dated(State::Overdue) => crate::render::grid::Tone::Alert,
        ItemState::Dated(State::DueSoon) => crate::render::grid::Tone::Warn,
        ItemState::Dated(State::Done | State::Met) => crate::render::grid::Tone::Good,
        ItemState::Dated(State::Dropped | State::Open)
        | ItemState::Stage(_)
        | ItemState::Indicator(_) => crate::render::grid::Tone::Plain,
    };
    let mut words = match r.state {
        ItemState::Dated(s) => state_words(
            lang,
            s,
            r.days_overdue.or(r.days_left),
            r.done_on.map(crate::date::ymd),
        ),
        ItemState::Stage(s) => labels(lang).stage_name(s).to_string(),
        ItemState::Indicator(status) => indicator_words(lang, status).to_string(),
    };
    if r.kind == Kind::Target {
        let unit = r.unit.as_deref().unwrap_or("");
        let figures = match (r.actual, r.target) {
            (Some(a), Some(g)) => {
                let progress = r
                    .progress
                    .map(crate::render::grid::percent)
                    .unwrap_or_default();
                if zh {
                    format!(
                        "{}/{}{unit}（{progress}）",
                        crate::render::grid::number(a),
                        crate::render::grid::number(g)
                    )
                } else {
                    let unit = if unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {unit}")
                    };
                    format!(
                        "{}/{}{unit} ({progress})",
                        crate::render::grid::number(a),
                        crate::render::grid::number(g)
                    )
                }
            }
            (None, Some(g)) => {
                if zh {
                    format!("尚无完成数，目标 {}{unit}", crate::render::grid::number(g))
                } else {
                    format!(
                        "no actual yet, target {} {unit}",
                        crate::render::grid::number(g)
                    )
                    .trim_end()
                    .to_string()
                }
            }
            _ => String::new(),
        };
        if !figures.is_empty() {
            words.push_str(if zh { "；" } else { "; " });
            words.push_str(&figures);
        }
    }
    (words, tone)
}

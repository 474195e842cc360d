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
    pub state_names: [&'static str; 8],
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
    pub about: &'static str,
    pub tolerance: &'static str,
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
    // plan report
    pub areas_heading: &'static str,
    /// The column of progress bars.
    pub bar: &'static str,
    pub overdue_heading: &'static str,
    pub targets_heading: &'static str,
    pub indicators_heading: &'static str,
    pub none: &'static str,
    pub growth_against_target: &'static str,
    pub completion_against_year: &'static str,
    /// The page's `lang` attribute.
    pub html_lang: &'static str,
    /// The footer, before the date.
    pub made_by: &'static str,
    // errors
    pub error: &'static str,
    pub help: &'static str,
    pub warning: &'static str,
    /// Before a diagnostic's second place (a duplicate's first definition).
    pub see: &'static str,
    /// After `error` or `help`: `: ` or `：`.
    pub prefix_sep: &'static str,
    // responsibility
    pub leader: &'static str,
    pub indicators_behind: &'static str,
    /// Between the names of a list (co-lead units): `、` or `, `.
    pub list_sep: &'static str,
    /// A preliminary figure (初步预计, 快报).
    pub provisional: &'static str,
    pub binding: &'static str,
    pub evidence: &'static str,
    pub ongoing: &'static str,
    pub parent_item: &'static str,
    pub sub_items: &'static str,
    pub progress_report: &'static str,
    pub approved_by: &'static str,
    pub light: &'static str,
    /// Red, yellow and green, in [`crate::compute::light::Light`]'s order.
    pub lights: [&'static str; 3],
    pub red: &'static str,
    pub yellow: &'static str,
    // the supervision loop
    pub window_end: &'static str,
    pub latest_report: &'static str,
    pub never: &'static str,
    pub awaiting: &'static str,
    pub verified: &'static str,
    pub on_time_rate: &'static str,
    pub late: &'static str,
    pub feedback_missed: &'static str,
    pub rank: &'static str,
    pub latest_progress: &'static str,
    pub days_late_short: &'static str,
    pub due_by_today: &'static str,
    pub on_time: &'static str,
    pub units_to_press: &'static str,
    pub watched_heading: &'static str,
    pub awaiting_heading: &'static str,
    pub scoreboard_heading: &'static str,
    pub evidence_given: &'static str,
    pub tasks_total: &'static str,
    pub targets_total: &'static str,
    pub indicators_total: &'static str,
    pub overview_heading: &'static str,
    pub plans_heading: &'static str,
    pub units_heading: &'static str,
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
    state_names: [
        "已完成",
        "已达成",
        "已取消",
        "逾期",
        "即将到期",
        "未完成",
        "目标范围内",
        "已超出目标",
    ],
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
    about: "目标值左右",
    tolerance: "允许偏差",
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
    areas_heading: "各方面进展",
    bar: "进度",
    overdue_heading: "逾期事项",
    targets_heading: "目标",
    indicators_heading: "统计指标",
    none: "无。",
    growth_against_target: "增速对比目标",
    completion_against_year: "完成进度对比时间进度",
    html_lang: "zh-CN",
    made_by: "由 plan 生成，截至 ",
    error: "错误",
    help: "提示",
    warning: "警告",
    see: "参见",
    prefix_sep: "：",
    leader: "责任领导",
    indicators_behind: "指标落后",
    list_sep: "、",
    provisional: "初步",
    binding: "约束性",
    evidence: "办结材料",
    ongoing: "长期坚持",
    parent_item: "上级事项",
    sub_items: "分解事项",
    progress_report: "进展",
    approved_by: "批准",
    light: "灯",
    lights: ["● 红灯", "● 黄灯", "● 绿灯"],
    red: "红灯",
    yellow: "黄灯",
    window_end: "报送截止",
    latest_report: "最近报送",
    never: "从未报送",
    awaiting: "待销号",
    verified: "销号",
    on_time_rate: "按期办结率",
    late: "逾期办结",
    feedback_missed: "未报进展",
    rank: "排名",
    latest_progress: "最新进展",
    days_late_short: "逾期天数",
    due_by_today: "已到期",
    on_time: "按期办结",
    units_to_press: "需要督促的单位",
    watched_heading: "红黄灯事项与最新进展",
    awaiting_heading: "待销号事项",
    scoreboard_heading: "各单位排名",
    evidence_given: "证明材料",
    tasks_total: "任务总数",
    targets_total: "目标总数",
    indicators_total: "指标总数",
    overview_heading: "总览",
    plans_heading: "各计划",
    units_heading: "各牵头单位",
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
    state_names: [
        "done", "met", "dropped", "overdue", "due_soon", "open", "within", "exceeded",
    ],
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
    about: "about the target",
    tolerance: "Tolerance",
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
    areas_heading: "Areas",
    bar: "Progress",
    overdue_heading: "Overdue",
    targets_heading: "Targets",
    indicators_heading: "Indicators",
    none: "None.",
    growth_against_target: "Growth against target",
    completion_against_year: "Completion against the year",
    html_lang: "en",
    made_by: "Made by plan, as of ",
    error: "error",
    help: "help",
    warning: "warning",
    see: "note",
    prefix_sep: ": ",
    leader: "Leader",
    indicators_behind: "Indicators behind",
    list_sep: ", ",
    provisional: "provisional",
    binding: "Binding",
    evidence: "Evidence required",
    ongoing: "Ongoing",
    parent_item: "Part of",
    sub_items: "Sub-items",
    progress_report: "Progress",
    approved_by: "approved by",
    light: "Light",
    lights: ["● red", "● yellow", "● green"],
    red: "Red",
    yellow: "Yellow",
    window_end: "Window ended",
    latest_report: "Latest report",
    never: "never",
    awaiting: "Awaiting verification",
    verified: "Verified",
    on_time_rate: "On-time rate",
    late: "Done late",
    feedback_missed: "Missed reports",
    rank: "Rank",
    latest_progress: "Latest progress",
    days_late_short: "Days late",
    due_by_today: "Due",
    on_time: "On time",
    units_to_press: "Units to press",
    watched_heading: "Lights and latest progress",
    awaiting_heading: "Awaiting verification",
    scoreboard_heading: "Units ranked",
    evidence_given: "Evidence",
    tasks_total: "Tasks total",
    targets_total: "Targets total",
    indicators_total: "Indicators total",
    overview_heading: "Overview",
    plans_heading: "Plans",
    units_heading: "Lead units",
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

/// A message for the user and, when there is one, what to do about it (the `help:` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub hint: Option<String>,
}

impl Message {
    /// A message without a hint.
    pub fn new(text: impl Into<String>) -> Self {
        Message {
            text: text.into(),
            hint: None,
        }
    }

    /// The message with `hint` on a `help:` line.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A light in words, with a dot so it reads in black and white, and its tone.
pub fn light_words(
    t: &Labels,
    light: Option<crate::compute::light::Light>,
) -> (&'static str, crate::render::grid::Tone) {
    use crate::compute::light::Light;
    use crate::render::grid::Tone;
    match light {
        Some(Light::Red) => (t.lights[0], Tone::Alert),
        Some(Light::Yellow) => (t.lights[1], Tone::Warn),
        Some(Light::Green) => (t.lights[2], Tone::Good),
        None => ("", Tone::Plain),
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
        (State::Within, _) => if zh {
            "目标范围内"
        } else {
            "within the target"
        }
        .into(),
        (State::Exceeded, _) => if zh { "已超出目标" } else { "exceeded" }.into(),
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
pub fn as_of(
    lang: Lang,
    today: &str,
    year: i32,
    fiscal: Option<crate::model::PlanYear>,
    elapsed: &str,
) -> String {
    let ymd = crate::date::ymd;
    match (lang, fiscal) {
        (Lang::Zh, None) => format!("截至 {today}，{year} 年已过 {elapsed}"),
        (Lang::En, None) => format!("As of {today}, {elapsed} of {year} has passed"),
        (Lang::Zh, Some(y)) => format!(
            "截至 {today}，计划年度（{} 至 {}）已过 {elapsed}",
            ymd(y.first),
            ymd(y.last)
        ),
        (Lang::En, Some(y)) => format!(
            "As of {today}, {elapsed} of the plan year {} to {} has passed",
            ymd(y.first),
            ymd(y.last)
        ),
    }
}

/// The plans directory a listing read.
pub fn plans_root(lang: Lang, root: &str) -> String {
    match lang {
        Lang::Zh => format!("计划目录：{root}"),
        Lang::En => format!("Plans: {root}"),
    }
}

pub fn nothing_to_chase(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有需要催报的事项。",
        Lang::En => "Every item has reported progress.",
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
pub mod sentences;

/// The files `plan init` writes.
pub mod templates;

/// Messages for errors that are not about a place in a file.
pub mod messages;

/// Messages of the editing commands.
pub mod edits;
pub mod help;

/// `text（note）` in Chinese, `text (note)` in English.
pub fn bracket(lang: Lang, text: &str, note: &str) -> String {
    match lang {
        Lang::Zh => format!("{text}（{note}）"),
        Lang::En if text.is_empty() => format!(" ({note})"),
        Lang::En => format!("{text} ({note})"),
    }
}

/// The state of one item in words, and how to colour it.
pub fn item_words(
    lang: Lang,
    r: &crate::compute::report::ItemRow,
) -> (String, crate::render::grid::Tone) {
    let zh = lang == Lang::Zh;
    let tone = match r.state {
        ItemState::Dated(State::Overdue | State::Exceeded) => crate::render::grid::Tone::Alert,
        ItemState::Dated(State::DueSoon) => crate::render::grid::Tone::Warn,
        ItemState::Dated(State::Done | State::Met) => crate::render::grid::Tone::Good,
        ItemState::Dated(State::Dropped | State::Open | State::Within)
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
                let progress = r.progress.map(crate::number::percent).unwrap_or_default();
                if zh {
                    format!(
                        "{}/{}{unit}（{progress}）",
                        crate::number::grouped(a),
                        crate::number::grouped(g)
                    )
                } else {
                    let unit = if unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {unit}")
                    };
                    format!(
                        "{}/{}{unit} ({progress})",
                        crate::number::grouped(a),
                        crate::number::grouped(g)
                    )
                }
            }
            (None, Some(g)) => {
                if zh {
                    format!("尚无完成数，目标 {}{unit}", crate::number::grouped(g))
                } else {
                    format!("no actual yet, target {} {unit}", crate::number::grouped(g))
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
    if r.awaiting_verification {
        words.push_str(if zh {
            "；待销号"
        } else {
            "; awaiting verification"
        });
        return (words, crate::render::grid::Tone::Warn);
    }
    (words, tone)
}

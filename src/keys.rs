//! Every key of the plan format, declared once: where it may be written, what it holds, whether
//! it is required, and what it means in Chinese and English. The lowering checks keys against
//! these declarations (an unknown key gets a did-you-mean from them), `plan schema` is generated
//! from them, and so are the key tables of docs/format.md (a test keeps them current). Adding a
//! key is one entry in [`KEYS`] plus its meaning: a match arm in `load::lower` and what the
//! model does with it.

use crate::model::{
    Cadence, Compare, Direction, Every, FeedbackEvery, Kind, Lang, Stage, TaskStatus,
};

/// Where keys are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `plan.toml`: its top level.
    PlanFile,
    /// `[plan]`.
    Plan,
    /// An area file: its top level.
    AreaFile,
    /// `[area]`.
    Area,
    /// `[owners."NAME"]`: a collective unit.
    OwnerGroup,
    /// `[[task]]`.
    Task,
    /// `[[target]]`.
    Target,
    /// `[[project]]`.
    Project,
    /// `[[indicator]]`.
    Indicator,
    /// An entry of `delays`.
    Delay,
    /// An entry of an indicator's `actuals`.
    Actual,
    /// An entry of a target's `actuals`.
    TargetActual,
    /// An entry of a target's `milestones`.
    Milestone,
    /// An entry of `progress`.
    Progress,
    /// `[lights]` in plan.toml.
    Lights,
}

impl Section {
    /// What a table of this section is, in Chinese and English (`None` for a file's top level).
    pub fn about(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Section::PlanFile | Section::AreaFile => return None,
            Section::Plan => ("计划", "The plan"),
            Section::OwnerGroup => (
                "一个单位：集体单位（如 各街道）以其成员单位计数、筛选；email 为督办通知单的收件地址",
                "A unit: a collective unit (such as 各街道) is counted and filtered as its members; `email` receives its notices",
            ),
            Section::Area => ("一个工作方面", "One area of the plan"),
            Section::Task => ("一项措施", "A measure: something to do, maybe by a date"),
            Section::Target => ("一个数量目标", "A quantity to reach"),
            Section::Project => ("一个具名项目", "A named investment or construction project"),
            Section::Indicator => (
                "一个统计指标",
                "A statistical indicator compared with the prior year",
            ),
            Section::Delay => ("一次延期", "One postponement"),
            Section::Actual => ("一个报告期", "One reported period"),
            Section::TargetActual => ("一个时点的完成数", "The figure as of the end of a period"),
            Section::Milestone => ("一个序时目标", "A milestone: a figure to reach by a date"),
            Section::Progress => ("一次进展报告", "One progress report"),
            Section::Lights => (
                "红黄绿灯的阈值",
                "When an open item's light turns yellow or red",
            ),
        })
    }
}

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Free text.
    Text,
    /// An item's id: no white space.
    Id,
    /// The id of another item of this kind.
    Ref(Kind),
    /// Several texts.
    Texts,
    /// Several dates (days).
    Dates,
    /// One text or several (`owner = "A"` or `owner = ["A", "B"]`).
    OneOrMore,
    /// The ids of several items of this kind.
    Refs(Kind),
    Number,
    Boolean,
    /// A day or a period (docs/format.md, "Dates").
    Date,
    /// A reporting period: a month, quarter, half or year.
    Period,
    /// A calendar year, 1900 to 2999.
    Year,
    /// Whole days, 0 to 366.
    Days,
    /// One of these names; `default` when the key is left out.
    Choice {
        names: &'static [&'static str],
        default: Option<&'static str>,
    },
    /// A table of this section's keys.
    Table(Section),
    /// A table of named tables of this section's keys (`[owners."各街道"]`).
    Named(Section),
    /// An array of tables of this section's keys (`[[task]]`, or `{ … }` entries).
    Tables(Section),
}

/// One key: its name, where it is written, what it holds and means.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    /// The sections it may be written in.
    pub on: &'static [Section],
    /// The sections where it must be written.
    pub required: &'static [Section],
    pub ty: Type,
    /// What it means, for the schema's hover text (Chinese, then English).
    pub zh: &'static str,
    pub en: &'static str,
    /// The note in the key tables of docs/format.md (Markdown; may be empty).
    pub doc: &'static str,
}

use Section::{
    Actual, Area, AreaFile, Delay, Indicator, Lights, Milestone, OwnerGroup, Plan, PlanFile,
    Progress, Project, Target, TargetActual, Task,
};

const ITEMS: &[Section] = &[Task, Target, Project, Indicator];
const STAGES: &[&str] = Stage::NAMES;

/// Declares a key of several sections.
const fn key(
    name: &'static str,
    on: &'static [Section],
    ty: Type,
    zh: &'static str,
    en: &'static str,
    doc: &'static str,
) -> Key {
    Key {
        name,
        on,
        required: &[],
        ty,
        zh,
        en,
        doc,
    }
}

impl Key {
    /// The key is required in `sections`.
    const fn required_in(mut self, sections: &'static [Section]) -> Key {
        self.required = sections;
        self
    }
}

/// A stage date of a project: the day it reached the stage named by the key.
const fn stage_date(name: &'static str) -> Key {
    key(
        name,
        &[Project],
        Type::Date,
        "达到该阶段的日期",
        "The day this stage was reached",
        "the day that stage was reached",
    )
}

/// Every key, in the order each section lists them.
pub const KEYS: &[Key] = &[
    // ---- the files' top levels
    key("plan", &[PlanFile], Type::Table(Plan), "", "", "").required_in(&[PlanFile]),
    key(
        "lights",
        &[PlanFile],
        Type::Table(Lights),
        "",
        "",
        "",
    ),
    key(
        "owners",
        &[PlanFile],
        Type::Named(OwnerGroup),
        "单位：集体单位 [owners.\"各街道\"] members = [\"东城街道\", …]；收件地址 email = \"…\"",
        "Units: collective units [owners.\"各街道\"] members = [\"东城街道\", …]; mail addresses email = \"…\"",
        "",
    ),
    key("area", &[AreaFile], Type::Table(Area), "", "", "").required_in(&[AreaFile]),
    key("task", &[AreaFile], Type::Tables(Task), "措施", "Tasks", ""),
    key("target", &[AreaFile], Type::Tables(Target), "目标", "Targets", ""),
    key("project", &[AreaFile], Type::Tables(Project), "项目", "Projects", ""),
    key("indicator", &[AreaFile], Type::Tables(Indicator), "指标", "Indicators", ""),
    // ---- ids, everywhere
    key(
        "id",
        &[Plan, Area, Task, Target, Project, Indicator],
        Type::Id,
        "编号：不含空白，在整个计划内唯一（不分类型、不分文件）",
        "Id: no white space, unique across the whole plan whatever the kind or file",
        "required; no white space, control or direction characters, `/` or `\\`; unique across the whole plan, whatever the kind or file",
    )
    .required_in(&[Area, Task, Target, Project, Indicator]),
    // ---- [plan]
    key("title", &[Plan], Type::Text, "计划名称", "Title of the plan", "required")
        .required_in(&[Plan]),
    key("org", &[Plan], Type::Text, "编制单位", "Organisation", ""),
    key("year", &[Plan], Type::Year, "计划年度", "Plan year", "required").required_in(&[Plan]),
    key(
        "lang",
        &[Plan],
        Type::Choice {
            names: Lang::NAMES,
            default: None,
        },
        "输出语言",
        "Output language",
        "the default output language",
    ),
    key(
        "start",
        &[Plan],
        Type::Date,
        "财政年度等非自然年的首日（须在 year 或上一年内）；计划年度自此起算一年",
        "The first day of a year that is not the calendar year (a fiscal year), within `year` or the year before",
        "a fiscal year: the plan's year runs one year from this day (within `year` or the year before)",
    ),
    key(
        "approve_delays",
        &[Plan],
        Type::Boolean,
        "每次延期都须写明批准人（approved_by），否则警告",
        "Every postponement names who approved it (`approved_by`), else a warning",
        "every delay entry must name `approved_by` (a warning otherwise)",
    ),
    key(
        "feedback",
        &[Plan, Task, Target],
        Type::Choice {
            names: FeedbackEvery::NAMES,
            default: Some("none"),
        },
        "报送进展的周期：half-month（15 日和月末）、month、quarter、none（默认）；事项上的写法优先",
        "How often open items report progress: half-month (the 15th and the last day), month, quarter, none (default); an item's own wins",
        "进展报送周期: windows end on the 15th and the last day (half-month), on `feedback_day` or the last day (month), on that day of the quarter (quarter); see \"The supervision loop\"",
    ),
    key(
        "feedback_day",
        &[Plan, Task, Target],
        Type::Days,
        "每月（或每季度那个月）报送进展的日子，1 到 31（默认月末）",
        "The day of the month (or of the quarter's month) progress is due, 1 to 31 (default the last day)",
        "month and quarter: 1–31, clamped to the month's end (default the last day)",
    ),
    key(
        "feedback_month",
        &[Plan, Task, Target],
        Type::Days,
        "按季度报送时，季度中的第几个月，1 到 3（默认 3）",
        "Quarterly feedback: the month of the quarter, 1 to 3 (default 3)",
        "quarter only: 1–3 (default 3)",
    ),
    key(
        "verify",
        &[Plan],
        Type::Boolean,
        "两步办结：事项办结（done）后，还须督查部门核验销号（verified）",
        "Closing in two steps: a done task or met target waits for the office's `verified`",
        "办结 → 销号: done tasks and met targets are awaiting verification until `verified`",
    ),
    key(
        "previous",
        &[Plan],
        Type::Id,
        "上年计划的编号，取上年数时使用",
        "The id of the previous year's plan, for priors",
        "the previous year's plan, whose full-year figures are this plan's priors",
    ),
    key(
        "money_unit",
        &[Plan],
        Type::Text,
        "项目投资额的单位（默认 亿元）",
        "Unit of project investment (default 亿元)",
        "the unit of project investment",
    ),
    // ---- [area]
    key("title", &[Area], Type::Text, "工作方面名称", "Title of the area", "required")
        .required_in(&[Area]),
    key("key", &[Area], Type::Boolean, "重点工作", "A key area (重点)", "重点 (default false)"),
    key(
        "owner",
        &[Area],
        Type::OneOrMore,
        "牵头单位（一个或多个）",
        "Lead unit(s)",
        "the lead units of the area's items that name none",
    ),
    key(
        "leader",
        &[Area],
        Type::OneOrMore,
        "责任领导（一个或多个）",
        "Responsible leader(s)",
        "the responsible leaders of the area's items that name none",
    ),
    // ---- every item
    key(
        "title",
        ITEMS,
        Type::Text,
        "名称",
        "Title",
        "required (**Decision**: an item without a title cannot be reported)",
    )
    .required_in(ITEMS),
    key(
        "owner",
        ITEMS,
        Type::OneOrMore,
        "牵头单位：一个或多个（不写时用工作方面的 owner）",
        "Lead unit(s) (default: the area's owner)",
        "the lead units (牵头单位), each counted fully; when absent, the area's `owner` stands in",
    ),
    key(
        "leader",
        ITEMS,
        Type::OneOrMore,
        "责任领导：一个或多个（不写时用工作方面的 leader）",
        "Responsible leader(s) (default: the area's leader)",
        "the responsible leaders (责任领导); when absent, the area's `leader` stands in",
    ),
    key("with", ITEMS, Type::Texts, "配合单位", "Assisting units", "assisting units (配合)"),
    key("tags", ITEMS, Type::Texts, "标签", "Tags", ""),
    key("note", ITEMS, Type::Text, "备注", "Note", ""),
    key(
        "progress",
        ITEMS,
        Type::Tables(Progress),
        "进展情况：每次一条，按日期排列；plan progress 追加",
        "Progress reports, in date order; `plan progress` appends one",
        "进展情况: `{ on, text, percent, by }` in date order; `plan progress` appends one",
    ),
    key(
        "binding",
        &[Task, Target, Indicator],
        Type::Boolean,
        "约束性（默认为预期性）",
        "Binding (约束性); the default is expected (预期性)",
        "约束性: shown in `show`, the indicator table and the report, where binding items behind or overdue come first",
    ),
    key(
        "evidence_required",
        &[Task, Target],
        Type::Text,
        "办结所需的证明材料（如 会议纪要、验收报告）",
        "What proves it done (会议纪要, 验收报告)",
        "what proves it done; shown in `show`",
    ),
    key(
        "verified",
        &[Task, Target],
        Type::Date,
        "督查部门核验销号的日期（不早于 done）；plan verify 写入",
        "The day the office verified it done (销号), not before `done`; `plan verify` writes it",
        "销号: not before `done`, only on a done task or met target; `plan verify` writes it",
    ),
    key(
        "evidence",
        &[Task, Target],
        Type::Texts,
        "办结的证明材料：仓库中的文件路径（须存在）或链接",
        "What proves it done: paths in the repository (they must exist) or links",
        "paths relative to the repository holding the plans root (checked to exist); links (`https://…`) kept as written",
    ),
    // ---- [[task]]
    key(
        "due",
        &[Task],
        Type::Date,
        "期限：日期 2016-03-31，或期间 \"2016-03\"（月底）、\"2016-Q1\"、\"2016-H1\"、\"2016\"",
        "Deadline: a day 2016-03-31, or a period \"2016-03\" (its last day), \"2016-Q1\", \"2016-H1\", \"2016\"",
        "optional deadline",
    ),
    key(
        "status",
        &[Task],
        Type::Choice {
            names: TaskStatus::NAMES,
            default: Some("todo"),
        },
        "状态：todo（默认）、doing、blocked、done、dropped",
        "Status: todo (default), doing, blocked, done, dropped",
        "open = todo, doing or blocked",
    ),
    key("done", &[Task], Type::Date, "完成日期", "The day it was done", "the day it was finished"),
    key(
        "every",
        &[Task],
        Type::Choice {
            names: Every::NAMES,
            default: None,
        },
        "周期性任务的周期",
        "Recurrence of a standing duty",
        "a recurring duty",
    ),
    key(
        "last",
        &[Task],
        Type::Date,
        "周期性任务最近一次完成的日期",
        "Recurring tasks: when last done",
        "recurring only: when it was last done",
    ),
    key(
        "parent",
        &[Task],
        Type::Ref(Kind::Task),
        "上级任务的编号：本任务是其分解任务",
        "The task this one is a sub-item of",
        "a sub-item (分解任务) of that task: see \"Sub-items\"",
    ),
    key(
        "start",
        &[Task, Target],
        Type::Date,
        "开始日期：时间进度从此算起（默认计划年度首日）",
        "When work starts: the time elapsed runs from here (default the plan's first day)",
        "the time elapsed (序时进度) of the lights runs from here to `due` (default the plan's first day)",
    ),
    key(
        "ongoing",
        &[Task],
        Type::Boolean,
        "长期坚持、持续推进、常态化的工作：永不逾期，不计入完成数",
        "Work that never finishes (长期坚持, 常态化): never overdue, not counted as done or open",
        "长期坚持 / 常态化: never overdue, left out of done/total and of `plan owners` but for missed progress reports",
    ),
    key(
        "day",
        &[Task],
        Type::Days,
        "固定日期的周期性任务：每周第几天（周一为 1）、每月（季、年）几日，半月为 15（即 15 日和月末）",
        "A duty fixed to the calendar: day of the week (Monday = 1), of the month (quarter, year), or 15 for half-months (the 15th and the last day)",
        "anchors a recurring duty to the calendar (每月28日前): week 1–7 (Monday = 1), half-month 15 (the 15th and the last day), month, quarter and year 1–31 (clamped to the month's end)",
    ),
    key(
        "month",
        &[Task],
        Type::Days,
        "固定日期的季度或年度任务：周期中的第几个月（默认最后一个月）",
        "Quarterly or yearly anchored duties: the month of the period (default its last)",
        "quarter 1–3, year 1–12: the month of the period, default its last (每季度最后一个月的30日前)",
    ),
    key(
        "submitted",
        &[Task],
        Type::Dates,
        "固定日期任务每次完成（报送）的日期；plan done 会追加",
        "The days an anchored duty was done; `plan done` appends one",
        "anchored duties: the days it was done (报送); each satisfies the earliest open occurrence; `plan done` appends",
    ),
    // ---- [[target]]
    key("unit", &[Target], Type::Text, "单位", "Unit", ""),
    key(
        "target",
        &[Target],
        Type::Number,
        "目标值（按项目计数时默认为所列项目数）",
        "The value to reach (a batch target: the number of listed projects by default)",
        "required for a numeric target",
    ),
    key(
        "actual",
        &[Target],
        Type::Number,
        "完成值（按项目计数的目标不可填写）",
        "The value reached so far (not on a batch target)",
        "the value reached so far",
    ),
    key(
        "compare",
        &[Target],
        Type::Choice {
            names: Compare::NAMES,
            default: Some("at_least"),
        },
        "at_least（不低于，默认）、at_most（控制在…以内）或 about（…左右）",
        "at_least (default), at_most (a ceiling) or about (within `tolerance`)",
        "`at_most`: a ceiling (控制在…以内); `about`: …左右, within `tolerance` either way",
    ),
    key(
        "parent",
        &[Target],
        Type::Ref(Kind::Target),
        "上级目标的编号：本目标是其分解目标",
        "The target this one is a sub-item of",
        "a sub-item of that target: see \"Sub-items\"",
    ),
    key(
        "actuals",
        &[Target],
        Type::Tables(TargetActual),
        "各时点的完成数（不与 actual 同时使用）",
        "Figures as of the end of their periods (not beside `actual`)",
        "the figure as of the end of each period (running totals for counts and money, levels for rates); not beside `actual`",
    ),
    key(
        "milestones",
        &[Target],
        Type::Tables(Milestone),
        "序时目标：各期限应达到的数",
        "Milestones: figures to reach by dates before `due`",
        "序时目标: `{ due, value }`, each a figure as of its date; the earliest missed one makes the target overdue",
    ),
    key(
        "tolerance",
        &[Target],
        Type::Number,
        "about 目标的允许偏差，与目标同单位（默认为目标值的 1%）",
        "The band of an `about` target, in its unit (default 1 % of the target)",
        "`about` only; in the target's unit; default 1 % of the target",
    ),
    key(
        "lag",
        &[Target],
        Type::Days,
        "期限后多少天才有数据（如年终数据）；逾期从期限加上这些天之后算起",
        "Days after `due` by which the figure is known; overdue only after them",
        "overdue only when today > due + lag (`days_overdue` still counts from `due`)",
    ),
    key(
        "stretch",
        &[Target],
        Type::Boolean,
        "力争目标",
        "A stretch target (力争)",
        "力争: shown as a stretch target",
    ),
    key(
        "due",
        &[Target],
        Type::Date,
        "期限，默认为计划年度末",
        "Deadline; default the end of the plan year",
        "default: the last day of the plan year",
    ),
    key(
        "stage",
        &[Target],
        Type::Choice {
            names: STAGES,
            default: None,
        },
        "按项目计数：所列项目须达到的阶段",
        "Batch target: the stage the listed projects must reach",
        "a batch target: the stage its projects must reach (with `projects`)",
    ),
    key(
        "projects",
        &[Target],
        Type::Refs(Kind::Project),
        "按项目计数：项目编号",
        "Batch target: project ids",
        "a batch target: the projects it counts (with `stage`)",
    ),
    key(
        "delays",
        &[Task, Target],
        Type::Tables(Delay),
        "延期记录：每次延期一条；最后一条的 to 应等于 due",
        "Delay log: one entry per postponement; the last `to` equals `due`",
        "the delay log (延期记录); `from` and `to` are required",
    ),
    // ---- [[project]]
    key(
        "investment",
        &[Project],
        Type::Number,
        "投资额，单位为计划的 money_unit",
        "Investment, in the plan's money_unit",
        "in the plan's `money_unit`",
    ),
    key(
        "stage",
        &[Project],
        Type::Choice {
            names: STAGES,
            default: Some("negotiating"),
        },
        "阶段：negotiating 洽谈、signed 签约、land 供地、started 开工、completed 建成、producing 投产",
        "Stage: negotiating, signed, land, started, completed, producing",
        "**Decision**: default `negotiating`",
    ),
    stage_date(STAGES[0]),
    stage_date(STAGES[1]),
    stage_date(STAGES[2]),
    stage_date(STAGES[3]),
    stage_date(STAGES[4]),
    stage_date(STAGES[5]),
    // ---- [[indicator]]
    key(
        "unit",
        &[Indicator],
        Type::Text,
        "单位（如 亿元、万元、亿美元、%）",
        "Unit (亿元, 万元, 亿美元, %)",
        "",
    ),
    key(
        "prior",
        &[Indicator],
        Type::Number,
        "上年全年数",
        "Prior-year full-year value",
        "the prior year's full-year value",
    ),
    key(
        "target",
        &[Indicator],
        Type::Number,
        "本年目标值",
        "This year's target value",
        "this year's target value",
    ),
    key(
        "growth",
        &[Indicator],
        Type::Number,
        "目标同比增速（%）；下降写负数",
        "Target year-on-year growth in percent; negative for a fall",
        "target year-on-year growth in percent; negative for a planned fall",
    ),
    key(
        "direction",
        &[Indicator],
        Type::Choice {
            names: Direction::NAMES,
            default: Some("up"),
        },
        "up（默认）或 down（下降型指标，如能耗）",
        "up (default) or down (meant to fall, like energy intensity)",
        "`down` for indicators meant to fall",
    ),
    key(
        "parent",
        &[Indicator],
        Type::Ref(Kind::Indicator),
        "上级指标的编号（「其中」）",
        "The parent indicator's id (其中)",
        "this is a sub-indicator (其中) of that one; no loops",
    ),
    key(
        "basis",
        &[Indicator],
        Type::Choice {
            names: &["nominal", "comparable"],
            default: Some("nominal"),
        },
        "comparable：目标增速按可比价计算（如 GDP），只按公布的增速判断",
        "comparable: the target growth is at comparable prices (as GDP's); judged on published growth only",
        "`comparable` (可比价): no target value is derived, no completion; the status comes only from published `growth`",
    ),
    key(
        "approx",
        &[Indicator],
        Type::Boolean,
        "目标增速为约数（…左右）",
        "The target growth is approximate (…左右)",
        "…左右: on track within `tolerance_pp` points of the target growth",
    ),
    key(
        "tolerance_pp",
        &[Indicator],
        Type::Number,
        "approx 指标允许低于目标增速的百分点（默认 0.5）",
        "How many points below the target growth an `approx` indicator may be (default 0.5)",
        "`approx` only; percentage points, default 0.5",
    ),
    key(
        "stretch",
        &[Indicator],
        Type::Boolean,
        "力争（努力实现）",
        "A stretch indicator (力争)",
        "力争 / 努力实现: shown as a stretch indicator",
    ),
    key(
        "unit_differs",
        &[Indicator],
        Type::Boolean,
        "子指标与上级指标单位不同是有意的",
        "This sub-indicator's unit differs from its parent's on purpose",
        "the sub-indicator's unit differs from its parent's on purpose",
    ),
    key(
        "actuals",
        &[Indicator],
        Type::Tables(Actual),
        "各报告期的累计数",
        "Cumulative figures reported so far",
        "cumulative figures; `prior` is the same period of the prior year",
    ),
    key(
        "cadence",
        &[Indicator],
        Type::Choice {
            names: Cadence::NAMES,
            default: None,
        },
        "数据发布周期",
        "How often figures are released",
        "how often figures are released",
    ),
    key(
        "lag",
        &[Indicator],
        Type::Days,
        "报告期结束后多少天应有数据",
        "Days after a period's end by which its figure is expected",
        "how long after a period's end its figure is expected (default 0; needs `cadence`)",
    ),
    // ---- [owners."NAME"]
    key(
        "members",
        &[OwnerGroup],
        Type::Texts,
        "成员单位",
        "Member units",
        "the units the collective name stands for",
    ),
    key(
        "email",
        &[OwnerGroup],
        Type::Text,
        "督办通知单的收件地址",
        "The unit's mail address, for `plan notice --mail`",
        "where `plan notice --mail` sends the unit's notice",
    ),
    // ---- entries of a target's `actuals`
    key("period", &[TargetActual], Type::Period, "时点：\"2016-03\"、\"2016-Q1\"、\"2016-H1\"、\"2016\"", "Period: \"2016-03\", \"2016-Q1\", \"2016-H1\", \"2016\"", "")
        .required_in(&[TargetActual]),
    key("value", &[TargetActual], Type::Number, "该时点的完成数", "The figure as of the period's end", "")
        .required_in(&[TargetActual]),
    // ---- [lights]
    key("warn_days", &[Lights], Type::Days, "到期前多少天亮黄灯（默认 7）", "Due within this many days: yellow (default 7)", ""),
    key("yellow_pp", &[Lights], Type::Number, "完成进度落后时间进度超过多少个百分点亮黄灯（默认 10）", "Completion trailing the time elapsed by more points than this: yellow (default 10)", ""),
    key("red_pp", &[Lights], Type::Number, "落后超过多少个百分点亮红灯（默认 30）", "… by more than this: red (default 30)", ""),
    // ---- entries of `progress`
    key("on", &[Progress], Type::Date, "报告日期", "The day it was reported", "").required_in(&[Progress]),
    key("text", &[Progress], Type::Text, "进展情况", "What was done", "").required_in(&[Progress]),
    key("percent", &[Progress], Type::Number, "完成百分比（0 到 100）", "How far along, 0 to 100", ""),
    key("by", &[Progress], Type::Text, "报告单位或人", "Who reported it", ""),
    // ---- entries of `milestones`
    key("due", &[Milestone], Type::Date, "序时期限", "The milestone's date", "").required_in(&[Milestone]),
    key("value", &[Milestone], Type::Number, "到该期限应达到的数", "The figure to reach by then", "")
        .required_in(&[Milestone]),
    // ---- entries of `delays`
    key("from", &[Delay], Type::Date, "原期限", "The deadline replaced", "").required_in(&[Delay]),
    key("to", &[Delay], Type::Date, "新期限", "The new deadline", "").required_in(&[Delay]),
    key("on", &[Delay], Type::Date, "决定延期的日期", "When the postponement was decided", ""),
    key("reason", &[Delay], Type::Text, "延期原因", "Why", ""),
    key("approved_by", &[Delay], Type::Text, "批准人", "Who approved it", ""),
    // ---- entries of `actuals`
    key(
        "period",
        &[Actual],
        Type::Period,
        "报告期：\"2016-03\"、\"2016-Q1\"、\"2016-H1\"、\"2016\"",
        "Period: \"2016-03\", \"2016-Q1\", \"2016-H1\", \"2016\"",
        "",
    )
    .required_in(&[Actual]),
    key(
        "value",
        &[Actual],
        Type::Number,
        "累计值（有 growth 时可省）",
        "Cumulative value (may be left out beside `growth`)",
        "",
    ),
    key(
        "prior",
        &[Actual],
        Type::Number,
        "上年同期数",
        "The same period of the prior year",
        "",
    ),
    key(
        "growth",
        &[Actual],
        Type::Number,
        "统计部门公布的同比增速（%）；有它时 value 可省",
        "The growth the statistics bureau published, in percent; `value` may then be left out",
        "",
    ),
    key(
        "provisional",
        &[Actual],
        Type::Boolean,
        "初步数（初步预计、快报）",
        "A preliminary figure (初步预计, 快报)",
        "",
    ),
];

/// What a plan file is, for the schema's hover text (Chinese, English).
/// What the schema says of a key the format does not have: editors show it at the key's line.
pub const SCHEMA_UNKNOWN_KEY: &str = "这个键不在格式中，请核对拼写（unknown key: check its spelling; docs/format.md lists the keys）";

pub const SCHEMA_ABOUT: (&str, &str) = (
    "计划文件：plan.toml 或一个工作方面文件",
    "A plan file: plan.toml or an area file",
);

/// The unit of project investment when `money_unit` is not written.
pub const DEFAULT_MONEY_UNIT: &str = "亿元";

/// The keys of a section, in declaration order.
pub fn of(section: Section) -> impl Iterator<Item = &'static Key> {
    KEYS.iter().filter(move |k| k.on.contains(&section))
}

/// The names of a section's keys, for a did-you-mean.
pub fn names(section: Section) -> Vec<&'static str> {
    of(section).map(|k| k.name).collect()
}

/// The type column of the docs' key tables.
fn doc_type(ty: Type) -> String {
    match ty {
        Type::Text | Type::Id => "string".into(),
        Type::Ref(kind) => format!("{} id", kind.name()),
        Type::Texts => "array of strings".into(),
        Type::Dates => "array of dates".into(),
        Type::OneOrMore => "string or array of strings".into(),
        Type::Refs(kind) => format!("array of {} ids", kind.name()),
        Type::Number => "number".into(),
        Type::Boolean => "bool".into(),
        Type::Date => "date".into(),
        Type::Period => "period".into(),
        Type::Year => "year, 1900 to 2999".into(),
        Type::Days => "whole days, 0 to 366".into(),
        Type::Choice { names, default } => names
            .iter()
            .map(|n| {
                if Some(*n) == default {
                    format!("`{n}` (default)")
                } else {
                    format!("`{n}`")
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        Type::Table(_) => "table".into(),
        Type::Named(_) => "tables by name".into(),
        Type::Tables(section @ (Section::Delay | Section::Actual)) => {
            format!("array of `{{ {} }}`", names(section).join(", "))
        }
        Type::Tables(_) => "array of tables".into(),
    }
}

/// Which keys a table of docs/format.md lists: those of every item, or those of one kind
/// beyond the common ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocTable {
    Common,
    Kind(Section),
}

/// A key table of docs/format.md, generated from the declarations.
pub fn doc_table(table: DocTable) -> String {
    let common = |k: &Key| ITEMS.iter().all(|s| k.on.contains(s));
    let rows: Vec<&Key> = match table {
        DocTable::Common => KEYS.iter().filter(|k| common(k)).collect(),
        DocTable::Kind(section) => of(section).filter(|k| !common(k)).collect(),
    };
    let mut out = String::from("| key | type | |\n|---|---|---|\n");
    for k in rows {
        let doc = if k.doc.is_empty() {
            String::new()
        } else {
            format!(" {}", k.doc)
        };
        out.push_str(&format!("| `{}` | {} |{doc} |\n", k.name, doc_type(k.ty)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value of the key's type, good enough to be read (other checks may still complain).
    fn sample(ty: Type) -> String {
        match ty {
            Type::Text | Type::Id | Type::Ref(_) => "\"x1\"".into(),
            Type::Texts | Type::Refs(_) | Type::OneOrMore => "[\"x1\"]".into(),
            Type::Dates => "[2016-01-01]".into(),
            Type::Number | Type::Days => "1".into(),
            Type::Boolean => "true".into(),
            Type::Date => "\"2016-03\"".into(),
            Type::Period => "\"2016-Q1\"".into(),
            Type::Year => "2016".into(),
            Type::Choice { names, .. } => format!("\"{}\"", names[0]),
            Type::Table(s) | Type::Tables(s) => format!("[{{ {} }}]", inline(s)),
            Type::Named(s) => format!("{{ g = {{ {} }} }}", inline(s)),
        }
    }

    /// Every key of `section` with a sample value, as `k = v, …`.
    fn inline(section: Section) -> String {
        of(section)
            .map(|k| format!("{} = {}", k.name, sample(k.ty)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every key of `section` with a sample value, one per line.
    fn lines(section: Section) -> String {
        of(section)
            .map(|k| format!("{} = {}\n", k.name, sample(k.ty)))
            .collect()
    }

    fn unknown_keys(extra: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("p");
        std::fs::create_dir(&plan).unwrap();
        std::fs::write(
            plan.join("plan.toml"),
            format!(
                "[plan]\n{}[owners.g]\n{}",
                lines(Section::Plan),
                lines(Section::OwnerGroup)
            ),
        )
        .unwrap();
        let mut area = format!("[area]\n{}", lines(Section::Area));
        for (name, section) in [
            ("task", Section::Task),
            ("target", Section::Target),
            ("project", Section::Project),
            ("indicator", Section::Indicator),
        ] {
            area.push_str(&format!("[[{name}]]\n{}{extra}", lines(section)));
        }
        std::fs::write(plan.join("01-a.toml"), area).unwrap();
        crate::load::load(dir.path())
            .diagnostics
            .iter()
            .filter(|d| d.problem.code() == "unknown-key")
            .map(|d| format!("{:?}", d.problem))
            .collect()
    }

    /// Every declared key is read by the lowering: a declaration without its match arm
    /// would make the key "unknown".
    #[test]
    fn every_declared_key_is_read_by_the_lowering() {
        assert_eq!(unknown_keys(""), Vec::<String>::new());
        // And an undeclared key is unknown in every kind of item.
        assert_eq!(unknown_keys("undeclared = 1\n").len(), 4);
    }

    #[test]
    fn the_docs_tables_name_types_and_defaults() {
        let task = doc_table(DocTable::Kind(Section::Task));
        assert!(
            task.contains("| `status` | `todo` (default), `doing`, `blocked`, `done`, `dropped` |"),
            "{task}"
        );
        assert!(
            task.contains("| `delays` | array of `{ from, to, on, reason, approved_by }` |"),
            "{task}"
        );
        assert!(!task.contains("`title`"), "{task}");
        assert!(doc_table(DocTable::Common).contains("| `with` | array of strings |"));
    }
}

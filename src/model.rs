//! The plans as the rest of the program sees them: typed, with defaults applied, and with
//! the spans that validation needs to point back into the files.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::date::Period;
use crate::source::{Sources, Span};

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// Everything loaded in one run: every plan under the root.
#[derive(Debug)]
pub struct Workspace {
    pub root: PathBuf,
    pub sources: Sources,
    pub plans: Vec<Plan>,
    /// Plans by id and by year, built on first use (see [`Workspace::plan_index`]).
    plan_index: std::sync::OnceLock<PlanIndex>,
}

/// Where each plan is, by id and by year: so that finding a plan's previous year is a lookup,
/// not a walk over every plan for every indicator.
#[derive(Debug, Default)]
pub struct PlanIndex {
    /// Plan index by id (the first plan of an id; duplicates are errors).
    pub by_id: rustc_hash::FxHashMap<String, usize>,
    /// How many plans each year has, and the first of them.
    pub by_year: rustc_hash::FxHashMap<i32, (usize, usize)>,
}

impl Workspace {
    /// The workspace of `plans`, with the indexes by plan id and by year built once.
    pub fn new(root: PathBuf, sources: Sources, plans: Vec<Plan>) -> Self {
        Workspace {
            root,
            sources,
            plans,
            plan_index: std::sync::OnceLock::new(),
        }
    }

    /// The plans by id and by year, built once.
    pub fn plan_index(&self) -> &PlanIndex {
        self.plan_index.get_or_init(|| {
            let mut index = PlanIndex::default();
            for (i, plan) in self.plans.iter().enumerate() {
                index.by_id.entry(plan.id.value.clone()).or_insert(i);
                index.by_year.entry(plan.year).or_insert((0, i)).0 += 1;
            }
            index
        })
    }
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The languages as written in files (`lang`) and on the command line.
    pub const NAMES: &'static [&'static str] = &["zh", "en"];
}

/// One plan: a directory holding `plan.toml` and its area files.
#[derive(Debug)]
pub struct Plan {
    pub id: Located<String>,
    pub title: String,
    pub org: Option<String>,
    pub year: i32,
    /// The previous year's plan, by id (`previous`), for priors.
    pub previous: Option<Located<String>>,
    /// The first day of a plan whose year is not the calendar year (`start`, a fiscal year).
    pub start: Option<Located<DateSpec>>,
    /// Every postponement must name who approved it (`approve_delays`).
    pub approve_delays: bool,
    /// The thresholds of the lights (`[lights]`).
    pub lights: Lights,
    /// How often open items report progress (`feedback`, `feedback_day`, `feedback_month`).
    pub feedback: Feedback,
    /// Closing in two steps (`verify`): done or met items wait for the office's `verified`.
    pub verify: bool,
    /// The units' mail addresses (`[owners."区财政局"] email = "…"`), for `plan notice --mail`.
    pub emails: Vec<(String, Located<String>)>,
    pub lang: Option<Lang>,
    /// The unit of project investment (`money_unit`, default 亿元).
    pub money_unit: String,
    pub dir: PathBuf,
    /// Collective units (`[owners."各街道"] members = [...]`): a name and its member units.
    pub groups: Vec<(String, Vec<String>)>,
    pub areas: Vec<Area>,
    /// Where each project id is (area, project), built on first use by [`Plan::project`].
    pub projects_by_id: ProjectIndex,
}

/// Positions of a plan's projects by id: batch targets look their projects up by id, and a
/// province's plans have thousands of them.
pub type ProjectIndex = std::sync::OnceLock<rustc_hash::FxHashMap<String, (usize, usize)>>;

/// One area file: a part of the plan (for instance 招商引资).
#[derive(Debug)]
pub struct Area {
    pub id: Located<String>,
    pub title: String,
    /// 重点: a key area.
    pub key: bool,
    /// The lead units of the area's items that name none (`owner`, a string or an array).
    pub owners: Vec<String>,
    /// The responsible leaders of the area's items that name none (`leader`).
    pub leaders: Vec<String>,
    pub tasks: Vec<Task>,
    pub targets: Vec<Target>,
    pub projects: Vec<Project>,
    pub indicators: Vec<Indicator>,
}

/// The keys every item may carry.
#[derive(Debug, Clone)]
pub struct Common {
    pub id: Located<String>,
    pub title: String,
    /// The lead units (牵头单位), in the order written; empty when the item names none.
    pub owners: Vec<String>,
    /// The responsible leaders (责任领导), in the order written.
    pub leaders: Vec<String>,
    /// Assisting units (配合).
    pub with: Vec<String>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// Binding (约束性) rather than expected (预期性): tasks, targets and indicators.
    pub binding: bool,
    /// What proves it done (会议纪要, 验收报告): tasks and targets.
    pub evidence_required: Option<String>,
    /// Progress reports (进展情况), in date order.
    pub progress: Vec<Progress>,
    /// The day the office verified it done (销号): tasks and targets.
    pub verified: Option<Located<DateSpec>>,
    /// What proves it done: paths in the repository or links, as written.
    pub evidence: Vec<Located<String>>,
    /// The item's table, for messages about the item as a whole.
    pub span: Span,
}

/// A date as written (a day or a period) and the day it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpec {
    pub written: Period,
}

impl DateSpec {
    /// The day the date stands for: the last day of a period.
    pub fn day(self) -> NaiveDate {
        self.written.last_day()
    }
}

/// Where a task stands, as written in its `status` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Todo,
    Doing,
    Blocked,
    /// Set by `plan done`, not `plan mark`.
    #[value(skip)]
    Done,
    Dropped,
}

impl TaskStatus {
    /// The statuses as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["todo", "doing", "blocked", "done", "dropped"];

    /// The status as written in files.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Not done nor dropped: todo, doing or blocked.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TaskStatus::Todo | TaskStatus::Doing | TaskStatus::Blocked
        )
    }
}

/// Recurrence interval of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Every {
    Week,
    HalfMonth,
    Month,
    Quarter,
    Year,
}

impl Every {
    /// The intervals as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["week", "half-month", "month", "quarter", "year"];

    /// The interval as written in files.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One entry of a delay log (延期记录).
#[derive(Debug, Clone)]
pub struct Delay {
    /// The deadline this entry replaced.
    pub from: Located<DateSpec>,
    /// The new deadline.
    pub to: Located<DateSpec>,
    /// When the postponement was decided.
    pub on: Option<DateSpec>,
    pub reason: Option<String>,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// The entry as a whole, for messages about it.
    pub span: Span,
}

/// A measure: something to do, maybe by a date, maybe recurring.
#[derive(Debug, Clone)]
pub struct Task {
    pub common: Common,
    pub due: Option<Located<DateSpec>>,
    pub status: TaskStatus,
    pub done: Option<Located<DateSpec>>,
    pub every: Option<Located<Every>>,
    pub last: Option<Located<DateSpec>>,
    /// An anchored duty's day: of the week (Monday = 1), of the month, or 15 for half-months.
    pub day: Option<Located<u32>>,
    /// An anchored duty's month within its period (1-based; default the period's last month).
    pub month: Option<Located<u32>>,
    /// The days an anchored duty was done (`plan done` appends one).
    pub submitted: Vec<Located<DateSpec>>,
    /// Work that never finishes (长期坚持, 常态化): never overdue, not counted as done or open.
    pub ongoing: bool,
    /// The task this one is a sub-item (分解任务) of.
    pub parent: Option<Located<String>>,
    /// When work on it starts, for the share of its time elapsed (default the plan's first day).
    pub start: Option<Located<DateSpec>>,
    /// The positions of this task's sub-items, filled when the plan is assembled: a task with
    /// sub-items is a group.
    pub sub_items: Vec<ItemPos>,
    pub delays: Vec<Delay>,
    /// The item's own feedback cadence, over the plan's.
    pub feedback: Feedback,
}

impl Task {
    /// A task with sub-items: done when every sub-item is.
    pub fn is_group(&self) -> bool {
        !self.sub_items.is_empty()
    }

    /// Fixed to the calendar (`day`) rather than drifting from `last`.
    pub fn is_anchored(&self) -> bool {
        self.every.is_some() && self.day.is_some()
    }
}

/// Which way a target is judged: reached when the actual is at least, or at most, the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// At least the target (the default).
    AtLeast,
    /// A ceiling (控制在…以内): at most the target.
    AtMost,
    /// Two-sided (…左右): within `tolerance` of the target.
    About,
}

impl Compare {
    /// The comparisons as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["at_least", "at_most", "about"];
}

/// The stages a project moves through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Negotiating,
    Signed,
    Land,
    Started,
    Completed,
    Producing,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] = [
        Stage::Negotiating,
        Stage::Signed,
        Stage::Land,
        Stage::Started,
        Stage::Completed,
        Stage::Producing,
    ];
    /// The stages as written in files, in order.
    pub const NAMES: &'static [&'static str] = &[
        "negotiating",
        "signed",
        "land",
        "started",
        "completed",
        "producing",
    ];

    /// The stage as written in files.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The stage a file's word names, if any.
    pub fn from_name(name: &str) -> Option<Stage> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }
}

/// A quantity to reach: either a number (`target`, `actual`) or a batch counted from projects.
#[derive(Debug, Clone)]
pub struct Target {
    pub common: Common,
    pub unit: Option<String>,
    /// The value to reach; for a batch target, defaults to the number of listed projects.
    pub target: Option<Located<f64>>,
    pub actual: Option<Located<f64>>,
    pub compare: Compare,
    /// The half-width of the band of an `about` target, in its unit (default 1 % of it).
    pub tolerance: Option<Located<f64>>,
    /// Days after `due` by which the target's figure is known; overdue only after them.
    pub lag: Option<Located<u32>>,
    /// Figures as of the end of their periods (`actuals`), in place of one undated `actual`.
    pub actuals: Vec<Actual>,
    /// Figures to reach by dates before `due` (序时目标).
    pub milestones: Vec<Milestone>,
    /// The target this one is a sub-item of.
    pub parent: Option<Located<String>>,
    /// When work on it starts, for the share of its time elapsed (default the plan's first day).
    pub start: Option<Located<DateSpec>>,
    /// The positions of this target's sub-items (filled when the plan is assembled).
    pub sub_items: Vec<ItemPos>,
    /// 力争: a stretch target.
    pub stretch: bool,
    /// The deadline; `None` means the end of the plan year.
    pub due: Option<Located<DateSpec>>,
    /// Batch targets: the stage the listed projects must reach.
    pub stage: Option<Located<Stage>>,
    pub projects: Vec<Located<String>>,
    /// Where `projects` was written, if it was.
    pub projects_span: Option<Span>,
    pub delays: Vec<Delay>,
    /// The item's own feedback cadence, over the plan's.
    pub feedback: Feedback,
}

impl Target {
    /// A target with sub-items: met when every sub-item is.
    pub fn is_group(&self) -> bool {
        !self.sub_items.is_empty()
    }

    /// Whether this target is counted from projects.
    pub fn is_batch(&self) -> bool {
        self.stage.is_some() || self.projects_span.is_some()
    }
}

/// A named investment or construction project.
#[derive(Debug, Clone)]
pub struct Project {
    pub common: Common,
    /// In the plan's money unit.
    pub investment: Option<f64>,
    pub stage: Located<Stage>,
    /// The date each stage was reached, where recorded.
    pub stage_dates: Vec<(Stage, Located<DateSpec>)>,
}

/// Which way an indicator is meant to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The directions as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["up", "down"];
}

/// How often an indicator's figures are released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Month,
    Quarter,
}

impl Cadence {
    /// The cadences as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["month", "quarter"];
}

/// One reported (cumulative) figure of an indicator.
#[derive(Debug, Clone)]
pub struct Actual {
    pub period: Located<Period>,
    /// The figure; optional on an indicator's entry that gives the published `growth`.
    pub value: Option<f64>,
    /// The same period of the prior year.
    pub prior: Option<f64>,
    /// The growth the statistics bureau published for the period, in percent.
    pub growth: Option<f64>,
    /// A preliminary figure (初步预计, 快报).
    pub provisional: bool,
    /// The entry as a whole, for messages about it.
    pub span: Span,
}

/// Where a task or target is in its plan: the area's index and the item's index among the
/// area's items of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemPos {
    pub area: usize,
    pub kind: Kind,
    pub index: usize,
}

/// One progress report (进展情况) on an item.
#[derive(Debug, Clone)]
pub struct Progress {
    pub on: Located<DateSpec>,
    pub text: String,
    /// How far along, 0 to 100.
    pub percent: Option<Located<f64>>,
    /// Who reported it.
    pub by: Option<String>,
}

/// One milestone of a target: a figure to reach by a date.
#[derive(Debug, Clone)]
pub struct Milestone {
    pub due: Located<DateSpec>,
    pub value: Located<f64>,
}

/// A statistical indicator compared with the prior year.
#[derive(Debug, Clone)]
pub struct Indicator {
    pub common: Common,
    pub unit: Option<String>,
    pub prior: Option<Located<f64>>,
    pub target: Option<Located<f64>>,
    /// Target year-on-year growth in percent (negative for a planned fall).
    pub growth: Option<Located<f64>>,
    pub direction: Direction,
    pub parent: Option<Located<String>>,
    /// Set when a sub-indicator's unit differs from its parent's on purpose.
    pub unit_differs: bool,
    pub actuals: Vec<Actual>,
    /// How often figures are released, for staleness.
    pub cadence: Option<Located<Cadence>>,
    /// Days after a period's end by which its figure is expected (default 0).
    pub lag: Option<Located<u32>>,
    /// The target growth is at comparable prices (可比价): status from published growth only.
    pub comparable: bool,
    /// …左右: on track within `tolerance_pp` points of the target growth.
    pub approx: bool,
    /// The band of an `approx` indicator, in percentage points (default 0.5).
    pub tolerance_pp: Option<Located<f64>>,
    /// 力争 / 努力实现.
    pub stretch: bool,
}

/// The four kinds of item, named as in files, filters and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Task,
    Target,
    Project,
    Indicator,
}

impl Kind {
    /// The kind's name as used in files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Target => "target",
            Kind::Project => "project",
            Kind::Indicator => "indicator",
        }
    }
}

/// Any item, for code that walks all kinds at once.
#[derive(Debug, Clone, Copy)]
pub enum ItemRef<'a> {
    Task(&'a Task),
    Target(&'a Target),
    Project(&'a Project),
    Indicator(&'a Indicator),
}

impl<'a> ItemRef<'a> {
    /// The keys every item has.
    pub fn common(self) -> &'a Common {
        match self {
            ItemRef::Task(t) => &t.common,
            ItemRef::Target(t) => &t.common,
            ItemRef::Project(p) => &p.common,
            ItemRef::Indicator(i) => &i.common,
        }
    }

    /// The item's kind.
    pub fn kind(self) -> Kind {
        match self {
            ItemRef::Task(_) => Kind::Task,
            ItemRef::Target(_) => Kind::Target,
            ItemRef::Project(_) => Kind::Project,
            ItemRef::Indicator(_) => Kind::Indicator,
        }
    }

    /// A task or target with sub-items: its sub-items are counted, not it.
    pub fn is_group(self) -> bool {
        match self {
            ItemRef::Task(t) => t.is_group(),
            ItemRef::Target(t) => t.is_group(),
            ItemRef::Project(_) | ItemRef::Indicator(_) => false,
        }
    }

    /// When a task's or target's time elapsed starts (`start`), if written.
    pub fn start(self) -> Option<&'a Located<DateSpec>> {
        match self {
            ItemRef::Task(t) => t.start.as_ref(),
            ItemRef::Target(t) => t.start.as_ref(),
            ItemRef::Project(_) | ItemRef::Indicator(_) => None,
        }
    }

    /// The task or target a sub-item belongs to (`parent` of tasks and targets).
    pub fn parent(self) -> Option<&'a Located<String>> {
        match self {
            ItemRef::Task(t) => t.parent.as_ref(),
            ItemRef::Target(t) => t.parent.as_ref(),
            ItemRef::Project(_) | ItemRef::Indicator(_) => None,
        }
    }
}

impl Common {
    /// The latest progress report dated on or before `today`.
    pub fn latest_progress(&self, today: NaiveDate) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| p.on.value.day() <= today)
            .max_by_key(|p| p.on.value.day())
    }
}

impl Cadence {
    /// The latest period of `year` whose figure should be out by `today`: its end plus `lag`
    /// days is not after today.
    pub fn expected_period(self, lag: u32, year: i32, today: NaiveDate) -> Option<Period> {
        let periods: Vec<Period> = match self {
            Cadence::Month => (1..=12)
                .map(|month| Period::Month { year, month })
                .collect(),
            Cadence::Quarter => (1..=4)
                .map(|quarter| Period::Quarter { year, quarter })
                .collect(),
        };
        periods
            .into_iter()
            .rev()
            .find(|p| crate::date::add_days(p.last_day(), i64::from(lag)) <= today)
    }
}

/// Whether the latest reported period (`latest`) is older than the one expected by today
/// (nothing reported when a figure is expected counts as older).
pub fn is_stale(expected: Option<Period>, latest: Option<Period>) -> bool {
    match (expected, latest) {
        (Some(e), Some(l)) => l.last_day() < e.last_day(),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

impl Indicator {
    /// The figures of periods that have ended by `today`, oldest first (a full year after the
    /// month or quarter that ends with it).
    pub fn reported(&self, today: NaiveDate) -> Vec<&Actual> {
        let mut reported: Vec<&Actual> = self
            .actuals
            .iter()
            .filter(|a| a.period.value.last_day() <= today)
            .collect();
        reported.sort_by_key(|a| (a.period.value.last_day(), a.period.value.is_full_year()));
        reported
    }

    /// The period of `year` whose figure is due by `today`, for an indicator with a `cadence`.
    pub fn expected_period(&self, year: i32, today: NaiveDate) -> Option<Period> {
        let lag = self.lag.as_ref().map_or(0, |l| l.value);
        self.cadence
            .as_ref()
            .and_then(|c| c.value.expected_period(lag, year, today))
    }
}

impl Area {
    /// Every item of the area, kinds in file-format order.
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        self.tasks
            .iter()
            .map(ItemRef::Task)
            .chain(self.targets.iter().map(ItemRef::Target))
            .chain(self.projects.iter().map(ItemRef::Project))
            .chain(self.indicators.iter().map(ItemRef::Indicator))
    }
}

/// How often open items must report progress (`feedback`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackEvery {
    HalfMonth,
    Month,
    Quarter,
    /// No reports asked (the default).
    None,
}

impl FeedbackEvery {
    /// The cadences as written in files, in declaration order.
    pub const NAMES: &'static [&'static str] = &["half-month", "month", "quarter", "none"];
    /// Every cadence, in declaration order.
    pub const ALL: [FeedbackEvery; 4] = [
        FeedbackEvery::HalfMonth,
        FeedbackEvery::Month,
        FeedbackEvery::Quarter,
        FeedbackEvery::None,
    ];
}

/// A feedback cadence as written in `[plan]` or on an item; an item's keys override the
/// plan's one by one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feedback {
    pub every: Option<Located<FeedbackEvery>>,
    /// `feedback_day`: the day of the month (or of the quarter's month) reports are due.
    pub day: Option<Located<u32>>,
    /// `feedback_month`: the month of the quarter (1–3, default 3).
    pub month: Option<Located<u32>>,
}

impl Feedback {
    /// This item's cadence over the plan's: each key the item writes wins.
    pub fn over(&self, plan: &Feedback) -> Feedback {
        Feedback {
            every: self.every.clone().or_else(|| plan.every.clone()),
            day: self.day.clone().or_else(|| plan.day.clone()),
            month: self.month.clone().or_else(|| plan.month.clone()),
        }
    }
}

/// When an open item's light turns yellow or red (`[lights]` in plan.toml).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lights {
    /// Due within this many days: yellow.
    pub warn_days: u32,
    /// Completion trailing the share of time elapsed by more points than this: yellow.
    pub yellow_pp: f64,
    /// … by more than this: red.
    pub red_pp: f64,
}

impl Default for Lights {
    fn default() -> Self {
        Lights {
            warn_days: 7,
            yellow_pp: 10.0,
            red_pp: 30.0,
        }
    }
}

/// The days a plan's year runs: 1 January to 31 December, or one year from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanYear {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl PlanYear {
    /// The calendar year `year`.
    pub fn calendar(year: i32) -> PlanYear {
        let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or(NaiveDate::MIN);
        PlanYear {
            first: day(1, 1),
            last: day(12, 31),
        }
    }

    /// One year from `first`.
    pub fn from(first: NaiveDate) -> PlanYear {
        let next = crate::date::add_months(first, 12);
        PlanYear {
            first,
            last: next.pred_opt().unwrap_or(next),
        }
    }

    /// Whether `day` falls in the year.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

impl Plan {
    /// The task or target at `pos`.
    pub fn at(&self, pos: ItemPos) -> Option<ItemRef<'_>> {
        let area = self.areas.get(pos.area)?;
        match pos.kind {
            Kind::Task => area.tasks.get(pos.index).map(ItemRef::Task),
            Kind::Target => area.targets.get(pos.index).map(ItemRef::Target),
            Kind::Project | Kind::Indicator => None,
        }
    }

    /// The days the plan's year runs.
    pub fn span(&self) -> PlanYear {
        self.start.as_ref().map_or_else(
            || PlanYear::calendar(self.year),
            |s| PlanYear::from(s.value.day()),
        )
    }

    /// The units a lead's name stands for: a collective unit's members, else the name itself.
    pub fn units<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        match self.groups.iter().find(|(group, _)| group == name) {
            Some((_, members)) => members.iter().map(String::as_str).collect(),
            None => vec![name],
        }
    }

    /// The project `id` (the first one, should the id be used twice, which validation reports).
    pub fn project(&self, id: &str) -> Option<&Project> {
        let index = self.projects_by_id.get_or_init(|| {
            let mut index = rustc_hash::FxHashMap::default();
            for (a, area) in self.areas.iter().enumerate() {
                for (p, project) in area.projects.iter().enumerate() {
                    index
                        .entry(project.common.id.value.clone())
                        .or_insert((a, p));
                }
            }
            index
        });
        let &(a, p) = index.get(id)?;
        self.areas.get(a)?.projects.get(p)
    }

    /// Every item of the plan with its area.
    pub fn items(&self) -> impl Iterator<Item = (&Area, ItemRef<'_>)> {
        self.areas
            .iter()
            .flat_map(|a| a.items().map(move |i| (a, i)))
    }
}

//! Problems found in plan files: one enum of kinds, every message text (Chinese and English)
//! in one place, and a stable `code` per kind for scripts and editors.

use chrono::NaiveDate;

use crate::date::DateError;
use crate::model::{Lang, Stage};
use crate::source::{FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where a problem is: a span in a file, or a whole file or directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Span(Span),
    File(FileId),
}

/// One problem, located.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub problem: Problem,
    pub at: At,
    /// A second place the problem involves (the first definition of a duplicate id).
    pub related: Option<Span>,
}

impl Diagnostic {
    pub fn new(problem: Problem, span: Span) -> Self {
        Diagnostic {
            problem,
            at: At::Span(span),
            related: None,
        }
    }

    pub fn file(problem: Problem, file: FileId) -> Self {
        Diagnostic {
            problem,
            at: At::File(file),
            related: None,
        }
    }

    pub fn with_related(mut self, span: Span) -> Self {
        self.related = Some(span);
        self
    }

    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }
}

/// The kind of value a key expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Number,
    Integer,
    Bool,
    Date,
    Period,
    StringArray,
    StringOrArray,
    DateArray,
    Table,
    TableArray,
}

impl Expected {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::String, Lang::Zh) => "字符串",
            (Expected::String, Lang::En) => "a string",
            (Expected::Number, Lang::Zh) => "数值",
            (Expected::Number, Lang::En) => "a number",
            (Expected::Integer, Lang::Zh) => "整数",
            (Expected::Integer, Lang::En) => "an integer",
            (Expected::Bool, Lang::Zh) => "true 或 false",
            (Expected::Bool, Lang::En) => "true or false",
            (Expected::Date, Lang::Zh) => "日期（如 2016-03-31 或 \"2016-03\"）",
            (Expected::Date, Lang::En) => "a date (like 2016-03-31 or \"2016-03\")",
            (Expected::Period, Lang::Zh) => "报告期（如 \"2016-03\"、\"2016-Q1\"、\"2016\"）",
            (Expected::Period, Lang::En) => "a period (like \"2016-03\", \"2016-Q1\", \"2016\")",
            (Expected::StringArray, Lang::Zh) => "字符串数组",
            (Expected::StringArray, Lang::En) => "an array of strings",
            (Expected::StringOrArray, Lang::Zh) => "字符串或字符串数组",
            (Expected::StringOrArray, Lang::En) => "a string or an array of strings",
            (Expected::DateArray, Lang::Zh) => "日期数组（如 [2016-04-10, 2016-07-08]）",
            (Expected::DateArray, Lang::En) => "an array of dates (like [2016-04-10, 2016-07-08])",
            (Expected::Table, Lang::Zh) => "表",
            (Expected::Table, Lang::En) => "a table",
            (Expected::TableArray, Lang::Zh) => "表数组（[[...]]）",
            (Expected::TableArray, Lang::En) => "an array of tables ([[...]])",
        }
    }
}

/// Every kind of problem `plan` reports about plan files.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file or directory could not be read.
    Io {
        error: String,
    },
    /// The file is not UTF-8 (often: saved as GBK).
    NotUtf8,
    /// The file is over the size limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Too many files under the plans root.
    TooManyFiles {
        limit: usize,
    },
    /// A directory link leads back to a directory already read.
    SymlinkLoop,
    /// A `.toml` file that is in no plan directory.
    OrphanFile,
    /// The plans root holds no plan.
    NoPlans,
    /// A temporary file of an edit that was killed before it finished.
    LeftoverTemp,
    /// A file saved as UTF-16 (it starts with a UTF-16 byte-order mark).
    Utf16,
    /// `<<<<<<<` … `>>>>>>>`: a merge conflict left in the file.
    MergeConflict,
    /// A file or directory whose name is not UTF-8 (`name` with the bytes escaped).
    NameNotUtf8 {
        name: String,
    },
    /// A file that looks like a plan file but is not read (`.TOML`, a space after `.toml`).
    NameNotRead {
        name: String,
    },
    /// Directories below the depth limit are not read.
    TooDeepDirs {
        limit: usize,
    },
    /// TOML syntax, as reported by the parser.
    Syntax {
        message: String,
    },
    /// Arrays, tables or dotted keys nested too deep.
    TooDeep,
    /// `[plan]` missing from plan.toml, or `[area]` from an area file.
    MissingTable {
        table: &'static str,
    },
    UnknownKey {
        key: String,
        context: &'static str,
        suggestion: Option<&'static str>,
    },
    MissingKey {
        key: &'static str,
        context: &'static str,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: &'static str,
    },
    BadDate {
        key: String,
        text: String,
        reason: DateError,
        /// What the deadline phrase reader makes of the text for the plan's year: the keys
        /// to write instead (`"2016-03"`, `every = "month", day = 28`).
        reads_as: Option<Box<str>>,
    },
    BadValue {
        key: String,
        value: String,
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    NotFinite {
        key: String,
    },
    /// A number too large, or non-zero but too small, to hold.
    NumberOutOfRange {
        key: String,
        too_large: bool,
    },
    BadId {
        id: String,
    },
    BadYear {
        year: i64,
    },
    DuplicateId {
        id: String,
    },
    /// Two ids that differ only in Unicode form (full-width, composed characters).
    ConfusableId {
        id: String,
        other: String,
    },
    DuplicateArea {
        id: String,
    },
    DuplicatePlan {
        id: String,
    },
    UnknownReference {
        key: &'static str,
        id: String,
        suggestion: Option<String>,
    },
    /// `start` is not a day of `year` or the year before.
    BadStart {
        text: String,
        year: i32,
    },
    /// `previous` names a plan that is not under the plans directory.
    UnknownPlan {
        id: String,
        suggestion: Option<String>,
    },
    WrongReferenceKind {
        key: &'static str,
        id: String,
        expected: crate::model::Kind,
        found: crate::model::Kind,
    },
    ParentCycle {
        id: String,
    },
    /// A stage is dated before a stage that comes earlier.
    StageDatesOutOfOrder {
        stage: Stage,
        before: Stage,
    },
    StageDateBeyondStage {
        date_stage: Stage,
        stage: Stage,
    },
    ActualOnBatch,
    /// `tolerance` on a target whose `compare` is not `about`.
    ToleranceWithoutAbout,
    /// A postponement without `approved_by` in a plan with `approve_delays`.
    UnapprovedDelay,
    /// Progress reports not in date order.
    ProgressOutOfOrder,
    /// A `percent` outside 0 to 100.
    PercentOutOfRange {
        value: f64,
    },
    /// A `parent` chain of tasks or targets that loops back.
    SubItemCycle {
        id: String,
    },
    /// A group (an item with sub-items) with a state of its own.
    GroupOwnState {
        key: &'static str,
    },
    /// `tolerance_pp` on an indicator without `approx`.
    TolerancePpWithoutApprox,
    /// A target with both `actual` and `actuals`.
    ActualWithActuals,
    /// A milestone dated after its target's deadline.
    MilestoneAfterDue {
        due: NaiveDate,
    },
    /// A milestone lower than an earlier one (for `at_least`), or dated before it.
    MilestonesOutOfOrder,
    BatchWithoutProjects,
    BatchWithoutStage,
    LastWithoutEvery,
    /// An anchored duty's `day` or `month` that its interval does not allow.
    BadAnchor {
        key: &'static str,
        value: u32,
        every: crate::model::Every,
    },
    /// `day` on a task without `every`, or `last` beside `day`.
    AnchorConflict {
        key: &'static str,
    },
    /// A submission that is not a single day, or outside the plan's year.
    BadSubmission {
        text: String,
    },
    // Warnings of anchored duties.
    /// A submission that satisfies no occurrence (every earlier one is satisfied).
    UnusedSubmission {
        day: NaiveDate,
    },
    DuplicatePeriod {
        period: String,
    },
    // Warnings.
    DueOnRecurring,
    DoneRecurring,
    DoneDateNotDone {
        status: String,
    },
    DelayMismatch {
        last_to: NaiveDate,
        due: Option<NaiveDate>,
    },
    DelayChain {
        expected: NaiveDate,
    },
    IndicatorInconsistent {
        prior: f64,
        target: f64,
        growth: f64,
        expected: f64,
    },
    FallingIndicatorRises {
        growth: f64,
    },
    PeriodOutsideYear {
        period: String,
        year: i32,
    },
    BatchTargetTooHigh {
        target: f64,
        count: usize,
    },
    SubExceedsParent {
        target: f64,
        parent: String,
        parent_target: f64,
    },
    UnitDiffersFromParent {
        unit: String,
        parent: String,
        parent_unit: String,
    },
    LagWithoutCadence,
    StaleIndicator {
        latest: Option<String>,
        expected: String,
    },
    // The supervision loop.
    /// `feedback_day` or `feedback_month` that the cadence does not allow.
    BadFeedback {
        key: &'static str,
        value: u32,
        every: crate::model::FeedbackEvery,
    },
    /// `verified` on a task that is not done.
    VerifiedNotDone {
        status: String,
    },
    /// `verified` before `done`.
    VerifiedBeforeDone {
        done: NaiveDate,
    },
    /// An `evidence` path that does not exist.
    MissingEvidence {
        path: String,
        root: String,
    },
    /// An `email` that is not a mail address.
    BadEmail {
        text: String,
        reason: String,
    },
    /// A progress report dated after today (a warning).
    ProgressInFuture {
        on: NaiveDate,
    },
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::SymlinkLoop
            | Problem::ConfusableId { .. }
            | Problem::StageDatesOutOfOrder { .. }
            | Problem::LeftoverTemp
            | Problem::NameNotRead { .. }
            | Problem::TooDeepDirs { .. }
            | Problem::DueOnRecurring
            | Problem::DoneRecurring
            | Problem::DoneDateNotDone { .. }
            | Problem::DelayMismatch { .. }
            | Problem::DelayChain { .. }
            | Problem::IndicatorInconsistent { .. }
            | Problem::FallingIndicatorRises { .. }
            | Problem::PeriodOutsideYear { .. }
            | Problem::BatchTargetTooHigh { .. }
            | Problem::SubExceedsParent { .. }
            | Problem::UnitDiffersFromParent { .. }
            | Problem::LagWithoutCadence
            | Problem::UnusedSubmission { .. }
            | Problem::UnapprovedDelay
            | Problem::StaleIndicator { .. }
            | Problem::ProgressInFuture { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A stable name for the kind, for `--format json` and docs/errors.md.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Io { .. } => "io",
            Problem::NotUtf8 => "not-utf8",
            Problem::TooLarge { .. } => "too-large",
            Problem::TooManyFiles { .. } => "too-many-files",
            Problem::SymlinkLoop => "symlink-loop",
            Problem::OrphanFile => "orphan-file",
            Problem::NoPlans => "no-plans",
            Problem::LeftoverTemp => "leftover-temp",
            Problem::Utf16 => "utf16",
            Problem::MergeConflict => "merge-conflict",
            Problem::NameNotUtf8 { .. } => "name-not-utf8",
            Problem::NameNotRead { .. } => "name-not-read",
            Problem::TooDeepDirs { .. } => "too-deep-dirs",
            Problem::Syntax { .. } => "syntax",
            Problem::TooDeep => "too-deep",
            Problem::MissingTable { .. } => "missing-table",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::MissingKey { .. } => "missing-key",
            Problem::WrongType { .. } => "wrong-type",
            Problem::BadDate { .. } => "bad-date",
            Problem::BadValue { .. } => "bad-value",
            Problem::NotFinite { .. } => "not-finite",
            Problem::NumberOutOfRange { .. } => "number-out-of-range",
            Problem::BadId { .. } => "bad-id",
            Problem::BadYear { .. } => "bad-year",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::ConfusableId { .. } => "confusable-id",
            Problem::DuplicateArea { .. } => "duplicate-area",
            Problem::DuplicatePlan { .. } => "duplicate-plan",
            Problem::UnknownReference { .. } => "unknown-reference",
            Problem::UnknownPlan { .. } => "unknown-plan",
            Problem::BadStart { .. } => "bad-start",
            Problem::WrongReferenceKind { .. } => "wrong-reference-kind",
            Problem::ParentCycle { .. } => "parent-cycle",
            Problem::StageDateBeyondStage { .. } => "stage-date-beyond-stage",
            Problem::StageDatesOutOfOrder { .. } => "stage-dates-out-of-order",
            Problem::ActualOnBatch => "actual-on-batch",
            Problem::ToleranceWithoutAbout => "tolerance-without-about",
            Problem::ActualWithActuals => "actual-with-actuals",
            Problem::TolerancePpWithoutApprox => "tolerance-pp-without-approx",
            Problem::SubItemCycle { .. } => "sub-item-cycle",
            Problem::ProgressOutOfOrder => "progress-out-of-order",
            Problem::UnapprovedDelay => "unapproved-delay",
            Problem::PercentOutOfRange { .. } => "percent-out-of-range",
            Problem::GroupOwnState { .. } => "group-own-state",
            Problem::MilestoneAfterDue { .. } => "milestone-after-due",
            Problem::MilestonesOutOfOrder => "milestones-out-of-order",
            Problem::BatchWithoutProjects => "batch-without-projects",
            Problem::BatchWithoutStage => "batch-without-stage",
            Problem::LastWithoutEvery => "last-without-every",
            Problem::BadAnchor { .. } => "bad-anchor",
            Problem::AnchorConflict { .. } => "anchor-conflict",
            Problem::BadSubmission { .. } => "bad-submission",
            Problem::UnusedSubmission { .. } => "unused-submission",
            Problem::DuplicatePeriod { .. } => "duplicate-period",
            Problem::DueOnRecurring => "due-on-recurring",
            Problem::DoneRecurring => "done-recurring",
            Problem::DoneDateNotDone { .. } => "done-date-not-done",
            Problem::DelayMismatch { .. } => "delay-mismatch",
            Problem::DelayChain { .. } => "delay-chain",
            Problem::IndicatorInconsistent { .. } => "indicator-inconsistent",
            Problem::FallingIndicatorRises { .. } => "falling-indicator-rises",
            Problem::PeriodOutsideYear { .. } => "period-outside-year",
            Problem::BatchTargetTooHigh { .. } => "batch-target-too-high",
            Problem::SubExceedsParent { .. } => "sub-exceeds-parent",
            Problem::UnitDiffersFromParent { .. } => "unit-differs-from-parent",
            Problem::LagWithoutCadence => "lag-without-cadence",
            Problem::StaleIndicator { .. } => "stale-indicator",
            Problem::BadFeedback { .. } => "bad-feedback",
            Problem::VerifiedNotDone { .. } => "verified-not-done",
            Problem::VerifiedBeforeDone { .. } => "verified-before-done",
            Problem::MissingEvidence { .. } => "missing-evidence",
            Problem::BadEmail { .. } => "bad-email",
            Problem::ProgressInFuture { .. } => "progress-in-future",
        }
    }

    /// The one-line message.
    #[allow(clippy::too_many_lines)]
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let pick = |z: String, e: String| if zh { z } else { e };
        match self {
            Problem::Io { error } => pick(format!("无法读取：{error}"), format!("cannot read: {error}")),
            Problem::NotUtf8 => pick(
                "文件不是 UTF-8 编码（可能是以 GBK 保存的）".into(),
                "file is not UTF-8 (it may have been saved as GBK)".into(),
            ),
            Problem::TooLarge { size, limit } => pick(
                format!("文件有 {size} 字节，超过 {limit} 字节的上限"),
                format!("file is {size} bytes, over the limit of {limit} bytes"),
            ),
            Problem::TooManyFiles { limit } => pick(
                format!("计划目录下的文件超过 {limit} 个"),
                format!("more than {limit} files under the plans directory"),
            ),
            Problem::SymlinkLoop => pick(
                "符号链接指回已读过的目录，已跳过".into(),
                "symbolic link leads back to a directory already read; skipped".into(),
            ),
            Problem::OrphanFile => pick(
                "`.toml` 文件不属于任何计划（所在目录没有 plan.toml）".into(),
                "`.toml` file belongs to no plan (its directory has no plan.toml)".into(),
            ),
            Problem::LeftoverTemp => pick(
                "中断的修改留下的临时文件".into(),
                "temporary file left by an interrupted edit".into(),
            ),
            Problem::Utf16 => pick(
                "文件是 UTF-16 编码".into(),
                "file is UTF-16".into(),
            ),
            Problem::MergeConflict => pick(
                "未解决的合并冲突".into(),
                "unresolved merge conflict".into(),
            ),
            Problem::NameNotUtf8 { name } => pick(
                format!("文件名 `{name}` 不是 UTF-8 编码，无法读取"),
                format!("the name `{name}` is not UTF-8; it is not read"),
            ),
            Problem::NameNotRead { name } => pick(
                format!("`{name}` 看似计划文件，但不会被读取（只读取以小写 .toml 结尾的文件）"),
                format!("`{name}` looks like a plan file but is not read (only names ending in lowercase `.toml` are)"),
            ),
            Problem::TooDeepDirs { limit } => pick(
                format!("目录嵌套超过 {limit} 层，更深的目录不会被读取"),
                format!("directories are nested more than {limit} deep; the ones below are not read"),
            ),
            Problem::NoPlans => pick(
                "计划目录中没有计划（没有含 plan.toml 的目录）".into(),
                "no plans here (no directory holds a plan.toml)".into(),
            ),
            Problem::Syntax { message } => pick(
                format!("TOML 语法错误：{}", toml_zh(message)),
                format!("TOML syntax: {message}"),
            ),
            Problem::TooDeep => pick(
                "嵌套层数过深（数组、表或点分键超过 80 层）".into(),
                "nested too deep (arrays, tables or dotted keys over 80 levels)".into(),
            ),
            Problem::MissingTable { table } => pick(
                format!("缺少 `[{table}]` 表"),
                format!("missing the `[{table}]` table"),
            ),
            Problem::UnknownKey { key, context, .. } => pick(
                format!("{context} 中有未知的键 `{key}`"),
                format!("unknown key `{key}` in {context}"),
            ),
            Problem::MissingKey { key, context } => pick(
                format!("{context} 缺少必填的键 `{key}`"),
                format!("{context} is missing the required key `{key}`"),
            ),
            Problem::WrongType {
                key,
                expected,
                found,
            } => pick(
                format!("`{key}` 应为{}，实际是 {found}", expected.words(lang)),
                format!("`{key}` must be {}, found {found}", expected.words(lang)),
            ),
            Problem::BadDate {
                key, text, reason, ..
            } => match reason {
                DateError::Form => pick(
                    format!("`{key}` 的日期 `{text}` 格式无法识别"),
                    format!("`{key}`: `{text}` is not a date form `plan` knows"),
                ),
                DateError::NoSuchDate => pick(
                    format!("`{key}` 的日期 `{text}` 不存在"),
                    format!("`{key}`: there is no date `{text}`"),
                ),
                DateError::OutOfRange => pick(
                    format!("`{key}` 的日期 `{text}` 不在 1900 年到 9999 年之间"),
                    format!("`{key}`: `{text}` is outside the years 1900 to 9999"),
                ),
            },
            Problem::BadValue { key, value, .. } => pick(
                format!("`{key}` 的取值 `{value}` 无效"),
                format!("`{key}` cannot be `{value}`"),
            ),
            Problem::NotFinite { key } => pick(
                format!("`{key}` 必须是有限的数值"),
                format!("`{key}` must be a finite number"),
            ),
            Problem::NumberOutOfRange { key, too_large: true } => pick(
                format!("`{key}` 的数值太大"),
                format!("`{key}` is too large a number"),
            ),
            Problem::NumberOutOfRange { key, too_large: false } => pick(
                format!("`{key}` 的数值太接近零，无法表示"),
                format!("`{key}` is too close to zero to be held (it would read as 0)"),
            ),
            Problem::BadId { id } => pick(
                format!("编号 `{id}` 无效：不能为空，也不能含空白、控制字符、方向控制符、/ 或 \\"),
                format!("id `{id}` is invalid: it must be non-empty, without white space, control or direction characters, `/` or `\\`"),
            ),
            Problem::BadYear { year } => pick(
                format!("年份 {year} 不在 1900 到 2999 之间"),
                format!("year {year} is not between 1900 and 2999"),
            ),
            Problem::ConfusableId { id, other } => pick(
                format!("编号 `{id}` 与 `{other}` 只差全角/半角或字符组合形式，看起来相同"),
                format!("id `{id}` differs from `{other}` only in Unicode form (full-width or composed characters)"),
            ),
            Problem::DuplicateId { id } => pick(
                format!("编号 `{id}` 在本计划中重复"),
                format!("duplicate id `{id}` in this plan"),
            ),
            Problem::DuplicateArea { id } => pick(
                format!("工作方面编号 `{id}` 在本计划中重复"),
                format!("duplicate area id `{id}` in this plan"),
            ),
            Problem::DuplicatePlan { id } => pick(
                format!("计划编号 `{id}` 重复"),
                format!("duplicate plan id `{id}`"),
            ),
            Problem::BadStart { text, year } => pick(
                format!("`start` 为 {text}，应为 {year} 年或 {} 年内的某一天", year - 1),
                format!("`start` is {text}; it must be a day in {year} or {}", year - 1),
            ),
            Problem::UnknownPlan { id, .. } => pick(
                format!("`previous` 引用的计划 `{id}` 不在计划目录中"),
                format!("`previous` names the plan `{id}`, which is not in the plans directory"),
            ),
            Problem::UnknownReference { key, id, .. } => pick(
                format!("`{key}` 引用了不存在的编号 `{id}`"),
                format!("`{key}` names `{id}`, which is not in this plan"),
            ),
            Problem::WrongReferenceKind {
                key,
                id,
                expected,
                found,
            } => {
                let (expected, found) = (expected.name(), found.name());
                pick(
                format!("`{key}` 引用的 `{id}` 是 {found}，应为 {expected}"),
                format!(
                    "`{key}` names `{id}`, which is {} {found}, not {} {expected}",
                    article(found),
                    article(expected)
                ),
                )
            }
            Problem::ParentCycle { id } => pick(
                format!("指标 `{id}` 的 `parent` 形成循环"),
                format!("the `parent` chain of indicator `{id}` loops back to itself"),
            ),
            Problem::StageDatesOutOfOrder { stage, before } => pick(
                format!("阶段 `{}` 的日期早于前一阶段 `{}` 的日期", stage.name(), before.name()),
                format!("stage `{}` is dated before the earlier stage `{}`", stage.name(), before.name()),
            ),
            Problem::StageDateBeyondStage { date_stage, stage } => pick(
                format!(
                    "记录了 `{}` 阶段的日期，但项目阶段 `stage` 只到 `{}`",
                    date_stage.name(),
                    stage.name()
                ),
                format!(
                    "a date for stage `{}`, but the project's `stage` is only `{}`",
                    date_stage.name(),
                    stage.name()
                ),
            ),
            Problem::ActualOnBatch => pick(
                "按项目计数的目标不能填写 `actual`".into(),
                "a batch target cannot have `actual`".into(),
            ),
            Problem::UnapprovedDelay => pick(
                "此延期没有写明批准人（approved_by）".into(),
                "this postponement does not say who approved it (`approved_by`)".into(),
            ),
            Problem::ProgressOutOfOrder => pick(
                "进展情况应按日期先后排列".into(),
                "progress reports must be in date order".into(),
            ),
            Problem::PercentOutOfRange { value } => pick(
                format!("`percent` 为 {value}，应在 0 到 100 之间"),
                format!("`percent` is {value}; it must be from 0 to 100"),
            ),
            Problem::SubItemCycle { id } => pick(
                format!("`{id}` 的 `parent` 链条回到了它自己"),
                format!("the `parent` chain of `{id}` loops back to itself"),
            ),
            Problem::GroupOwnState { key } => pick(
                format!("有分解事项的事项不能有自己的 `{key}`：其完成情况由各分解事项决定"),
                format!("an item with sub-items has no `{key}` of its own: its sub-items decide it"),
            ),
            Problem::TolerancePpWithoutApprox => pick(
                "只有 `approx = true` 的指标才有 `tolerance_pp`".into(),
                "`tolerance_pp` applies only to an indicator with `approx = true`".into(),
            ),
            Problem::ActualWithActuals => pick(
                "`actual` 与 `actuals` 不能同时使用".into(),
                "a target has `actual` or `actuals`, not both".into(),
            ),
            Problem::MilestoneAfterDue { due } => pick(
                format!("序时目标的期限晚于目标的期限 {due}"),
                format!("the milestone is dated after the target's deadline, {due}"),
            ),
            Problem::MilestonesOutOfOrder => pick(
                "序时目标应按日期排列，数值逐期不减".into(),
                "milestones must be in date order, each at least the one before".into(),
            ),
            Problem::ToleranceWithoutAbout => pick(
                "只有 `compare = \"about\"` 的目标才有 `tolerance`".into(),
                "`tolerance` applies only to a target with `compare = \"about\"`".into(),
            ),
            Problem::BatchWithoutProjects => pick(
                "有 `stage` 的目标必须列出 `projects`".into(),
                "a target with `stage` must list its `projects`".into(),
            ),
            Problem::BatchWithoutStage => pick(
                "列出 `projects` 的目标必须写明 `stage`".into(),
                "a target that lists `projects` must name a `stage`".into(),
            ),
            Problem::LastWithoutEvery => pick(
                "`last` 只用于周期性任务，但此任务没有 `every`".into(),
                "`last` is for recurring tasks, but this task has no `every`".into(),
            ),
            Problem::BadAnchor { key, value, every } => {
                let every = every.name();
                pick(
                    format!("every = \"{every}\" 时 `{key}` 不能为 {value}"),
                    format!("`{key}` cannot be {value} with every = \"{every}\""),
                )
            }
            Problem::AnchorConflict { key: "last" } => pick(
                "固定日期的周期性任务（有 `day`）不用 `last`".into(),
                "a duty fixed to the calendar (with `day`) has no `last`".into(),
            ),
            Problem::AnchorConflict { key } => pick(
                format!("`{key}` 只用于有 `every` 和 `day` 的周期性任务"),
                format!("`{key}` is for recurring duties with `every` and `day`"),
            ),
            Problem::BadSubmission { text } => pick(
                format!("报送日期 `{text}` 应为计划年度内的某一天"),
                format!("the submission `{text}` must be one day within the plan's year"),
            ),
            Problem::UnusedSubmission { day } => pick(
                format!("{day} 的报送没有对应的期次（之前各期均已报送）"),
                format!("the submission on {day} satisfies no occurrence (every earlier one is satisfied)"),
            ),
            Problem::DuplicatePeriod { period } => pick(
                format!("报告期 `{period}` 重复"),
                format!("period `{period}` is reported twice"),
            ),
            Problem::DueOnRecurring => pick(
                "周期性任务的 `due` 会被忽略，下次期限由 `every` 和 `last` 推算".into(),
                "`due` on a recurring task is ignored: its next deadline follows from `every` and `last`".into(),
            ),
            Problem::DoneRecurring => pick(
                "周期性任务不会一次完成：状态 `done` 被忽略".into(),
                "a recurring task is never done for good: status `done` is ignored".into(),
            ),
            Problem::DoneDateNotDone { status } => pick(
                format!("填写了完成日期 `done`，但状态是 `{status}`"),
                format!("`done` date given, but the status is `{status}`"),
            ),
            Problem::DelayMismatch { last_to, due } => {
                let due_text = due.map_or_else(|| "—".to_string(), |d| d.to_string());
                pick(
                    format!("延期记录最后改到 {last_to}，但当前 `due` 是 {due_text}"),
                    format!("the delay log's last `to` is {last_to}, but `due` is {due_text}"),
                )
            }
            Problem::DelayChain { expected } => pick(
                format!("延期记录的 `from` 应为上一条的 `to`（{expected}）"),
                format!("this delay's `from` should be the previous entry's `to` ({expected})"),
            ),
            Problem::IndicatorInconsistent {
                prior,
                target,
                growth,
                expected,
            } => pick(
                format!(
                    "`prior` {prior} 增长 {growth}% 应为 {expected:.2}，与 `target` {target} 相差超过 1%"
                ),
                format!(
                    "`prior` {prior} grown by {growth}% is {expected:.2}, more than 1% away from `target` {target}"
                ),
            ),
            Problem::FallingIndicatorRises { growth } => pick(
                format!("下降型指标（direction = \"down\"）的目标增速却是 +{growth}%"),
                format!("a falling indicator (direction = \"down\") with a target growth of +{growth}%"),
            ),
            Problem::PeriodOutsideYear { period, year } => pick(
                format!("报告期 `{period}` 不在计划年度 {year} 内"),
                format!("period `{period}` is outside the plan year {year}"),
            ),
            Problem::BatchTargetTooHigh { target, count } => pick(
                format!("目标 {target} 大于所列项目数 {count}，不可能完成"),
                format!("target {target} is more than the {count} listed projects: it can never be met"),
            ),
            Problem::SubExceedsParent {
                target,
                parent,
                parent_target,
            } => pick(
                format!("子指标的目标 {target} 大于上级指标 `{parent}` 的目标 {parent_target}（单位相同）"),
                format!(
                    "the target {target} of this sub-indicator is more than the target {parent_target} of its parent `{parent}` in the same unit"
                ),
            ),
            Problem::UnitDiffersFromParent {
                unit,
                parent,
                parent_unit,
            } => pick(
                format!("子指标的单位 `{unit}` 与上级指标 `{parent}` 的单位 `{parent_unit}` 不同"),
                format!("this sub-indicator's unit `{unit}` differs from the unit `{parent_unit}` of its parent `{parent}`"),
            ),
            Problem::LagWithoutCadence => pick(
                "`lag` 需要同时写明发布周期 `cadence`".into(),
                "`lag` needs a `cadence`".into(),
            ),
            Problem::BadFeedback { key, value, every } => pick(
                format!("`{key}` 为 {value}，不适用于 feedback = \"{}\"", crate::model::FeedbackEvery::NAMES[*every as usize]),
                format!("`{key}` is {value}, which feedback = \"{}\" does not allow", crate::model::FeedbackEvery::NAMES[*every as usize]),
            ),
            Problem::VerifiedNotDone { status } => pick(
                format!("尚未办结（status = \"{status}\"）的任务不能销号（verified）"),
                format!("a task that is not done (status = \"{status}\") cannot be verified"),
            ),
            Problem::VerifiedBeforeDone { done } => pick(
                format!("销号日期早于办结日期 {done}"),
                format!("verified before it was done ({done})"),
            ),
            Problem::MissingEvidence { path, root } => pick(
                format!("证明材料 `{path}` 不存在（相对于 {root}）"),
                format!("evidence `{path}` does not exist (relative to {root})"),
            ),
            Problem::BadEmail { text, reason } => pick(
                format!("`{text}` 不是有效的邮件地址：{reason}"),
                format!("`{text}` is not a mail address: {reason}"),
            ),
            Problem::ProgressInFuture { on } => pick(
                format!("进展报告的日期 {on} 晚于今天"),
                format!("this progress report is dated {on}, after today"),
            ),
            Problem::StaleIndicator { latest, expected } => match latest {
                Some(latest) => pick(
                    format!("数据滞后：最新报告期是 `{latest}`，按发布周期应已有 `{expected}`"),
                    format!("stale: the latest reported period is `{latest}`, but `{expected}` is due by now"),
                ),
                None => pick(
                    format!("数据滞后：尚无任何报告期，按发布周期应已有 `{expected}`"),
                    format!("stale: nothing is reported, but `{expected}` is due by now"),
                ),
            },
        }
    }

    /// The remedy, where there is one.
    #[allow(clippy::too_many_lines)]
    pub fn help(&self, lang: Lang) -> Option<String> {
        let zh = lang == Lang::Zh;
        let pick = |z: String, e: String| Some(if zh { z } else { e });
        match self {
            Problem::NotUtf8 => pick(
                "请另存为 UTF-8，例如：iconv -f GBK -t UTF-8 原文件 > 新文件".into(),
                "save it as UTF-8, for example: iconv -f GBK -t UTF-8 old.toml > new.toml".into(),
            ),
            Problem::OrphanFile => pick(
                "把它移到某个计划目录中，或在此目录创建 plan.toml".into(),
                "move it into a plan directory, or create a plan.toml beside it".into(),
            ),
            Problem::Utf16 => pick(
                "请另存为 UTF-8，例如：iconv -f UTF-16 -t UTF-8 原文件 > 新文件".into(),
                "save it as UTF-8, for example: iconv -f UTF-16 -t UTF-8 old.toml > new.toml".into(),
            ),
            Problem::MergeConflict => pick(
                "保留应有的内容，删去 <<<<<<<、=======、>>>>>>> 标记行，再运行 plan check".into(),
                "keep the text that should stay, delete the <<<<<<<, ======= and >>>>>>> lines, then run plan check".into(),
            ),
            Problem::NameNotUtf8 { .. } => pick(
                "把文件改成 UTF-8 名称（Windows 压缩包中的 GBK 文件名常见此问题，可用 convmv -f gbk -t utf8 转换）".into(),
                "rename it to a UTF-8 name (GBK names from a Windows zip do this; convmv -f gbk -t utf8 renames them)".into(),
            ),
            Problem::NameNotRead { .. } => pick(
                "若它是计划文件，把它改名为以 .toml 结尾（小写、末尾无空格）".into(),
                "if it is a plan file, rename it to end in `.toml` (lowercase, no trailing space)".into(),
            ),
            Problem::TooDeepDirs { .. } => pick(
                "把计划移到较浅的目录中".into(),
                "move the plans to a shallower directory".into(),
            ),
            Problem::LeftoverTemp => pick(
                "其中是未保存的修改，计划文件没有改动；删除它即可（下一次 plan 修改命令也会删除它）".into(),
                "it holds an edit that was never saved; the plan file is unchanged. Remove it (the next `plan` edit in this directory does)".into(),
            ),
            Problem::NoPlans => pick(
                "在其中建一个含 plan.toml 的目录，或用 --plans 指定计划目录".into(),
                "add a directory holding a plan.toml, or point --plans at the plans directory".into(),
            ),
            Problem::TooDeep => pick(
                "计划文件不需要这样的嵌套；请检查是否多写了括号".into(),
                "plan files never need such nesting; look for stray brackets".into(),
            ),
            Problem::MissingTable { table } => pick(
                format!("在文件开头加上 `[{table}]` 和它的键"),
                format!("add `[{table}]` with its keys at the top of the file"),
            ),
            Problem::UnknownKey {
                suggestion: Some(s),
                ..
            } => pick(format!("是否想写 `{s}`？"), format!("did you mean `{s}`?")),
            Problem::UnknownKey { key, context, .. }
                if *context == "[area]"
                    && ["task", "target", "project", "indicator"].contains(&key.as_str()) =>
            {
                pick(
                    format!("写在 `[area]` 下面的键属于 [area]；事项请写成 [[{key}]] 表"),
                    format!("keys below `[area]` belong to it; write items as [[{key}]] tables"),
                )
            }
            Problem::UnknownKey { context, .. } => pick(
                format!("{context} 可用的键见 docs/format.md"),
                format!("the keys of {context} are listed in docs/format.md"),
            ),
            Problem::BadDate {
                key,
                reads_as: Some(keys),
                ..
            } => match keys.as_ref().strip_prefix("due = ") {
                Some(value) if key == "due" => pick(
                    format!("写成 {value}"),
                    format!("write {value}"),
                ),
                _ => pick(
                    format!("不写 `{key}`，改写 {keys}"),
                    format!("in place of `{key}`, write {keys}"),
                ),
            },
            Problem::BadDate { text, .. }
                if crate::date::Period::parse(&text.trim().to_uppercase()).is_ok() =>
            {
                let fixed = text.trim().to_uppercase();
                pick(
                    format!("写成 \"{fixed}\"（前后不留空格，Q、H 大写）"),
                    format!("write \"{fixed}\" (no spaces, Q and H in capitals)"),
                )
            }
            Problem::BadDate { .. } => pick(
                "可写日期 2016-03-31，或期间 \"2016-03\"（月底）、\"2016-Q1\"、\"2016-H1\"、\"2016\"".into(),
                "write a day 2016-03-31, or a period \"2016-03\" (its last day), \"2016-Q1\", \"2016-H1\", \"2016\"".into(),
            ),
            Problem::BadValue {
                suggestion: Some(s),
                ..
            } => pick(format!("是否想写 `{s}`？"), format!("did you mean `{s}`?")),
            Problem::BadValue { allowed, .. } => {
                let list = allowed.join(", ");
                pick(format!("可选值：{list}"), format!("expected one of: {list}"))
            }
            Problem::BadId { .. } => pick(
                "编号用小写英文字母、数字和连字符，例如 `xiongxing-survey`".into(),
                "use lowercase ASCII letters, digits and hyphens, like `xiongxing-survey`".into(),
            ),
            Problem::StageDatesOutOfOrder { .. } => pick(
                "阶段依次为 negotiating、signed、land、started、completed、producing；请核对两个日期".into(),
                "stages come in the order negotiating, signed, land, started, completed, producing; check both dates".into(),
            ),
            Problem::ConfusableId { .. } => pick(
                "两个编号请用同一种写法（编号建议只用半角英文字母、数字和连字符），否则命令行输入一种找不到另一种".into(),
                "write them the same way (ASCII letters, digits and hyphens are safest): a command typed with one form does not find the other".into(),
            ),
            Problem::DuplicateId { .. } | Problem::DuplicateArea { .. } => pick(
                "编号在整个计划内必须唯一（不分类型、不分文件）；请改名其中一个".into(),
                "ids are unique across the whole plan, whatever the kind or file; rename one".into(),
            ),
            Problem::DuplicatePlan { .. } => pick(
                "在其中一个 plan.toml 中设置不同的 `id`".into(),
                "give one of the plan.toml files a different `id`".into(),
            ),
            Problem::UnknownReference {
                suggestion: Some(s),
                ..
            }
            | Problem::UnknownPlan {
                suggestion: Some(s),
                ..
            } => pick(format!("是否想写 `{s}`？"), format!("did you mean `{s}`?")),
            Problem::StageDateBeyondStage { date_stage, .. } => pick(
                format!(
                    "把 `stage` 改为 \"{}\"，或删去这个日期",
                    date_stage.name()
                ),
                format!(
                    "set `stage = \"{}\"`, or remove this date",
                    date_stage.name()
                ),
            ),
            Problem::ActualWithActuals => pick(
                "把 `actual` 写成 `actuals` 中带报告期的一项".into(),
                "write the figure as a dated entry of `actuals`".into(),
            ),
            Problem::MilestonesOutOfOrder => pick(
                "序时目标的数值是截至该日的累计数，如一季度 25、二季度 50".into(),
                "milestone values are figures as of their dates: running totals, such as 25 by Q1 and 50 by Q2".into(),
            ),
            Problem::ToleranceWithoutAbout => pick(
                "写上 compare = \"about\"（…左右），或删去 `tolerance`".into(),
                "write compare = \"about\" (…左右), or remove `tolerance`".into(),
            ),
            Problem::ActualOnBatch => pick(
                "完成数由所列项目达到 `stage` 的个数自动计算；删去 `actual`".into(),
                "its value is counted from the listed projects that reached `stage`; remove `actual`".into(),
            ),
            Problem::BatchWithoutProjects => pick(
                "加上 projects = [\"项目编号\", ...]".into(),
                "add projects = [\"project-id\", ...]".into(),
            ),
            Problem::BatchWithoutStage => pick(
                "加上 stage = \"signed\"（或其他阶段）".into(),
                "add stage = \"signed\" (or another stage)".into(),
            ),
            Problem::BadAnchor { .. } => pick(
                "week：day 为 1（周一）到 7；half-month：day 为 15；month、quarter、year：day 为 1 到 31；month 不超过周期的月数（quarter 为 1 到 3，year 为 1 到 12）".into(),
                "week: day 1 (Monday) to 7; half-month: day 15; month, quarter, year: day 1 to 31; month within the period (quarter 1 to 3, year 1 to 12)".into(),
            ),
            Problem::AnchorConflict { key: "last" } => pick(
                "删去 `last`：各期是否报送记在 `submitted` 中".into(),
                "remove `last`: what was done is in `submitted`".into(),
            ),
            Problem::LastWithoutEvery => pick(
                "加上 every = \"month\"（或其他周期），或删去 `last`".into(),
                "add every = \"month\" (or another interval), or remove `last`".into(),
            ),
            Problem::DueOnRecurring => pick(
                "删去 `due`；用 `last` 记录最近一次完成的日期".into(),
                "remove `due`; record the latest completion in `last`".into(),
            ),
            Problem::DoneRecurring => pick(
                "用 `last` 记录最近一次完成；不再执行时用 status = \"dropped\"".into(),
                "record the latest completion in `last`; use status = \"dropped\" to stop it".into(),
            ),
            Problem::DelayMismatch { last_to, .. } => pick(
                format!("把 `due` 改为 {last_to}，或补上对应的延期记录"),
                format!("set `due = {last_to}`, or add the delay entry that moved it"),
            ),
            Problem::IndicatorInconsistent { .. } => pick(
                "三者只需填两个；另一个会自动推算".into(),
                "give two of the three; the third follows from them".into(),
            ),
            Problem::FallingIndicatorRises { growth } => pick(
                format!("下降写成负数：growth = -{growth}"),
                format!("write a fall as a negative growth: growth = -{growth}"),
            ),
            Problem::SubExceedsParent { .. } => pick(
                "「其中」的部分不会大于整体：检查两个目标值或 `parent`".into(),
                "a part (其中) cannot exceed the whole: check both targets or the `parent`".into(),
            ),
            Problem::UnitDiffersFromParent { .. } => pick(
                "统一单位；如确属不同单位，加上 unit_differs = true".into(),
                "use the parent's unit, or add unit_differs = true if the difference is meant".into(),
            ),
            Problem::LagWithoutCadence => pick(
                "加上 cadence = \"month\" 或 \"quarter\"，或删去 `lag`".into(),
                "add cadence = \"month\" or \"quarter\", or remove `lag`".into(),
            ),
            Problem::BadFeedback { .. } => pick(
                "month：feedback_day 为 1 到 31；quarter：feedback_day 为 1 到 31，feedback_month 为 1 到 3；half-month 固定为 15 日和月末，不写 feedback_day".into(),
                "month: feedback_day 1 to 31; quarter: feedback_day 1 to 31 and feedback_month 1 to 3; half-month is always the 15th and the last day, without feedback_day".into(),
            ),
            Problem::VerifiedNotDone { .. } => pick(
                "先用 plan done 记录办结，再用 plan verify 销号".into(),
                "record it done first (plan done), then verify it (plan verify)".into(),
            ),
            Problem::VerifiedBeforeDone { .. } => pick(
                "销号在办结之后：核对两个日期".into(),
                "verification comes after the unit's done: check both dates".into(),
            ),
            Problem::MissingEvidence { .. } => pick(
                "把材料放进仓库并提交，或写完整的链接（https://…）".into(),
                "add the file to the repository, or give a full link (https://…)".into(),
            ),
            Problem::BadEmail { .. } => pick(
                "写成 name@example.org 的形式".into(),
                "write it as name@example.org".into(),
            ),
            Problem::ProgressInFuture { .. } => pick(
                "核对日期；进展应在发生后记录".into(),
                "check the date: progress is recorded once it happened".into(),
            ),
            Problem::StaleIndicator { expected, .. } => pick(
                format!("在 `actuals` 中补报 `{expected}` 的数据；如发布时间更晚，调大 `lag`"),
                format!("add the `{expected}` figure to `actuals`; if figures come out later, raise `lag`"),
            ),
            _ => None,
        }
    }

    /// The label on the second place, for problems that have one.
    pub fn related_note(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Problem::StageDatesOutOfOrder { .. }, Lang::Zh) => "前一阶段的日期在此",
            (Problem::StageDatesOutOfOrder { .. }, Lang::En) => "the earlier stage's date is here",
            (Problem::ConfusableId { .. }, Lang::Zh) => "另一种写法在此",
            (Problem::ConfusableId { .. }, Lang::En) => "the other form is here",
            (_, Lang::Zh) => "首次定义在此",
            (_, Lang::En) => "first defined here",
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The closest of `candidates` to `name`, if one is close enough to be a likely typo.
pub fn suggest<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = name.chars().count().div_ceil(3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// TOML syntax messages, English fragment by fragment into Chinese (longest first).
const TOML_WORDS: &[(&str, &str)] = &[
    ("invalid multi-line basic string", "多行基本字符串无效"),
    ("invalid multi-line literal string", "多行字面字符串无效"),
    ("string values must be quoted", "字符串值必须加引号"),
    ("unquoted keys cannot be empty", "不加引号的键不能为空"),
    ("unexpected leading zero", "数字不能以 0 开头"),
    ("missing escaped value", "转义字符不完整"),
    ("invalid basic string", "基本字符串无效"),
    ("invalid literal string", "字面字符串无效"),
    ("unclosed inline table", "内联表没有闭合"),
    ("invalid inline table", "内联表无效"),
    ("invalid table header", "表头无效"),
    ("unclosed table", "表头没有闭合"),
    ("unclosed array", "数组没有闭合"),
    ("invalid array", "数组无效"),
    ("duplicate key", "键重复"),
    ("invalid boolean", "布尔值无效"),
    ("invalid integer", "整数无效"),
    ("invalid float", "浮点数无效"),
    ("invalid number", "数字无效"),
    ("invalid date", "日期无效"),
    ("invalid time", "时间无效"),
    ("invalid key", "键无效"),
    ("unexpected content", "多余的内容"),
    ("month between 01 and 12", "01 到 12 之间的月份"),
    ("day between 01 and 31", "01 到 31 之间的日"),
    ("letters, numbers", "字母、数字"),
    ("literal string", "字面字符串"),
    ("newline", "换行"),
    (", expected nothing", "，此处不应有内容"),
    (", expected ", "，应为 "),
    (" or ", " 或 "),
];

/// A TOML parser's message in Chinese, fragment by fragment; what is not in the table stays.
fn toml_zh(message: &str) -> String {
    let mut out = message.to_string();
    for (en, zh) in TOML_WORDS {
        out = out.replace(en, zh);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_and_not_strangers() {
        assert_eq!(suggest("stauts", ["status", "title"]), Some("status"));
        assert_eq!(suggest("tittle", ["status", "title"]), Some("title"));
        assert_eq!(suggest("colour", ["status", "title"]), None);
    }
}

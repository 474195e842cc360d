//! The words ledgers (台账) use: the names of their columns, and the words of the status
//! column. These are what `plan import` reads; what `plan export` writes comes from here too,
//! so that an exported ledger reads back.

use crate::model::TaskStatus;

/// What a ledger column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 序号: the item's number (1, （1）, ①), which gives sub-items their parent.
    Number,
    /// 工作方面: the area, on every row (an exported ledger), instead of area rows.
    Area,
    Title,
    Owner,
    /// 责任单位: the owner, or assisting units when a 牵头单位 column exists.
    Responsible,
    With,
    Leader,
    Due,
    Status,
    Progress,
    Note,
}

impl Field {
    /// The fields as named in `--map` files.
    pub const NAMES: &'static [(&'static str, Field)] = &[
        ("number", Field::Number),
        ("area", Field::Area),
        ("title", Field::Title),
        ("owner", Field::Owner),
        ("with", Field::With),
        ("leader", Field::Leader),
        ("due", Field::Due),
        ("status", Field::Status),
        ("progress", Field::Progress),
        ("note", Field::Note),
    ];
}

/// The usual header names of each field (compared after white space and line breaks are
/// removed and full-width forms folded).
pub const HEADERS: &[(&str, Field)] = &[
    ("序号", Field::Number),
    ("编号", Field::Number),
    ("工作方面", Field::Area),
    ("类别", Field::Area),
    ("工作类别", Field::Area),
    ("工作任务", Field::Title),
    ("重点任务", Field::Title),
    ("工作内容", Field::Title),
    ("任务", Field::Title),
    ("主要任务", Field::Title),
    ("任务内容", Field::Title),
    ("具体任务", Field::Title),
    ("工作措施", Field::Title),
    ("具体措施", Field::Title),
    ("牵头单位", Field::Owner),
    ("责任单位", Field::Responsible),
    ("配合单位", Field::With),
    ("协办单位", Field::With),
    ("责任领导", Field::Leader),
    ("分管领导", Field::Leader),
    ("牵头领导", Field::Leader),
    ("完成时限", Field::Due),
    ("时间节点", Field::Due),
    ("完成时间", Field::Due),
    ("时限要求", Field::Due),
    ("完成期限", Field::Due),
    ("状态", Field::Status),
    ("完成状态", Field::Status),
    ("办理状态", Field::Status),
    ("进展情况", Field::Progress),
    ("工作进展", Field::Progress),
    ("推进情况", Field::Progress),
    ("备注", Field::Note),
];

/// The header `plan export` writes for a field.
pub fn header(field: Field) -> &'static str {
    match field {
        Field::Number => "序号",
        Field::Area => "工作方面",
        Field::Title => "工作任务",
        Field::Owner | Field::Responsible => "牵头单位",
        Field::With => "配合单位",
        Field::Leader => "责任领导",
        Field::Due => "完成时限",
        Field::Status => "状态",
        Field::Progress => "进展情况",
        Field::Note => "备注",
    }
}

/// Status words as ledgers write them, and the task status each means.
pub const STATUSES: &[(&str, TaskStatus)] = &[
    ("未开始", TaskStatus::Todo),
    ("待办", TaskStatus::Todo),
    ("未完成", TaskStatus::Todo),
    ("进行中", TaskStatus::Doing),
    ("推进中", TaskStatus::Doing),
    ("正在推进", TaskStatus::Doing),
    ("受阻", TaskStatus::Blocked),
    ("暂缓", TaskStatus::Blocked),
    ("已完成", TaskStatus::Done),
    ("完成", TaskStatus::Done),
    ("已办结", TaskStatus::Done),
    ("办结", TaskStatus::Done),
    ("已销号", TaskStatus::Done),
    ("已取消", TaskStatus::Dropped),
    ("取消", TaskStatus::Dropped),
    ("不再执行", TaskStatus::Dropped),
];

/// The status word `plan export` writes for a task's status.
pub fn status_word(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Todo => "未完成",
        TaskStatus::Doing => "进行中",
        TaskStatus::Blocked => "受阻",
        TaskStatus::Done => "已完成",
        TaskStatus::Dropped => "已取消",
    }
}

/// Marks in an owner cell: "A牵头，B配合".
pub const LEAD_MARKS: &[&str] = &["牵头", "负责"];
pub const ASSIST_MARKS: &[&str] = &["配合", "参与", "协助", "协办"];

/// Separators between names in one cell.
pub const NAME_SEPARATORS: &[char] = &['、', '，', ',', '；', ';', '\n', '/'];

/// What an exported ongoing task's deadline says.
pub const ONGOING_WORDS: &str = "长期坚持";

/// The names of the sheets `plan export` writes.
pub const SHEET_ITEMS: &str = "工作任务";
pub const SHEET_INDICATORS: &str = "统计指标";
pub const SHEET_UNITS: &str = "牵头单位";

/// Numbering that opens an area row's title ("一、", "（一）"), taken off the area's title.
pub const CHINESE_DIGITS: &str = "一二三四五六七八九十";

/// A light as the exported ledger writes it (its cell is filled in the light's colour).
pub fn light_word(light: crate::compute::light::Light) -> &'static str {
    match light {
        crate::compute::light::Light::Red => "红灯",
        crate::compute::light::Light::Yellow => "黄灯",
        crate::compute::light::Light::Green => "绿灯",
    }
}

/// The columns of the exported items sheet, in order (the light is not read back).
pub const ITEM_COLUMNS: &[&str] = &[
    "序号",
    "工作方面",
    "工作任务",
    "牵头单位",
    "配合单位",
    "责任领导",
    "完成时限",
    "状态",
    "灯",
    "进展情况",
];

/// The columns of the exported indicators sheet.
pub const INDICATOR_COLUMNS: &[&str] = &[
    "指标",
    "牵头单位",
    "单位",
    "上年数",
    "目标",
    "目标增速（%）",
    "最新报告期",
    "累计值",
    "增速（%）",
    "增速差（百分点）",
    "完成进度（%）",
    "状态",
];

/// The columns of the exported lead units sheet (the scoreboard).
pub const UNIT_COLUMNS: &[&str] = &[
    "排名",
    "牵头单位",
    "按期办结率（%）",
    "未完成",
    "逾期",
    "已完成",
    "逾期办结",
    "红灯",
    "黄灯",
    "未报进展",
];

/// A target's state in the items sheet: met, or not yet.
pub const TARGET_MET: &str = "已完成";
pub const TARGET_OPEN: &str = "未完成";

/// Numbering of sub-items in the exported ledger, by depth below the top: （1）, then ①.
pub fn sub_number(depth: usize, n: usize) -> String {
    match depth {
        0 => n.to_string(),
        1 => format!("（{n}）"),
        _ => char::from_u32(0x2460 + u32::try_from(n.saturating_sub(1).min(19)).unwrap_or(0))
            .map_or_else(|| n.to_string(), |c| c.to_string()),
    }
}

/// A recurring duty's deadline in the words the phrase reader reads back.
pub fn every_words(every: crate::model::Every, day: Option<u32>, month: Option<u32>) -> String {
    use crate::model::Every;
    let weekday = |d: u32| "一二三四五六日".chars().nth(d.saturating_sub(1) as usize);
    match (every, day, month) {
        (Every::HalfMonth, _, _) => "每半个月".to_string(),
        (Every::Month, Some(d), _) => format!("每月{d}日前"),
        (Every::Month, None, _) => "每月".to_string(),
        (Every::Quarter, Some(d), m) => {
            let which = match m.unwrap_or(3) {
                1 => "第一个",
                2 => "第二个",
                _ => "最后一个",
            };
            format!("每季度{which}月的{d}日前")
        }
        (Every::Quarter, None, _) => "每季度".to_string(),
        (Every::Week, Some(d), _) => {
            weekday(d).map_or_else(|| "每周".to_string(), |w| format!("每周{w}前"))
        }
        (Every::Week, None, _) => "每周".to_string(),
        (Every::Year, Some(d), m) => format!("每年{}月{d}日前", m.unwrap_or(12)),
        (Every::Year, None, _) => "每年".to_string(),
    }
}

/// Between names in one cell of an exported ledger.
pub const LIST_SEP: &str = "、";

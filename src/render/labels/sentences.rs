//! Sentences with figures in them, in both languages.

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

/// A figure and its unit: `12亿元` in Chinese, `12 million` in English.
pub fn quantity(lang: Lang, figure: &str, unit: &str) -> String {
    match lang {
        Lang::En if !unit.is_empty() => format!("{figure} {unit}"),
        Lang::Zh | Lang::En => format!("{figure}{unit}"),
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

/// The heading of the items due soon in the report.
pub fn due_within(lang: Lang, within: i64) -> String {
    match lang {
        Lang::Zh => format!("即将到期（{within} 天内）"),
        Lang::En => format!("Due in the next {within} days"),
    }
}

/// A figure the release cadence says is out by now.
pub fn figure_due(lang: Lang, period: &str) -> String {
    match lang {
        Lang::Zh => format!("按发布周期应已有 {period} 的数据"),
        Lang::En => format!("the {period} figure is due by now"),
    }
}

/// The title of the scoreboard (通报).
pub fn scoreboard_title(lang: Lang, today: &str) -> String {
    match lang {
        Lang::Zh => format!("工作推进情况通报（截至 {today}）"),
        Lang::En => format!("Progress by unit (as of {today})"),
    }
}

/// The scoreboard's opening sentence: how many units (or leaders), items due and on time.
pub fn scoreboard_summary(
    lang: Lang,
    leaders: bool,
    units: usize,
    due: usize,
    on_time: usize,
    rate: Option<&str>,
) -> String {
    let rate_zh = rate.map_or_else(String::new, |r| format!("，按期办结率 {r}"));
    let rate_en = rate.map_or_else(String::new, |r| format!(", an on-time rate of {r}"));
    match (lang, leaders) {
        (Lang::Zh, false) => format!(
            "本期共通报 {units} 个牵头单位。已到期（或已办结）事项 {due} 项，按期办结 {on_time} 项{rate_zh}。排名依次按按期办结率、逾期未办结事项数。"
        ),
        (Lang::Zh, true) => format!(
            "本期共通报 {units} 位责任领导分管的事项。已到期（或已办结）事项 {due} 项，按期办结 {on_time} 项{rate_zh}。排名依次按按期办结率、逾期未办结事项数。"
        ),
        (Lang::En, false) => format!(
            "{units} lead units. {due} items were due or are finished; {on_time} were finished on time{rate_en}. Ranked by on-time rate, then fewest overdue."
        ),
        (Lang::En, true) => format!(
            "The items of {units} responsible leaders. {due} items were due or are finished; {on_time} were finished on time{rate_en}. Ranked by on-time rate, then fewest overdue."
        ),
    }
}

/// One unit to press: its overdue, red and missed-report counts (those above zero).
pub fn press(lang: Lang, name: &str, overdue: usize, red: usize, missed: usize) -> String {
    let mut parts = Vec::new();
    match lang {
        Lang::Zh => {
            if overdue > 0 {
                parts.push(format!("逾期未办结 {overdue} 项"));
            }
            if red > 0 {
                parts.push(format!("红灯 {red} 项"));
            }
            if missed > 0 {
                parts.push(format!("未按时报送进展 {missed} 项"));
            }
            format!("{name}：{}。", parts.join("，"))
        }
        Lang::En => {
            if overdue > 0 {
                parts.push(format!("{overdue} overdue"));
            }
            if red > 0 {
                parts.push(format!("{red} red"));
            }
            if missed > 0 {
                parts.push(format!("{missed} missed progress reports"));
            }
            format!("{name}: {}.", parts.join(", "))
        }
    }
}

/// When no unit needs pressing.
pub fn none_to_press(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "各单位均无逾期未办结、红灯和未按时报送进展的事项。",
        Lang::En => "No unit has overdue or red items or missed progress reports.",
    }
}

/// The words of a notice (督办通知单).
pub struct NoticeWords {
    pub title: &'static str,
    pub number: &'static str,
    pub unit: &'static str,
    pub date: &'static str,
    pub item: &'static str,
    pub none: &'static str,
    pub subject_prefix: &'static str,
}

pub fn notice_words(lang: Lang) -> NoticeWords {
    match lang {
        Lang::Zh => NoticeWords {
            title: "督办通知单",
            number: "编号",
            unit: "单位",
            date: "日期",
            item: "事项",
            none: "无",
            subject_prefix: "督办通知单",
        },
        Lang::En => NoticeWords {
            title: "Supervision notice",
            number: "No.",
            unit: "To",
            date: "Date",
            item: "Item",
            none: "none",
            subject_prefix: "Supervision notice",
        },
    }
}

/// What a notice asks of its unit.
pub fn notice_request(lang: Lang, count: usize, reply_by: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "经督查，你单位牵头的以下 {count} 项工作亮红灯或黄灯。请抓紧推进，并于 {reply_by} 前书面报送进展情况。"
        ),
        Lang::En => format!(
            "The following {count} items your unit leads are red or yellow. Please press ahead, and report their progress in writing by {reply_by}."
        ),
    }
}

/// A notice's mail subject.
pub fn notice_subject(lang: Lang, number: &str, unit: &str) -> String {
    let w = notice_words(lang);
    match lang {
        Lang::Zh => format!("{}（{number}）：{unit}", w.subject_prefix),
        Lang::En => format!("{} {number}: {unit}", w.subject_prefix),
    }
}

/// A progress report in a notice: its day and text.
pub fn dated_text(lang: Lang, on: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{on}：{text}"),
        Lang::En => format!("{on}: {text}"),
    }
}

/// After a list cut to its first rows (`plan report --limit`).
pub fn and_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("……另有 {n} 项未列出（plan report --limit 0 列出全部）"),
        Lang::En => format!("… and {n} more (plan report --limit 0 lists them all)"),
    }
}

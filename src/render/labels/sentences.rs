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

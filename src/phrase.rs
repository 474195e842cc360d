//! Deadlines in words, as office ledgers (台账) write them: "3月底前", "一季度", "每月28日前",
//! "长期坚持". One reader serves `plan import` and the hint `plan check` gives for a `due` it
//! cannot read. Phrases name calendar dates of the plan's year; in a plan whose year is not
//! the calendar year (a fiscal year), a phrase without a year is the first such date on or
//! after the plan's first day, and "年底前" / "全年" is its last day.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::date::Period;
use crate::model::{Every, PlanYear};

/// What a deadline phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// A day or a period: `due`.
    Due(Period),
    /// A duty that recurs: `every`, and for one fixed to the calendar its `day` and `month`.
    Every {
        every: Every,
        day: Option<u32>,
        month: Option<u32>,
    },
    /// Work that never finishes (长期坚持, 常态化): no `due`, `ongoing = true`.
    Ongoing,
}

/// Words for work that never finishes.
const ONGOING: &[&str] = &[
    "长期坚持",
    "持续推进",
    "长期",
    "常态化",
    "长期推进",
    "持续开展",
    "常态化推进",
    "长期开展",
    "持续",
];

/// Words for the whole year: its last day.
const WHOLE_YEAR: &[&str] = &[
    "年底",
    "年末",
    "全年",
    "年内",
    "本年",
    "本年度",
    "年度内",
    "当年",
];

/// The text made comparable: full-width digits and letters folded (NFKC), white space and
/// the words around a deadline ("前", "之前", "以前", "完成") taken off.
fn normal(text: &str) -> String {
    let mut s: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    for tail in ["完成", "以前", "之前", "前", "止", "为止"] {
        if let Some(rest) = s.strip_suffix(tail) {
            s = rest.to_string();
        }
    }
    for head in ["于", "在", "截至", "截止"] {
        if let Some(rest) = s.strip_prefix(head) {
            s = rest.to_string();
        }
    }
    s
}

/// A number written in digits or in Chinese numerals up to 31 (一, 十二, 二十八, 三十一).
fn number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok().filter(|n| *n <= 9999);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = s
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', d] => digit(*t)? * 10 + digit(*d)?,
        _ => return None,
    };
    u32::try_from(n).ok()
}

/// `text` split at its first `mark`: what comes before and after.
fn split_at<'a>(text: &'a str, mark: &str) -> Option<(&'a str, &'a str)> {
    text.split_once(mark)
}

/// Read a deadline phrase for a plan whose year is `span` (labelled `year`); `None` when it
/// is not one this reader knows.
pub fn read(text: &str, span: PlanYear) -> Option<Deadline> {
    let s = normal(text);
    if s.is_empty() {
        return None;
    }
    if ONGOING.contains(&s.as_str()) {
        return Some(Deadline::Ongoing);
    }
    if let Some(rest) = s.strip_prefix('每') {
        return recurring(rest);
    }
    // An explicit year: "2023年10月底前".
    let (year, rest) = match split_at(&s, "年") {
        Some((y, rest)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            (Some(y.parse::<i32>().ok()?), rest)
        }
        _ => (None, s.as_str()),
    };
    // "2023年", "2023年底前", "2023年内": that whole year.
    let rest = if year.is_some() && matches!(rest, "" | "底" | "末" | "内" | "全年") {
        "全年"
    } else {
        rest
    };
    let rest = rest
        .strip_suffix("底")
        .or_else(|| rest.strip_suffix('末'))
        .map_or(rest, |r| {
            // "6月底" is the month; "年底" the year: keep what names the period.
            if r.is_empty() || r.ends_with('年') {
                rest
            } else {
                r
            }
        });
    let period = absolute(rest, year, span)?;
    Some(Deadline::Due(period))
}

/// A deadline that names a day or period: months, days, quarters, halves and the year.
fn absolute(s: &str, year: Option<i32>, span: PlanYear) -> Option<Period> {
    if WHOLE_YEAR.contains(&s) || (year.is_some() && s == "全年") {
        return Some(match year {
            Some(year) => Period::Year { year },
            None if span.first.month() == 1 && span.first.day() == 1 => Period::Year {
                year: span.first.year(),
            },
            None => Period::Day(span.last),
        });
    }
    if let Some(half) = match s {
        "上半年" => Some(1),
        "下半年" => Some(2),
        _ => None,
    } {
        return first_on_or_after(year, span, |y| Period::Half { year: y, half });
    }
    if let Some(q) = s.strip_suffix("季度") {
        let q = q.strip_prefix('第').unwrap_or(q);
        let quarter = number(q).filter(|q| (1..=4).contains(q))?;
        return first_on_or_after(year, span, |y| Period::Quarter { year: y, quarter });
    }
    let (month, day) = split_at(s, "月")?;
    let month =
        number(month.strip_suffix('份').unwrap_or(month)).filter(|m| (1..=12).contains(m))?;
    let day = day.strip_prefix('份').unwrap_or(day);
    let day = day.strip_suffix('份').unwrap_or(day);
    match day {
        // "12月底前" is the year's end (the contract): the whole year.
        "" if month == 12 && year.is_none() && span.first.month() == 1 => Some(Period::Year {
            year: span.first.year(),
        }),
        "" => first_on_or_after(year, span, |y| Period::Month { year: y, month }),
        // 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month.
        "上旬" => on_day(year, span, month, 10),
        "中旬" => on_day(year, span, month, 20),
        "下旬" => first_on_or_after(year, span, |y| Period::Month { year: y, month }),
        _ => {
            let d = day.strip_suffix('日').or_else(|| day.strip_suffix('号'))?;
            on_day(year, span, month, number(d)?)
        }
    }
}

/// Day `day` of `month`: in `year` when given, else the first on or after the plan's start.
fn on_day(year: Option<i32>, span: PlanYear, month: u32, day: u32) -> Option<Period> {
    let at = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    match year {
        Some(y) => at(y).map(Period::Day),
        None => [span.first.year(), span.first.year() + 1]
            .into_iter()
            .filter_map(at)
            .find(|d| *d >= span.first)
            .map(Period::Day),
    }
}

/// The period `make` gives for `year` when written, else the first whose last day is on or
/// after the plan's first day.
fn first_on_or_after(
    year: Option<i32>,
    span: PlanYear,
    make: impl Fn(i32) -> Period,
) -> Option<Period> {
    match year {
        Some(y) => Some(make(y)),
        None => [span.first.year(), span.first.year() + 1]
            .into_iter()
            .map(make)
            .find(|p| p.last_day() >= span.first),
    }
}

/// After "每": the interval, and the day (and month) it is fixed to.
fn recurring(s: &str) -> Option<Deadline> {
    let every = |every, day, month| Some(Deadline::Every { every, day, month });
    match s {
        "半个月" | "半月" => return every(Every::HalfMonth, Some(15), None),
        "月" => return every(Every::Month, None, None),
        "季度" | "季" => return every(Every::Quarter, None, None),
        "季度末" | "季末" => return every(Every::Quarter, Some(31), Some(3)),
        "周" | "星期" => return every(Every::Week, None, None),
        "年" => return every(Every::Year, None, None),
        _ => {}
    }
    if let Some(d) = s.strip_prefix("月").or_else(|| s.strip_prefix("个月")) {
        if d == "底" || d == "末" {
            return every(Every::Month, Some(31), None);
        }
        let d = d.strip_suffix('日').or_else(|| d.strip_suffix('号'))?;
        return every(
            Every::Month,
            Some(number(d).filter(|n| (1..=31).contains(n))?),
            None,
        );
    }
    if let Some(rest) = s.strip_prefix("季度").or_else(|| s.strip_prefix('季')) {
        // 每季度最后一个月的30日, 每季度第一个月的15日, 每季度末月25日
        let rest = rest.strip_prefix('的').unwrap_or(rest);
        let (month, day) = split_at(rest, "月")?;
        let month = match month {
            "最后一个" | "最后1个" | "末" | "最后" | "第三个" | "第3个" => 3,
            "第一个" | "第1个" | "首" | "第一" => 1,
            "第二个" | "第2个" | "第二" => 2,
            _ => return None,
        };
        let day = day.strip_prefix('的').unwrap_or(day);
        let day = day.strip_suffix('日').or_else(|| day.strip_suffix('号'))?;
        return every(
            Every::Quarter,
            Some(number(day).filter(|n| (1..=31).contains(n))?),
            Some(month),
        );
    }
    if let Some(d) = s.strip_prefix("周").or_else(|| s.strip_prefix("星期")) {
        let day = "一二三四五六日"
            .chars()
            .position(|c| d == c.to_string())
            .or_else(|| (d == "天").then_some(6))?;
        return every(Every::Week, Some(u32::try_from(day).ok()? + 1), None);
    }
    if let Some(rest) = s.strip_prefix('年') {
        let (month, day) = split_at(rest, "月")?;
        let month = number(month).filter(|m| (1..=12).contains(m))?;
        let day = day.strip_suffix('日').or_else(|| day.strip_suffix('号'))?;
        return every(
            Every::Year,
            Some(number(day).filter(|n| (1..=31).contains(n))?),
            Some(month),
        );
    }
    None
}

/// A deadline phrase as the keys of a task: `due = "2016-03"`, `every = "month", day = 28`,
/// `ongoing = true`.
pub fn as_keys(deadline: Deadline) -> String {
    match deadline {
        Deadline::Due(Period::Day(d)) => format!("due = {}", crate::date::ymd(d)),
        Deadline::Due(p) => format!("due = \"{p}\""),
        Deadline::Every { every, day, month } => {
            let mut s = format!("every = \"{}\"", every.name());
            if let Some(month) = month {
                s.push_str(&format!(", month = {month}"));
            }
            if let Some(day) = day {
                s.push_str(&format!(", day = {day}"));
            }
            s
        }
        Deadline::Ongoing => "ongoing = true".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calendar() -> PlanYear {
        PlanYear::calendar(2016)
    }

    fn due(s: &str) -> Option<Deadline> {
        Some(Deadline::Due(Period::parse(s).unwrap()))
    }

    /// Every phrase of the contract, and more from real plans, with what it becomes.
    #[test]
    fn phrases_become_due_forms() {
        let every = |every, day, month| Some(Deadline::Every { every, day, month });
        let table: &[(&str, Option<Deadline>)] = &[
            // The contract's phrases.
            ("3月5日前", due("2016-03-05")),
            ("3月底前", due("2016-03")),
            ("3月份前", due("2016-03")),
            ("3月前", due("2016-03")),
            ("3月底", due("2016-03")),
            ("一季度", due("2016-Q1")),
            ("第一季度", due("2016-Q1")),
            ("一季度末", due("2016-Q1")),
            ("上半年", due("2016-H1")),
            ("下半年", due("2016-H2")),
            ("年底前", due("2016")),
            ("年底", due("2016")),
            ("12月底前", due("2016")),
            ("全年", due("2016")),
            ("2023年10月底前", due("2023-10")),
            ("每月28日前", every(Every::Month, Some(28), None)),
            ("每季度", every(Every::Quarter, None, None)),
            (
                "每季度最后一个月的30日前",
                every(Every::Quarter, Some(30), Some(3)),
            ),
            ("每半个月", every(Every::HalfMonth, Some(15), None)),
            ("每半月", every(Every::HalfMonth, Some(15), None)),
            ("长期坚持", Some(Deadline::Ongoing)),
            ("持续推进", Some(Deadline::Ongoing)),
            ("长期", Some(Deadline::Ongoing)),
            ("常态化", Some(Deadline::Ongoing)),
            // More from real plans.
            ("2023年6月底前", due("2023-06")),
            ("2023年6月30日前", due("2023-06-30")),
            ("6月30日前", due("2016-06-30")),
            ("年内", due("2016")),
            ("第三季度", due("2016-Q3")),
            ("三季度末前", due("2016-Q3")),
            // Decision: 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month.
            ("11月中旬前", due("2016-11-20")),
            ("11月上旬", due("2016-11-10")),
            ("11月下旬", due("2016-11")),
            ("三月底前", due("2016-03")),
            ("十二月十五日前", due("2016-12-15")),
            ("９月底前完成", due("2016-09")),
            ("于9月30日前完成", due("2016-09-30")),
            (" 6月份 ", due("2016-06")),
            ("2023年", due("2023")),
            ("2023年底前", due("2023")),
            ("每月", every(Every::Month, None, None)),
            ("每月底", every(Every::Month, Some(31), None)),
            ("每季度末", every(Every::Quarter, Some(31), Some(3))),
            (
                "每季度第一个月的15日前",
                every(Every::Quarter, Some(15), Some(1)),
            ),
            ("每周五前", every(Every::Week, Some(5), None)),
            ("每年3月31日前", every(Every::Year, Some(31), Some(3))),
            ("常态化推进", Some(Deadline::Ongoing)),
            // Not deadlines this reader knows.
            ("", None),
            ("尽快", None),
            ("3月底前完成方案，6月底前完成建设", None),
            ("13月底前", None),
            ("2月30日前", None),
            ("第五季度", None),
            ("每月32日", None),
        ];
        for (text, want) in table {
            assert_eq!(read(text, calendar()), *want, "{text}");
        }
    }

    /// In a July–June fiscal year a phrase is the first such date on or after its first day.
    #[test]
    fn fiscal_years_take_the_first_date_on_or_after_the_start() {
        let fiscal = PlanYear::from(NaiveDate::from_ymd_opt(2014, 7, 1).unwrap());
        for (text, want) in [
            ("3月底前", due("2015-03")),
            ("9月底前", due("2014-09")),
            ("一季度", due("2015-Q1")),
            ("三季度", due("2014-Q3")),
            ("上半年", due("2015-H1")),
            ("6月30日前", due("2015-06-30")),
            ("7月1日", due("2014-07-01")),
            ("年底前", due("2015-06-30")),
            ("全年", due("2015-06-30")),
            ("2014年12月底前", due("2014-12")),
        ] {
            assert_eq!(read(text, fiscal), want, "{text}");
        }
    }

    #[test]
    fn keys_are_written_as_the_format_reads_them() {
        let keys = |s| as_keys(read(s, calendar()).unwrap());
        assert_eq!(keys("3月5日前"), "due = 2016-03-05");
        assert_eq!(keys("3月底前"), "due = \"2016-03\"");
        assert_eq!(
            keys("每季度最后一个月的30日前"),
            "every = \"quarter\", month = 3, day = 30"
        );
        assert_eq!(keys("长期坚持"), "ongoing = true");
    }
}

//! The date forms of the contract: a calendar day, or a period (`"2016-03"`, `"2016-Q1"`,
//! `"2016-H1"`, `"2016"`) that stands for its last day; and indicator reporting periods.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Half { year: i32, half: u32 },
    Year { year: i32 },
}

/// Why a date text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not one of the accepted forms.
    Form,
    /// The right form, but no such day or period (`2016-02-30`, `"2016-13"`, `"2016-Q5"`).
    NoSuchDate,
    /// A year before 1900 or after 9999.
    OutOfRange,
}

/// The years a date may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

impl Period {
    /// Parse the string form of a date or period, exactly as written: no spaces around it,
    /// `Q` and `H` in capitals, years from 1900 to 9999.
    pub fn parse(text: &str) -> Result<Period, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let year = |s: &str| -> Result<i32, DateError> {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                let year: i32 = s.parse().map_err(|_| DateError::Form)?;
                if YEARS.contains(&year) {
                    Ok(year)
                } else {
                    Err(DateError::OutOfRange)
                }
            } else {
                Err(DateError::Form)
            }
        };
        let small = |s: &str, lo: u32, hi: u32| -> Result<u32, DateError> {
            if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Form);
            }
            let n: u32 = s.parse().map_err(|_| DateError::Form)?;
            if (lo..=hi).contains(&n) {
                Ok(n)
            } else {
                Err(DateError::NoSuchDate)
            }
        };
        match parts.as_slice() {
            [y] => Ok(Period::Year { year: year(y)? }),
            [y, p] => {
                let year = year(y)?;
                if let Some(q) = p.strip_prefix('Q') {
                    Ok(Period::Quarter {
                        year,
                        quarter: small(q, 1, 4)?,
                    })
                } else if let Some(h) = p.strip_prefix('H') {
                    Ok(Period::Half {
                        year,
                        half: small(h, 1, 2)?,
                    })
                } else if p.len() == 2 {
                    Ok(Period::Month {
                        year,
                        month: small(p, 1, 12)?,
                    })
                } else {
                    Err(DateError::Form)
                }
            }
            [y, m, d] if m.len() == 2 && d.len() == 2 => {
                let year = year(y)?;
                let month = small(m, 1, 12)?;
                let day = small(d, 1, 31)?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(Period::Day)
                    .ok_or(DateError::NoSuchDate)
            }
            _ => Err(DateError::Form),
        }
    }

    /// The calendar year the period belongs to.
    pub fn year(self) -> i32 {
        match self {
            Period::Day(d) => d.year(),
            Period::Month { year, .. }
            | Period::Quarter { year, .. }
            | Period::Half { year, .. }
            | Period::Year { year } => year,
        }
    }

    /// The last day of the period: the deadline it stands for.
    pub fn last_day(self) -> NaiveDate {
        let end_of_month = |year: i32, month: u32| {
            NaiveDate::from_ymd_opt(year, month, 1)
                .and_then(|d| d.checked_add_months(Months::new(1)))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        };
        match self {
            Period::Day(d) => d,
            Period::Month { year, month } => end_of_month(year, month),
            Period::Quarter { year, quarter } => end_of_month(year, quarter * 3),
            Period::Half { year, half } => end_of_month(year, half * 6),
            Period::Year { year } => end_of_month(year, 12),
        }
    }

    /// Whether this period covers the whole year (`"2016"` or `"2016-12"` for cumulative figures).
    pub fn is_full_year(self) -> bool {
        matches!(self, Period::Year { .. } | Period::Month { month: 12, .. })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Period::Year { year } => write!(f, "{year:04}"),
        }
    }
}

/// `YYYY-MM-DD`, written directly (chrono's formatter is general and slow in long listings).
pub fn ymd(d: NaiveDate) -> String {
    let Ok(year) = u32::try_from(d.year()) else {
        return format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    };
    if year > 9999 {
        return format!("{year}-{:02}-{:02}", d.month(), d.day());
    }
    // Written digit by digit into ten bytes: long listings format a date per row.
    let mut text = *b"0000-00-00";
    let (month, day) = (d.month(), d.day());
    let digits = [
        year / 1000,
        year / 100,
        year / 10,
        year,
        month / 10,
        month,
        day / 10,
        day,
    ];
    for (at, n) in [0, 1, 2, 3, 5, 6, 8, 9].into_iter().zip(digits) {
        if let Some(byte) = text.get_mut(at) {
            *byte = b'0' + (n % 10) as u8;
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// `date` plus (or minus) whole days, saturating at the ends of the calendar instead of
/// overflowing.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    chrono::TimeDelta::try_days(days)
        .and_then(|d| date.checked_add_signed(d))
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// `date` plus whole calendar months, clamped to the month's end (`Jan 31 + 1 month = Feb 29`).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn dates_are_written_as_chrono_would() {
        let mut day = d(-10, 1, 1);
        let mut days = vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            d(9999, 12, 31),
            d(10000, 1, 1),
        ];
        while day < d(12, 12, 31) {
            days.push(day);
            day += chrono::TimeDelta::days(13);
        }
        days.extend([
            d(999, 9, 9),
            d(1000, 10, 10),
            d(2016, 2, 29),
            d(2016, 12, 31),
        ]);
        for day in days {
            let expected = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
            assert_eq!(ymd(day), expected);
            if (0..=9999).contains(&day.year()) {
                assert_eq!(ymd(day), day.format("%Y-%m-%d").to_string());
            }
        }
    }

    #[test]
    fn every_form_means_the_last_day_of_its_period() {
        let cases = [
            ("2016-03-31", d(2016, 3, 31)),
            ("2016-03", d(2016, 3, 31)),
            ("2016-02", d(2016, 2, 29)),
            ("2015-02", d(2015, 2, 28)),
            ("2016-Q1", d(2016, 3, 31)),
            ("2016-Q4", d(2016, 12, 31)),
            ("2016-H1", d(2016, 6, 30)),
            ("2016", d(2016, 12, 31)),
        ];
        for (text, want) in cases {
            assert_eq!(
                Period::parse(text).map(Period::last_day),
                Ok(want),
                "{text}"
            );
            assert_eq!(
                Period::parse(text).map(|p| p.to_string()).as_deref(),
                Ok(text)
            );
        }
    }

    #[test]
    fn impossible_dates_and_bad_forms_are_refused() {
        assert_eq!(Period::parse("2016-02-30"), Err(DateError::NoSuchDate));
        assert_eq!(Period::parse("2016-13"), Err(DateError::NoSuchDate));
        assert_eq!(Period::parse("2016-Q5"), Err(DateError::NoSuchDate));
        assert_eq!(Period::parse("2016-H3"), Err(DateError::NoSuchDate));
        assert_eq!(Period::parse("3月31日"), Err(DateError::Form));
        assert_eq!(Period::parse("2016/03/31"), Err(DateError::Form));
        assert_eq!(Period::parse("16-03"), Err(DateError::Form));
        assert_eq!(Period::parse(""), Err(DateError::Form));
    }

    proptest::proptest! {
        /// No string makes parsing panic; what parses prints back to itself (upper case).
        #[test]
        fn any_string_parses_or_is_refused(s in "\\PC{0,12}|[0-9]{4}(-[0-9QqHh]{1,3}){0,2}") {
            if let Ok(p) = Period::parse(&s) {
                let again = Period::parse(&p.to_string());
                proptest::prop_assert_eq!(again, Ok(p));
                proptest::prop_assert!(p.last_day().year() == p.year());
            }
        }

        /// Every valid period ends in its own year, on a real day.
        #[test]
        fn periods_end_within_their_year(year in 1900i32..3000, month in 1u32..=12, q in 1u32..=4, h in 1u32..=2) {
            for p in [Period::Month { year, month }, Period::Quarter { year, quarter: q }, Period::Half { year, half: h }, Period::Year { year }] {
                proptest::prop_assert_eq!(p.last_day().year(), year);
                proptest::prop_assert_eq!(Period::parse(&p.to_string()), Ok(p));
            }
        }
    }

    #[test]
    fn adding_months_clamps_to_the_month_end() {
        assert_eq!(add_months(d(2016, 1, 31), 1), d(2016, 2, 29));
        assert_eq!(add_months(d(2015, 1, 31), 1), d(2015, 2, 28));
        assert_eq!(add_months(d(2016, 8, 31), 3), d(2016, 11, 30));
    }
}

//! An iCalendar feed (RFC 5545) of deadlines: one all-day event per dated task or target, with a
//! UID made of the plan and item ids, so that a calendar subscribed to the feed updates the same
//! events when the plan changes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::compute::report::ItemRow;

/// The words a feed uses, in the plan's language.
pub struct Words<'a> {
    pub calendar: &'a str,
    /// `: ` or `：`.
    pub colon: &'a str,
    pub area: &'a str,
    pub owner: &'a str,
    pub state: &'a str,
    pub light: &'a str,
    /// Between co-lead units.
    pub list_sep: &'a str,
}

/// One event of the feed.
pub struct Event<'a> {
    pub row: &'a ItemRow,
    pub area_title: &'a str,
    /// The state in words (`overdue 3 days`, `done on 2016-03-04`, ...).
    pub state: String,
    /// The light in words (`● 红灯`), for open tasks and targets.
    pub light: &'a str,
}

/// Escape a TEXT value: backslash, semicolon, comma and line breaks.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::source::neutralise_controls(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line, folded at 75 octets (continuations start with a space), ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The feed. `today` stamps every event (DTSTAMP), so the same plans give the same feed.
pub fn feed(events: &[Event<'_>], words: &Words<'_>, today: NaiveDate) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!("PRODID:-//plan//plan {}//EN", env!("CARGO_PKG_VERSION")),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(words.calendar)));
    for e in events {
        let Some(due) = e.row.due else { continue };
        // iCalendar years have four digits: a deadline past 9998 cannot be an event.
        if chrono::Datelike::year(&crate::date::add_days(due, 1)) > 9999 {
            continue;
        }
        let c = words.colon;
        let mut description = format!(
            "{}{c}{}\n{}{c}{}",
            words.area, e.area_title, words.state, e.state
        );
        if !e.light.is_empty() {
            let _ = write!(description, "\n{}{c}{}", words.light, e.light);
        }
        if !e.row.owners.is_empty() {
            let owners = e.row.owners.join(words.list_sep);
            let _ = write!(description, "\n{}{c}{owners}", words.owner);
        }
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!("UID:{}", text(&format!("{}/{}@plan", e.row.plan, e.row.id))),
        );
        line(&mut out, &format!("DTSTAMP:{}T000000Z", date(today)));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(due)));
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", date(crate::date::add_days(due, 1))),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&e.row.title)));
        line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        line(&mut out, &format!("CATEGORIES:{}", text(e.area_title)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_on_character_boundaries() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "招商".repeat(30)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "招商".repeat(30)));
    }
}

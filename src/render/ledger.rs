//! What `plan import` found in a ledger, located as `SHEET!CELL` with the cell's text, a
//! caret under it and a hint, in the diagnostics' layout.

use unicode_width::UnicodeWidthStr;

use crate::ledger::import::Problem;
use crate::model::Lang;
use crate::render::labels::{Message, labels, messages};

/// One located problem: `台账!F7: error: …`, the cell's text with a caret, the hint.
fn located(out: &mut String, lang: Lang, at: &str, text: &str, message: &Message, error: bool) {
    let t = labels(lang);
    let severity = if error { t.error } else { t.warning };
    let cell = at.rsplit('!').next().unwrap_or(at);
    let shown = crate::source::escape(text);
    let pad = " ".repeat(cell.len());
    out.push_str(&format!(
        "{at}: {severity}{}{}\n {pad} |\n {cell} | {shown}\n {pad} | {}\n",
        t.prefix_sep,
        message.text,
        "^".repeat(shown.width().max(1)),
    ));
    if let Some(hint) = &message.hint {
        out.push_str(&format!(" {pad} = {}{}{hint}\n", t.help, t.prefix_sep));
    }
}

/// Every problem, errors and warnings, in the order found.
pub fn problems(list: &[Problem], lang: Lang, looked_for: &str, sheet: &str) -> String {
    let t = labels(lang);
    let mut out = String::new();
    for p in list {
        match p {
            Problem::NoHeader => {
                let m = messages::no_header(lang, sheet, looked_for);
                out.push_str(&format!("{}{}{}\n", t.error, t.prefix_sep, m.text));
                if let Some(h) = m.hint {
                    out.push_str(&format!("  {}{}{h}\n", t.help, t.prefix_sep));
                }
            }
            Problem::BadDeadline { at, text } => {
                located(
                    &mut out,
                    lang,
                    at,
                    text,
                    &messages::bad_deadline(lang, text),
                    true,
                );
            }
            Problem::BadStatus { at, text } => {
                located(
                    &mut out,
                    lang,
                    at,
                    text,
                    &messages::bad_status(lang, text),
                    true,
                );
            }
            Problem::NoDeadline { at, title } => {
                out.push_str(&format!(
                    "{at}: {}{}{}\n",
                    t.warning,
                    t.prefix_sep,
                    messages::no_deadline(lang, title)
                ));
            }
        }
    }
    out
}

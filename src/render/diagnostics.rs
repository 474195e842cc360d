//! Diagnostics for people (compiler style: `file:line:col: error: message`, the source line,
//! a caret run under the offending characters, `help:`) and for tools (JSON).

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::{At, Diagnostic, Severity};
use crate::model::Lang;
use crate::render::style::Style;
use crate::source::{Sources, Span, escape, snippet};

/// Render diagnostics as text, followed by a one-line summary when there are any.
pub fn text(diags: &[Diagnostic], sources: &Sources, lang: Lang, style: Style) -> String {
    let t = crate::render::labels::labels(lang);
    let sep = t.prefix_sep;
    let mut out = String::new();
    for d in diags {
        let severity = d.severity();
        let word = match severity {
            Severity::Error => style.error(t.error),
            Severity::Warning => style.warning(t.warning),
        };
        // Messages quote what the files say; nothing in them may rewrite the terminal.
        let _ = writeln!(
            out,
            "{}: {word}{sep}{}",
            escape(&location(d.at, sources)),
            style.bold(&escape(&d.problem.message(lang)))
        );
        if let At::Span(span) = d.at {
            excerpt(&mut out, sources, span, style);
        }
        if let Some(help) = d.problem.help(lang).map(|h| escape(&h).into_owned()) {
            let _ = writeln!(
                out,
                " {} = {}{sep}{help}",
                gutter_blank(d.at, sources),
                style.help(t.help)
            );
        }
        if let Some(related) = d.related {
            let _ = writeln!(
                out,
                "{}: {}{sep}{}",
                location(At::Span(related), sources),
                style.help(t.see),
                d.problem.related_note(lang)
            );
            excerpt(&mut out, sources, related, style);
        }
    }
    out
}

/// The diagnostics as text, then the summary line when there are any.
pub fn report(diags: &[Diagnostic], sources: &Sources, lang: Lang, style: Style) -> String {
    let mut out = text(diags, sources, lang, style);
    if let Some(summary) = summary(diags, lang) {
        out.push_str(&summary);
        out.push('\n');
    }
    out
}

/// An error that is not about a place in a file: `error: message` and `  help: hint`
/// (`错误：` and `提示：` in Chinese), each line escaped (messages quote ids and paths).
pub fn failure(lang: Lang, message: &str, hint: Option<&str>) -> String {
    let t = crate::render::labels::labels(lang);
    let escaped = |s: &str| {
        s.lines()
            .map(|l| escape(l).into_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut out = String::new();
    if !message.is_empty() {
        out.push_str(&format!(
            "{}{}{}\n",
            t.error,
            t.prefix_sep,
            escaped(message)
        ));
    }
    if let Some(hint) = hint {
        out.push_str(&format!("  {}{}{}\n", t.help, t.prefix_sep, escaped(hint)));
    }
    out
}

/// `3 errors, 1 warning` in the chosen language, or `None` when there is nothing.
pub fn summary(diags: &[Diagnostic], lang: Lang) -> Option<String> {
    let errors = diags
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if diags.is_empty() {
        return None;
    }
    Some(crate::render::labels::messages::problems(
        lang, errors, warnings,
    ))
}

fn location(at: At, sources: &Sources) -> String {
    match at {
        At::Span(span) => {
            let lc = sources.line_col(span);
            format!("{}:{}:{}", sources.get(span.file).display, lc.line, lc.col)
        }
        At::File(file) => sources.get(file).display.clone(),
    }
}

/// Blank space as wide as the line-number gutter of the excerpt at `at`.
fn gutter_blank(at: At, sources: &Sources) -> String {
    match at {
        At::Span(span) => " ".repeat(sources.line_col(span).line.to_string().len()),
        At::File(_) => String::new(),
    }
}

fn excerpt(out: &mut String, sources: &Sources, span: Span, style: Style) {
    let text = &sources.get(span.file).text;
    if text.is_empty() {
        return;
    }
    let line = sources.line_col(span).line;
    let (shown, pad, width) = snippet(text, span.start as usize, span.end as usize);
    let gutter = line.to_string().len();
    let blank = " ".repeat(gutter);
    let _ = writeln!(out, " {blank} |");
    let _ = writeln!(out, " {line} | {shown}");
    let carets = style.caret(&"^".repeat(width));
    let _ = writeln!(out, " {blank} | {}{carets}", " ".repeat(pad));
}

/// One diagnostic as data (`plan check --format json`).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// The file, as shown in text output.
    pub file: String,
    /// 1-based line; `null` for problems with a whole file or directory.
    pub line: Option<usize>,
    /// 1-based column counted in Unicode characters; `null` like `line`.
    pub col: Option<usize>,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// A stable name for the kind of problem (see docs/errors.md).
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
}

pub fn json(diags: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let rows: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| {
            let (file, pos) = match d.at {
                At::Span(span) => (span.file, Some(sources.line_col(span))),
                At::File(file) => (file, None),
            };
            JsonDiagnostic {
                file: sources.get(file).display.clone(),
                line: pos.map(|p| p.line),
                col: pos.map(|p| p.col),
                severity: d.severity().name(),
                code: d.problem.code(),
                message: d.problem.message(lang),
                help: d.problem.help(lang),
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

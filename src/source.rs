//! Source files as read from disk, and the one place that turns a byte span into
//! `line:col` (columns counted in characters) and a display-width caret run.

use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthChar;

/// Files larger than this are refused unread (and an edit never makes one).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range inside one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(range.start),
            end: clamp(range.end.max(range.start)),
        }
    }

    /// The whole file, pointing at its first character.
    pub fn file_start(file: FileId) -> Self {
        Span {
            file,
            start: 0,
            end: 0,
        }
    }
}

/// One file that was read. `text` is empty when the file could not be read or decoded.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as it is shown to the user (relative to the working directory when possible).
    pub display: String,
    pub path: PathBuf,
    pub text: String,
}

/// A resolved location: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// Every file the run read, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// The working directory, read once, for display paths.
    cwd: Option<PathBuf>,
}

impl Sources {
    pub fn add(&mut self, path: &Path, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        if self.cwd.is_none() {
            self.cwd = std::env::current_dir().ok();
        }
        let display = self
            .cwd
            .as_deref()
            .and_then(|cwd| path.strip_prefix(cwd).ok())
            .unwrap_or(path)
            .display()
            .to_string();
        self.files.push(SourceFile {
            display,
            path: path.to_path_buf(),
            text,
        });
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Every file, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    pub fn set_text(&mut self, id: FileId, text: String) {
        self.files[id.0 as usize].text = text;
    }

    /// Line and column of the start of `span`.
    pub fn line_col(&self, span: Span) -> LineCol {
        line_col(&self.get(span.file).text, span.start as usize)
    }
}

/// Line and column (1-based, column in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    LineCol { line, col }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Widest source excerpt shown; longer lines are cut to a window around the caret.
const MAX_EXCERPT_WIDTH: usize = 100;

/// The source line holding `offset`, made safe for a terminal, and the display-width
/// offset and length of a caret run under the bytes `offset..end` (clamped to that line).
/// A line wider than [`MAX_EXCERPT_WIDTH`] is cut to a window around the caret, marked `...`.
pub fn snippet(text: &str, offset: usize, end: usize) -> (String, usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    // The span may start on the line's trailing `\r` (a CRLF file), past the trimmed line.
    let line_stop = (line_start + line.len()).max(offset);
    let end = floor_char_boundary(text, end.clamp(offset, line_stop));
    // Each character as shown, with its width and whether it is before / under the caret.
    let pieces: Vec<(String, usize, usize)> = line
        .char_indices()
        .map(|(i, ch)| {
            let piece = printable(ch);
            let w = piece.chars().map(|c| c.width().unwrap_or(0)).sum();
            (piece, w, line_start + i)
        })
        .collect();
    let total: usize = pieces.iter().map(|p| p.1).sum();
    let caret_col: usize = pieces.iter().filter(|p| p.2 < offset).map(|p| p.1).sum();
    let skip_width = if total > MAX_EXCERPT_WIDTH {
        caret_col.saturating_sub(MAX_EXCERPT_WIDTH / 3)
    } else {
        0
    };
    let mut shown = String::new();
    let (mut pad, mut width, mut col) = (0, 0, 0);
    if skip_width > 0 {
        shown.push_str("...");
        pad = 3;
    }
    for (piece, w, at) in &pieces {
        let before = col;
        col += w;
        if before < skip_width {
            continue;
        }
        if before - skip_width >= MAX_EXCERPT_WIDTH {
            shown.push_str("...");
            break;
        }
        if *at < offset {
            pad += w;
        } else if *at < end {
            width += w;
        }
        shown.push_str(piece);
    }
    (shown, pad, width.max(1))
}

/// Text as it may be shown in a terminal (see [`printable`]); borrowed when nothing in it
/// needs escaping, which is nearly always.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(suspect_byte) && s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        std::borrow::Cow::Owned(s.chars().map(printable).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Text as it may be shown (see [`escape`]) and its display width, in one pass over its
/// bytes. Printable ASCII and the common CJK ideographs (the bulk of plan text) are measured
/// from their first byte; other characters are decoded and looked up; text with a byte that
/// could start a control character is escaped first.
pub fn escape_measure(s: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let bytes = s.as_bytes();
    let mut width = 0;
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        match lead {
            b' '..=b'~' => {
                width += 1;
                at += 1;
            }
            // U+4E00..=U+9FFF: E4 B8 80 to E9 BF BF.
            0xE5..=0xE9 => {
                width += 2;
                at += 3;
            }
            0xE4 if bytes.get(at + 1).is_some_and(|&b| b >= 0xB8) => {
                width += 2;
                at += 3;
            }
            b if suspect_byte(b) => {
                let text = escape(s);
                let width = text.chars().map(|c| c.width().unwrap_or(0)).sum();
                return (text, width);
            }
            _ => {
                let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                width += match c {
                    '\u{FF01}'..='\u{FF60}' => 2,
                    c => c.width().unwrap_or(0),
                };
                at += c.len_utf8();
            }
        }
    }
    (std::borrow::Cow::Borrowed(s), width)
}

/// Control characters are below 0x20 or 0x7F; C1 controls start with 0xC2, the
/// bidirectional ones with 0xE2 or 0xD8. Text without those bytes (almost all text,
/// Chinese included) needs no closer look.
fn suspect_byte(b: u8) -> bool {
    b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8
}

/// A character as it may be shown in a terminal: tabs become spaces, control and
/// bidirectional-override characters are escaped so that they cannot rewrite the screen.
pub fn printable(ch: char) -> String {
    match ch {
        '\t' => "    ".to_string(),
        c if c.is_control() || is_bidi_control(c) => c.escape_unicode().to_string(),
        c => c.to_string(),
    }
}

/// A document (HTML, iCalendar) with bidirectional-override and control characters (but
/// for line breaks and tabs) written as visible escapes, as the tables show them: no text
/// from a plan file can reorder what the reader sees.
pub fn neutralise_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let suspect =
        |c: char| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || is_bidi_control(c);
    if !s.bytes().any(suspect_byte) || !s.chars().any(suspect) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if suspect(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The path relative to the working directory when it lies below it.
pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    rel.unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// The repository a plans root belongs to: the nearest directory at or above it that holds
/// `.git`; without one, the directory above the plans root (where `plans/` sits in a clone).
pub fn repository_of(root: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    absolute
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
        .or_else(|| absolute.parent().map(Path::to_path_buf))
        .unwrap_or(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_carets_count_width() {
        let text = "a = 1\ntitle = \"招商引资\" x\n";
        let off = text.find('x').unwrap_or(0);
        assert_eq!(line_col(text, off), LineCol { line: 2, col: 16 });
        let (line, pad, width) = snippet(text, off, off + 1);
        assert_eq!(line, "title = \"招商引资\" x");
        assert_eq!((pad, width), (19, 1));
    }

    #[test]
    fn long_lines_are_cut_to_a_window_around_the_caret() {
        let text = format!("note = {}x{}", "[".repeat(500), "]".repeat(500));
        let off = text.find('x').unwrap_or(0);
        let (line, pad, width) = snippet(&text, off, off + 1);
        assert!(line.starts_with("...") && line.ends_with("..."), "{line}");
        assert!(line.len() < 120);
        assert_eq!(line.chars().nth(pad), Some('x'));
        assert_eq!(width, 1);
    }

    proptest::proptest! {
        /// The one-pass measure agrees with escaping, then summing the widths of the characters.
        #[test]
        fn the_fast_measure_is_the_plain_one(s in "\\PC{0,20}|[\\x00-\\xff\\u{600}-\\u{61f}\\u{2000}-\\u{206f}\\u{3000}-\\u{a000}\\u{ff00}-\\u{ffff}\\u{1f300}-\\u{1f600}]{0,20}") {
            let (text, width) = escape_measure(&s);
            let plain = escape(&s);
            proptest::prop_assert_eq!(text.as_ref(), plain.as_ref());
            proptest::prop_assert_eq!(width, plain.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>());
        }
    }

    /// Found by fuzzing: a span on the `\r` of a CRLF line ends past the trimmed line.
    #[test]
    fn a_span_on_a_carriage_return_does_not_panic() {
        let text = "title = \"T\r\nnext = 1\r\n";
        let at = text.find('\r').unwrap_or(0);
        let (line, pad, width) = snippet(text, at, at + 1);
        assert_eq!((line.as_str(), pad, width), ("title = \"T", 10, 1));
    }

    #[test]
    fn caret_under_chinese_text_spans_its_display_width() {
        let text = "t = \"雄兴\"";
        let (_, pad, width) = snippet(text, 4, text.len());
        assert_eq!((pad, width), (4, 6));
    }
}

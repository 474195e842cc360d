//! Every Chinese word the tool prints lives in one of three catalogues: the label catalogue
//! (`src/render/labels/`), the diagnostics (`src/diagnostic.rs`) and the key declarations
//! (`src/keys.rs`, the schema's hover texts). A Chinese string literal anywhere else in `src/`
//! (outside tests) fails this test: a word written inline has no English twin the compiler
//! checks.

use std::path::{Path, PathBuf};

use crate::repo;

/// Where Chinese may be written: the catalogues of words printed, and the vocabularies read from
/// ledgers (deadline phrases, header names and status words), which are input, not output.
const CATALOGUES: [&str; 5] = [
    "src/render/labels/",
    "src/diagnostic.rs",
    "src/keys.rs",
    "src/phrase.rs",
    "src/ledger/words.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The string literals of Rust source (plain, byte and raw), with their line, skipping
/// comments and char literals.
fn literals(src: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (at(i + 1) == '#' || at(i + 1) == '"')
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let start = j + 1;
            let rest: String = chars[start..].iter().collect();
            let len = rest.find(&close).unwrap_or(rest.len());
            let text: String = rest[..len].to_string();
            out.push((line, text.clone()));
            line += text.matches('\n').count();
            i = start + text.chars().count() + close.chars().count();
        } else if c == '"' {
            let start_line = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                text.push(at(i));
                i += 1;
            }
            i += 1;
            out.push((start_line, text));
        } else if c == '\'' && at(i + 2) == '\'' {
            i += 3;
        } else if c == '\'' && at(i + 1) == '\\' {
            while i < chars.len() && !(chars[i] == '\'' && chars[i - 1] != '\\' && i > 0) {
                i += 1;
            }
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn chinese_words_live_in_the_catalogues() {
    let root = repo();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if CATALOGUES.iter().any(|c| rel.starts_with(c))
            || rel.ends_with("tests.rs")
            || rel.ends_with("proptests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests sit at the end of a file, after `#[cfg(test)]`.
        let code = text.split("\n#[cfg(test)]").next().unwrap_or_default();
        for (line, literal) in literals(code) {
            if literal.chars().any(cjk) {
                found.push(format!("{rel}:{line}: \"{literal}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese outside the catalogues:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments() {
    let src = "// 注释 \"不算\"\nlet a = \"招商\"; /* \"也不算\" */ let b = r#\"雄兴\"#; let c = '\"'; let d = \"x\";\n";
    let got: Vec<String> = literals(src).into_iter().map(|(_, s)| s).collect();
    assert_eq!(got, ["招商", "雄兴", "x"]);
}

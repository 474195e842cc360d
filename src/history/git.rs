//! Reading plans from git history with the `git` command: the user's own git, with its exact
//! semantics (packs, alternates, worktrees), and nothing written: no checkout, no index. Trees
//! are read with `git ls-tree` and `git cat-file --batch`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;

use crate::load::{self, Loaded};

/// Why history could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// The plans are not inside a git repository (or git is missing).
    NotARepository(String),
    UnknownRevision(String),
    /// No commit before the date given to `--since`.
    NothingBefore(NaiveDate),
    Failed(String),
}

/// One commit that touched the plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub sha: String,
    pub author: String,
    pub date: NaiveDate,
    pub subject: String,
}

/// The repository that holds a plans root.
pub struct Repo {
    top: PathBuf,
    /// The plans root relative to `top`, with a trailing `/` (empty at the top).
    prefix: String,
    root: PathBuf,
}

fn run(dir: &Path, args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    // Feed stdin from a thread, so that a large output cannot block the input.
    let writer = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => Some(std::thread::spawn(move || stdin.write_all(&bytes))),
        _ => None,
    };
    let mut out = Vec::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_end(&mut out).map_err(|e| e.to_string())?;
    }
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        let _ = stderr.read_to_string(&mut err);
    }
    if let Some(w) = writer {
        let _ = w.join();
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(out)
    } else {
        Err(err.trim().to_string())
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

impl Repo {
    /// The repository holding `root` (the plans directory).
    pub fn open(root: &Path) -> Result<Repo, GitError> {
        let top =
            run(root, &["rev-parse", "--show-toplevel"], None).map_err(GitError::NotARepository)?;
        let prefix =
            run(root, &["rev-parse", "--show-prefix"], None).map_err(GitError::NotARepository)?;
        Ok(Repo {
            top: PathBuf::from(text(top)),
            prefix: text(prefix),
            root: root.to_path_buf(),
        })
    }

    fn git(&self, args: &[&str]) -> Result<String, GitError> {
        run(&self.top, args, None)
            .map(text)
            .map_err(GitError::Failed)
    }

    /// The commit a revision names.
    pub fn resolve(&self, rev: &str) -> Result<String, GitError> {
        run(
            &self.top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
            None,
        )
        .map(text)
        .map_err(|_| GitError::UnknownRevision(rev.to_string()))
    }

    /// The last commit before the start of `date`.
    pub fn before(&self, date: NaiveDate) -> Result<String, GitError> {
        let sha = self.git(&[
            "rev-list",
            "-1",
            &format!("--before={date} 00:00:00"),
            "HEAD",
        ])?;
        if sha.is_empty() {
            Err(GitError::NothingBefore(date))
        } else {
            Ok(sha)
        }
    }

    /// The commit's date (committer date, the day it landed).
    pub fn date(&self, sha: &str) -> Result<NaiveDate, GitError> {
        let d = self.git(&["show", "-s", "--format=%cs", sha])?;
        NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| GitError::Failed(e.to_string()))
    }

    /// Every commit that touched the plans, oldest first.
    pub fn commits(&self) -> Result<Vec<Commit>, GitError> {
        let spec = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.clone()
        };
        let log = self.git(&[
            "log",
            "--reverse",
            "--format=%H%x1f%an%x1f%cs%x1f%s",
            "--",
            &spec,
        ])?;
        Ok(log
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\u{1f}');
                Some(Commit {
                    sha: f.next()?.to_string(),
                    author: f.next()?.to_string(),
                    date: NaiveDate::parse_from_str(f.next()?, "%Y-%m-%d").ok()?,
                    subject: f.next().unwrap_or("").to_string(),
                })
            })
            .collect())
    }

    /// The plans as they were at commit `sha`.
    pub fn load_at(&self, sha: &str) -> Result<Loaded, GitError> {
        let spec = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.clone()
        };
        let names = run(
            &self.top,
            &["ls-tree", "-r", "-z", "--name-only", sha, "--", &spec],
            None,
        )
        .map_err(GitError::Failed)?;
        let paths: Vec<String> = names
            .split(|b| *b == 0)
            .filter_map(|p| std::str::from_utf8(p).ok())
            .filter(|p| p.ends_with(".toml"))
            .filter(|p| {
                !p.trim_start_matches(&self.prefix)
                    .split('/')
                    .any(|part| part.starts_with('.'))
            })
            .map(str::to_string)
            .collect();
        let request: String = paths.iter().map(|p| format!("{sha}:{p}\n")).collect();
        let out = run(
            &self.top,
            &["cat-file", "--batch"],
            Some(request.into_bytes()),
        )
        .map_err(GitError::Failed)?;
        // Each object: "<oid> blob <size>\n", the bytes, "\n".
        let mut files = Vec::new();
        let mut at = 0;
        for path in &paths {
            let Some(end) = out[at..].iter().position(|b| *b == b'\n') else {
                break;
            };
            let header = String::from_utf8_lossy(&out[at..at + end]).to_string();
            at += end + 1;
            let size: usize = header
                .rsplit(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            if header.ends_with("missing") || at + size > out.len() {
                continue;
            }
            let relative = path.strip_prefix(&self.prefix).unwrap_or(path);
            files.push((self.root.join(relative), out[at..at + size].to_vec()));
            at += size + 1;
        }
        Ok(load::load_files(&self.root, files))
    }
}

//! The one integration-test binary: every test drives the real `plan` executable with the
//! environment cleared and `today` fixed, through the small builder below.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::new_without_default
)]

mod calendar;
mod catalogue;
mod check;
mod ci;
mod cron;
mod deadlines;
mod docs;
mod duties;
mod edits;
mod fiscal;
mod formats;
mod help;
mod history;
mod hostile;
mod indicators;
mod layers;
mod ledger;
mod progress;
mod readme;
mod report;
mod responsibility;
mod safety;
mod schema;
mod shipped;
mod structure;
mod supervision;
mod targets;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Assert the exit code and that nothing panicked; returns self for chaining.
    #[track_caller]
    pub fn code(&self, want: i32) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "the process panicked:\n{}",
            self.stderr
        );
        assert_eq!(
            self.code, want,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Assert that stderr has this line (a diagnostic's first line, for instance).
    #[track_caller]
    pub fn err_line(&self, line: &str) -> &Self {
        assert!(
            self.stderr.lines().any(|l| l == line),
            "stderr has no line\n  {line}\n--- stderr\n{}",
            self.stderr
        );
        self
    }

    /// Assert that stderr has these lines, one after another.
    #[track_caller]
    pub fn err_lines(&self, lines: &[&str]) -> &Self {
        let all: Vec<&str> = self.stderr.lines().collect();
        assert!(
            all.windows(lines.len()).any(|w| w == lines),
            "stderr does not have these lines in a row:\n{}\n--- stderr\n{}",
            lines.join("\n"),
            self.stderr
        );
        self
    }

    /// Parse stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The `id` of each row of a JSON array on stdout, in order.
    pub fn ids(&self) -> Vec<String> {
        self.json()
            .as_array()
            .unwrap_or_else(|| panic!("stdout is not a JSON array:\n{}", self.stdout))
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }
}

/// The repository root (for the shipped plan and the examples).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `plan` in `dir` with a clean environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_env(dir, args, &[])
}

/// Run `plan` in `dir` with a clean environment but for `env`.
pub fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::cargo_bin("plan")
        .unwrap()
        .env_clear()
        .envs(env.iter().copied())
        .current_dir(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run `plan` on the shipped plan (`plans/`).
pub fn shipped(args: &[&str]) -> Run {
    run_in(&repo(), args)
}

/// Run `plan` on the illustration in `examples/plans`.
pub fn example(args: &[&str]) -> Run {
    let root = repo().join("examples/plans");
    let mut all = vec!["--plans", root.to_str().unwrap()];
    all.extend_from_slice(args);
    run_in(&repo().join("examples"), &all)
}

/// A temporary directory holding a `plans/` tree.
pub struct Fixture {
    dir: TempDir,
}

pub const PLAN_2016: &str = "[plan]\ntitle = \"Test plan\"\nyear = 2016\n";

impl Fixture {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        Fixture { dir }
    }

    /// A fixture with one plan `p` (year 2016, English) and these area files.
    pub fn with_areas(areas: &[(&str, &str)]) -> Self {
        let mut f = Fixture::new().file("p/plan.toml", PLAN_2016);
        for (name, text) in areas {
            f = f.file(&format!("p/{name}"), text);
        }
        f
    }

    /// Write `text` to `plans/<rel>`, creating directories.
    #[must_use]
    pub fn file(self, rel: &str, text: &str) -> Self {
        self.bytes(rel, text.as_bytes())
    }

    #[must_use]
    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// `plans/<rel>` inside the fixture.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join("plans").join(rel)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Run `plan` in the fixture's directory (so `plans/` is found by walking up).
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.dir.path(), args)
    }

    /// [`Fixture::run`] with environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run_env(self.dir.path(), args, env)
    }

    /// The text of `plans/<rel>`.
    pub fn read(&self, rel: &str) -> String {
        String::from_utf8(std::fs::read(self.path(rel)).unwrap()).unwrap()
    }
}

/// An area file header followed by `body`.
pub fn area(body: &str) -> String {
    format!("[area]\nid = \"a\"\ntitle = \"Area A\"\n\n{body}")
}

//! The README's crontab, run as cron runs it: `env -i` with only the crontab's variables (and
//! the HOME, LOGNAME and SHELL cron sets), each job through `sh -c`, on a clone of a
//! repository holding the shipped plans. Paths of the recipe (`/home/duban`, `/srv/plans-repo`,
//! `/var/www/plan`) are moved into a temporary directory; nothing else is changed.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Li Ming")
        .env("GIT_AUTHOR_EMAIL", "li@example.org")
        .env("GIT_COMMITTER_NAME", "Li Ming")
        .env("GIT_COMMITTER_EMAIL", "li@example.org")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_readme_crontab_runs_under_cron_s_environment() {
    let readme = std::fs::read_to_string(crate::repo().join("README.md")).unwrap();
    let start = readme.find("```cron\n").unwrap() + "```cron\n".len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path().to_str().unwrap();
    let moved = |s: &str| {
        s.replace("/home/duban", &format!("{t}/home/duban"))
            .replace("/srv/plans-repo", &format!("{t}/srv/plans-repo"))
            .replace("/var/www/plan", &format!("{t}/var/www/plan"))
    };
    // `cargo install` put the binary in ~/.cargo/bin.
    let bin = tmp.path().join("home/duban/.cargo/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_plan"), bin.join("plan")).unwrap();
    // The office's repository, and its clone that the jobs pull.
    let origin = tmp.path().join("origin");
    copy_dir(&crate::repo().join("plans"), &origin.join("plans"));
    git(&origin, &["init", "-q", "-b", "main"]);
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "plans"]);
    std::fs::create_dir_all(tmp.path().join("srv")).unwrap();
    git(
        tmp.path(),
        &["clone", "-q", origin.to_str().unwrap(), "srv/plans-repo"],
    );
    std::fs::create_dir_all(tmp.path().join("var/www/plan")).unwrap();

    let mut env: Vec<(String, String)> = vec![
        ("HOME".into(), format!("{t}/home/duban")),
        ("LOGNAME".into(), "duban".into()),
        ("SHELL".into(), "/bin/sh".into()),
    ];
    let mut jobs = Vec::new();
    for line in block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let assignment = line
            .split_once('=')
            .filter(|(name, _)| name.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        match assignment {
            Some((name, value)) => env.push((name.to_string(), moved(value))),
            // Five schedule fields, then the command.
            None => jobs.push(moved(
                &line
                    .split_whitespace()
                    .skip(5)
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
        }
    }
    assert!(
        env.iter()
            .any(|(n, v)| n == "PATH" && v.contains("/.cargo/bin")),
        "{env:?}"
    );
    assert_eq!(jobs.len(), 4, "{block}");
    for job in &jobs {
        let out = Command::new("/usr/bin/env")
            .arg("-i")
            .args(env.iter().map(|(n, v)| format!("{n}={v}")))
            .args(["/bin/sh", "-c", job])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // It ran `plan`: found on the crontab's PATH, the plans found, no error (exit 2).
        assert!(!stderr.contains("not found"), "{job}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{job}: exit {:?}\n{stderr}",
            out.status.code()
        );
        assert!(
            stderr.is_empty() || out.status.code() == Some(1),
            "{job}: {stderr}"
        );
    }
    // `plan overdue --quiet` printed the overdue items of the shipped plan (all of 2016 is past).
    let report = std::fs::read_to_string(tmp.path().join("var/www/plan/index.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"), "{}", &report[..100]);
}

//! `plan diff` and `plan log` on a git repository built here, with fixed dates: what moved
//! between commits and the working tree, and one item's history.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// Run git in `dir` with a fixed identity and date.
fn git(dir: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Li Ming")
        .env("GIT_AUTHOR_EMAIL", "li@example.org")
        .env("GIT_COMMITTER_NAME", "Li Ming")
        .env("GIT_COMMITTER_EMAIL", "li@example.org")
        .env("GIT_AUTHOR_DATE", format!("{date}T10:00:00+08:00"))
        .env("GIT_COMMITTER_DATE", format!("{date}T10:00:00+08:00"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Run `plan` in `dir` with only PATH from the environment (it runs git).
fn plan(dir: &Path, args: &[&str]) -> crate::Run {
    let out = assert_cmd::Command::cargo_bin("plan")
        .unwrap()
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    crate::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const AREA: &str = "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"survey\"\ntitle = \"Survey\"\ndue = 2016-03-05\n\n[[task]]\nid = \"consult\"\ntitle = \"Consult\"\ndue = 2016-03-20\n\n[[task]]\nid = \"draft\"\ntitle = \"Draft\"\ndue = 2016-03-31\n\n[[task]]\nid = \"old\"\ntitle = \"Old\"\n\n[[project]]\nid = \"p1\"\ntitle = \"P1\"\n\n[[indicator]]\nid = \"gdp\"\ntitle = \"GDP\"\ntarget = 64.4\ngrowth = 13\n";

/// A repository with the plans in `docs/plans` and three commits:
/// 2016-03-01 the plan; 2016-03-10 survey done, draft postponed; 2016-04-20 `old` removed, a
/// GDP figure, p1 signed. The working tree then adds a task, uncommitted.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().to_path_buf();
    let docs = top.join("docs");
    std::fs::create_dir_all(docs.join("plans/p")).unwrap();
    std::fs::write(
        docs.join("plans/p/plan.toml"),
        "[plan]\ntitle = \"T\"\nyear = 2016\n",
    )
    .unwrap();
    std::fs::write(docs.join("plans/p/01.toml"), AREA).unwrap();
    git(&top, "2016-03-01", &["init", "-q"]);
    git(&top, "2016-03-01", &["add", "-A"]);
    git(&top, "2016-03-01", &["commit", "-qm", "the plan"]);
    plan(
        &docs,
        &[
            "--today",
            "2016-03-10",
            "done",
            "survey",
            "--on",
            "2016-03-04",
        ],
    )
    .code(0);
    plan(
        &docs,
        &[
            "--today",
            "2016-03-10",
            "postpone",
            "draft",
            "2016-04-30",
            "--reason",
            "waiting",
        ],
    )
    .code(0);
    git(
        &top,
        "2016-03-10",
        &["commit", "-qam", "survey done, draft postponed"],
    );
    let text = std::fs::read_to_string(docs.join("plans/p/01.toml")).unwrap();
    std::fs::write(
        docs.join("plans/p/01.toml"),
        text.replace("[[task]]\nid = \"old\"\ntitle = \"Old\"\n\n", ""),
    )
    .unwrap();
    plan(
        &docs,
        &[
            "--today",
            "2016-04-20",
            "record",
            "gdp",
            "2016-03",
            "14.9",
            "--prior",
            "13.1",
        ],
    )
    .code(0);
    plan(
        &docs,
        &[
            "--today",
            "2016-04-20",
            "stage",
            "p1",
            "signed",
            "--on",
            "2016-04-18",
        ],
    )
    .code(0);
    git(&top, "2016-04-20", &["commit", "-qam", "March figures"]);
    let text = std::fs::read_to_string(docs.join("plans/p/01.toml")).unwrap();
    std::fs::write(
        docs.join("plans/p/01.toml"),
        format!("{text}\n[[task]]\nid = \"new\"\ntitle = \"New\"\n"),
    )
    .unwrap();
    (dir, docs)
}

fn rows(r: &crate::Run) -> Vec<Value> {
    r.code(0);
    r.json().as_array().unwrap().clone()
}

fn row(change: &str, id: &str, from: Value, to: Value, days: Value, growth: Value) -> Value {
    let kind = match id {
        "gdp" => "indicator",
        "p1" => "project",
        _ => "task",
    };
    let title = format!("{}{}", id[..1].to_uppercase(), &id[1..]);
    let title = if id == "p1" || id == "gdp" {
        id.to_uppercase()
    } else {
        title
    };
    json!({ "plan": "p", "area": "a", "id": id, "kind": kind, "title": title, "change": change,
            "from": from, "to": to, "days": days, "growth": growth })
}

#[test]
fn diff_since_a_date_lists_what_moved() {
    let (_keep, docs) = repository();
    // The last commit before 5 March is the plan of 1 March, judged on that day.
    let got = rows(&plan(
        &docs,
        &[
            "--today",
            "2016-04-21",
            "diff",
            "--since",
            "2016-03-05",
            "--format",
            "json",
        ],
    ));
    let growth = (14.9f64 / 13.1 - 1.0) * 100.0;
    let want = vec![
        row(
            "postponed",
            "draft",
            json!("2016-03-31"),
            json!("2016-04-30"),
            json!(30),
            Value::Null,
        ),
        row(
            "overdue",
            "consult",
            json!("open"),
            json!("overdue"),
            json!(32),
            Value::Null,
        ),
        row(
            "done",
            "survey",
            json!("open"),
            json!("done"),
            Value::Null,
            Value::Null,
        ),
        row(
            "stage",
            "p1",
            json!("negotiating"),
            json!("signed"),
            Value::Null,
            Value::Null,
        ),
        row(
            "figure",
            "gdp",
            json!("2016-03"),
            json!("14.9"),
            Value::Null,
            json!(growth),
        ),
        row(
            "added",
            "new",
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
        ),
        row(
            "removed",
            "old",
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn diff_against_a_revision_and_as_a_table() {
    let (_keep, docs) = repository();
    // HEAD~1 (10 March) already had survey done and draft postponed (to 30 April: not late).
    let got = rows(&plan(
        &docs,
        &[
            "--today",
            "2016-04-21",
            "diff",
            "HEAD~1",
            "--format",
            "json",
        ],
    ));
    let changes: Vec<(&str, &str)> = got
        .iter()
        .map(|r| (r["change"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        changes,
        [
            ("overdue", "consult"),
            ("stage", "p1"),
            ("figure", "gdp"),
            ("added", "new"),
            ("removed", "old")
        ]
    );
    let r = plan(&docs, &["--today", "2016-04-21", "diff", "HEAD~1"]);
    r.code(0);
    assert!(
        r.stdout
            .contains("| new figure    | gdp     | GDP     | 2016-03     | 14.9 (+13.7%) |      |"),
        "{}",
        r.stdout
    );
    let r = plan(
        &docs,
        &[
            "--today",
            "2016-04-21",
            "--lang",
            "zh",
            "diff",
            "HEAD~1",
            "--format",
            "markdown",
        ],
    );
    r.code(0);
    assert!(
        r.stdout
            .starts_with("| 变化 | 编号 | 名称 | 原 | 新 | 天数 |\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("| 新逾期 | consult | Consult | 未完成 | 逾期 | +32 |"),
        "{}",
        r.stdout
    );
    // States and stages are words in the output language; JSON keeps the files' names.
    assert!(
        r.stdout
            .contains("| 阶段变化 | p1 | P1 | 洽谈中 | 已签约 |  |"),
        "{}",
        r.stdout
    );
}

#[test]
fn log_follows_one_item_across_commits() {
    let (_keep, docs) = repository();
    let got = rows(&plan(&docs, &["log", "survey", "--format", "json"]));
    let fields: Vec<(&str, &str, Value, Value)> = got
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap(),
                r["field"].as_str().unwrap(),
                r["from"].clone(),
                r["to"].clone(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("2016-03-01", "added", Value::Null, Value::Null),
            ("2016-03-10", "status", json!("todo"), json!("done")),
            ("2016-03-10", "done", Value::Null, json!("2016-03-04")),
        ]
    );
    assert!(
        got.iter()
            .all(|r| r["author"] == "Li Ming" && r["commit"].as_str().unwrap().len() == 10)
    );
    let got = rows(&plan(&docs, &["log", "old", "--format", "json"]));
    let fields: Vec<&str> = got.iter().map(|r| r["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["added", "removed"]);
    let r = plan(&docs, &["--lang", "zh", "log", "draft"]);
    r.code(0);
    assert!(r.stdout.contains("| 2016-03-10 |"), "{}", r.stdout);
    assert!(
        r.stdout.contains("| 期限 | 2016-03-31 | 2016-04-30 |"),
        "{}",
        r.stdout
    );
    // A task's status is a word of the output language in the table, as in the files in JSON.
    let r = plan(&docs, &["--lang", "zh", "log", "survey", "--format", "csv"]);
    r.code(0);
    assert!(r.stdout.contains(",状态,待办,已完成\n"), "{}", r.stdout);
    let r = plan(&docs, &["--lang", "en", "log", "survey", "--format", "csv"]);
    assert!(r.stdout.contains(",status,todo,done\n"), "{}", r.stdout);
}

#[test]
fn history_never_touches_the_working_tree_or_the_index() {
    let (_keep, docs) = repository();
    let top = docs.parent().unwrap();
    // GIT_OPTIONAL_LOCKS=0: `git status` itself must not refresh the index while we watch it.
    let status = || {
        Command::new("git")
            .current_dir(top)
            .env("GIT_OPTIONAL_LOCKS", "0")
            .args(["status", "--porcelain"])
            .output()
            .unwrap()
            .stdout
    };
    let index = || {
        std::fs::metadata(top.join(".git/index"))
            .unwrap()
            .modified()
            .unwrap()
    };
    let file = || std::fs::read(docs.join("plans/p/01.toml")).unwrap();
    let (s0, i0, f0) = (status(), index(), file());
    plan(&docs, &["diff", "HEAD~2"]).code(0);
    plan(&docs, &["log", "draft"]).code(0);
    assert_eq!((status(), index(), file()), (s0, i0, f0));
}

#[test]
fn clear_errors_outside_a_repository_and_for_an_unknown_revision() {
    let (_keep, docs) = repository();
    let r = plan(&docs, &["diff", "no-such-rev"]);
    r.code(2);
    assert_eq!(r.stderr, "error: no revision `no-such-rev` in git\n");
    let r = plan(&docs, &["diff", "--since", "2015-01-01"]);
    r.code(2);
    assert_eq!(r.stderr, "error: no commit before 2015-01-01\n");
    let r = plan(&docs, &["log", "nope"]);
    r.code(2);
    let outside = crate::Fixture::with_areas(&[("01-a.toml", &crate::area(""))]);
    let r = plan(outside.dir(), &["diff"]);
    r.code(2);
    assert!(
        r.stderr
            .starts_with("error: the plans are not in a git repository"),
        "{}",
        r.stderr
    );
}

#[test]
fn exact_tables_for_diff_and_log() {
    let (_keep, docs) = repository();
    let r = plan(
        &docs,
        &["--today", "2016-04-21", "diff", "--since", "2016-03-05"],
    );
    r.code(0);
    assert_eq!(
        r.stdout,
        concat!(
            "+---------------+---------+---------+-------------+---------------+------+\n",
            "| Change        | ID      | Title   | From        | To            | Days |\n",
            "+========================================================================+\n",
            "| postponed     | draft   | Draft   | 2016-03-31  | 2016-04-30    | +30  |\n",
            "| newly overdue | consult | Consult | open        | overdue       | +32  |\n",
            "| newly done    | survey  | Survey  | open        | done          |      |\n",
            "| stage         | p1      | P1      | negotiating | signed        |      |\n",
            "| new figure    | gdp     | GDP     | 2016-03     | 14.9 (+13.7%) |      |\n",
            "| added         | new     | New     |             |               |      |\n",
            "| removed       | old     | Old     |             |               |      |\n",
            "+---------------+---------+---------+-------------+---------------+------+\n",
        )
    );
    let sha = |rev: &str| {
        let out = Command::new("git")
            .current_dir(&docs)
            .args(["rev-parse", "--short=10", rev])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let (first, second) = (sha("HEAD~2"), sha("HEAD~1"));
    let r = plan(&docs, &["log", "draft"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        format!(
            concat!(
                "+------------+------------+---------+-------+------------+------------+\n",
                "|       Date | Commit     | Author  | Field | From       | To         |\n",
                "+=====================================================================+\n",
                "| 2016-03-01 | {} | Li Ming | added |            |            |\n",
                "| 2016-03-10 | {} | Li Ming | due   | 2016-03-31 | 2016-04-30 |\n",
                "+------------+------------+---------+-------+------------+------------+\n",
            ),
            first, second
        )
    );
    // The README shows these two tables, hashes included: it is kept to what this repository
    // produces (`PLAN_UPDATE_README=1` rewrites it).
    let diff = plan(
        &docs,
        &["--today", "2016-04-21", "diff", "--since", "2016-03-05"],
    );
    readme_session(&[
        ("$ plan diff --since 2016-03-05", &diff.stdout),
        ("$ plan log draft", &r.stdout),
    ]);
}

/// The README's block of commands and their output: each `$ command` line followed by exactly
/// what it printed, the blocks separated by blank lines.
fn readme_session(commands: &[(&str, &str)]) {
    let path = crate::repo().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let first = commands[0].0;
    let start = readme
        .find(&format!("```text\n{first}\n"))
        .expect("the README's review session")
        + "```text\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let want: String = commands
        .iter()
        .map(|(command, output)| format!("{command}\n{output}"))
        .collect::<Vec<_>>()
        .join("\n");
    if std::env::var_os("PLAN_UPDATE_README").is_some() {
        let mut text = readme.clone();
        text.replace_range(start..end, &want);
        std::fs::write(&path, text).unwrap();
    } else {
        assert_eq!(&readme[start..end], want, "README's review session");
    }
}

#[test]
fn a_revision_whose_plans_did_not_load_is_compared_with_a_warning() {
    let (_keep, docs) = repository();
    let top = docs.parent().unwrap().to_path_buf();
    let good = std::fs::read_to_string(docs.join("plans/p/01.toml")).unwrap();
    std::fs::write(
        docs.join("plans/p/01.toml"),
        "[area]\nid = \"a\"\ntitle = \"A\n",
    )
    .unwrap();
    git(&top, "2016-04-25", &["commit", "-qam", "broken"]);
    std::fs::write(docs.join("plans/p/01.toml"), good).unwrap();
    let r = plan(
        &docs,
        &["--today", "2016-04-26", "diff", "HEAD", "--format", "json"],
    );
    r.code(0);
    assert_eq!(
        r.stderr,
        "warning: the plans at that revision have 1 error(s); items that did not load there are left out of the comparison (check out that revision and run plan check to see them)\n"
    );
}

/// A small repository: one plan with task `t`, committed on `dates` (each commit sets the
/// title to `v<n>`; from the second on, `t` is done).
fn simple_repository(dates: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    std::fs::create_dir_all(top.join("plans/p")).unwrap();
    std::fs::write(
        top.join("plans/p/plan.toml"),
        "[plan]\ntitle = \"T\"\nyear = 2016\n",
    )
    .unwrap();
    git(top, dates[0], &["init", "-q"]);
    for (n, date) in dates.iter().enumerate() {
        std::fs::write(
            top.join("plans/p/01.toml"),
            format!(
                "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"v{n}\"\n{}",
                if n > 0 {
                    "status = \"done\"\ndone = 2016-03-02\n"
                } else {
                    ""
                }
            ),
        )
        .unwrap();
        git(top, date, &["add", "-A"]);
        git(top, date, &["commit", "-qm", &format!("v{n}")]);
    }
    dir
}

/// Every file under `.git` with its bytes, to prove that nothing there was written.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn a_hostile_repository_configuration_runs_nothing_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = simple_repository(&["2016-03-01", "2016-03-10"]);
    let top = dir.path();
    let marker = top.join("MARKER");
    let script = top.join("evil.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$0 $*\" >> '{}'\nexit 1\n",
            marker.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A commit with a signature, so that log.showSignature would call gpg.program.
    let head = String::from_utf8(
        Command::new("git")
            .current_dir(top)
            .args(["cat-file", "commit", "HEAD"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let (headers, message) = head.split_once("\n\n").unwrap();
    let signed = format!(
        "{headers}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n{message}"
    );
    let mut hash = Command::new("git")
        .current_dir(top)
        .args(["hash-object", "-t", "commit", "-w", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut hash.stdin.take().unwrap(), signed.as_bytes()).unwrap();
    let sha = String::from_utf8(hash.wait_with_output().unwrap().stdout).unwrap();
    git(top, "2016-03-10", &["update-ref", "HEAD", sha.trim()]);
    // The first commit's area file is a missing blob of a partial clone: reading it would
    // fetch from `origin` through `uploadpack`.
    let old_blob = String::from_utf8(
        Command::new("git")
            .current_dir(top)
            .args(["rev-parse", "HEAD~1:plans/p/01.toml"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let old_blob = old_blob.trim();
    std::fs::remove_file(top.join(format!(
        ".git/objects/{}/{}",
        &old_blob[..2],
        &old_blob[2..]
    )))
    .unwrap();
    let script = script.display().to_string();
    for (key, value) in [
        ("core.repositoryformatversion", "1"),
        ("extensions.partialClone", "origin"),
        ("remote.origin.url", "file:///nonexistent"),
        ("remote.origin.uploadpack", script.as_str()),
        ("remote.origin.promisor", "true"),
        ("gpg.program", script.as_str()),
        ("log.showSignature", "true"),
        ("core.fsmonitor", script.as_str()),
        ("core.pager", script.as_str()),
        ("core.hooksPath", top.display().to_string().as_str()),
    ] {
        git(top, "2016-03-10", &["config", key, value]);
    }
    let before = snapshot(&top.join(".git"));
    for args in [
        &["diff", "HEAD~1", "--today", "2016-03-20"][..],
        &["diff", "--since", "2016-03-05", "--today", "2016-03-20"],
        &["log", "t"],
        &["log", "t", "--format", "json"],
    ] {
        let r = plan(top, args);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert!(
            !marker.exists(),
            "{args:?} ran {}",
            std::fs::read_to_string(&marker).unwrap_or_default()
        );
    }
    assert!(
        snapshot(&top.join(".git")) == before,
        "something under .git changed"
    );
}

#[test]
fn since_picks_the_commit_by_its_own_date_in_any_year() {
    let dir = simple_repository(&["2016-03-01", "2016-03-10"]);
    let top = dir.path();
    // Git's own --before misreads years past 2099; the commit is chosen here instead.
    for (since, want) in [
        ("2150-01-01", "v1"),
        ("2016-03-10", "v0"),
        ("2016-03-05", "v0"),
    ] {
        let r = plan(
            top,
            &[
                "diff",
                "--since",
                since,
                "--format",
                "json",
                "--today",
                "2016-04-01",
            ],
        );
        r.code(0);
        // Against v0 the task was done since; against v1 nothing moved.
        let changed = r.stdout.contains("\"done\"");
        assert_eq!(changed, want == "v0", "{since}: {}", r.stdout);
    }
    let r = plan(
        top,
        &["diff", "--since", "2016-03-01", "--today", "2016-04-01"],
    );
    r.code(2);
    assert!(r.stderr.contains("2016-03-01"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn history_reads_a_linked_area_file_and_names_with_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    std::fs::create_dir_all(top.join("plans/p")).unwrap();
    std::fs::create_dir_all(top.join("plans/shared")).unwrap();
    std::fs::write(
        top.join("plans/p/plan.toml"),
        "[plan]\ntitle = \"T\"\nyear = 2016\n",
    )
    .unwrap();
    let area = |status: &str| {
        format!(
            "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\nstatus = \"{status}\"\n"
        )
    };
    // The area file is a link to a file kept elsewhere in the plans tree.
    std::fs::write(top.join("plans/shared/a.toml.txt"), area("todo")).unwrap();
    std::os::unix::fs::symlink("../shared/a.toml.txt", top.join("plans/p/01.toml")).unwrap();
    std::fs::write(
        top.join("plans/p/02\nodd.toml"),
        "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[task]]\nid = \"u\"\ntitle = \"U\"\n",
    )
    .unwrap();
    git(top, "2016-03-01", &["init", "-q"]);
    git(top, "2016-03-01", &["add", "-A"]);
    git(top, "2016-03-01", &["commit", "-qm", "one"]);
    std::fs::write(top.join("plans/shared/a.toml.txt"), area("doing")).unwrap();
    git(top, "2016-03-02", &["commit", "-qam", "two"]);
    let r = plan(top, &["log", "t", "--format", "json"]);
    r.code(0);
    let fields: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| format!("{}:{}", row["field"].as_str().unwrap(), row["to"]))
        .collect();
    assert_eq!(fields, ["added:null", "status:\"doing\""], "{}", r.stdout);
    let r = plan(top, &["log", "u", "--format", "json"]);
    r.code(0);
    assert_eq!(r.json().as_array().unwrap().len(), 1, "{}", r.stdout);
}

#[test]
fn a_shallow_clone_says_where_its_history_starts() {
    let origin = simple_repository(&["2016-03-01", "2016-03-02", "2016-03-03"]);
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    git(
        clone.path(),
        "2016-03-04",
        &["clone", "-q", "--depth", "1", &url, "c"],
    );
    let r = plan(&clone.path().join("c"), &["log", "t", "--format", "json"]);
    r.code(0);
    let rows = r.json();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{}", r.stdout);
    assert_eq!(rows[0]["field"], "shallow");
    let r = plan(&clone.path().join("c"), &["log", "t", "--lang", "zh"]);
    assert!(r.stdout.contains("历史起点（浅克隆"), "{}", r.stdout);
}

#[test]
fn a_file_in_history_over_the_size_limit_is_not_read() {
    let dir = simple_repository(&["2016-03-01"]);
    let top = dir.path();
    let small = std::fs::read_to_string(top.join("plans/p/01.toml")).unwrap();
    // Valid TOML, one long comment: were it read, it would load without an error.
    let mut big = small.clone();
    big.push('#');
    big.push_str(&"x".repeat(64 * 1024 * 1024 + 10));
    big.push('\n');
    std::fs::write(top.join("plans/p/01.toml"), &big).unwrap();
    git(top, "2016-03-02", &["commit", "-qam", "big"]);
    std::fs::write(top.join("plans/p/01.toml"), &small).unwrap();
    let r = plan(
        top,
        &["--today", "2016-03-10", "diff", "HEAD", "--format", "json"],
    );
    r.code(0);
    assert_eq!(
        r.stderr,
        "warning: the plans at that revision have 1 error(s); items that did not load there are left out of the comparison (check out that revision and run plan check to see them)\n"
    );
}

#[cfg(unix)]
#[test]
fn a_change_to_a_linked_file_outside_the_plans_is_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    std::fs::create_dir_all(top.join("plans/p")).unwrap();
    std::fs::create_dir_all(top.join("store")).unwrap();
    std::fs::write(
        top.join("plans/p/plan.toml"),
        "[plan]\ntitle = \"T\"\nyear = 2016\n",
    )
    .unwrap();
    let area = |status: &str| {
        format!(
            "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\nstatus = \"{status}\"\n"
        )
    };
    std::fs::write(top.join("store/a.toml"), area("todo")).unwrap();
    std::os::unix::fs::symlink("../../store/a.toml", top.join("plans/p/01.toml")).unwrap();
    git(top, "2016-03-01", &["init", "-q"]);
    git(top, "2016-03-01", &["add", "-A"]);
    git(top, "2016-03-01", &["commit", "-qm", "one"]);
    // This commit touches nothing under plans/, only the file the area file links to.
    std::fs::write(top.join("store/a.toml"), area("doing")).unwrap();
    git(top, "2016-03-02", &["commit", "-qam", "two"]);
    let r = plan(&top.join("plans"), &["log", "t", "--format", "json"]);
    r.code(0);
    let fields: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| format!("{}:{}", row["field"].as_str().unwrap(), row["to"]))
        .collect();
    assert_eq!(fields, ["added:null", "status:\"doing\""], "{}", r.stdout);
}

/// `plan log` the slow way, for comparison: every commit's whole tree loaded and checked.
fn log_tree_by_tree(docs: &Path, id: &str) -> Vec<Value> {
    use plan::history::{self, git::Repo};
    let loaded = plan::load::load(&docs.join("plans"));
    let repo = Repo::open(&loaded.workspace.root).unwrap();
    let mut rows = Vec::new();
    let mut before = None;
    for (i, commit) in repo.commits().unwrap().iter().enumerate() {
        let at = repo.load_at(&commit.sha).unwrap();
        let after =
            history::find(&at.workspace, id, None).map(|(p, item)| history::snapshot(p, item));
        rows.extend(history::log_step(
            commit,
            before.as_deref(),
            after.as_deref(),
            repo.shallow && i == 0,
        ));
        before = after;
    }
    rows.iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

#[test]
fn log_follows_an_item_that_moves_between_files_and_ignores_unrelated_changes() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().to_path_buf();
    let docs = top.join("docs");
    let p = docs.join("plans/p");
    std::fs::create_dir_all(&p).unwrap();
    let write = |name: &str, text: &str| std::fs::write(p.join(name), text).unwrap();
    write("plan.toml", "[plan]\ntitle = \"T\"\nyear = 2016\n");
    write(
        "01.toml",
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"parent\"\ntitle = \"Parent\"\ndue = 2016-03-31\n\n[[task]]\nid = \"child\"\ntitle = \"Child\"\nparent = \"parent\"\n\n[[task]]\nid = \"mover\"\ntitle = \"Mover\"\ndue = 2016-05-31\n",
    );
    write(
        "02.toml",
        "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[task]]\nid = \"other\"\ntitle = \"Other\"\n",
    );
    git(&top, "2016-03-01", &["init", "-q"]);
    git(&top, "2016-03-01", &["add", "-A"]);
    git(&top, "2016-03-01", &["commit", "-qm", "plan"]);
    // An unrelated file changes: nothing for `mover` or `child`.
    write(
        "02.toml",
        "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[task]]\nid = \"other\"\ntitle = \"Other\"\nstatus = \"doing\"\n",
    );
    git(&top, "2016-03-05", &["commit", "-qam", "other"]);
    // The parent's deadline moves: the child's (taken from it) moves too.
    write(
        "01.toml",
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"parent\"\ntitle = \"Parent\"\ndue = 2016-04-30\n\n[[task]]\nid = \"child\"\ntitle = \"Child\"\nparent = \"parent\"\n\n[[task]]\nid = \"mover\"\ntitle = \"Mover\"\ndue = 2016-05-31\n",
    );
    git(&top, "2016-03-10", &["commit", "-qam", "parent later"]);
    // `mover` moves to 02.toml with a new deadline, in one commit.
    write(
        "01.toml",
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"parent\"\ntitle = \"Parent\"\ndue = 2016-04-30\n\n[[task]]\nid = \"child\"\ntitle = \"Child\"\nparent = \"parent\"\n",
    );
    write(
        "02.toml",
        "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[task]]\nid = \"other\"\ntitle = \"Other\"\nstatus = \"doing\"\n\n[[task]]\nid = \"mover\"\ntitle = \"Mover\"\ndue = 2016-06-30\n",
    );
    git(&top, "2016-03-20", &["commit", "-qam", "move"]);
    // A file added beside, then the mover done, then removed, then back.
    write("03.toml", "[area]\nid = \"c\"\ntitle = \"C\"\n");
    git(&top, "2016-03-25", &["add", "-A"]);
    git(&top, "2016-03-25", &["commit", "-qm", "new area"]);
    write(
        "02.toml",
        "[area]\nid = \"b\"\ntitle = \"B\"\n\n[[task]]\nid = \"other\"\ntitle = \"Other\"\nstatus = \"doing\"\n\n[[task]]\nid = \"mover\"\ntitle = \"Mover\"\ndue = 2016-06-30\nstatus = \"done\"\ndone = 2016-04-02\n",
    );
    git(&top, "2016-04-02", &["commit", "-qam", "done"]);
    std::fs::remove_file(p.join("02.toml")).unwrap();
    git(&top, "2016-04-05", &["commit", "-qam", "gone"]);
    write(
        "03.toml",
        "[area]\nid = \"c\"\ntitle = \"C\"\n\n[[task]]\nid = \"mover\"\ntitle = \"Mover\"\ndue = 2016-06-30\n",
    );
    git(&top, "2016-04-06", &["commit", "-qam", "back"]);

    let log = |id: &str| -> Vec<Value> {
        let r = plan(&docs, &["log", id, "--format", "json"]);
        r.code(0);
        r.json().as_array().unwrap().clone()
    };
    let brief = |rows: &[Value]| -> Vec<(String, String, String, String)> {
        rows.iter()
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
                (s("date"), s("field"), s("from"), s("to"))
            })
            .collect()
    };
    let row = |a: &str, b: &str, c: &str, d: &str| {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string())
    };
    assert_eq!(
        brief(&log("mover")),
        [
            row("2016-03-01", "added", "", ""),
            row("2016-03-20", "due", "2016-05-31", "2016-06-30"),
            row("2016-04-02", "status", "todo", "done"),
            row("2016-04-02", "done", "", "2016-04-02"),
            row("2016-04-05", "removed", "", ""),
            row("2016-04-06", "added", "", ""),
        ]
    );
    assert_eq!(
        brief(&log("child")),
        [
            row("2016-03-01", "added", "", ""),
            row("2016-03-10", "due", "2016-03-31", "2016-04-30"),
        ]
    );
    // The same rows as loading and checking every commit's whole tree.
    for id in ["mover", "child", "parent", "other"] {
        assert_eq!(log(id), log_tree_by_tree(&docs, id), "{id}");
    }
}

#[test]
fn diff_reads_again_only_the_plans_that_changed_and_agrees_with_reading_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().to_path_buf();
    let plans = top.join("plans");
    for (p, due) in [("p", "2016-03-20"), ("q", "2016-05-31")] {
        std::fs::create_dir_all(plans.join(p)).unwrap();
        std::fs::write(
            plans.join(p).join("plan.toml"),
            format!("[plan]\nid = \"{p}\"\ntitle = \"{p}\"\nyear = 2016\n"),
        )
        .unwrap();
        std::fs::write(
            plans.join(p).join("01.toml"),
            format!("[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"{p}-task\"\ntitle = \"T\"\ndue = {due}\n"),
        )
        .unwrap();
    }
    // A file with a byte-order mark: the same on disk and in git, read back without it.
    std::fs::write(
        plans.join("q/02.toml"),
        "\u{feff}[area]\nid = \"b\"\ntitle = \"B\"\n",
    )
    .unwrap();
    git(&top, "2016-03-01", &["init", "-q"]);
    git(&top, "2016-03-01", &["add", "-A"]);
    git(&top, "2016-03-01", &["commit", "-qm", "plans"]);
    // Only q changes: its task is postponed. p's task becomes overdue by the date alone.
    std::fs::write(
        plans.join("q/01.toml"),
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"q-task\"\ntitle = \"T\"\ndue = 2016-06-30\n",
    )
    .unwrap();
    let r = plan(&top, &["--today", "2016-04-01", "diff", "--format", "json"]);
    r.code(0);
    let got: Vec<(String, String)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("q-task".to_string(), "postponed".to_string()),
            ("p-task".to_string(), "overdue".to_string())
        ]
    );
    // The same rows as loading the whole old tree.
    let current = plan::load::load(&plans);
    let repo = plan::history::git::Repo::open(&plans).unwrap();
    let sha = repo.resolve("HEAD").unwrap();
    let then = repo.date(&sha).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2016, 4, 1).unwrap();
    let old = repo.load_at(&sha).unwrap();
    let whole = plan::history::diff(&old.workspace, then, &current.workspace, today);
    let (part, same) = repo.load_changed(&sha, &current.workspace).unwrap();
    assert_eq!(same.into_iter().collect::<Vec<_>>(), ["p"]);
    assert_eq!(part.workspace.plans.len(), 1);
    let json = |rows: &[plan::history::ChangeRow]| serde_json::to_value(rows).unwrap();
    assert_eq!(json(&whole), r.json());
    assert_eq!(json(&whole).as_array().unwrap().len(), 2);
}

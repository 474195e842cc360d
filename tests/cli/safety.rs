//! No edit loses what a user wrote: parallel edits of one file, an edit racing another
//! writer, every TOML form of the arrays an edit appends to, files the user may not (or
//! should not) replace, reports aimed at plan files, and edits that are interrupted.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Fixture, PLAN_2016};

/// A `plan` process started in `dir` with a clean environment and `today` fixed.
fn spawn(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("plan"))
        .env_clear()
        .envs(env.iter().copied())
        .current_dir(dir)
        .arg("--today")
        .arg("2016-03-10")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for a process, at most a minute; its exit code, stdout and stderr.
fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The temporary files of edits and reports in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".plan-") && n.ends_with(".tmp"))
        .collect()
}

/// Wait until an edit has written its temporary file in `dir` (it then holds it for the
/// pause given by `PLAN_TEST_EDIT_PAUSE_MS`).
fn wait_for_temp(dir: &Path) {
    let start = Instant::now();
    while temp_files(dir).is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "no edit started");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Replace a file as an editor saves it: a new file renamed over the old one.
fn save_as_editor(path: &Path, text: &str) {
    let tmp = path.with_extension("editor-swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Seven tasks to mark done, seven to postpone and six indicators to record.
fn twenty_items() -> String {
    let mut text = String::from("[area]\nid = \"a\"\ntitle = \"A\"\n");
    for i in 0..7 {
        text.push_str(&format!(
            "\n[[task]]\nid = \"d{i}\"\ntitle = \"完成 {i}\"\ndue = 2016-03-01  # 原定\n"
        ));
    }
    for i in 0..7 {
        text.push_str(&format!(
            "\n[[task]]\nid = \"p{i}\"\ntitle = \"延期 {i}\"\ndue = 2016-03-31\n"
        ));
    }
    for i in 0..6 {
        text.push_str(&format!(
            "\n[[indicator]]\nid = \"r{i}\"\ntitle = \"指标 {i}\"\nunit = \"亿元\"\nactuals = [\n  {{ period = \"2016-01\", value = 1 }},  # 一月\n]\n"
        ));
    }
    text
}

fn twenty_edits() -> Vec<Vec<String>> {
    let mut edits = Vec::new();
    for i in 0..7 {
        edits.push(vec!["done".into(), format!("d{i}")]);
    }
    for i in 0..7 {
        edits.push(vec![
            "postpone".into(),
            format!("p{i}"),
            "2016-04-30".into(),
            "--reason".into(),
            format!("原因 {i}"),
        ]);
    }
    for i in 0..6 {
        edits.push(vec![
            "record".into(),
            format!("r{i}"),
            "2016-02".into(),
            format!("{}.5", i + 2),
        ]);
    }
    edits
}

/// What edit `n` of [`twenty_edits`] leaves in the file.
fn edit_is_in(text: &str, n: usize) -> bool {
    let item = |id: &str| {
        let start = text.find(&format!("id = \"{id}\"")).unwrap();
        let rest = &text[start..];
        let end = rest[1..].find("\n[[").map_or(rest.len(), |i| i + 1);
        rest[..end].to_string()
    };
    match n {
        0..=6 => item(&format!("d{n}")).contains("status = \"done\"\ndone = 2016-03-10\n"),
        7..=13 => {
            let i = n - 7;
            item(&format!("p{i}")).contains(&format!(
                "delays = [\n  {{ from = 2016-03-31, to = 2016-04-30, on = 2016-03-10, reason = \"原因 {i}\" }},\n]\n"
            ))
        }
        _ => {
            let i = n - 14;
            item(&format!("r{i}")).contains(&format!(
                "  {{ period = \"2016-01\", value = 1 }},  # 一月\n  {{ period = \"2016-02\", value = {}.5 }},\n]\n",
                i + 2
            ))
        }
    }
}

#[test]
fn twenty_parallel_edits_of_one_file_are_all_kept_every_time() {
    let edits = twenty_edits();
    for round in 0..50 {
        let f = Fixture::new()
            .file("p/plan.toml", PLAN_2016)
            .file("p/01-a.toml", &twenty_items());
        let children: Vec<Child> = edits
            .iter()
            .map(|args| {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                spawn(f.dir(), &args, &[])
            })
            .collect();
        let results: Vec<(i32, String, String)> = children.into_iter().map(finish).collect();
        let text = f.read("p/01-a.toml");
        for (n, (code, stdout, stderr)) in results.iter().enumerate() {
            assert!(!stderr.contains("panicked"), "{stderr}");
            match code {
                0 => assert!(
                    edit_is_in(&text, n),
                    "round {round}: edit {n} said {stdout:?} but is not in the file:\n{text}"
                ),
                2 => assert!(
                    !edit_is_in(&text, n),
                    "round {round}: edit {n} failed ({stderr}) but changed the file"
                ),
                other => panic!("round {round}: edit {n} exited {other}: {stderr}"),
            }
        }
        // With the lock, no edit has to give up.
        assert!(
            results.iter().all(|r| r.0 == 0),
            "round {round}: {results:?}"
        );
        f.run(&["check"]).code(0);
        assert!(temp_files(&f.path("p")).is_empty());
    }
}

const TWO_TASKS: &str = "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t1\"\ntitle = \"一\"\ndue = 2016-03-01\n\n[[task]]\nid = \"t2\"\ntitle = \"二\"\n";

/// Run an edit on [`two_tasks`] that must be refused with `message`, leaving the file as it was.
#[track_caller]
fn refused(f: &Fixture, args: &[&str], message: &str) {
    let r = f.run(args);
    r.code(2);
    assert!(r.stderr.starts_with(message), "{}", r.stderr);
    assert_eq!(f.read("p/01-a.toml"), TWO_TASKS);
}

/// A plan whose one area file holds [`TWO_TASKS`].
fn two_tasks() -> Fixture {
    Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("p/01-a.toml", TWO_TASKS)
}

#[test]
fn an_edit_redoes_its_change_on_what_another_writer_saved_meanwhile() {
    let f = two_tasks();
    let child = spawn(
        f.dir(),
        &["done", "t1"],
        &[("PLAN_TEST_EDIT_PAUSE_MS", "700")],
    );
    // The edit has read the file and written its new text; now an editor saves the file.
    wait_for_temp(&f.path("p"));
    let saved = TWO_TASKS.replace("title = \"二\"", "title = \"二（编辑器改过）\"");
    save_as_editor(&f.path("p/01-a.toml"), &saved);
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "updated plans/p/01-a.toml (t1)\n");
    // Both the editor's change and the edit are in the file.
    assert_eq!(
        f.read("p/01-a.toml"),
        saved.replace(
            "due = 2016-03-01\n",
            "due = 2016-03-01\nstatus = \"done\"\ndone = 2016-03-10\n"
        )
    );
}

#[test]
fn an_edit_that_keeps_losing_the_race_gives_up_and_changes_nothing() {
    let f = two_tasks();
    let path = f.path("p/01-a.toml");
    let child = spawn(
        f.dir(),
        &["done", "t1"],
        &[("PLAN_TEST_EDIT_PAUSE_MS", "300")],
    );
    // Another program saves the file every 50 ms while the edit runs.
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut last = String::new();
            for k in 0..200 {
                last = TWO_TASKS.replace("title = \"二\"", &format!("title = \"二 v{k}\""));
                save_as_editor(&path, &last);
                std::thread::sleep(Duration::from_millis(50));
                if k > 80 {
                    break;
                }
            }
            last
        })
    };
    let (code, _, stderr) = finish(child);
    let last = writer.join().unwrap();
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with(
            "error: plans/p/01-a.toml was changed by another program during the edit, 5 times; it is unchanged"
        ),
        "{stderr}"
    );
    // The other writer's last save is what the file holds: the edit overwrote nothing.
    assert_eq!(f.read("p/01-a.toml"), last);
    assert!(temp_files(&f.path("p")).is_empty());
}

const TABLES: &str = r#"[area]
id = "a"
title = "A"

[[task]]
id = "land"
title = "收回土地"
due = 2016-04-30  # 第二次延期后

# 第一次延期
[[task.delays]]
from = 2016-02-29
to = 2016-03-31
on = 2016-02-20
reason = "等待批复"  # 国土局

# 第二次延期
[[task.delays]]
from = 2016-03-31
to = 2016-04-30
on = 2016-03-25
reason = "补充材料"

[[indicator]]
id = "gdp"
title = "GDP"
unit = "亿元"

# 一季度
[[indicator.actuals]]
period = "2016-03"
value = 14.9  # 快报
prior = 13.1

# 三季度
[[indicator.actuals]]
period = "2016-09"
value = 47.0
prior = 41.8

[[task]]
id = "after"
title = "之后"
"#;

#[test]
fn edits_keep_every_entry_and_comment_of_arrays_of_tables() {
    for crlf in [false, true] {
        let shape = |t: &str| {
            if crlf {
                t.replace('\n', "\r\n")
            } else {
                t.to_string()
            }
        };
        let f = Fixture::new()
            .file("p/plan.toml", PLAN_2016)
            .file("p/01-a.toml", &shape(TABLES));
        let run = |args: &[&str]| {
            let mut all = vec!["--today", "2016-04-10"];
            all.extend_from_slice(args);
            f.run(&all).code(0);
        };
        run(&["record", "gdp", "2016-06", "31.2", "--prior", "27.4"]);
        run(&["record", "gdp", "2016-03", "15.1"]);
        run(&["record", "gdp", "2016-12", "66"]);
        run(&["postpone", "land", "2016-05-31", "--reason", "第三次"]);
        let want = TABLES
            .replace(
                "due = 2016-04-30  # 第二次延期后",
                "due = 2016-05-31  # 第二次延期后",
            )
            .replace(
                "reason = \"补充材料\"\n",
                "reason = \"补充材料\"\n\n[[task.delays]]\nfrom = 2016-04-30\nto = 2016-05-31\non = 2016-04-10\nreason = \"第三次\"\n",
            )
            .replace("value = 14.9  # 快报", "value = 15.1  # 快报")
            .replace(
                "prior = 13.1\n",
                "prior = 13.1\n\n[[indicator.actuals]]\nperiod = \"2016-06\"\nvalue = 31.2\nprior = 27.4\n",
            )
            .replace(
                "prior = 41.8\n",
                "prior = 41.8\n\n[[indicator.actuals]]\nperiod = \"2016-12\"\nvalue = 66\n",
            );
        assert_eq!(f.read("p/01-a.toml"), shape(&want), "crlf: {crlf}");
        f.run(&["check"]).code(0);
    }
}

#[test]
fn a_comment_after_the_last_entry_stays_with_that_entry() {
    let text = "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[indicator]]\nid = \"gdp\"\ntitle = \"GDP\"\nactuals = [\n  # 季报\n  { period = \"2016-03\", value = 14.9 }, # Q1\n  { period = \"2016-06\", value = 31.2 } # Q2\n  # 以上为快报\n]\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-03-31\ndelays = [{ from = 2016-03-01, to = 2016-03-31, on = 2016-02-01, reason = \"一\" }] # 一次\n";
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("p/01-a.toml", text);
    f.run(&["--today", "2016-04-10", "record", "gdp", "2016-09", "47"])
        .code(0);
    f.run(&["--today", "2016-04-10", "record", "gdp", "2016-01", "4"])
        .code(0);
    f.run(&[
        "--today",
        "2016-04-10",
        "postpone",
        "t",
        "2016-04-30",
        "--reason",
        "二",
    ])
    .code(0);
    assert_eq!(
        f.read("p/01-a.toml"),
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[indicator]]\nid = \"gdp\"\ntitle = \"GDP\"\nactuals = [\n  { period = \"2016-01\", value = 4 },\n  # 季报\n  { period = \"2016-03\", value = 14.9 }, # Q1\n  { period = \"2016-06\", value = 31.2 }, # Q2\n  { period = \"2016-09\", value = 47 },\n  # 以上为快报\n]\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\ndue = 2016-04-30\ndelays = [{ from = 2016-03-01, to = 2016-03-31, on = 2016-02-01, reason = \"一\" }, { from = 2016-03-31, to = 2016-04-30, on = 2016-04-10, reason = \"二\" }] # 一次\n"
    );
}

#[test]
fn a_reason_of_several_lines_in_a_crlf_file_gains_no_carriage_return() {
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("p/01-a.toml", &TWO_TASKS.replace('\n', "\r\n"));
    f.run(&[
        "--today",
        "2016-03-10",
        "postpone",
        "t1",
        "2016-04-30",
        "--reason",
        "第一行\n第二行 \"引号\"",
    ])
    .code(0);
    let text = f.read("p/01-a.toml");
    assert!(
        text.contains("reason = \"第一行\\n第二行 \\\"引号\\\"\" },\r\n]\r\n"),
        "{text:?}"
    );
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
    let r = f.run(&["show", "t1", "--format", "json", "--today", "2016-03-10"]);
    assert_eq!(
        r.json()["details"]["task"]["delays"][0]["reason"],
        "第一行\n第二行 \"引号\""
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_or_one_with_hard_links_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let f = two_tasks();
    let path = f.path("p/01-a.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    refused(
        &f,
        &["done", "t1"],
        "error: plans/p/01-a.toml is read-only; it is unchanged\n",
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::hard_link(&path, f.dir().join("copy.toml")).unwrap();
    refused(
        &f,
        &["done", "t1"],
        "error: plans/p/01-a.toml has 2 hard links: replacing it would leave the others with the old text; it is unchanged\n",
    );
}

#[cfg(unix)]
#[test]
fn an_edit_keeps_the_files_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    let f = two_tasks();
    let path = f.path("p/01-a.toml");
    let me = std::fs::metadata(&path).unwrap();
    // As root (as CI runs), give the file to another user first; otherwise it stays ours.
    let want = if me.uid() == 0 {
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        (65534, 65534)
    } else {
        (me.uid(), me.gid())
    };
    f.run(&["--today", "2016-03-10", "done", "t1"]).code(0);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), want);
    assert!(f.read("p/01-a.toml").contains("status = \"done\""));
}

#[test]
fn a_report_is_never_written_over_a_plan_file() {
    let f = two_tasks();
    for (command, target) in [
        ("report", "plans/p/01-a.toml"),
        ("calendar", "plans/p/plan.toml"),
        ("report", "plans/../plans/p/./01-a.toml"),
    ] {
        let r = f.run(&["--today", "2016-03-10", command, "-o", target]);
        r.code(2);
        assert!(
            r.stderr
                .starts_with(&format!("error: -o {target} is the plan file plans/p/")),
            "{}",
            r.stderr
        );
    }
    // Through a symbolic link or a hard link too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(f.path("p/01-a.toml"), f.dir().join("link.md")).unwrap();
        std::fs::hard_link(f.path("p/plan.toml"), f.dir().join("hard.md")).unwrap();
        for target in ["link.md", "hard.md"] {
            f.run(&["--today", "2016-03-10", "report", "-o", target])
                .code(2);
        }
        std::fs::remove_file(f.dir().join("hard.md")).unwrap();
    }
    assert_eq!(f.read("p/01-a.toml"), TWO_TASKS);
    assert_eq!(f.read("p/plan.toml"), PLAN_2016);

    // `-o -` is standard output; a file is written whole, and an error leaves nothing.
    let r = f.run(&["--today", "2016-03-10", "report", "-o", "-"]);
    r.code(0);
    assert!(r.stdout.starts_with("# Test plan"), "{}", r.stdout);
    f.run(&["--today", "2016-03-10", "report", "-o", "out.md"])
        .code(0);
    assert_eq!(
        std::fs::read_to_string(f.dir().join("out.md")).unwrap(),
        r.stdout
    );
    let r = f.run(&["--today", "2016-03-10", "report", "-o", "plans"]);
    r.code(2);
    let r = f.run(&["--today", "2016-03-10", "report", "-o", "missing/out.md"]);
    r.code(2);
    assert!(
        r.stderr.starts_with("error: cannot write missing/out.md: "),
        "{}",
        r.stderr
    );
    let left: Vec<String> = temp_files(f.dir());
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn an_edit_whose_confirmation_cannot_be_printed_still_says_it_changed_the_file() {
    let f = two_tasks();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("plan"))
        .env_clear()
        .current_dir(f.dir())
        .args(["--today", "2016-03-10", "done", "t1"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot write the output"),
        "{stderr}"
    );
    assert!(f.read("p/01-a.toml").contains("status = \"done\""));
    // A report that cannot be printed is an error: nothing was done.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("plan"))
        .env_clear()
        .current_dir(f.dir())
        .args(["--today", "2016-03-10", "status"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn an_interrupted_edit_leaves_no_temporary_file_and_a_killed_one_is_cleaned_up() {
    let f = two_tasks();
    let dir = f.path("p");
    for signal in ["TERM", "INT"] {
        let child = spawn(
            f.dir(),
            &["done", "t1"],
            &[("PLAN_TEST_EDIT_PAUSE_MS", "20000")],
        );
        wait_for_temp(&dir);
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let (code, _, stderr) = finish(child);
        assert_eq!(code, 130, "{signal}: {stderr}");
        assert!(temp_files(&dir).is_empty(), "{signal}");
        assert_eq!(f.read("p/01-a.toml"), TWO_TASKS);
    }
    // SIGKILL cannot be caught: the file stays until the next edit; `plan check` warns.
    let child = spawn(
        f.dir(),
        &["done", "t1"],
        &[("PLAN_TEST_EDIT_PAUSE_MS", "20000")],
    );
    wait_for_temp(&dir);
    let mut child = child;
    child.kill().unwrap();
    child.wait().unwrap();
    let left = temp_files(&dir);
    assert_eq!(left.len(), 1);
    let r = f.run(&["check"]);
    r.code(0).err_line(&format!(
        "plans/p/{}: warning: temporary file left by an interrupted edit",
        left[0]
    ));
    f.run(&["--today", "2016-03-10", "done", "t2"]).code(0);
    assert!(temp_files(&dir).is_empty());
    assert_eq!(f.run(&["check"]).stderr, "");
}

#[test]
fn an_edit_may_not_push_a_file_over_the_size_limit() {
    // One long comment keeps the file cheap to parse; the reason pushes it over 64 MiB.
    let limit = 64 * 1024 * 1024;
    let mut text = TWO_TASKS.to_string();
    text.push('#');
    text.push_str(&"x".repeat(limit - text.len() - 20));
    text.push('\n');
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file("p/01-a.toml", &text);
    let r = f.run(&[
        "--today",
        "2016-03-10",
        "postpone",
        "t1",
        "2016-04-30",
        "--reason",
        "一个足够长的原因，使文件超过上限",
    ]);
    r.code(2);
    let size: usize = r
        .stderr
        .strip_prefix("error: the edit would make plans/p/01-a.toml ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert!(size > limit && size < text.len() + 200, "{size}");
    assert!(r.stderr.contains(&format!(
        " bytes, over the limit of {limit}; it is unchanged"
    )));
    assert!(f.read("p/01-a.toml") == text);
}

#[test]
fn postponing_to_an_earlier_date_is_refused() {
    let f = two_tasks();
    refused(
        &f,
        &["postpone", "t1", "2016-02-15", "--reason", "提前"],
        "error: `t1` is due 2016-03-01; 2016-02-15 is earlier, which is not a postponement",
    );
}

#[cfg(unix)]
#[test]
fn init_never_writes_through_a_dangling_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("plans/p")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("elsewhere.toml"),
        dir.path().join("plans/p/plan.toml"),
    )
    .unwrap();
    let r = crate::run_in(dir.path(), &["init", "plans/p", "--year", "2016"]);
    r.code(2);
    assert!(!dir.path().join("elsewhere.toml").exists());
}

#[cfg(unix)]
#[test]
fn terminal_escapes_in_a_file_name_are_escaped_in_edit_messages() {
    let name = "p/01-\u{1b}[2Ja.toml";
    let f = Fixture::new()
        .file("p/plan.toml", PLAN_2016)
        .file(name, TWO_TASKS);
    for args in [
        &["--today", "2016-03-10", "done", "t1", "--dry-run"][..],
        &["--today", "2016-03-10", "done", "t1"],
    ] {
        let r = f.run(args);
        r.code(0);
        assert!(!r.stdout.contains('\u{1b}'), "{}", r.stdout);
        assert!(
            r.stdout.contains(r"plans/p/01-\u{1b}[2Ja.toml"),
            "{}",
            r.stdout
        );
    }
}

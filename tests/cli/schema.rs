//! Editor support and setup commands: the committed JSON Schema equals `plan schema`, accepts
//! every shipped and example file and rejects bad ones (checked with a JSON Schema validator);
//! `plan init`, completions and the man page.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{repo, shipped};

/// A TOML document as the JSON an editor validates: dates become their text.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("plan.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

fn parse(text: &str) -> Value {
    to_json(&text.parse::<toml::Table>().map(toml::Value::Table).unwrap())
}

fn plan_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for root in ["plans", "examples/plans"] {
        for plan in std::fs::read_dir(repo().join(root)).unwrap() {
            let plan = plan.unwrap().path();
            if plan.is_dir() {
                for f in std::fs::read_dir(&plan).unwrap() {
                    files.push(f.unwrap().path());
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let r = shipped(&["schema"]);
    r.code(0);
    let committed = std::fs::read_to_string(repo().join("plan.schema.json")).unwrap();
    assert!(
        r.stdout == committed,
        "plan.schema.json is stale: run `cargo run -- schema > plan.schema.json`"
    );
}

#[test]
fn every_shipped_and_example_file_names_the_schema_and_passes_it() {
    let v = validator();
    let files = plan_files();
    assert!(files.len() >= 11, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let first = text.lines().next().unwrap();
        let path = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{}: {first}", file.display()));
        let target = file.parent().unwrap().join(path);
        assert_eq!(
            std::fs::canonicalize(target).unwrap(),
            repo().join("plan.schema.json"),
            "{}",
            file.display()
        );
        let errors: Vec<String> = v
            .iter_errors(&parse(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
}

#[test]
fn the_schema_rejects_unknown_keys_bad_statuses_and_bad_dates() {
    let v = validator();
    let task = |extra: &str| {
        format!(
            "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\n{extra}\n"
        )
    };
    assert!(v.is_valid(&parse(&task("due = 2016-03-31"))));
    assert!(v.is_valid(&parse(&task("due = \"2016-Q1\""))));
    for bad in [
        "stauts = \"done\"",
        "status = \"finished\"",
        "due = \"3月31日\"",
        "due = \"2016-13\"",
        "every = \"fortnight\"",
    ] {
        assert!(!v.is_valid(&parse(&task(bad))), "{bad}");
    }
    assert!(!v.is_valid(&parse(
        "[plan]\ntitle = \"T\"\nyear = 2016\ncolour = \"red\"\n"
    )));
    assert!(
        !v.is_valid(&parse("[plan]\ntitle = \"T\"\n")),
        "year is required"
    );
    let indicator = "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[indicator]]\nid = \"i\"\ntitle = \"I\"\nactuals = [{ period = \"2016-03-31\", value = 1 }]\n";
    assert!(
        !v.is_valid(&parse(indicator)),
        "a reporting period is not a day"
    );
}

fn init_in(dir: &Path, args: &[&str]) -> crate::Run {
    crate::run_in(dir, args)
}

#[test]
fn init_scaffolds_a_plan_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let r = init_in(dir.path(), &["--lang", "zh", "init", "--year", "2027"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "已创建 plans/plan-2027/plan.toml、plans/plan-2027/01-example.toml、plans/plan.schema.json\n下一步：plan check\n"
    );
    let r = init_in(dir.path(), &["check", "--strict"]);
    r.code(0);
    assert_eq!(r.stdout, "检查通过：1 个计划，1 个工作方面，5 个事项\n");
    // The scaffold passes the schema too.
    let v = validator();
    for name in ["plan.toml", "01-example.toml"] {
        let text = std::fs::read_to_string(dir.path().join("plans/plan-2027").join(name)).unwrap();
        assert!(v.is_valid(&parse(&text)), "{name}");
    }
    // A second init changes nothing.
    let before = std::fs::read(dir.path().join("plans/plan-2027/plan.toml")).unwrap();
    let r = init_in(dir.path(), &["init", "--year", "2027", "--title", "Other"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "error: plans/plan-2027/plan.toml exists already; nothing was written\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("plans/plan-2027/plan.toml")).unwrap(),
        before
    );
    // An English plan in a named directory, with a title that needs quoting.
    let r = init_in(
        dir.path(),
        &[
            "init",
            "plans/team-2027",
            "--year",
            "2027",
            "--title",
            "Team \"A\" plan",
        ],
    );
    r.code(0);
    init_in(dir.path(), &["check", "--strict"]).code(0);
    let r = init_in(
        dir.path(),
        &[
            "status",
            "--plan",
            "team-2027",
            "--format",
            "json",
            "--today",
            "2027-01-01",
        ],
    );
    assert_eq!(r.json()["plans"][0]["title"], "Team \"A\" plan");
}

#[test]
fn init_prints_the_next_command_and_it_passes() {
    // An office's directory: the plan goes under DIR/plans/, beside its schema.
    let dir = tempfile::tempdir().unwrap();
    let r = init_in(dir.path(), &["init", "office", "--year", "2027"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "created office/plans/plan-2027/plan.toml, office/plans/plan-2027/01-example.toml, office/plans/plan.schema.json\nnext: plan --plans office/plans check\n"
    );
    // Run exactly what it printed.
    let next = r
        .stdout
        .lines()
        .last()
        .unwrap()
        .strip_prefix("next: plan ")
        .unwrap();
    let args: Vec<&str> = next.split(' ').collect();
    let r = init_in(dir.path(), &args);
    r.code(0);
    assert_eq!(r.stdout, "ok: 1 plan, 1 area, 5 items\n");
    // The files name the schema beside them, which an editor finds without this repository.
    let plan =
        std::fs::read_to_string(dir.path().join("office/plans/plan-2027/plan.toml")).unwrap();
    assert!(plan.starts_with("#:schema ../plan.schema.json\n"), "{plan}");
    let schema = std::fs::read_to_string(dir.path().join("office/plans/plan.schema.json")).unwrap();
    assert_eq!(schema, shipped(&["schema"]).stdout);
    // From inside the office's directory, the plain command works and is what it says.
    let office = dir.path().join("office");
    let r = init_in(&office, &["init", "plans/second", "--year", "2028"]);
    r.code(0);
    assert!(r.stdout.ends_with("\nnext: plan check\n"), "{}", r.stdout);
    init_in(&office, &["check"]).code(0);
}

#[test]
fn completions_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = shipped(&["completions", shell]);
        r.code(0);
        for command in ["overdue", "indicators", "postpone"] {
            assert!(r.stdout.contains(command), "{shell}: {command}");
        }
    }
    let r = shipped(&["man"]);
    r.code(0);
    assert!(r.stdout.contains(".TH plan 1"), "{}", &r.stdout[..200]);
    assert!(r.stdout.contains("overdue"));
}

/// taplo, the engine of VS Code's "Even Better TOML", checks files against the schema as an
/// editor does: a misspelt key is reported at its own line. Needs taplo (`npm install -g
/// @taplo/cli`), so `cargo test` lists it as ignored and `.ci/run` installs taplo and runs it.
#[test]
#[ignore = "needs taplo: npm install -g @taplo/cli, then cargo test -- --ignored"]
fn taplo_reports_a_misspelt_key_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.schema.json"),
        shipped(&["schema"]).stdout,
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".taplo.toml"),
        "[schema]\npath = \"./plan.schema.json\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("plans/p")).unwrap();
    std::fs::write(
        dir.path().join("plans/p/01-a.toml"),
        "[area]\nid = \"a\"\ntitle = \"A\"\n\n[[task]]\nid = \"t\"\ntitle = \"T\"\nstauts = \"done\"\ndue = \"3月31日\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plans/p/plan.toml"),
        "[plan]\ntitle = \"T\"\nyear = 2016\ncolour = \"red\"\n",
    )
    .unwrap();
    let out = std::process::Command::new("taplo")
        .current_dir(dir.path())
        .args([
            "check",
            "--no-auto-config",
            "--config",
            ".taplo.toml",
            "plans/p/01-a.toml",
            "plans/p/plan.toml",
        ])
        .env("RUST_LOG", "error")
        .output()
        .expect("taplo is not installed: npm install -g @taplo/cli");
    assert!(!out.status.success());
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    // The misspelt key at line 8, the bad date at line 9, the plan file's unknown key at line 4;
    // never the old "not valid under any of the schemas" on line 1.
    assert!(text.contains("01-a.toml:8:10"), "{text}");
    assert!(text.contains("unknown key: check its spelling"), "{text}");
    assert!(text.contains("01-a.toml:9:7"), "{text}");
    assert!(text.contains("plan.toml:4:10"), "{text}");
    assert!(!text.contains("oneOf"), "{text}");
}

#[test]
fn schema_ids_offers_the_plans_own_ids_and_names() {
    let r = shipped(&["schema", "--ids"]);
    r.code(0);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let projects = &s["definitions"]["area_file"]["properties"]["target"]["items"]["properties"]["projects"]
        ["items"]["enum"];
    let projects: Vec<&str> = projects
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for id in ["prologis", "zixin-culture-park"] {
        assert!(projects.contains(&id), "{projects:?}");
    }
    let previous =
        &s["definitions"]["plan_file"]["properties"]["plan"]["properties"]["previous"]["enum"];
    assert_eq!(previous, &serde_json::json!(["qingyuan-hitech-2016"]));
    // With the district's plans, owners are offered and new names still allowed.
    let root = crate::repo().join("examples/district/plans");
    let r = shipped(&["--plans", root.to_str().unwrap(), "schema", "--ids"]);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let owner =
        &s["definitions"]["area_file"]["properties"]["task"]["items"]["properties"]["owner"];
    let text = owner.to_string();
    assert!(
        text.contains("区财政局") && text.contains("\"type\":\"string\""),
        "{text}"
    );
    // A project id that is not in the plans fails the schema; one that is passes.
    let target = |id: &str| {
        let doc: toml::Table = format!("[area]\nid = \"a\"\ntitle = \"A\"\n[[target]]\nid = \"b\"\ntitle = \"B\"\nstage = \"signed\"\nprojects = [\"{id}\"]\n").parse().unwrap();
        serde_json::to_value(doc).unwrap()
    };
    let r = shipped(&["schema", "--ids"]);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let v2 = jsonschema::validator_for(&s).unwrap();
    assert!(v2.is_valid(&target("prologis")));
    assert!(!v2.is_valid(&target("prologs")));
}

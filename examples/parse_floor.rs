//! The parse floor of the benchmark: read every `.toml` file under a root and deserialize it
//! with serde + toml into plain structs, on a given number of threads, and nothing else. `plan`
//! does this work and more (spans, diagnostics, validation, the report), so this is the time
//! it is measured against.
//!
//! cargo run --release --example parse_floor -- ROOT [THREADS]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::value::Datetime;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Area {
    id: String,
    title: String,
    #[serde(default)]
    key: bool,
    owner: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(untagged)]
enum Date {
    Day(Datetime),
    Period(String),
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Task {
    id: String,
    title: String,
    owner: Option<String>,
    due: Option<Date>,
    status: Option<String>,
    done: Option<Date>,
    every: Option<String>,
    last: Option<Date>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Target {
    id: String,
    title: String,
    unit: Option<String>,
    target: Option<f64>,
    actual: Option<f64>,
    due: Option<Date>,
    stage: Option<String>,
    #[serde(default)]
    projects: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Project {
    id: String,
    title: String,
    investment: Option<f64>,
    stage: Option<String>,
    signed: Option<Date>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Actual {
    period: String,
    value: f64,
    prior: Option<f64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Indicator {
    id: String,
    title: String,
    unit: Option<String>,
    target: Option<f64>,
    growth: Option<f64>,
    #[serde(default)]
    actuals: Vec<Actual>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Plan {
    title: String,
    year: i64,
    lang: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct File {
    plan: Option<Plan>,
    area: Option<Area>,
    #[serde(default)]
    task: Vec<Task>,
    #[serde(default)]
    target: Vec<Target>,
    #[serde(default)]
    project: Vec<Project>,
    #[serde(default)]
    indicator: Vec<Indicator>,
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(args.get(1).map_or(".", String::as_str));
    let threads: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(2);
    let mut all = Vec::new();
    files(&root, &mut all);
    let chunk = all.len().div_ceil(threads.max(1)).max(1);
    let items: usize = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|p| {
                            let text = std::fs::read_to_string(p).unwrap_or_default();
                            match toml::from_str::<File>(&text) {
                                Ok(f) => {
                                    f.task.len()
                                        + f.target.len()
                                        + f.project.len()
                                        + f.indicator.len()
                                }
                                Err(e) => {
                                    eprintln!("{}: {e}", p.display());
                                    std::process::exit(2);
                                }
                            }
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    println!("{items} items in {} files", all.len());
}

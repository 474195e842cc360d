//! The pipeline runs one way: no two modules import each other. Top-level modules (`cli`,
//! `load`, `compute`, `render`, …) form no cycle, and neither do the files within one of them
//! (`compute::report` and `compute::indicators`, say); a module's root (`mod.rs`) may hold
//! what its files share. Test code (after `#[cfg(test)]`, `tests.rs`) is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::repo;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// `(top-level module, file module)` of a source path below `src/`: `("compute", "report")`,
/// `("model", "")` for `src/model.rs`, `("cli", "")` for `src/cli/mod.rs`.
fn module_of(rel: &str) -> (String, String) {
    let rel = rel.trim_end_matches(".rs");
    let mut parts = rel.split('/');
    let top = parts.next().unwrap_or_default().to_string();
    let sub = parts.next().unwrap_or_default();
    let sub = if sub == "mod" { "" } else { sub };
    (top, sub.to_string())
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel.ends_with("tests.rs") || rel == "main.rs" || rel == "lib.rs" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text
                .split("\n#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_string();
            out.push((rel, code));
        }
    }
}

/// The names that follow each `crate::` and `super::` in `code`.
fn paths<'c>(code: &'c str, prefix: &str) -> Vec<Vec<&'c str>> {
    code.match_indices(prefix)
        .map(|(at, _)| {
            code[at + prefix.len()..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or_default()
                .split("::")
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}

fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_modules_import_each_other() {
    let src = repo().join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    let tops: BTreeSet<String> = files.iter().map(|(rel, _)| module_of(rel).0).collect();
    let mut top_graph = Graph::new();
    let mut inner: BTreeMap<String, Graph> = BTreeMap::new();
    for (rel, code) in &files {
        let (top, sub) = module_of(rel);
        top_graph.entry(top.clone()).or_default();
        for path in paths(code, "crate::") {
            let Some(to) = path.first().map(|s| (*s).to_string()) else {
                continue;
            };
            if !tops.contains(&to) {
                continue;
            }
            if to != top {
                top_graph.entry(top.clone()).or_default().insert(to);
            } else if let Some(to_sub) = path.get(1)
                && !sub.is_empty()
                && *to_sub != sub
                && src.join(&top).join(format!("{to_sub}.rs")).exists()
            {
                inner
                    .entry(top.clone())
                    .or_default()
                    .entry(sub.clone())
                    .or_default()
                    .insert((*to_sub).to_string());
            }
        }
        if !sub.is_empty() {
            for path in paths(code, "super::") {
                if let Some(to_sub) = path.first()
                    && *to_sub != sub
                    && src.join(&top).join(format!("{to_sub}.rs")).exists()
                {
                    inner
                        .entry(top.clone())
                        .or_default()
                        .entry(sub.clone())
                        .or_default()
                        .insert((*to_sub).to_string());
                }
            }
        }
    }
    assert_eq!(
        cycle(&top_graph),
        None,
        "modules that import each other: {top_graph:#?}"
    );
    for (top, graph) in &inner {
        assert_eq!(
            cycle(graph),
            None,
            "files of {top} that import each other: {graph:#?}"
        );
    }
    // The graph is real: the pipeline's edges are there.
    assert!(top_graph["cli"].contains("render"));
    assert!(top_graph["render"].contains("compute"));
    assert!(!top_graph["history"].contains("render"));
    assert!(!top_graph["validate"].contains("compute"));
    assert!(inner["compute"]["report"].contains("indicators"));
}

#[test]
fn a_cycle_is_found() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("a".into());
    assert_eq!(cycle(&g), Some(vec!["a".into(), "b".into(), "a".into()]));
    g.get_mut("b").unwrap().clear();
    assert_eq!(cycle(&g), None);
}

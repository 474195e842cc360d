//! Finding the plans root and the files under it: plan directories (those holding a
//! `plan.toml`), their area files in name order, and `.toml` files that belong to no plan.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Files a run refuses to read past (a province's repository stays far below this).
pub const MAX_FILES: usize = 200_000;
/// Directory depth below the root that is walked.
pub const MAX_DEPTH: usize = 64;

/// Why no plans root could be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootError {
    /// `--plans` / `$PLAN_DIR` names nothing.
    Missing(PathBuf),
    /// `--plans` / `$PLAN_DIR` names a file, not a directory.
    NotADirectory(PathBuf),
    /// No `plans/` directory in the working directory or above it.
    NotFound(PathBuf),
}

/// The plans root: `--plans` / `$PLAN_DIR` when given, else the nearest `plans/` directory
/// found walking up from `cwd`.
pub fn find_root(given: Option<&Path>, cwd: &Path) -> Result<PathBuf, RootError> {
    if let Some(dir) = given {
        return if dir.is_dir() {
            Ok(dir.to_path_buf())
        } else if dir.exists() {
            Err(RootError::NotADirectory(dir.to_path_buf()))
        } else {
            Err(RootError::Missing(dir.to_path_buf()))
        };
    }
    cwd.ancestors()
        .map(|d| d.join("plans"))
        .find(|d| d.is_dir())
        .ok_or_else(|| RootError::NotFound(cwd.to_path_buf()))
}

/// A plan directory and its area files, sorted by file name.
#[derive(Debug)]
pub struct PlanDir {
    pub dir: PathBuf,
    pub plan_file: PathBuf,
    pub area_files: Vec<PathBuf>,
}

/// What the walk found, and what it could not read.
#[derive(Debug, Default)]
pub struct Tree {
    pub plans: Vec<PlanDir>,
    pub orphans: Vec<PathBuf>,
    /// Directories that could not be listed, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Directory links that lead back to a directory already walked.
    pub loops: Vec<PathBuf>,
    /// Temporary files left by an edit that was killed (`.plan-edit-*.tmp`).
    pub leftovers: Vec<PathBuf>,
    /// Entries whose names are not UTF-8: the directory and the name with its bytes escaped.
    pub bad_names: Vec<(PathBuf, String)>,
    /// Files named almost like plan files (`.TOML`, `.toml `), not read.
    pub not_read: Vec<PathBuf>,
    /// Directories at the depth limit that hold directories not walked.
    pub too_deep: Vec<PathBuf>,
    /// Set when the walk stopped at [`MAX_FILES`].
    pub too_many: bool,
}

/// Walk `root`: every directory holding `plan.toml` is a plan. Hidden entries are skipped;
/// links are followed, but never into a directory already walked.
pub fn walk(root: &Path) -> Tree {
    walk_limited(root, MAX_FILES)
}

/// [`walk`], stopping after `max_files` `.toml` files.
pub fn walk_limited(root: &Path, max_files: usize) -> Tree {
    let mut tree = Tree::default();
    let mut seen = HashSet::new();
    let mut files = 0usize;
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        match fs::canonicalize(&dir) {
            Ok(real) => {
                if !seen.insert(real) {
                    tree.loops.push(dir);
                    continue;
                }
            }
            Err(e) => {
                tree.unreadable.push((dir, e.to_string()));
                continue;
            }
        }
        let entries = match list(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                tree.unreadable.push((dir, e.to_string()));
                continue;
            }
        };
        let mut tomls = Vec::new();
        let mut subdirs = Vec::new();
        let mut deeper = false;
        for path in entries {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                // Report a name that cannot be read as text when it may be ours: a plan file
                // or a directory that may hold plans.
                if let Some(raw) = path.file_name() {
                    let escaped = escape_name(raw);
                    let ours = escaped.to_ascii_lowercase().ends_with(".toml") || path.is_dir();
                    if ours && !escaped.starts_with('.') {
                        tree.bad_names.push((dir.clone(), escaped));
                    }
                }
                continue;
            };
            if name.starts_with('.') {
                if crate::edit::write::is_leftover(name) {
                    tree.leftovers.push(path);
                }
                continue;
            }
            let toml = name.ends_with(".toml");
            if !toml && name.trim_end().to_ascii_lowercase().ends_with(".toml") {
                tree.not_read.push(path);
                continue;
            }
            match fs::metadata(&path) {
                // A directory named like a plan file is where a file was expected.
                Ok(meta) if meta.is_dir() && toml => tree.unreadable.push((
                    path,
                    "a directory where a plan file was expected".to_string(),
                )),
                Ok(meta) if meta.is_dir() => {
                    deeper = true;
                    subdirs.push(path);
                }
                Ok(meta) if toml && meta.is_file() => tomls.push(path),
                // A FIFO, socket or device would block or mislead a read: refuse it unread.
                Ok(_) if toml => tree
                    .unreadable
                    .push((path, "not a regular file".to_string())),
                Ok(_) => {}
                // A dangling link or a file that vanished: report it if it looks like ours.
                Err(e) if name.ends_with(".toml") => tree.unreadable.push((path, e.to_string())),
                Err(_) => {}
            }
        }
        files += tomls.len();
        if files > max_files {
            tree.too_many = true;
            return tree;
        }
        let plan_file = dir.join("plan.toml");
        if tomls.contains(&plan_file) {
            tomls.retain(|p| *p != plan_file);
            tree.plans.push(PlanDir {
                dir: dir.clone(),
                plan_file,
                area_files: tomls,
            });
        } else {
            tree.orphans.extend(tomls);
        }
        if depth < MAX_DEPTH {
            // Reversed so that the stack pops them in name order.
            stack.extend(subdirs.into_iter().rev().map(|d| (d, depth + 1)));
        } else if deeper {
            tree.too_deep.push(dir.clone());
        }
    }
    tree.plans.sort_by(|a, b| a.dir.cmp(&b.dir));
    tree
}

/// A file name with the bytes that are not UTF-8 written as `\xNN`.
fn escape_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// The tree made by a list of `.toml` files (all below `root`), as read from a git revision:
/// directories holding a `plan.toml` are plans, other files are orphans.
pub fn from_paths(files: &[PathBuf]) -> Tree {
    let mut by_dir: std::collections::BTreeMap<PathBuf, Vec<PathBuf>> =
        std::collections::BTreeMap::new();
    for f in files {
        let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
        by_dir.entry(dir).or_default().push(f.clone());
    }
    let mut tree = Tree::default();
    for (dir, mut tomls) in by_dir {
        tomls.sort();
        let plan_file = dir.join("plan.toml");
        if tomls.contains(&plan_file) {
            tomls.retain(|p| *p != plan_file);
            tree.plans.push(PlanDir {
                dir,
                plan_file,
                area_files: tomls,
            });
        } else {
            tree.orphans.extend(tomls);
        }
    }
    tree
}

fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort();
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_over_the_file_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("p");
        fs::create_dir(&plan).unwrap();
        for name in ["plan.toml", "01.toml", "02.toml", "03.toml"] {
            fs::write(plan.join(name), "").unwrap();
        }
        assert!(walk_limited(dir.path(), 3).too_many);
        let tree = walk_limited(dir.path(), 4);
        assert!(!tree.too_many);
        assert_eq!(tree.plans[0].area_files.len(), 3);
    }
}

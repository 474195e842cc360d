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
    /// A shallow clone: its oldest commits have parents that are not here.
    pub shallow: bool,
    top: PathBuf,
    /// The plans root relative to `top`, with a trailing `/` (empty at the top).
    prefix: String,
    root: PathBuf,
}

/// Settings that keep the repository's own configuration from running anything or writing
/// anything when `plan` reads history: no signature checks (`gpg.program`), no file-system
/// monitor, no hooks, no pager, no external diff or text conversion, no transport at all
/// (so a partial clone cannot fetch a missing object through `uploadpack`).
const HARDENING: [&str; 16] = [
    "-c",
    "log.showSignature=false",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.pager=cat",
    "-c",
    "diff.external=",
    "-c",
    "protocol.allow=never",
    "-c",
    "core.untrackedCache=false",
    "-c",
    "gc.auto=0",
];

fn run(dir: &Path, args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut child = Command::new("git")
        .arg("--no-pager")
        .args(HARDENING)
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_NO_LAZY_FETCH", "1")
        // Paths are paths: `*` or `:(` in a file name is not pathspec magic.
        .env("GIT_LITERAL_PATHSPECS", "1")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_EXTERNAL_DIFF")
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
        let shallow = run(root, &["rev-parse", "--is-shallow-repository"], None)
            .map(text)
            .is_ok_and(|s| s == "true");
        Ok(Repo {
            shallow,
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

    /// The last commit before the start of `date`: the first commit, in the order `git log`
    /// walks from HEAD, whose committer date (as `%cs` writes it, in the committer's zone) is
    /// before `date`. Chosen here rather than by git's `--before`, whose date parser misreads
    /// years outside 1970–2099.
    pub fn before(&self, date: NaiveDate) -> Result<String, GitError> {
        let log = self.git(&["log", "--format=%H %cs", "HEAD"])?;
        log.lines()
            .filter_map(|l| l.split_once(' '))
            .find(|(_, day)| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok_and(|d| d < date))
            .map(|(sha, _)| sha.to_string())
            .ok_or(GitError::NothingBefore(date))
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
        // A change to a file that an area file links to is a change to the plans too.
        let targets = self.link_targets("HEAD", &spec).unwrap_or_default();
        let mut args = vec![
            "log",
            "--reverse",
            "--format=%H%x1f%an%x1f%cs%x1f%s",
            "--",
            &spec,
        ];
        args.extend(targets.iter().map(String::as_str));
        let log = self.git(&args)?;
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

    /// The path of the plans root from the repository's top (`docs/plans/`; empty at the top).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Every commit that touched the plans along the first-parent line, oldest first, each
    /// with the files it changed there (against its first parent): a new object id, or none
    /// for a file removed. `None` when the plans hold a symbolic link at any of them: then the
    /// history is read tree by tree instead.
    pub fn deltas(&self) -> Result<Option<Vec<Changed>>, GitError> {
        let spec = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.clone()
        };
        let out = run(
            &self.top,
            &[
                "log",
                "--reverse",
                "--first-parent",
                "--diff-merges=first-parent",
                "--no-renames",
                "--raw",
                "--no-abbrev",
                "-z",
                "--format=%x1e%H%x1f%an%x1f%cs%x1f%s",
                "--",
                &spec,
            ],
            None,
        )
        .map_err(GitError::Failed)?;
        let mut commits = Vec::new();
        for chunk in out.split(|b| *b == 0x1e).filter(|c| !c.is_empty()) {
            let mut parts = chunk.split(|b| *b == 0);
            let header = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
            let mut f = header.split('\u{1f}');
            let (Some(sha), Some(author), Some(date)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
                continue;
            };
            let commit = Commit {
                sha: sha.to_string(),
                author: author.to_string(),
                date,
                subject: f.next().unwrap_or("").to_string(),
            };
            // ":<old mode> <new mode> <old oid> <new oid> <status>" NUL "<path>" NUL, repeated.
            let mut changes = Vec::new();
            while let (Some(meta), Some(path)) = (parts.next(), parts.next()) {
                let meta = String::from_utf8_lossy(meta);
                let fields: Vec<&str> = meta.trim_start_matches(['\n', ':']).split(' ').collect();
                let [_, mode, _, oid, status] = fields.as_slice() else {
                    continue;
                };
                if *mode == "120000" || fields[0] == "120000" {
                    return Ok(None);
                }
                let Ok(path) = std::str::from_utf8(path) else {
                    continue;
                };
                changes.push(Delta {
                    path: path.to_string(),
                    oid: (!status.starts_with('D')).then(|| (*oid).to_string()),
                });
            }
            commits.push((commit, changes));
        }
        Ok(Some(commits))
    }

    /// The contents of these objects, by object id (a missing one is left out).
    pub fn read_blobs(
        &self,
        oids: &[&str],
    ) -> Result<std::collections::HashMap<String, Vec<u8>>, GitError> {
        let blobs = self.blobs(oids.iter().copied())?;
        Ok(oids
            .iter()
            .zip(blobs)
            .filter_map(|(oid, b)| Some(((*oid).to_string(), b?)))
            .collect())
    }

    /// The plans as they were at commit `sha`. Files are listed with their object ids and
    /// sizes (`ls-tree -z --long`, so no name can break the listing), read by object id
    /// (`cat-file --batch`, which never sees a name), held to the size limit of files on disk,
    /// and a symbolic link inside the repository is read as the file it names.
    pub fn load_at(&self, sha: &str) -> Result<Loaded, GitError> {
        let spec = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.clone()
        };
        let listed = self.tree(sha, &[&spec])?;
        self.load_listed(sha, &listed, |_| true)
    }

    /// The plans at commit `sha` that differ from `current` (the plans on disk, as loaded),
    /// and the ids of the plans whose every file is byte for byte the same there: those are
    /// not read again, since they are `current`'s. A tree holding symbolic links, or object
    /// ids that are not SHA-1, is read whole.
    pub fn load_changed(
        &self,
        sha: &str,
        current: &crate::model::Workspace,
    ) -> Result<(Loaded, std::collections::HashSet<String>), GitError> {
        use std::collections::{BTreeMap, HashMap, HashSet};
        let spec = if self.prefix.is_empty() {
            ".".to_string()
        } else {
            self.prefix.clone()
        };
        let listed = self.tree(sha, &[&spec])?;
        if listed.values().any(|e| e.link || e.oid.len() != 40) {
            return Ok((self.load_listed(sha, &listed, |_| true)?, HashSet::new()));
        }
        // The old files of each directory: name → object id.
        let mut old: HashMap<&str, BTreeMap<&str, &str>> = HashMap::new();
        for (path, e) in &listed {
            if let Some((dir, name)) = path.rsplit_once('/')
                && name.ends_with(".toml")
            {
                old.entry(dir).or_default().insert(name, e.oid.as_str());
            }
        }
        // Today's files of each plan directory, hashed as git hashes them, on all cores.
        let mut now: HashMap<&Path, Vec<(&str, &str)>> = HashMap::new();
        for f in current.sources.iter() {
            if let (Some(dir), Some(name)) =
                (f.path.parent(), f.path.file_name().and_then(|n| n.to_str()))
                && name.ends_with(".toml")
            {
                now.entry(dir).or_default().push((name, f.text.as_str()));
            }
        }
        let same: Vec<bool> = crate::par::map(&current.plans, |plan| {
            let Ok(rel) = plan.dir.strip_prefix(&self.root) else {
                return false;
            };
            let dir = format!("{}{}", self.prefix, rel.to_string_lossy());
            let (Some(files), Some(today)) = (
                old.get(dir.trim_end_matches('/')),
                now.get(plan.dir.as_path()),
            ) else {
                return false;
            };
            files.len() == today.len()
                && today.iter().all(|(name, text)| {
                    files
                        .get(name)
                        .is_some_and(|oid| *oid == blob_id(text.as_bytes()))
                })
        });
        let mut same_dirs: HashSet<String> = HashSet::new();
        let mut same_ids: HashSet<String> = HashSet::new();
        for (plan, _) in current.plans.iter().zip(&same).filter(|(_, s)| **s) {
            if let Ok(rel) = plan.dir.strip_prefix(&self.root) {
                let dir = format!("{}{}", self.prefix, rel.to_string_lossy());
                same_dirs.insert(dir.trim_end_matches('/').to_string());
                same_ids.insert(plan.id.value.clone());
            }
        }
        let loaded = self.load_listed(sha, &listed, |path| {
            !path
                .rsplit_once('/')
                .is_some_and(|(dir, _)| same_dirs.contains(dir))
        })?;
        Ok((loaded, same_ids))
    }

    /// The plans of a listed tree, the files `keep` accepts.
    fn load_listed(
        &self,
        sha: &str,
        listed: &std::collections::HashMap<String, Entry>,
        keep: impl Fn(&str) -> bool,
    ) -> Result<Loaded, GitError> {
        let mut wanted: Vec<(String, Entry)> = Vec::new();
        let mut links: Vec<(String, String)> = Vec::new();
        for (path, entry) in listed.iter().filter(|(p, _)| keep(p)) {
            if !path.ends_with(".toml")
                || path
                    .trim_start_matches(&self.prefix)
                    .split('/')
                    .any(|part| part.starts_with('.'))
            {
                continue;
            }
            if entry.link {
                links.push((path.clone(), entry.oid.clone()));
            } else {
                wanted.push((path.clone(), entry.clone()));
            }
        }
        // A link's text is the path it names, relative to the link's directory.
        if !links.is_empty() {
            let texts = self.blobs(links.iter().map(|(_, oid)| oid.as_str()))?;
            let mut targets: Vec<(String, String)> = Vec::new();
            for ((path, _), text) in links.iter().zip(texts) {
                if let Some(target) = text.and_then(|t| resolve_link(path, &t)) {
                    targets.push((path.clone(), target));
                }
            }
            let outside: Vec<&str> = targets
                .iter()
                .filter(|(_, t)| !listed.contains_key(t))
                .map(|(_, t)| t.as_str())
                .collect();
            let more = if outside.is_empty() {
                std::collections::HashMap::new()
            } else {
                self.tree(sha, &outside)?
            };
            for (path, target) in targets {
                if let Some(entry) = listed.get(&target).or_else(|| more.get(&target))
                    && !entry.link
                {
                    wanted.push((path, entry.clone()));
                }
            }
        }
        wanted.sort_by(|a, b| a.0.cmp(&b.0));
        let sizes = self.sizes(wanted.iter().map(|(_, e)| e.oid.as_str()))?;
        let (small, large): (Vec<_>, Vec<_>) = wanted
            .into_iter()
            // An object git did not size is read, and `blobs` skips it if it is missing.
            .zip(sizes.into_iter().chain(std::iter::repeat(0)))
            .partition(|(_, size)| *size <= load::MAX_FILE_BYTES);
        let bytes = self.blobs(small.iter().map(|((_, e), _)| e.oid.as_str()))?;
        let mut files = Vec::new();
        for (((path, _), _), bytes) in small.iter().zip(bytes) {
            if let Some(bytes) = bytes {
                let relative = path.strip_prefix(&self.prefix).unwrap_or(path);
                files.push((self.root.join(relative), bytes));
            }
        }
        let too_large: Vec<(PathBuf, u64)> = large
            .iter()
            .map(|((path, _), size)| {
                let relative = path.strip_prefix(&self.prefix).unwrap_or(path);
                (self.root.join(relative), *size)
            })
            .collect();
        Ok(load::load_files(&self.root, files, &too_large))
    }

    /// The files outside `spec` that links under `spec` name at `rev` (paths from the top).
    fn link_targets(&self, rev: &str, spec: &str) -> Result<Vec<String>, GitError> {
        let listed = self.tree(rev, &[spec])?;
        let links: Vec<(&String, &Entry)> = listed.iter().filter(|(_, e)| e.link).collect();
        let texts = self.blobs(links.iter().map(|(_, e)| e.oid.as_str()))?;
        let mut targets: Vec<String> = links
            .iter()
            .zip(texts)
            .filter_map(|((path, _), text)| resolve_link(path, &text?))
            .filter(|t| !listed.contains_key(t))
            .collect();
        targets.sort();
        targets.dedup();
        Ok(targets)
    }

    /// The blobs (and links) under `specs` at `sha`, by path from the repository's top.
    fn tree(
        &self,
        sha: &str,
        specs: &[&str],
    ) -> Result<std::collections::HashMap<String, Entry>, GitError> {
        // Without `--long`: sizes make git open every object, and only the files read need one
        // (`sizes`).
        let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", sha, "--"];
        args.extend_from_slice(specs);
        let out = run(&self.top, &args, None).map_err(GitError::Failed)?;
        let mut entries = std::collections::HashMap::new();
        // "<mode> SP <type> SP <oid> TAB <path> NUL"
        for record in out.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            let Some(tab) = record.iter().position(|b| *b == b'\t') else {
                continue;
            };
            let (Ok(meta), Ok(path)) = (
                std::str::from_utf8(&record[..tab]),
                std::str::from_utf8(&record[tab + 1..]),
            ) else {
                continue;
            };
            let fields: Vec<&str> = meta.split_whitespace().collect();
            let [mode, kind, oid] = fields.as_slice() else {
                continue;
            };
            if *kind != "blob" {
                continue;
            }
            entries.insert(
                path.to_string(),
                Entry {
                    oid: (*oid).to_string(),
                    link: *mode == "120000",
                },
            );
        }
        Ok(entries)
    }

    /// The sizes of these objects in bytes, in order, read without their contents
    /// (0 for one that is missing, which `blobs` then skips).
    fn sizes<'a>(&self, oids: impl Iterator<Item = &'a str>) -> Result<Vec<u64>, GitError> {
        let request: String = oids.map(|o| format!("{o}\n")).collect();
        if request.is_empty() {
            return Ok(Vec::new());
        }
        let out = run(
            &self.top,
            &["cat-file", "--batch-check=%(objectsize)"],
            Some(request.into_bytes()),
        )
        .map_err(GitError::Failed)?;
        // One line per object: its size, or "<oid> missing".
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .map(|line| line.parse().unwrap_or(0))
            .collect())
    }

    /// The contents of these objects, in order (`None` for one that is missing).
    fn blobs<'a>(
        &self,
        oids: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        let oids: Vec<&str> = oids.collect();
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let request: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let out = run(
            &self.top,
            &["cat-file", "--batch"],
            Some(request.into_bytes()),
        )
        .map_err(GitError::Failed)?;
        // Each object: "<oid> blob <size>\n", the bytes, "\n"; or "<oid> missing\n".
        let mut blobs = Vec::with_capacity(oids.len());
        let mut at = 0;
        for _ in &oids {
            let Some(end) = out
                .get(at..)
                .and_then(|r| r.iter().position(|b| *b == b'\n'))
            else {
                blobs.push(None);
                continue;
            };
            let header = String::from_utf8_lossy(&out[at..at + end]).to_string();
            at += end + 1;
            if header.ends_with("missing") {
                blobs.push(None);
                continue;
            }
            let size: usize = header
                .rsplit(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            match out.get(at..at + size) {
                Some(bytes) => blobs.push(Some(bytes.to_vec())),
                None => blobs.push(None),
            }
            at += size + 1;
        }
        Ok(blobs)
    }
}

/// A commit and the files it changed under the plans.
pub type Changed = (Commit, Vec<Delta>);

/// One file a commit changed under the plans: its path from the repository's top, and its
/// new object id (`None`: removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub path: String,
    pub oid: Option<String>,
}

/// One blob of a tree listing.
#[derive(Debug, Clone)]
struct Entry {
    oid: String,
    /// A symbolic link (mode 120000): the blob is the path it names.
    link: bool,
}

/// The object id git gives a file of these bytes (`git hash-object`): SHA-1 of a header and the
/// bytes.
fn blob_id(bytes: &[u8]) -> String {
    use sha1::Digest;
    let mut h = sha1::Sha1::new();
    h.update(format!("blob {}\0", bytes.len()).as_bytes());
    h.update(bytes);
    format!("{:x}", h.finalize())
}

/// The repository path a link at `path` names, or `None` when it leaves the repository or
/// is absolute.
fn resolve_link(path: &str, target: &[u8]) -> Option<String> {
    let target = std::str::from_utf8(target).ok()?;
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_inside_the_repository_only() {
        assert_eq!(
            resolve_link("plans/p/01.toml", b"../../store/a.toml"),
            Some("store/a.toml".to_string())
        );
        assert_eq!(
            resolve_link("plans/p/01.toml", b"./02.toml"),
            Some("plans/p/02.toml".to_string())
        );
        assert_eq!(resolve_link("p/01.toml", b"../../../etc/passwd"), None);
        assert_eq!(resolve_link("p/01.toml", b"/etc/passwd"), None);
    }
}

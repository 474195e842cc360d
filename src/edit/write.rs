//! Writing a file safely. An edit is a compare-and-swap: it holds a lock on the file's
//! directory against other `plan` processes, writes a temporary file in that directory with
//! the original permissions (and owner, where it may), fsyncs it, checks that the file on disk
//! is still the bytes the edit was made from, renames it over the file and fsyncs the
//! directory. A link is followed, not replaced; a read-only file, a file with several hard
//! links and a text over the loading limit are refused. A temporary file left by a killed
//! edit is removed at the next edit of that directory, and on SIGINT/SIGTERM/SIGHUP at once.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::source::MAX_FILE_BYTES;

/// The prefix and suffix of the temporary files an edit writes (see [`is_leftover`]).
pub const TEMP_PREFIX: &str = ".plan-edit-";
/// The suffix of the temporary file an edit writes before renaming it into place.
pub const TEMP_SUFFIX: &str = ".tmp";
/// The prefix of a report's temporary file (`-o`): not an edit's, so an edit that cleans its
/// directory never removes a report being written there without the lock.
const REPORT_PREFIX: &str = ".plan-report-";

/// How long an edit waits for another `plan` edit of the same directory to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// Whether a file name is one of an edit's temporary files.
pub fn is_leftover(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Why a file was not replaced.
#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is no longer the bytes the edit was made from.
    Changed,
    /// Nobody may write the file (no write permission bit), or this user may not.
    ReadOnly,
    /// The file has this many hard links: replacing it would split them.
    HardLinks(u64),
    /// The new text is over the size that loading accepts.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// The lock stayed taken for [`LOCK_WAIT`].
    Busy,
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// An exclusive lock on a directory, held while its files are read, edited and replaced.
/// It is an advisory `flock` on the directory itself, so no lock file is left for git to see;
/// it is released when dropped or when the process ends, however it ends.
#[derive(Debug)]
pub struct DirLock {
    _dir: fs::File,
    pub dir: PathBuf,
}

/// The real directory of the file at `path` (links followed).
pub fn real_dir(path: &Path) -> std::io::Result<PathBuf> {
    let real = fs::canonicalize(path)?;
    real.parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| std::io::Error::other("the file has no directory"))
}

/// Lock `dir`, waiting up to `wait` for another holder; then remove temporary files that a
/// killed edit left there (no other edit can be writing one while the lock is held).
pub fn lock_dir(dir: &Path, wait: Duration) -> Result<DirLock, WriteError> {
    let file = fs::File::open(dir)?;
    let deadline = Instant::now() + wait;
    let mut pause = Duration::from_millis(2);
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(fs::TryLockError::WouldBlock) => return Err(WriteError::Busy),
            Err(fs::TryLockError::Error(e)) => return Err(WriteError::Io(e)),
        }
    }
    remove_leftovers(dir);
    Ok(DirLock {
        _dir: file,
        dir: dir.to_path_buf(),
    })
}

/// The temporary files of killed edits in `dir`.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(is_leftover))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

fn remove_leftovers(dir: &Path) {
    for path in leftovers(dir) {
        let _ = fs::remove_file(path);
    }
}

/// The temporary file being written now, removed by the signal handler.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

fn pending(path: Option<PathBuf>) {
    if let Ok(mut slot) = PENDING.lock() {
        *slot = path;
    }
}

/// A new temporary file in `dir`, known to the signal handler until [`pending`]`(None)`.
fn temp_in(dir: &Path, prefix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    clean_up_on_signals();
    let tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    pending(Some(tmp.path().to_path_buf()));
    Ok(tmp)
}

/// Remove the temporary file being written, if any, when the process is interrupted or
/// terminated, then exit as a shell would report the signal (130). Installed once, by the
/// first temporary file of the run.
fn clean_up_on_signals() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Ok(slot) = PENDING.lock()
                && let Some(path) = slot.as_ref()
            {
                let _ = fs::remove_file(path);
            }
            std::process::exit(130);
        });
    });
}

/// Replace the contents of `path` with `text`, provided the file is still `expected`.
/// The caller holds the [`DirLock`] of the file's directory. `pause` holds the temporary file
/// written for that long before the compare: the tests' way to race another writer.
pub fn replace(
    path: &Path,
    expected: &[u8],
    text: &str,
    pause: Option<Duration>,
) -> Result<PathBuf, WriteError> {
    // Write through a symbolic link to the file it names.
    let real = fs::canonicalize(path)?;
    let dir = real
        .parent()
        .ok_or_else(|| std::io::Error::other("the file has no directory"))?;
    let meta = fs::metadata(&real)?;
    writable(&real, &meta)?;
    let size = text.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(WriteError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut tmp = temp_in(dir, TEMP_PREFIX)?;
    let result = (|| {
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().set_permissions(meta.permissions())?;
        keep_owner(tmp.as_file(), &meta);
        tmp.as_file().sync_all()?;
        if let Some(pause) = pause {
            std::thread::sleep(pause);
        }
        // The compare of compare-and-swap: nothing else wrote the file since it was read.
        if fs::read(&real)? != expected {
            return Err(WriteError::Changed);
        }
        tmp.persist(&real).map_err(|e| WriteError::Io(e.error))?;
        Ok(())
    })();
    pending(None);
    result?;
    // Make the rename itself durable.
    fs::File::open(dir)?.sync_all()?;
    Ok(real)
}

/// Refuse a file that is marked read-only, that this user cannot open for writing, or that
/// has other hard links (a rename would leave them holding the old text).
fn writable(real: &Path, meta: &fs::Metadata) -> Result<(), WriteError> {
    if !meta.is_file() {
        return Err(WriteError::Io(std::io::Error::other("not a regular file")));
    }
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::HardLinks(meta.nlink()));
        }
    }
    // Opening for writing (without truncating) changes nothing, and asks the system whether
    // this user may write the file.
    match fs::OpenOptions::new().write(true).open(real) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(WriteError::ReadOnly),
        Err(e) => Err(WriteError::Io(e)),
    }
}

/// Give the new file the old one's owner and group: root can; another user can keep the
/// group when they belong to it; otherwise the file becomes theirs, as any editor would make it.
fn keep_owner(file: &fs::File, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = fchown(file, None, Some(meta.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (file, meta);
}

/// Write a report to `path` atomically: a temporary file beside it, renamed over it, so an
/// error leaves either the old file or none, never half a report.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // A device or a pipe (`-o /dev/stdout`) is written to, never replaced by a file.
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
    {
        if meta.is_dir() {
            return Err(std::io::Error::other("is a directory"));
        }
        let mut out = fs::OpenOptions::new().write(true).open(path)?;
        return out.write_all(bytes).and_then(|()| out.flush());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = temp_in(dir, REPORT_PREFIX)?;
    let result = (|| {
        tmp.write_all(bytes)?;
        // A new report is readable as any new file would be (tempfile makes it 0600).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = match fs::metadata(path) {
                Ok(m) => m.permissions().mode(),
                Err(_) => 0o644,
            };
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(mode))?;
        }
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    pending(None);
    result
}

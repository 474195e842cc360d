//! Writing a file safely: a temporary file in the same directory, the original permissions,
//! fsync, an atomic rename, and an fsync of the directory. A link is followed, not replaced.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Replace the contents of `path` with `text` atomically.
pub fn atomic(path: &Path, text: &str) -> std::io::Result<PathBuf> {
    // Write through a symbolic link to the file it names.
    let real = fs::canonicalize(path)?;
    let dir = real
        .parent()
        .ok_or_else(|| std::io::Error::other("the file has no directory"))?;
    let permissions = fs::metadata(&real)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".plan-edit-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&real).map_err(|e| e.error)?;
    // Make the rename itself durable.
    fs::File::open(dir)?.sync_all()?;
    Ok(real)
}

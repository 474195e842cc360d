//! Today's date, read from the system clock only when a command needs it. `chrono::Local`
//! follows `TZ` to whatever file it names and reads it whole; a `TZ` naming a device
//! (`/dev/zero`, `/dev/urandom`), a directory or an oversized file is treated as unset: the
//! zone of `/etc/localtime`, read here with the same limits.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// Time-zone files are a few kilobytes; anything larger is not one.
const MAX_TZ_FILE: u64 = 1 << 20;

/// Where `chrono` looks up a relative `TZ` name.
const ZONE_DIRS: [&str; 4] = [
    "/usr/share/zoneinfo",
    "/share/zoneinfo",
    "/etc/zoneinfo",
    "/usr/share/lib/zoneinfo",
];

/// The local date now.
pub fn local_today() -> NaiveDate {
    if std::env::var("TZ").map_or(true, |tz| tz_is_safe(&tz)) {
        return chrono::Local::now().date_naive();
    }
    let offset = read_zone_file(Path::new("/etc/localtime"))
        .and_then(|bytes| tz::TimeZone::from_tz_data(&bytes).ok())
        .and_then(|zone| {
            zone.find_current_local_time_type()
                .ok()
                .map(tz::LocalTimeType::ut_offset)
        })
        .unwrap_or(0);
    (chrono::Utc::now() + chrono::TimeDelta::seconds(i64::from(offset))).date_naive()
}

/// Whether `chrono` may follow `TZ`: it names no file (a POSIX rule such as `CST-8`, or
/// nothing), or a regular file of a time zone's size.
fn tz_is_safe(tz: &str) -> bool {
    let name = tz.strip_prefix(':').unwrap_or(tz);
    if name.is_empty() {
        return true;
    }
    let candidates: Vec<PathBuf> = if name == "localtime" {
        vec![PathBuf::from("/etc/localtime")]
    } else if Path::new(name).is_absolute() {
        vec![PathBuf::from(name)]
    } else {
        ZONE_DIRS.iter().map(|d| Path::new(d).join(name)).collect()
    };
    // The first that exists is the one chrono would open.
    match candidates.iter().find_map(|p| std::fs::metadata(p).ok()) {
        Some(meta) => meta.is_file() && meta.len() <= MAX_TZ_FILE,
        None => true,
    }
}

fn read_zone_file(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_TZ_FILE {
        return None;
    }
    std::fs::read(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_directories_and_huge_files_are_not_time_zones() {
        assert!(!tz_is_safe("/dev/zero"));
        assert!(!tz_is_safe(":/dev/urandom"));
        assert!(!tz_is_safe("/"));
        assert!(!tz_is_safe("../../../../dev/zero"));
        assert!(tz_is_safe("CST-8"));
        assert!(tz_is_safe(""));
        assert!(tz_is_safe("/no/such/zone"));
    }
}

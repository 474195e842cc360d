//! `.ci/run`'s package step (scripts/ci-packages.sh) on machines other than a root Debian box:
//! a user with sudo, a user without it, and Ubuntu's `chromium-browser`. Every command it runs
//! is a stub on a PATH of its own that records how it was called.

use std::path::Path;
use std::process::Command;

/// A stub `name` in `dir` running `body`.
fn stub(dir: &Path, name: &str, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Run the package step with only the stubs on PATH.
fn packages(bin: &Path) -> (i32, String) {
    let out = Command::new("/bin/bash")
        .arg(crate::repo().join("scripts/ci-packages.sh"))
        .env_clear()
        .env("PATH", bin)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_ci_package_step_uses_sudo_or_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = dir.path().join("log");
    let log = log.to_str().unwrap();
    // A user (uid 1000) with git and script, no Chromium, no CJK font.
    stub(&bin, "id", "echo 1000");
    stub(&bin, "git", "exit 0");
    stub(&bin, "script", "exit 0");
    stub(&bin, "taplo", "exit 0");
    stub(&bin, "dpkg", "exit 1");
    stub(&bin, "apt-get", &format!("echo \"apt-get $*\" >> {log}"));
    // Without sudo: a clear message, exit 1, nothing run.
    let (code, stderr) = packages(&bin);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stderr,
        ".ci/run: missing: chromium fonts-wqy-microhei\n.ci/run: install them as root (apt-get install chromium fonts-wqy-microhei), or install sudo, then rerun\n"
    );
    assert!(!Path::new(log).exists());
    // With sudo: apt-get through it.
    stub(&bin, "sudo", &format!("echo \"sudo $*\" >> {log}; \"$@\""));
    let (code, stderr) = packages(&bin);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(log).unwrap(),
        "sudo apt-get update -qq\napt-get update -qq\nsudo apt-get install -y -qq chromium fonts-wqy-microhei\napt-get install -y -qq chromium fonts-wqy-microhei\n"
    );
    // Ubuntu's `chromium-browser` counts, and a present font: nothing to install.
    std::fs::remove_file(log).unwrap();
    stub(&bin, "chromium-browser", "exit 0");
    stub(&bin, "dpkg", "exit 0");
    let (code, stderr) = packages(&bin);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(!Path::new(log).exists());
}

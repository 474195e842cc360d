#!/usr/bin/env bash
# The Debian packages the tests need, installed when missing (called by .ci/run).
set -euo pipefail

# Debian packages the tests need: util-linux's `script` gives the terminal tests a pty; git
# builds the history tests' repositories; Chromium and a CJK font render the HTML report in a
# real browser (tests/cli/report.rs, which accepts `chromium` or `chromium-browser`).
missing=""
command -v script >/dev/null 2>&1 || missing="$missing bsdutils"
command -v git >/dev/null 2>&1 || missing="$missing git"
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  missing="$missing chromium"
fi
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing="$missing fonts-wqy-microhei"
# As root, install directly; otherwise through sudo when it is there; otherwise say what to
# install and stop.
if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  as_root="none"
fi
cannot() {
  echo ".ci/run: missing:$1" >&2
  echo ".ci/run: install them as root ($2), or install sudo, then rerun" >&2
  exit 1
}
if [ -n "$missing" ]; then
  [ "$as_root" = none ] && cannot "$missing" "apt-get install$missing"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo ".ci/run: missing:$missing, and this is not a Debian or Ubuntu system (no apt-get)" >&2
    echo ".ci/run: install them with the system's package manager, then rerun" >&2
    exit 1
  fi
  $as_root apt-get update -qq
  # On Ubuntu `chromium` is a snap wrapper; `chromium-browser` comes from the same package name.
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing
fi
# taplo checks the schema as an editor does (tests/cli/schema.rs), from the npm registry.
if ! command -v taplo >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1; then
    echo ".ci/run: missing: taplo, and npm to install it (apt-get install npm, then npm install -g @taplo/cli)" >&2
    exit 1
  fi
  [ "$as_root" = none ] && cannot " taplo" "npm install -g @taplo/cli"
  $as_root npm install -g --silent @taplo/cli
fi

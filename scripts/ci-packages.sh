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
if [ -n "$missing" ]; then
  # As root, apt-get directly; otherwise through sudo when it is there and needs no password
  # prompt to fail on; otherwise say what to install and stop.
  if [ "$(id -u)" -eq 0 ]; then
    as_root=""
  elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
  else
    echo ".ci/run: missing:$missing" >&2
    echo ".ci/run: install them as root (apt-get install$missing), or install sudo, then rerun" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo ".ci/run: missing:$missing, and this is not a Debian or Ubuntu system (no apt-get)" >&2
    echo ".ci/run: install them with the system's package manager, then rerun" >&2
    exit 1
  fi
  $as_root apt-get update -qq
  # On Ubuntu `chromium` is a snap wrapper; `chromium-browser` comes from the same package name.
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing
fi

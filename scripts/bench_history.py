#!/usr/bin/env python3
"""Benchmark `plan log` and `plan diff` on a git history, side by side with git itself.

    python3 scripts/bench_history.py                       # 10k items, 250 and 1,000 commits
    ITEMS=100000 COMMITS="200" RUNS=5 python3 scripts/bench_history.py

For each history it writes a plans tree of ITEMS items (cargo example `generate`), commits it,
then makes COMMITS more commits, each moving one task's deadline in one area file (round robin
over the files, fixed author and dates), as a planning office's daily edits do. It then times,
in one hyperfine run: `plan log ID` for a task of the first area file, `git log -p -- FILE` on
that file (what reading the item's history costs git itself), `plan diff HEAD~100` (or the
first commit, when the history is shorter) and `plan check`.
"""

import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("WORK", "/tmp/plan-bench-history")
ITEMS = int(os.environ.get("ITEMS", "10000"))
COMMITS = [int(c) for c in os.environ.get("COMMITS", "250 1000").split()]
RUNS = int(os.environ.get("RUNS", "10"))
PLAN = os.path.join(REPO, "target/release/plan")
GEN = os.path.join(REPO, "target/release/examples/generate")
DUE = re.compile(r"^due = 2016-(\d\d)-(\d\d)$", re.M)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def git(repo, day, *args):
    env = dict(os.environ)
    stamp = f"2016-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T10:00:00+08:00"
    env.update(
        GIT_AUTHOR_NAME="Li Ming", GIT_AUTHOR_EMAIL="li@example.org", GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_NAME="Li Ming", GIT_COMMITTER_EMAIL="li@example.org", GIT_COMMITTER_DATE=stamp,
    )
    run(["git", "-C", repo, *args], env=env, stdout=subprocess.DEVNULL)


def history(items, commits):
    repo = f"{WORK}/{items}-{commits}"
    if os.path.exists(f"{repo}/.done"):
        return repo
    run(["rm", "-rf", repo])
    os.makedirs(repo)
    run([GEN, str(items), repo], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(f"{repo}/taskwarrior.json")
    git(repo, 0, "init", "-q")
    git(repo, 0, "add", "-A")
    git(repo, 0, "commit", "-qm", "plans")
    files = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(f"{repo}/plans") for f in fs if f != "plan.toml"
    )
    for c in range(commits):
        path = files[c % len(files)]
        text = open(path, encoding="utf-8").read()
        dues = list(DUE.finditer(text))
        m = dues[(c // len(files)) % len(dues)]
        day = 1 + (int(m.group(2)) % 28)
        text = text[: m.start()] + f"due = 2016-{m.group(1)}-{day:02d}" + text[m.end():]
        open(path, "w", encoding="utf-8").write(text)
        git(repo, c + 1, "commit", "-qam", f"edit {c}")
    open(f"{repo}/.done", "w").close()
    return repo


def main():
    run(["cargo", "build", "--release", "--quiet", "--examples", "--bin", "plan"], cwd=REPO)
    rows = []
    for commits in COMMITS:
        repo = history(ITEMS, commits)
        first = sorted(os.listdir(f"{repo}/plans"))[0]
        area = f"plans/{first}/00-area.toml"
        text = open(f"{repo}/{area}", encoding="utf-8").read()
        item = re.search(r'^\[\[task\]\]\nid = "([^"]+)"', text, re.M).group(1)
        back = min(100, commits)
        cmds = [
            ("plan log ID", f"{PLAN} --plans {repo}/plans log {item}"),
            ("git log -p -- FILE", f"git -C {repo} log -p -- {area}"),
            (f"plan diff HEAD~{back}", f"{PLAN} --plans {repo}/plans diff HEAD~{back}"),
            ("plan check", f"{PLAN} --plans {repo}/plans check"),
        ]
        out = f"{WORK}/hyperfine-{ITEMS}-{commits}.json"
        args = ["hyperfine", "-N", "--warmup", "1", "--runs", str(RUNS), "--export-json", out, "-i"]
        for name, cmd in cmds:
            args += ["-n", name, cmd]
        run(args, stdout=subprocess.DEVNULL)
        results = {r["command"]: r["median"] for r in json.load(open(out))["results"]}
        git_ms = results["git log -p -- FILE"]
        check_ms = results["plan check"]
        for name, _ in cmds:
            ms = results[name]
            rows.append(
                f"| {ITEMS:,} | {commits:,} | {name} | {ms * 1000:,.0f} ms | "
                f"{ms / git_ms:.1f} | {ms / check_ms:.2f} |"
            )
    print("| items | commits | command | median | × git log -p | × plan check |")
    print("|---:|---:|---|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    sys.exit(main())

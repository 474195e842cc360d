#!/usr/bin/env python3
"""Benchmark `plan` against the serde + toml parse floor and Taskwarrior, and print the table of
docs/performance.md.

    apt-get install hyperfine taskwarrior time     # once
    python3 scripts/bench.py                       # 1k, 10k, 100k and 1M items
    SIZES="1000 100000" RUNS=20 python3 scripts/bench.py

For each size it writes a synthetic plans tree (cargo example `generate`) and the same tasks as a
Taskwarrior database, then times, side by side in one hyperfine run per size: the parse floor on
one and two threads (cargo example `parse_floor`), `plan check`, `status`, `overdue` and
`indicators`, one edit (`plan done --dry-run`, validated as a real edit), the HTML report, and
`task overdue`. History (`plan log`, `plan diff`) is measured by scripts/bench_history.py. Peak memory is GNU time's maximum resident set size.
`plan overdue --today 2017-01-01` makes every open item of the 2016 plans overdue, as every
pending 2016 task is for Taskwarrior, which reads the real clock.
"""

import json
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("WORK", "/tmp/plan-bench")
SIZES = [int(s) for s in os.environ.get("SIZES", "1000 10000 100000 1000000").split()]
RUNS = int(os.environ.get("RUNS", "15"))
PLAN = os.path.join(REPO, "target/release/plan")
GEN = os.path.join(REPO, "target/release/examples/generate")
FLOOR = os.path.join(REPO, "target/release/examples/parse_floor")


def need(tool):
    if shutil.which(tool) is None:
        sys.exit(f"{tool} is missing: apt-get install hyperfine taskwarrior time")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def commands(n):
    root = f"{WORK}/{n}/plans"
    plan = f"{PLAN} --plans {root}"
    rc = f"{WORK}/{n}/taskrc"
    return [
        ("parse floor, 1 thread", f"{FLOOR} {root} 1"),
        ("parse floor, 2 threads", f"{FLOOR} {root} 2"),
        ("plan check", f"{plan} check"),
        ("plan status", f"{plan} status --today 2017-01-01"),
        ("plan overdue", f"{plan} overdue --today 2017-01-01"),
        ("plan indicators", f"{plan} indicators --today 2017-01-01"),
        # One edit, validated as a real one is (--dry-run writes nothing, so every run is alike).
        ("plan done (one edit)", f"{plan} --today 2016-03-01 done item-0 --dry-run"),
        # The report a bureau head reads: every list cut to 30 rows.
        ("plan report html", f"{plan} report --format html --today 2017-01-01 -o /dev/null"),
        ("task overdue", f"task rc:{rc} overdue"),
    ]


def prepare(n):
    d = f"{WORK}/{n}"
    os.makedirs(d, exist_ok=True)
    run([GEN, str(n), d], stderr=subprocess.DEVNULL)
    data = f"{d}/taskdata"
    shutil.rmtree(data, ignore_errors=True)
    with open(f"{d}/taskrc", "w") as f:
        f.write(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=3.0.0\n")
    run(["task", f"rc:{d}/taskrc", "import", f"{d}/taskwarrior.json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(f"{d}/plans") for f in fs)
    files = sum(len(fs) for _, _, fs in os.walk(f"{d}/plans"))
    tasks = sum(1 for _ in open(f"{d}/taskwarrior.json"))
    return size, files, tasks


def peak_kib(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmd + " > /dev/null 2>&1"],
                         capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    for tool in ["hyperfine", "task", "/usr/bin/time"]:
        need(tool)
    run(["cargo", "build", "--release", "--quiet", "--bin", "plan", "--example", "generate", "--example", "parse_floor"], cwd=REPO)
    print(f"plan {subprocess.run([PLAN, '--version'], capture_output=True, text=True).stdout.strip()}; "
          f"{subprocess.run(['task', '--version'], capture_output=True, text=True).stdout.strip() and 'Taskwarrior ' + subprocess.run(['task', '--version'], capture_output=True, text=True).stdout.strip()}; "
          f"{os.cpu_count()} cores; hyperfine medians of {RUNS} runs after 3 warm-ups\n")
    rows = []
    for n in SIZES:
        size, files, tasks = prepare(n)
        cmds = commands(n)
        out = f"{WORK}/{n}/hyperfine.json"
        args = ["hyperfine", "-N", "-i", "-w", "3", "-r", str(RUNS), "--export-json", out]
        for name, cmd in cmds:
            args += ["-n", name, cmd]
        run(args, stdout=subprocess.DEVNULL)
        results = {r["command"]: r for r in json.load(open(out))["results"]}
        floor2 = results["parse floor, 2 threads"]["median"]
        task = results["task overdue"]["median"]
        for name, cmd in cmds:
            median = results[name]["median"]
            rows.append((n, size, files, tasks, name, median, median / floor2, task / median, peak_kib(cmd)))
    print("| items | TOML | files | tasks in Taskwarrior | command | median | × floor (2 threads) | Taskwarrior ÷ this | peak memory |")
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for n, size, files, tasks, name, median, vs_floor, vs_task, kib in rows:
        print(f"| {n:,} | {size / 1e6:.1f} MB | {files:,} | {tasks:,} | {name} | {median * 1000:,.0f} ms | "
              f"{vs_floor:.2f} | {vs_task:.1f} | {kib / 1024:,.0f} MiB |")


if __name__ == "__main__":
    main()

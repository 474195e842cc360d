#!/usr/bin/env python3
"""Time two commands against each other, alternating in random order per round.

    python3 scripts/paired.py ROUNDS 'KEPT COMMAND' 'VARIANT COMMAND' [DIR]

Each round runs both commands once (stdout to /dev/null, exit codes ignored), in an order
drawn at random, after one warm-up run of each. Prints the median wall time of each, the
variant's median over the kept one's, and the median of the per-round ratios ("paired"), which
is what docs/performance.md's "One change at a time" reports. Commands are split like a shell
would split them (shlex) and may start with VAR=value assignments.
"""

import os
import random
import shlex
import statistics
import subprocess
import sys
import time


def parse(command):
    words = shlex.split(command)
    env = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith("="):
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    return words, env


def once(words, env, cwd):
    # Write-only, as a shell's `>/dev/null`: `plan` reads a read-write /dev/null on its standard
    # output as one the runtime opened in place of a closed descriptor (subprocess.DEVNULL).
    with open(os.devnull, "w") as null:
        start = time.perf_counter()
        subprocess.run(words, env=env, cwd=cwd, stdout=null, check=False)
        return time.perf_counter() - start


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    kept, variant = parse(sys.argv[2]), parse(sys.argv[3])
    cwd = sys.argv[4] if len(sys.argv) == 5 else None
    for words, env in (kept, variant):
        once(words, env, cwd)
    times = {"kept": [], "variant": []}
    for _ in range(rounds):
        pair = [("kept", kept), ("variant", variant)]
        random.shuffle(pair)
        for name, (words, env) in pair:
            times[name].append(once(words, env, cwd))
    k, v = statistics.median(times["kept"]), statistics.median(times["variant"])
    paired = statistics.median(b / a for a, b in zip(times["kept"], times["variant"]))
    print(f"kept     {k * 1000:9.1f} ms")
    print(f"variant  {v * 1000:9.1f} ms")
    print(f"variant / kept {v / k:.3f} (paired {paired:.3f}), {rounds} rounds")


if __name__ == "__main__":
    main()

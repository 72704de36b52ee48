#!/usr/bin/env python3
"""End-to-end batch benchmark: plans per second, MB/s and peak memory of `planrules batch`.

    python3 bench/batch_bench.py [--count N] [--build DIR] [--rules DIR]... [--ruleset NAME]... [--keep FILE]

Generates N plans (default 1 000 000, about 1.75 GB) with planrules-generate, then runs
`planrules batch` over them with one worker thread pinned to one core (taskset), and with a
worker per core, and prints for each run the plans per second, MB/s, and the peak resident
memory of the process (from wait4). The input is read from the file each time (the page cache
holds it after the first run, so the first run is done twice and the warm one reported).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MB, stdout)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode()}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--build", default=os.path.join(root, "build", "default"))
    ap.add_argument("--rules", action="append", help="rule directories (default: rules/af, the national rules)")
    ap.add_argument("--ruleset", action="append", help="scope: only these rule sets (batch --ruleset)")
    ap.add_argument("--as-of", default="2024-06-01")
    ap.add_argument("--keep", help="write the generated plans here (and keep them)")
    args = ap.parse_args()
    rules = args.rules or [os.path.join(root, "rules", "af")]
    planrules = os.path.join(args.build, "cli", "planrules")
    generate = os.path.join(args.build, "bench", "generator", "planrules-generate")

    work = tempfile.mkdtemp(prefix="planrules-batch-bench-")
    try:
        plans = args.keep or os.path.join(work, "plans.jsonl")
        t, _, _ = run([generate, "--count", str(args.count), "--seed", "2024", "--as-of", args.as_of, "--out", plans])
        size = os.path.getsize(plans)
        print(f"{args.count} plans, {size / 1e6:.0f} MB ({size / args.count:.0f} bytes per plan), generated in {t:.1f} s")
        scope = f" (rule sets {', '.join(args.ruleset)})" if args.ruleset else ""
        print(f"rules: {', '.join(os.path.relpath(r, root) for r in rules)}{scope}; as of {args.as_of}; {os.cpu_count()} cores")
        base = [planrules, "batch", "--as-of", args.as_of, "--format", "json", "--no-progress"]
        for r in rules:
            base += ["--rules", r]
        for r in args.ruleset or []:
            base += ["--ruleset", r]
        taskset = shutil.which("taskset")
        runs = [("1 thread, one core", ([taskset, "-c", "0"] if taskset else []) + base + ["--threads", "1"]),
                (f"{os.cpu_count()} threads", base)]
        print(f"{'run':<22}{'plans/s':>12}{'MB/s':>9}{'seconds':>9}{'peak RSS MB':>13}")
        for i, (name, cmd) in enumerate(runs):
            if i == 0:
                run(cmd + [plans])  # warm the page cache
            wall, rss, out = run(cmd + [plans])
            summary = json.loads(out)
            assert summary["input"]["records"] == args.count, summary["input"]
            print(f"{name:<22}{args.count / wall:>12,.0f}{size / wall / 1e6:>9.1f}{wall:>9.2f}{rss:>13.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

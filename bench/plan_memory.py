#!/usr/bin/env python3
"""Peak memory of `planrules validate` on one large plan, against the plan's size.

    python3 bench/plan_memory.py [--planrules PATH] [--check RATIO]

Writes four plans (the example plan `komplett.json` as the baseline, 100 000 small activities,
about 14 MB of realistic activities, and one activity with a 10 MB `motivering`), validates each
with the shipped rules (`--format json`, the report thrown away) and prints the peak resident
memory of the process (from wait4), its ratio to the plan's size, and the ratio of what the plan
adds over the baseline run (the program, its libraries and the compiled rules) to the plan's
size. With --check RATIO it exits 1 when what a plan adds is more than RATIO times its size.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def peak_rss_mb(cmd):
    """Runs cmd (exit 0 or 1: a report); returns its peak RSS in MiB. GNU time measures it: a
    child forked from this (larger) process would count this process's pages in its peak."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%x %M", "-o", "/dev/stderr", "--quiet"] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    status, kib = proc.stderr.strip().splitlines()[-1].split()
    if int(status) not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    return int(kib) / 1024


def plans(root, work):
    """(name, path) of each plan, the baseline first."""
    with open(os.path.join(root, "examples", "plans", "komplett.json"), encoding="utf-8") as f:
        base = json.load(f)
    activity = base["aktiviteter"][0]

    def write(name, activities):
        path = os.path.join(work, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(dict(base, aktiviteter=activities), f, separators=(",", ":"))
        return name, path

    one = len(json.dumps(activity, separators=(",", ":")))
    return [
        ("baseline (komplett.json)", os.path.join(root, "examples", "plans", "komplett.json")),
        write("100 000 small activities",
              [{"id": f"A{i}", "typ": "sokaktivitet", "status": "pagaende"} for i in range(100_000)]),
        write("realistic activities, 14 MB", [dict(activity, id=f"A{i}") for i in range(14_000_000 // one)]),
        write("a 10 MB string", [dict(activity, motivering="x" * 10_000_000)]),
    ]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--planrules", default=os.path.join(root, "build", "default", "cli", "planrules"),
                    help="the command-line tool (default: the default build's)")
    ap.add_argument("--check", type=float, help="exit 1 when a plan adds more than RATIO times its size")
    args = ap.parse_args()
    planrules = args.planrules
    failed = []
    with tempfile.TemporaryDirectory(prefix="planrules-plan-memory-") as work:
        print("| plan | JSON | peak RSS | RSS / JSON | (RSS - baseline) / JSON |")
        print("|---|---|---|---|---|")
        baseline = None
        for name, path in plans(root, work):
            size = os.path.getsize(path) / 2**20
            rss = peak_rss_mb([planrules, "validate", "--rules", os.path.join(root, "rules"),
                               "--as-of", "2024-07-15", "--format", "json", path])
            if baseline is None:
                baseline = rss
                print(f"| {name} | {size * 1024:.1f} KiB | {rss:.1f} MiB | | |")
                continue
            added = (rss - baseline) / size
            print(f"| {name} | {size:.1f} MiB | {rss:.1f} MiB | {rss / size:.2f} | {added:.2f} |")
            if args.check is not None and added > args.check:
                failed.append(f"{name}: adds {added:.2f} times its size (at most {args.check})")
    for f in failed:
        print(f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

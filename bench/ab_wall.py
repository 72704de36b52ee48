#!/usr/bin/env python3
"""A/B of two commands' whole-process wall time, in alternating pairs, each run pinned to one
core (taskset), so that the ratio holds while the machine's speed drifts.

    python3 bench/ab_wall.py [--pairs N] [--cpu C] 'COMMAND A' 'COMMAND B'

Runs each command once unmeasured, then N pairs (default 15) A, B, A, B, … and prints the
median of the pairs' A/B ratios with their least and greatest. The commands' output is
discarded; a command that fails stops the run."""
import argparse, shlex, statistics, subprocess, time

ap = argparse.ArgumentParser()
ap.add_argument("--pairs", type=int, default=15)
ap.add_argument("--cpu", default="1")
ap.add_argument("a")
ap.add_argument("b")
args = ap.parse_args()


def timed(command):
    start = time.monotonic()
    subprocess.run(["taskset", "-c", args.cpu, *shlex.split(command)], stdout=subprocess.DEVNULL, check=True)
    return time.monotonic() - start


timed(args.a)
timed(args.b)
ratios = []
for _ in range(args.pairs):
    a = timed(args.a)
    b = timed(args.b)
    ratios.append(a / b)
print(f"{len(ratios)} pairs, A/B wall median {statistics.median(ratios):.3f} ({min(ratios):.2f}–{max(ratios):.2f})")

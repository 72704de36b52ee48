#!/usr/bin/env python3
"""Compares the summary of `planrules batch --format json` with the truth file of
planrules-generate: records, plans, malformed lines, per-rule counts (all plans and per
municipality) and the key figures must agree exactly. Exit status 1 on any difference.

    python3 bench/generator/compare_batch.py TRUTH.json BATCH.json
"""
import json
import sys

OUTCOMES = ["violated", "indeterminate", "passed", "not_applicable", "not_in_force"]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        truth = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        batch = json.load(f)
    diffs = []

    def same(what, expected, actual):
        if expected != actual:
            diffs.append(f"{what}: truth {expected!r}, batch {actual!r}")

    same("as_of", truth["as_of"], batch["as_of"])
    same("records", truth["count"], batch["input"]["records"])
    same("plans", truth["plans"], batch["input"]["plans"])
    malformed = truth["malformed"]
    same("not_json count", len(malformed["not_json"]), batch["input"]["not_json"])
    same("not_json lines", malformed["not_json"], [r["line"] for r in batch["input"]["not_json_records"]])
    same("invalid_input count", len(malformed["invalid"]), batch["input"]["invalid_input"])
    same("invalid_input lines", malformed["invalid"], batch["input"]["invalid_input_lines"])

    def rules_of(entries):
        return {r["rule"]: {k: r[k] for k in OUTCOMES} for r in entries}

    def compare_rules(scope, expected, actual):
        for rule in sorted(set(expected) | set(actual)):
            same(f"{scope} {rule}", expected.get(rule), actual.get(rule))

    compare_rules("all", truth["rules"], rules_of(batch["rules"]))
    groups = {g["value"]: g for g in batch["groups"]}
    for code, t in truth["by_kommun"].items():
        value = "" if code == "(saknas)" else code
        g = groups.pop(value, None)
        if g is None:
            diffs.append(f"kommun {code}: in the truth, not in the batch summary")
            continue
        same(f"kommun {code} plans", t["plans"], g["plans"])
        compare_rules(f"kommun {code}", t["rules"], rules_of(g["rules"]))
    for value in groups:
        diffs.append(f"kommun {value!r}: in the batch summary, not in the truth")
    figures = {k["id"]: k for k in batch["key_figures"]}
    for name, t in truth["key_figures"].items():
        k = figures.get(name)
        if k is None:
            diffs.append(f"key figure {name}: not in the batch summary")
            continue
        same(f"key figure {name}", (t["numerator"], t["denominator"]), (k["numerator"], k["denominator"]))

    for d in diffs:
        print(d)
    if diffs:
        print(f"compare_batch: {len(diffs)} differences")
        return 1
    print(f"compare_batch: {truth['count']} records, {len(truth['rules'])} rules, "
          f"{len(truth['by_kommun'])} municipalities, {len(truth['key_figures'])} key figures: all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())

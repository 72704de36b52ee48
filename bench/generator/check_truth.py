#!/usr/bin/env python3
"""Check a generated population against the engine: run `planrules validate --format json` on
every record of PLANS.jsonl and compare the tallies with the generator's truth file.

    check_truth.py PLANS.jsonl TRUTH.json [--planrules PATH] [--rules DIR]
                   [--truth-plans FILE.jsonl] [--chunk N] [--jobs N] [--keep DIR]

Each line becomes one plan file; the files are validated in chunks (the CLI takes several plan
files and prints one JSON line per file). A record whose report is an `invalid-json` error is
"not_json"; a report with a PLAN-FORMAT finding (outcome invalid_input) is "invalid" and still
counts as a plan, as the engine evaluates its rules. Per plan and rule the outcome is:
violated if any finding of the rule is violated, else indeterminate if any finding is
indeterminate, else passed, not_applicable or not_in_force as the report's rule lists say.

With --truth-plans (the generator's per-plan outcomes) every differing plan is listed.
Exit status: 0 the engine agrees with the truth exactly, 1 a difference, 2 usage or I/O error.
Standard library only.
"""

import argparse
import collections
import concurrent.futures
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

OUTCOMES = ("violated", "indeterminate", "passed", "not_applicable", "not_in_force")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MISSING_KOMMUN = "(saknas)"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("plans", help="the generated JSON Lines")
    p.add_argument("truth", help="the generator's --truth file")
    p.add_argument("--planrules", default=os.path.join(ROOT, "build", "default", "cli", "planrules"),
                   help="the planrules CLI (default: build/default/cli/planrules)")
    p.add_argument("--rules", default=os.path.join(ROOT, "rules"), help="the rules folder (default: rules/)")
    p.add_argument("--truth-plans", help="the generator's --truth-plans file, to list differing plans")
    p.add_argument("--chunk", type=int, default=500, help="plan files per planrules run (default 500)")
    p.add_argument("--jobs", type=int, default=2, help="planrules runs at a time (default 2)")
    p.add_argument("--keep", help="write the plan files and reports into this folder and keep them")
    return p.parse_args()


def run_chunk(cli, rules, as_of, files):
    cmd = [cli, "validate", "--rules", rules, "--as-of", as_of, "--format", "json"] + files
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # 0: no error findings, 1: error findings, 2: some plan file is not a plan (reported per file)
    if proc.returncode not in (0, 1, 2):
        raise RuntimeError(f"planrules exited with {proc.returncode}: {proc.stderr.decode(errors='replace')[:2000]}")
    reports = {}
    for raw in proc.stdout.decode("utf-8").splitlines():
        if raw.strip():
            report = json.loads(raw)
            reports[report["file"]] = report
    missing = [f for f in files if f not in reports]
    if missing:
        raise RuntimeError(f"no report for {len(missing)} files, e.g. {missing[0]} (exit {proc.returncode}): "
                           f"{proc.stderr.decode(errors='replace')[:2000]}")
    return reports


def classify(report, rule_ids):
    """Per rule: one outcome for the plan."""
    findings = collections.defaultdict(set)
    for f in report["findings"]:
        findings[f["rule"]].add(f["outcome"])
    lists = report["rules"]
    sets = {k: set(lists.get(k, [])) for k in ("evaluated", "passed", "not_applicable", "not_in_force")}
    result = {}
    problems = []
    for rule in rule_ids:
        outs = findings.get(rule, set())
        if "violated" in outs:
            result[rule] = "violated"
        elif "indeterminate" in outs:
            result[rule] = "indeterminate"
        elif outs:
            problems.append(f"{rule}: unexpected finding outcomes {sorted(outs)}")
            result[rule] = "?"
        elif rule in sets["passed"]:
            result[rule] = "passed"
        elif rule in sets["not_applicable"]:
            result[rule] = "not_applicable"
        elif rule in sets["not_in_force"]:
            result[rule] = "not_in_force"
        else:
            problems.append(f"{rule}: in no list of the report")
            result[rule] = "?"
        # consistency of the report's own lists
        if outs and rule not in sets["evaluated"]:
            problems.append(f"{rule}: has findings but is not listed as evaluated")
        if outs and rule in sets["passed"]:
            problems.append(f"{rule}: has findings but is listed as passed")
    return result, problems


def parse_date(value):
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def empty_counts(rule_ids):
    return {rule: dict.fromkeys(OUTCOMES, 0) for rule in rule_ids}


def main():
    args = parse_args()
    if not os.path.isfile(args.planrules) or not os.access(args.planrules, os.X_OK):
        print(f"check_truth: no planrules CLI at {args.planrules}", file=sys.stderr)
        return 2
    with open(args.truth, encoding="utf-8") as f:
        truth = json.load(f)
    as_of = truth["as_of"]
    as_of_date = datetime.date.fromisoformat(as_of)
    rule_ids = list(truth["rules"].keys())

    workdir = args.keep or tempfile.mkdtemp(prefix="planrules-check-")
    os.makedirs(workdir, exist_ok=True)
    try:
        # one file per record; remember what the check needs from the record itself
        files = []
        records = {}  # line -> parsed object or None
        with open(args.plans, "rb") as f:
            for number, raw in enumerate(f, start=1):
                line = raw.rstrip(b"\n")
                if not line.strip():
                    continue  # blank lines are skipped, not records
                path = os.path.join(workdir, f"p{number:08d}.json")
                with open(path, "wb") as out:
                    out.write(line)
                files.append((number, path))
                try:
                    records[number] = json.loads(line.decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    records[number] = None

        chunks = [files[i:i + args.chunk] for i in range(0, len(files), args.chunk)]
        reports = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(run_chunk, args.planrules, args.rules, as_of, [p for _, p in chunk])
                       for chunk in chunks]
            for future in futures:
                reports.update(future.result())
        if args.keep:
            with open(os.path.join(workdir, "reports.jsonl"), "w", encoding="utf-8") as out:
                for _, path in files:
                    out.write(json.dumps(reports[path], ensure_ascii=False) + "\n")

        not_json, invalid = [], []
        counts = empty_counts(rule_ids)
        by_kommun = {}
        plan_outcomes = {}
        report_problems = []
        registered, registered_established = 0, 0
        established_30d = [0, 0]  # AF-30D passed, evaluated, among established plans
        for number, path in files:
            report = reports[path]
            if "error" in report:
                codes = {d.get("code") for d in report.get("diagnostics", [])}
                if "invalid-json" not in codes:
                    report_problems.append(f"line {number}: unexpected error {report['error']!r} {sorted(codes)}")
                not_json.append(number)
                continue
            if any(f["rule"] == "PLAN-FORMAT" and f["outcome"] == "invalid_input" for f in report["findings"]):
                invalid.append(number)
            outcome, problems = classify(report, rule_ids)
            report_problems += [f"line {number}: {p}" for p in problems]
            plan_outcomes[number] = outcome
            record = records.get(number) or {}
            sokande = record.get("sokande") if isinstance(record.get("sokande"), dict) else {}
            kommun = sokande.get("kommun") if isinstance(sokande.get("kommun"), str) else MISSING_KOMMUN
            k = by_kommun.setdefault(kommun, {"plans": 0, "rules": empty_counts(rule_ids)})
            k["plans"] += 1
            for rule, out in outcome.items():
                if out in OUTCOMES:
                    counts[rule][out] += 1
                    k["rules"][rule][out] += 1
            established = record.get("status") in ("upprattad", "avslutad")
            inskrivning = parse_date(sokande.get("inskrivningsdatum"))
            if inskrivning is not None and inskrivning + datetime.timedelta(days=30) <= as_of_date:
                registered += 1
                registered_established += established
            if established and outcome.get("AF-30D") in ("passed", "violated", "indeterminate"):
                established_30d[1] += 1
                established_30d[0] += outcome["AF-30D"] == "passed"

        differences = []

        def compare(what, expected, actual):
            if expected != actual:
                differences.append(f"{what}: truth {expected}, engine {actual}")

        compare("count (records)", truth["count"], len(files))
        compare("plans", truth["plans"], len(files) - len(not_json))
        compare("malformed.not_json", truth["malformed"]["not_json"], not_json)
        compare("malformed.invalid", truth["malformed"]["invalid"], invalid)
        for rule in rule_ids:
            for out in OUTCOMES:
                compare(f"rules.{rule}.{out}", truth["rules"][rule][out], counts[rule][out])
        for kommun in sorted(set(truth["by_kommun"]) | set(by_kommun)):
            t = truth["by_kommun"].get(kommun)
            e = by_kommun.get(kommun)
            if t is None or e is None:
                differences.append(f"by_kommun.{kommun}: only in {'engine' if t is None else 'truth'}")
                continue
            compare(f"by_kommun.{kommun}.plans", t["plans"], e["plans"])
            for rule in rule_ids:
                for out in OUTCOMES:
                    compare(f"by_kommun.{kommun}.{rule}.{out}", t["rules"][rule][out], e["rules"][rule][out])

        # the key figures as planrules batch defines them (docs/batch.md)
        figures = {}
        for name, rule in (("stodbehov_bedomt", "HP-6.1"), ("aktiviteter_motiverade", "HP-6.3"),
                           ("reviderad_inom_6_manader", "AF-6M")):
            c = counts[rule]
            figures[name] = (c["passed"], c["passed"] + c["violated"] + c["indeterminate"])
        figures["upprattad_inom_30_dagar"] = tuple(established_30d)
        figures["inskriven_30_dagar_med_plan"] = (registered_established, registered)
        for name, (num, den) in figures.items():
            t = truth["key_figures"][name]
            compare(f"key_figures.{name}", (t["numerator"], t["denominator"]), (num, den))

        if args.truth_plans:
            with open(args.truth_plans, encoding="utf-8") as f:
                for raw in f:
                    expected = json.loads(raw)
                    number = expected["line"]
                    actual = plan_outcomes.get(number)
                    if actual is None:
                        differences.append(f"line {number}: in the per-plan truth but not a plan for the engine")
                        continue
                    for rule, out in expected["outcomes"].items():
                        if actual.get(rule) != out:
                            differences.append(f"line {number} {rule}: truth {out}, engine {actual.get(rule)}")

        for problem in report_problems:
            print(f"report: {problem}")
        for difference in differences:
            print(f"DIFFERENCE {difference}")
        violated = {rule: counts[rule]["violated"] for rule in rule_ids}
        print(f"{args.plans}: as of {as_of}, {len(files)} records, {len(not_json)} not JSON, "
              f"{len(invalid)} invalid; violated per rule: "
              + ", ".join(f"{rule} {n}" for rule, n in violated.items()))
        if differences or report_problems:
            print(f"MISMATCH: {len(differences)} differences, {len(report_problems)} report problems")
            return 1
        print("OK: the engine agrees with the truth exactly")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

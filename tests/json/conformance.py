#!/usr/bin/env python3
"""JSON conformance of `planrules validate`: every case of tests/json/corpus placed in a plan.

Each corpus file holds one JSON text: `y_*.json` must be accepted as JSON (RFC 8259), `n_*.json`
rejected. A case is placed at one position of a template plan (by text substitution, so its bytes
reach the engine unchanged), the plan is validated with `planrules validate --format json`, and
the output is checked:

  n_ cases   exit status 2, one stdout line {"plan": null, "error": "...", "diagnostics": [...]}
             whose first diagnostic has code "invalid-json" and a line/column inside the file;
  y_ cases   exit status 0 or 1, one stdout line with a "findings" array and no "error" key
             (at position `whole` a valid JSON text that is not an object is a plan without
             fields: exit status 1 and a PLAN-FORMAT finding at the pointer "", as
             docs/plan-format.md says);
  every case stdout is strict JSON (UTF-8, no NaN/Infinity, no lone surrogates), no signal, no
             timeout. At position `sensitive` the plan is also validated with --audience kommun:
             no finding may point into /sokande/funktionsnedsattning and the case's text may not
             appear in stdout or stderr.

Before the engine runs, every placed plan is checked with a strict reference checker (Python's
json module with its three leniencies closed); a case whose plan disagrees with its y_/n_ label
is a corpus error.

Usage (from the repository root):
  python3 tests/json/conformance.py --planrules build/default/cli/planrules --rules rules --position int
  python3 tests/json/conformance.py --planrules ... --rules rules --position all
  python3 tests/json/conformance.py --list-positions
  python3 tests/json/conformance.py --check-corpus     # the corpus alone, no planrules needed
  python3 tests/json/conformance.py --planrules ... --rules rules --batch   # one population, planrules batch

Exit status: 0 when every case passes, 1 when some case fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass

from placement import POSITIONS, Node, TemplateError, parse_spans, position_text
from strict_json import strict_lines, strict_parse, strings_in

AS_OF = "2024-07-15"
TIMEOUT_SECONDS = 10
WORKERS = 2
WHOLE_ONLY = "__whole_only"
SENSITIVE_PREFIX = "/sokande/funktionsnedsattning"
LEAK_MIN_BYTES = 4  # the raw case text is looked for in the output when longer than 3 bytes


# ------------------------------------------------------------------ checks of the engine's output

@dataclass
class Case:
    name: str  # file name without .json
    data: bytes

    @property
    def label(self) -> str:
        return self.name[0]

    @property
    def whole_only(self) -> bool:
        return WHOLE_ONLY in self.name


@dataclass
class Job:
    position: str
    case: Case
    plan: bytes
    expect: str  # "plan" (a report) or "error" (the plan is not JSON)
    not_object: bool = False  # JSON, but not an object: a PLAN-FORMAT finding at ""
    plan_path: str = ""
    corpus_error: str = ""
    prefix: bytes = b""
    suffix: bytes = b""


@dataclass
class Outcome:
    job: Job
    failures: list[str]
    notes: list[str]


def _line_count(data: bytes) -> int:
    crlf = data.count(b"\r\n")
    return data.count(b"\n") + data.count(b"\r") - crlf + 1


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _run(args, plan_path: str, audience: str | None):
    cmd = [args.planrules, "validate", "--rules", args.rules, "--as-of", args.as_of, "--format", "json"]
    if audience:
        cmd += ["--audience", audience]
    cmd.append(plan_path)
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b"", f"did not finish within {args.timeout} s (killed)"
    return proc.returncode, proc.stdout, proc.stderr, ""


def _signal_name(rc: int) -> str:
    try:
        return signal.Signals(-rc).name
    except ValueError:
        return f"signal {-rc}"


def check_output(job: Job, rc, stdout: bytes, stderr: bytes, error: str) -> tuple[list[str], list[str], object]:
    """(failures, notes, the parsed report or None)."""
    failures, notes = [], []
    if error:
        return [error], notes, None
    if rc < 0:
        failures.append(f"killed by {_signal_name(rc)}")
    try:
        stderr.decode("utf-8")
    except UnicodeDecodeError as e:
        notes.append(f"stderr is not valid UTF-8 (byte {e.start})")
    failures += strict_lines(stdout)

    if job.expect == "error" and rc != 2:
        failures.append(f"exit status {rc}, expected 2 (the plan is not JSON)")
    if job.expect == "plan" and rc not in (0, 1):
        failures.append(f"exit status {rc}, expected 0 or 1 (the plan is JSON)")
    if job.not_object and rc != 1:
        failures.append(f"exit status {rc}, expected 1 (JSON that is not an object is a PLAN-FORMAT finding)")

    body = stdout[:-1] if stdout.endswith(b"\n") else stdout
    if not body or b"\n" in body:
        failures.append(f"stdout has {len(stdout.splitlines())} lines, expected exactly one")
        return failures, notes, None
    ok, report = strict_parse(body, whole_document=False)
    if not ok:
        return failures, notes, None  # already reported by strict_lines
    if not isinstance(report, dict):
        failures.append("stdout is not a JSON object")
        return failures, notes, None

    if job.expect == "error":
        if "plan" not in report or report["plan"] is not None:
            failures.append('the report lacks "plan": null')
        if not isinstance(report.get("error"), str):
            failures.append('the report lacks an "error" string')
        diags = report.get("diagnostics")
        if not isinstance(diags, list) or not diags or not isinstance(diags[0], dict):
            failures.append('the report lacks a "diagnostics" array with a first diagnostic')
        else:
            d = diags[0]
            if d.get("code") != "invalid-json":
                failures.append(f'first diagnostic has code {d.get("code")!r}, expected "invalid-json"')
            line, column = d.get("line"), d.get("column")
            lines = _line_count(job.plan)
            if not _is_int(line) or line < 1 or line > lines:
                failures.append(f"diagnostic line {line!r} is not within 1..{lines}")
            if not _is_int(column) or column < 1:
                failures.append(f"diagnostic column {column!r} is not an integer >= 1")
        if "findings" in report:
            failures.append('the error report has "findings"')
    else:
        if "error" in report:
            failures.append(f'the report has "error": {str(report["error"])[:160]!r}')
        findings = report.get("findings")
        if not isinstance(findings, list):
            failures.append('the report lacks a "findings" array')
        else:
            for k, f in enumerate(findings):
                problem = _finding_shape(f)
                if problem:
                    failures.append(f"finding {k}: {problem}")
                    break
            if job.not_object and not any(isinstance(f, dict) and f.get("rule") == "PLAN-FORMAT"
                                          and f.get("pointer") == "" for f in findings):
                failures.append('no PLAN-FORMAT finding at the pointer "" for a plan that is not an object')
    return failures, notes, report


def _finding_shape(f) -> str:
    if not isinstance(f, dict):
        return "not an object"
    if not isinstance(f.get("rule"), str) or not f["rule"]:
        return 'no "rule" string'
    if f.get("severity") not in ("error", "warning", "info"):
        return f'"severity" is {f.get("severity")!r}'
    if f.get("outcome") not in ("violated", "indeterminate", "invalid_input"):
        return f'"outcome" is {f.get("outcome")!r}'
    if f["rule"] == "PLAN-FORMAT" and f["outcome"] != "invalid_input":
        return f'a PLAN-FORMAT finding with outcome {f["outcome"]!r}'
    if "pointer" in f and not isinstance(f["pointer"], str):
        return '"pointer" is not a string'
    return ""


def _contains(needle: bytes, stdout: bytes, stderr: bytes, report) -> str:
    """Where the raw case text shows in the output ('' if nowhere). Inside stdout's JSON strings
    the text is looked for decoded, since the report escapes it there."""
    if needle in stdout:
        return "stdout"
    if needle in stderr:
        return "stderr"
    text = needle.decode("utf-8", errors="replace")
    if report is not None and any(text in s for s in strings_in(report)):
        return "a string in stdout"
    return ""


def check_sensitive(job: Job, stdout: bytes, stderr: bytes, report, baseline: bytes) -> list[str]:
    failures = []
    if isinstance(report, dict) and isinstance(report.get("findings"), list):
        for f in report["findings"]:
            if not isinstance(f, dict):
                continue
            pointers = [f.get("pointer")]
            pointers += [e.get("pointer") for e in f.get("evidence") or [] if isinstance(e, dict)]
            bad = [p for p in pointers if isinstance(p, str) and p.startswith(SENSITIVE_PREFIX)]
            if bad:
                failures.append(f"a {f.get('rule')} finding points to {bad[0]} (sensitive)")
                break
    needle = job.case.data
    # Text that the output holds anyway (the rest of the plan, the report's own words) says
    # nothing about a leak: such cases (`null`, `true`, ...) are not looked for.
    if (len(needle) >= LEAK_MIN_BYTES and needle not in job.prefix and needle not in job.suffix
            and needle not in baseline):
        where = _contains(needle, stdout, stderr, report)
        if where:
            failures.append(f"the case text (a sensitive value) appears in {where}")
    return failures


# ------------------------------------------------------------------ driver

def load_corpus(directory: str) -> list[Case]:
    cases = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json") or not name.startswith(("y_", "n_")):
            continue
        with open(os.path.join(directory, name), "rb") as fh:
            cases.append(Case(name[:-5], fh.read()))
    return cases


def prepare(position: str, cases: list[Case], template: bytes, root: Node, workdir: str) -> list[Job]:
    prefix, suffix = position_text(template, root, position)
    jobs = []
    os.makedirs(os.path.join(workdir, position), exist_ok=True)
    for k, case in enumerate(cases):
        if case.whole_only and position != "whole":
            continue
        plan = prefix + case.data + suffix
        job = Job(position, case, plan, "plan", prefix=prefix, suffix=suffix)
        try:
            ok, value = strict_parse(plan, whole_document=True)
        except RuntimeError as e:
            ok, value = None, str(e)
        if ok is None:
            job.corpus_error = f"corpus: {value}"
        elif ok != (case.label == "y"):
            job.corpus_error = ("corpus: labelled y_ but the strict checker rejects the plan: " + value
                                if case.label == "y" else
                                "corpus: labelled n_ but the strict checker accepts the plan")
        elif not ok:
            job.expect = "error"
        elif not isinstance(value, dict):
            job.not_object = True
        # a number only: the file name appears in the output (the leak check looks there)
        job.plan_path = os.path.join(workdir, position, f"{k:04d}.json")
        with open(job.plan_path, "wb") as fh:
            fh.write(plan)
        jobs.append(job)
    return jobs


def run_job(args, job: Job, baseline: bytes) -> Outcome:
    if job.corpus_error or args.check_corpus:  # --check-corpus: the strict checker only
        return Outcome(job, [job.corpus_error] if job.corpus_error else [], [])
    rc, out, err, error = _run(args, job.plan_path, None)
    failures, notes, _ = check_output(job, rc, out, err, error)
    if job.position == "sensitive":
        rc, out, err, error = _run(args, job.plan_path, "kommun")
        more, more_notes, report = check_output(job, rc, out, err, error)
        more += check_sensitive(job, out, err, report, baseline) if not error else []
        failures += [f"--audience kommun: {m}" for m in more]
        notes += [f"--audience kommun: {m}" for m in more_notes]
    return Outcome(job, failures, notes)


def sensitive_baseline(args, template: bytes, root: Node, workdir: str) -> bytes:
    """What the kommun report holds anyway, for a valid and for an invalid value."""
    prefix, suffix = position_text(template, root, "sensitive")
    texts = []
    for k, value in enumerate((b'"qqqqqqqq"', b'"qqqqqqqq')):
        path = os.path.join(workdir, f"baseline-{k}.json")
        with open(path, "wb") as fh:
            fh.write(prefix + value + suffix)
        _, out, err, _ = _run(args, path, "kommun")
        texts += [out, err]
    return b"\n".join(texts)


def run_batch(args, cases: list[Case], template: bytes) -> list[str]:
    """Every case at every position as one line of a JSON Lines population (a one-line template;
    cases with a line break or marked __whole_only left out), through `planrules batch
    --findings --format json`: the summary and every findings line are strict JSON, one findings
    line per record, an error line for each n_ case and a report for each y_ case."""
    compact = json.dumps(json.loads(template), ensure_ascii=False).encode()
    root = parse_spans(compact)
    records, labels = [], []
    for position in POSITIONS:
        prefix, suffix = position_text(compact, root, position)
        for case in cases:
            if case.whole_only or b"\n" in case.data or b"\r" in case.data or not case.data.strip():
                continue
            records.append(prefix + case.data + suffix)
            labels.append((position, case))
    for name in sorted(os.listdir("examples/plans")):  # and the example plans that are JSON
        with open(os.path.join("examples/plans", name), "rb") as fh:
            ok, value = strict_parse(fh.read(), whole_document=True)
        if ok:
            records.append(json.dumps(value, ensure_ascii=False).encode())
            labels.append(("example", Case("y_" + name[:-5], b"")))
    failures = []
    # the diagnostics of rule files, as JSON and as SARIF, are JSON too
    for fmt in ("json", "sarif"):
        proc = subprocess.run([args.planrules, "check", "--format", fmt, args.rules, "tests/golden/diagnostics"],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        ok, why = strict_parse(proc.stdout, whole_document=False)
        if not ok:
            failures.append(f"check --format {fmt}: the output is not strict JSON: {why}")
    with tempfile.TemporaryDirectory(prefix="planrules-json-batch-") as workdir:
        population, findings = os.path.join(workdir, "plans.jsonl"), os.path.join(workdir, "findings.jsonl")
        with open(population, "wb") as fh:
            fh.write(b"\n".join(records) + b"\n")
        cmd = [args.planrules, "batch", "--rules", args.rules, "--as-of", args.as_of, "--findings", findings,
               "--format", "json", "--no-progress", population]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            return ["batch: did not finish within 120 s"]
        if proc.returncode != 0:
            failures.append(f"batch: exit status {proc.returncode}, expected 0")
        ok, summary = strict_parse(proc.stdout, whole_document=False)
        if not ok:
            return failures + [f"batch: the summary is not strict JSON: {summary}"]
        with open(findings, "rb") as fh:
            lines = fh.read().split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        if len(lines) != len(records):
            return failures + [f"batch: {len(lines)} findings lines for {len(records)} records"]
        for line, (position, case) in zip(lines, labels):
            ok, report = strict_parse(line, whole_document=False)
            if not ok:
                failures.append(f"batch {position} {case.name}: the findings line is not strict JSON: {report}")
            elif case.label == "n" and not (isinstance(report, dict) and report.get("plan", 0) is None and "error" in report):
                failures.append(f"batch {position} {case.name}: accepted as a plan, but it is not JSON")
            elif case.label == "y" and not (isinstance(report, dict) and isinstance(report.get("findings"), list)):
                failures.append(f"batch {position} {case.name}: refused, but it is JSON")
        n_count = sum(1 for _, c in labels if c.label == "n")
        got = summary.get("input", {}).get("not_json") if isinstance(summary, dict) else None
        if got != n_count:
            failures.append(f"batch: the summary counts {got} records that are not JSON, expected {n_count}")
    print(f"batch: {len(records)} records ({n_count} not JSON), {len(failures)} failures")
    return failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--planrules", help="the planrules binary")
    ap.add_argument("--rules", default="rules", help="the rules directory (default: rules)")
    ap.add_argument("--position", help="a position name, or all (see --list-positions)")
    ap.add_argument("--corpus", default="tests/json/corpus")
    ap.add_argument("--template", default="examples/plans/komplett.json")
    ap.add_argument("--as-of", default=AS_OF)
    ap.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds per run (default 10)")
    ap.add_argument("--case", action="append", default=[], help="only cases whose name contains this (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="also print the notes (stderr not UTF-8)")
    ap.add_argument("--list-positions", action="store_true")
    ap.add_argument("--batch", action="store_true",
                    help="instead: every case at every position as one population through planrules batch")
    ap.add_argument("--check-corpus", action="store_true",
                    help="only check the corpus with the strict checker at the positions (no planrules run)")
    args = ap.parse_args(argv)

    if args.list_positions:
        for name, (_, description) in POSITIONS.items():
            print(f"{name:10} {description}")
        return 0
    if args.check_corpus and not args.position:
        args.position = "all"
    if args.batch and not args.position:
        args.position = "all"
    if not args.position or not (args.planrules or args.check_corpus):
        ap.error("--planrules and --position are required")
    if args.position != "all" and args.position not in POSITIONS:
        ap.error(f"unknown position {args.position!r}; one of: all, {', '.join(POSITIONS)}")
    if not args.check_corpus and not os.access(args.planrules, os.X_OK):
        ap.error(f"{args.planrules} is not an executable file")
    positions = list(POSITIONS) if args.position == "all" else [args.position]

    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # big integers are JSON numbers too
    try:
        with open(args.template, "rb") as fh:
            template = fh.read()
        root = parse_spans(template)
        cases = load_corpus(args.corpus)
    except (OSError, TemplateError, ValueError) as e:
        print(f"conformance.py: {e}", file=sys.stderr)
        return 2
    if args.case:
        cases = [c for c in cases if any(s in c.name for s in args.case)]
    if not cases:
        print(f"conformance.py: no cases in {args.corpus}", file=sys.stderr)
        return 2

    if args.batch:
        failures = run_batch(args, cases, template)
        for f in failures:
            print(f"FAIL {f}")
        return 1 if failures else 0

    total_failed = total_run = total_notes = 0
    summary = []
    with tempfile.TemporaryDirectory(prefix="planrules-json-") as workdir:
        baseline = (sensitive_baseline(args, template, root, workdir)
                    if "sensitive" in positions and not args.check_corpus else b"")
        for position in positions:
            jobs = prepare(position, cases, template, root, workdir)
            with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
                outcomes = list(pool.map(lambda j: run_job(args, j, baseline), jobs))
            failed = 0
            for o in outcomes:
                if o.failures:
                    failed += 1
                    print(f"FAIL {position} {o.job.case.name}: {'; '.join(o.failures)}", flush=True)
                if o.notes:
                    total_notes += 1
                    if args.verbose:
                        print(f"NOTE {position} {o.job.case.name}: {'; '.join(o.notes)}", flush=True)
            n_y = sum(1 for j in jobs if j.case.label == "y")
            summary.append(f"  {position:10} {len(jobs):4} cases ({n_y} y_, {len(jobs) - n_y} n_): "
                           f"{len(jobs) - failed} passed, {failed} failed")
            total_failed += failed
            total_run += len(jobs)

    print(f"summary: {total_run} runs of {len(cases)} cases, {total_run - total_failed} passed, "
          f"{total_failed} failed" + (f"; {total_notes} with notes (--verbose)" if total_notes else ""))
    print("\n".join(summary))
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())

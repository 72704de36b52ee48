"""A strict reference JSON checker (RFC 8259): Python's json module with its three leniencies
closed (NaN/Infinity, lone surrogates, unbalanced text after a value). Used by conformance.py to
check the corpus's labels and everything planrules writes."""

from __future__ import annotations

import json

class StrictJSONError(ValueError):
    pass


def _reject_constant(name: str):
    raise StrictJSONError(f"{name} is not JSON")


def _balanced_outside_strings(text: str) -> bool | None:
    """Bracket balance without recursion (for texts too deep for the json module).
    False: certainly not JSON. None: balanced, so this check cannot decide."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth < 0:
                return False
    return None if depth == 0 and not in_string else False


def strings_in(value) -> list[str]:
    """Every string of a parsed JSON value, keys included; iterative, as deep cases would exhaust
    Python's recursion limit."""
    out, stack = [], [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, dict):
            out.extend(v.keys())
            stack.extend(v.values())
    return out


def strict_parse(data: bytes, whole_document: bool) -> tuple[bool, object]:
    """(True, value) when `data` is one JSON text per RFC 8259, else (False, reason).
    A leading UTF-8 BOM is ignored only for a whole document (RFC 8259 section 8.1)."""
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        return False, f"not UTF-8 ({e.reason} at byte {e.start})"
    if whole_document and text.startswith("\ufeff"):
        text = text[1:]
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        if _balanced_outside_strings(text) is False:
            return False, "unbalanced brackets (too deep for the json module)"
        raise RuntimeError("the strict checker cannot decide: nesting too deep for the json module")
    except ValueError as e:  # json.JSONDecodeError, StrictJSONError, int digit limits
        return False, str(e)
    for s in strings_in(value):
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:
            return False, "a lone surrogate escape in a string"
    return True, value


def strict_lines(data: bytes) -> list[str]:
    """Reasons why some line of `data` is not strict JSON (empty: all lines are)."""
    problems = []
    for i, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        ok, reason = strict_parse(line, whole_document=False)
        if not ok:
            problems.append(f"stdout line {i} is not strict JSON: {reason}")
    return problems

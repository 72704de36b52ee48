"""Placing a JSON conformance case at one position of the template plan, by text substitution,
so that the case's bytes reach the engine unchanged. Used by conformance.py."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

DEEP_LEVELS = 70  # deeper than the plan loader's nesting limit (PlanLimits::max_depth = 64)

# name -> (path of keys in the plan, description). `whole` has no path.
POSITIONS: dict[str, tuple[tuple[str, ...] | None, str]] = {
    "whole": (None, "the plan file is the case itself (the only position for __whole_only cases)"),
    "string": (("sokande", "id"), "the value of sokande.id (string)"),
    "int": (("version",), "the value of version (int)"),
    "decimal": (("sokande", "jobbchans", "procent"), "the value of sokande.jobbchans.procent (decimal)"),
    "date": (("senast_reviderad",), "the value of senast_reviderad (date)"),
    "bool": (("sokande", "tillfalligt_arbete"), "the value of sokande.tillfalligt_arbete (bool)"),
    "list": (("skyldigheter",), "the value of skyldigheter (list<string>)"),
    "record": (("stodbehov",), "the value of stodbehov (record)"),
    "unknown": (("okand_nyckel",), "a new top-level key okand_nyckel (unknown to the schema)"),
    "deep": (("djup",), f"a new top-level key djup: {DEEP_LEVELS} nested arrays around the case"),
    "sensitive": (("sokande", "funktionsnedsattning", "kod"),
                  "sokande.funktionsnedsattning.kod (sensitive); also run with --audience kommun"),
}


@dataclass
class Node:
    kind: str  # object, array, scalar
    start: int
    end: int
    members: list = field(default_factory=list)  # objects: (key, Node)


class TemplateError(ValueError):
    pass


def parse_spans(data: bytes) -> Node:
    """Byte spans of the template's values (the template is trusted, ordinary JSON)."""
    ws = b" \t\r\n"

    def skip(i: int) -> int:
        while i < len(data) and data[i] in ws:
            i += 1
        return i

    def string_end(i: int) -> int:  # data[i] == '"'
        i += 1
        while data[i] != 0x22:
            i += 2 if data[i] == 0x5C else 1
        return i + 1

    def value(i: int) -> Node:
        i = skip(i)
        c = data[i:i + 1]
        if c == b"{":
            node = Node("object", i, -1)
            i = skip(i + 1)
            if data[i:i + 1] == b"}":
                node.end = i + 1
                return node
            while True:
                i = skip(i)
                key_end = string_end(i)
                key = json.loads(data[i:key_end].decode("utf-8"))
                i = skip(key_end)
                if data[i:i + 1] != b":":
                    raise TemplateError(f"':' expected at byte {i}")
                child = value(i + 1)
                node.members.append((key, child))
                i = skip(child.end)
                if data[i:i + 1] == b",":
                    i += 1
                    continue
                if data[i:i + 1] == b"}":
                    node.end = i + 1
                    return node
                raise TemplateError(f"',' or '}}' expected at byte {i}")
        if c == b"[":
            node = Node("array", i, -1)
            i = skip(i + 1)
            if data[i:i + 1] == b"]":
                node.end = i + 1
                return node
            while True:
                child = value(i)
                i = skip(child.end)
                if data[i:i + 1] == b",":
                    i += 1
                    continue
                if data[i:i + 1] == b"]":
                    node.end = i + 1
                    return node
                raise TemplateError(f"',' or ']' expected at byte {i}")
        if c == b'"':
            return Node("scalar", i, string_end(i))
        j = i
        while j < len(data) and data[j] not in b" \t\r\n,]}":
            j += 1
        if j == i:
            raise TemplateError(f"a value expected at byte {i}")
        return Node("scalar", i, j)

    root = value(0)
    if root.kind != "object" or data[skip(root.end):].strip():
        raise TemplateError("the template must be one JSON object")
    return root


def _nest(keys: tuple[str, ...], hole: bytes) -> tuple[bytes, bytes]:
    """Text around the case for an object chain {"k1": {"k2": CASE }}."""
    before, after = b"", b""
    for k in keys:
        before += b'{ ' + json.dumps(k).encode() + b": "
        after = b" }" + after
    return before, after


def placement(template: bytes, root: Node, position: str) -> tuple[bytes, bytes]:
    """(prefix, suffix): the plan for case C is prefix + C + suffix."""
    path, _ = POSITIONS[position]
    if path is None:
        return b"", b""
    node = root
    for i, key in enumerate(path):
        rest = path[i + 1:]
        found = next((child for k, child in node.members if k == key), None)
        if found is None:
            # insert as the first member, so that the case is followed by a comma
            before, after = _nest(rest, b"")
            head = b" " + json.dumps(key).encode() + b": " + before
            tail = after + (b"," if node.members else b"")
            at = node.start + 1
            return template[:at] + head, tail + template[at:]
        if not rest:
            return template[:found.start], template[found.end:]
        if found.kind != "object":  # e.g. "funktionsnedsattning": null
            before, after = _nest(rest, b"")
            return template[:found.start] + before, after + template[found.end:]
        node = found
    raise AssertionError("unreachable")


def position_text(template: bytes, root: Node, position: str) -> tuple[bytes, bytes]:
    prefix, suffix = placement(template, root, position)
    if position == "deep":
        prefix, suffix = prefix + b"[" * DEEP_LEVELS, b"]" * DEEP_LEVELS + suffix
    return prefix, suffix

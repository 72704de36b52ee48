#!/usr/bin/env python3
"""A host in Python: the C API of libplanrules.so through ctypes (standard library only).

    python3 validate_plan.py LIBPLANRULES.so RULES-DIR PLAN.json [YYYY-MM-DD]

Compiles the rules once, validates the plan, prints its findings and exits as
`planrules validate` does: 0 no error findings, 1 error findings, 2 unreadable rules or plan.
"""
import ctypes
import json
import sys

OK, FINDINGS, INVALID_RULES, INVALID_PLAN, INVALID_ARGUMENT, INTERNAL_ERROR = range(6)


class Options(ctypes.Structure):
    _fields_ = [("year", ctypes.c_int), ("month", ctypes.c_int), ("day", ctypes.c_int),
                ("audience", ctypes.c_char_p), ("evidence", ctypes.c_int),
                ("rulesets", ctypes.POINTER(ctypes.c_char_p)), ("ruleset_count", ctypes.c_size_t),
                ("max_steps", ctypes.c_ulonglong)]


class Planrules:
    """The rules of one directory, compiled once; validate() may be called from many threads."""

    def __init__(self, library, rules_dir):
        self.lib = ctypes.CDLL(library)
        lib = self.lib
        lib.planrules_version.restype = ctypes.c_char_p
        lib.planrules_status_text.restype = ctypes.c_char_p
        lib.planrules_status_text.argtypes = [ctypes.c_int]
        # strings the library returns are freed with planrules_string_free: keep them as void*
        lib.planrules_compile_directory.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                                                    ctypes.POINTER(ctypes.c_void_p)]
        lib.planrules_validate.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                           ctypes.POINTER(Options), ctypes.POINTER(ctypes.c_void_p)]
        lib.planrules_options_init.argtypes = [ctypes.POINTER(Options)]
        lib.planrules_string_free.argtypes = [ctypes.c_void_p]
        lib.planrules_rules_free.argtypes = [ctypes.c_void_p]
        self.rules = ctypes.c_void_p()
        diagnostics = ctypes.c_void_p()
        status = lib.planrules_compile_directory(rules_dir.encode(), ctypes.byref(self.rules),
                                                 ctypes.byref(diagnostics))
        self.diagnostics = json.loads(self._take(diagnostics) or "[]")
        if status != OK:
            raise RuntimeError(lib.planrules_status_text(status).decode() + ": " +
                               "; ".join(d["message"] for d in self.diagnostics))

    def _take(self, pointer):
        if not pointer.value:
            return None
        text = ctypes.string_at(pointer).decode("utf-8")
        self.lib.planrules_string_free(pointer)
        return text

    def version(self):
        return self.lib.planrules_version().decode()

    def validate(self, plan_json, as_of=None, audience="af", evidence=True):
        options = Options()
        self.lib.planrules_options_init(ctypes.byref(options))
        if as_of:
            options.year, options.month, options.day = (int(x) for x in as_of.split("-"))
        options.audience = audience.encode()
        options.evidence = 1 if evidence else 0
        data = plan_json.encode("utf-8")
        report = ctypes.c_void_p()
        status = self.lib.planrules_validate(self.rules, data, len(data), ctypes.byref(options),
                                             ctypes.byref(report))
        return status, json.loads(self._take(report) or "null")

    def close(self):
        if self.rules:
            self.lib.planrules_rules_free(self.rules)
            self.rules = ctypes.c_void_p()


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    library, rules_dir, plan_path = argv[1:4]
    as_of = argv[4] if len(argv) > 4 else None
    try:
        rules = Planrules(library, rules_dir)
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 2
    try:
        with open(plan_path, encoding="utf-8") as f:
            status, report = rules.validate(f.read(), as_of)
    except OSError as e:
        print(e, file=sys.stderr)
        return 2
    finally:
        pass
    print(f"planrules {rules.version()}")
    if status == INVALID_PLAN:
        for d in report["diagnostics"]:
            print(f"{d['file']}:{d['line']}:{d['column']}: {d['message']}", file=sys.stderr)
        rules.close()
        return 2
    print(f"plan {report['plan']} as of {report['as_of']}: {len(report['findings'])} findings")
    for f in report["findings"]:
        print(f"{f['severity']} {f['rule']} ({f['outcome']}) at {f['pointer'] or '/'}: {f['message']}")
    rules.close()
    return 0 if status == OK else 1 if status == FINDINGS else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

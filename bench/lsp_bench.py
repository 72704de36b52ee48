#!/usr/bin/env python3
"""How long `planrules lsp` takes to answer, on the shipped rules, as an editor asks.

For every rule, schema and test file of rules/ it opens the file, then at every name in it
(every 7th word, up to 40 a file) asks for hover, definition, references and completion. It
also changes the file (one character in, then out again) and times the diagnostics that come
back (with --debounce 0, so that what is timed is the analysis and not the wait). Per file it
asks once for symbols, formatting and code actions. Each time is a round trip over the pipe,
from the first byte sent to the last byte of the answer read.

    python3 bench/lsp_bench.py [--planrules build/default/cli/planrules] [--rounds 3]

It prints, per kind of request, the number of requests and the median, 95th percentile and
greatest time in milliseconds. The target is 50 ms for every request."""
import argparse, json, os, re, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--planrules", default="build/default/cli/planrules")
ap.add_argument("--rules", default="rules")
ap.add_argument("--rounds", type=int, default=3)
args = ap.parse_args()

p = subprocess.Popen([args.planrules, "lsp", "--debounce", "0"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
next_id = [0]

def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def recv():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        c = p.stdout.read(1)
        if not c:
            sys.exit("the server went away")
        header += c
    n = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
    return json.loads(p.stdout.read(n))

def request(method, params):
    next_id[0] += 1
    i = next_id[0]
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    while True:
        m = recv()
        if m.get("id") == i:
            return (time.perf_counter() - t) * 1000, m

def wait_diagnostics(uri):
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return m

times = {}
def record(kind, ms):
    times.setdefault(kind, []).append(ms)

request("initialize", {"capabilities": {}, "locale": "sv"})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
files = []
for d, _, names in os.walk(args.rules):
    files += [os.path.abspath(os.path.join(d, n)) for n in sorted(names) if n.endswith((".rules", ".schema", ".test"))]
for round_ in range(args.rounds):
    for f in sorted(files):
        uri = "file://" + f
        text = open(f, encoding="utf-8").read()
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "planrules", "version": 1, "text": text}}})
        wait_diagnostics(uri)
        record("open: diagnostics", (time.perf_counter() - t) * 1000)
        lines = text.split("\n")
        words = [(i, m.start()) for i, l in enumerate(lines) for m in re.finditer(r"[A-Za-z_][A-Za-z0-9_.\-]*", l)]
        for (line, ch) in words[::7][:40]:
            pos = {"textDocument": {"uri": uri}, "position": {"line": line, "character": ch + 1}}
            for method, kind in (("textDocument/hover", "hover"), ("textDocument/definition", "definition"), ("textDocument/completion", "completion")):
                record(kind, request(method, pos)[0])
            record("references", request("textDocument/references", dict(pos, context={"includeDeclaration": True}))[0])
        for version, new in ((2, text + "x"), (3, text)):
            t = time.perf_counter()
            send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}})
            wait_diagnostics(uri)
            record("change: diagnostics", (time.perf_counter() - t) * 1000)
        doc = {"textDocument": {"uri": uri}}
        record("documentSymbol", request("textDocument/documentSymbol", doc)[0])
        record("formatting", request("textDocument/formatting", dict(doc, options={"tabSize": 2, "insertSpaces": True}))[0])
        record("codeAction", request("textDocument/codeAction", dict(doc, range={"start": {"line": 0, "character": 0}, "end": {"line": len(lines), "character": 0}}, context={"diagnostics": []}))[0])
        send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    record("workspace/symbol", request("workspace/symbol", {"query": "af"})[0])
request("shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()

print(f"{len(files)} files of {args.rules}, {args.rounds} rounds")
print(f"{'request':<22}{'count':>7}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
worst = 0.0
for kind, xs in times.items():
    xs.sort()
    p95 = xs[min(len(xs) - 1, int(len(xs) * 0.95))]
    worst = max(worst, xs[-1])
    print(f"{kind:<22}{len(xs):>7}{statistics.median(xs):>11.2f}{p95:>9.2f}{xs[-1]:>9.2f}")
print(f"slowest request: {worst:.2f} ms (target 50 ms)")

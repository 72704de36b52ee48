#!/usr/bin/env python3
"""`planrules lsp` as an editor runs it: a process spoken to over its standard input and output.
Checks the loop around the server (lsp/serve.cpp): framing in pieces, a bad header, a
cancellation read ahead of the request it cancels, debounced diagnostics, and the exit status
after shutdown and exit (0) or when the client just goes away (1).

usage: stdio_session.py PLANRULES SOURCE_DIR"""
import json, os, subprocess, sys, time

cli, source = sys.argv[1], sys.argv[2]
failures = []

def check(what, ok):
    if not ok:
        failures.append(what)

def start():
    return subprocess.Popen([cli, "lsp", "--stdio", "--debounce", "50"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, cwd=source, env=dict(os.environ, LANG="C"))

def body(m):
    return json.dumps(m).encode()

def framed(m):
    b = body(m)
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

def recv(p):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        c = p.stdout.read(1)
        if not c:
            return None
        header += c
    n = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
    return json.loads(p.stdout.read(n))

def until(p, pred):
    while True:
        m = recv(p)
        if m is None or pred(m):
            return m

uri = "file://" + os.path.join(source, "rules/kommun/0180-stockholm.rules")
text = open(os.path.join(source, "rules/kommun/0180-stockholm.rules"), encoding="utf-8").read()

p = start()
init = framed({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "locale": "sv"}})
for i in range(0, len(init), 7):  # in pieces
    p.stdin.write(init[i:i + 7]); p.stdin.flush()
r = recv(p)
check("initialize answers with capabilities", r and r.get("id") == 1 and "capabilities" in r.get("result", {}))
p.stdin.write(b"Content-Length: nine\r\n\r\n"); p.stdin.flush()
r = recv(p)
check("a bad header gets a parse error", r and r.get("error", {}).get("code") == -32700 and r.get("id") is None)
p.stdin.write(framed({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
p.stdin.write(framed({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "planrules", "version": 1, "text": text.replace('kommun == "0180"', "kommun == 180")}}}))
p.stdin.flush()
r = until(p, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
codes = [d["code"] for d in r["params"]["diagnostics"]] if r else []
check("the mistake is published with its code", codes == ["type-mismatch"])
# a request and its cancellation in one write: the cancellation is read first
p.stdin.write(framed({"jsonrpc": "2.0", "id": 5, "method": "workspace/symbol", "params": {"query": ""}}) +
              framed({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 5}}))
p.stdin.flush()
r = until(p, lambda m: m.get("id") == 5)
check("a request cancelled in the same write is answered as cancelled",
      r and r.get("error", {}).get("code") == -32800)
started = time.time()
p.stdin.write(framed({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}}))
p.stdin.flush()
r = until(p, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
check("fixed: the diagnostics are cleared", r and r["params"]["diagnostics"] == [])
check("after the debounce, not before", r and time.time() - started >= 0.045)
p.stdin.write(framed({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}))
p.stdin.flush()
r = until(p, lambda m: m.get("id") == 9)
check("shutdown answers null", r and "result" in r and r["result"] is None)
p.stdin.write(framed({"jsonrpc": "2.0", "method": "exit"}))
p.stdin.flush()
check("exit after shutdown: status 0", p.wait(timeout=10) == 0)

q = start()
q.stdin.write(init); q.stdin.flush()
recv(q)
q.stdin.close()
check("a client that goes away: status 1", q.wait(timeout=10) == 1)

for f in failures:
    print("FAILED:", f)
print("stdio session:", "ok" if not failures else "%d failed" % len(failures))
sys.exit(1 if failures else 0)

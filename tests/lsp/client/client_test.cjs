// planrules lsp driven by vscode-languageserver-protocol, the protocol code VS Code's client
// uses: open a file with a mistake and expect its diagnostic with its range; fix it and expect
// it gone; hover, completion, definition, references, formatting, code actions, shutdown.
//
// usage: node client_test.cjs PLANRULES SOURCE_DIR

"use strict";
const assert = require("node:assert/strict");
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const p = require("vscode-languageserver-protocol/node");

const [cli, source] = process.argv.slice(2);
const file = path.join(source, "rules/kommun/0180-stockholm.rules");
const uri = pathToFileURL(file).href;
const text = fs.readFileSync(file, "utf8");
const afFile = path.join(source, "rules/af/arbetsformedlingen.rules");

// The position of the first `what` after `after` in `s`, as LSP counts (UTF-16).
function at(s, what, after = "") {
  const from = after ? s.indexOf(after) : 0;
  const i = s.indexOf(what, from);
  assert.ok(from >= 0 && i >= 0, `${what} not found`);
  const before = s.slice(0, i).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const plus = (pos, n) => ({ line: pos.line, character: pos.character + n });

async function main() {
  const server = spawn(cli, ["lsp", "--debounce", "50"], { cwd: source, env: { ...process.env, LANG: "C" } });
  server.stderr.on("data", (d) => process.stderr.write(d));
  const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
  const connection = p.createProtocolConnection(new p.StreamMessageReader(server.stdout), new p.StreamMessageWriter(server.stdin));
  const published = [];
  let waiting = [];
  connection.onNotification(p.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    waiting = waiting.filter((w) => !w(params));
  });
  connection.listen();
  // the next diagnostics of `uri` that satisfy `pred`
  const diagnostics = (pred) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no diagnostics in time")), 10000);
      waiting.push((params) => {
        if (params.uri !== uri || !pred(params.diagnostics)) return false;
        clearTimeout(timer);
        resolve(params.diagnostics);
        return true;
      });
    });

  const init = await connection.sendRequest(p.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(path.join(source, "rules")).href,
    capabilities: {},
    locale: "sv",
  });
  assert.equal(init.capabilities.definitionProvider, true);
  assert.equal(init.capabilities.documentFormattingProvider, true);
  connection.sendNotification(p.InitializedNotification.type, {});

  // a mistake: a number compared with a code
  const bad = text.replace('kommun == "0180"', "kommun == 180");
  let shown = diagnostics((ds) => ds.length > 0);
  connection.sendNotification(p.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "planrules", version: 1, text: bad },
  });
  let ds = await shown;
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, "type-mismatch");
  assert.equal(ds[0].severity, p.DiagnosticSeverity.Error);
  const mistake = at(bad, "plan.sokande.kommun == 180");
  assert.equal(ds[0].range.start.line, mistake.line);
  assert.ok(ds[0].range.start.character <= mistake.character + "plan.sokande.kommun".length);
  assert.match(ds[0].relatedInformation[0].message, /^hjälp: .*citattecken/);

  // the quick fix
  const number = at(bad, "180", "kommun ==");
  const actions = await connection.sendRequest(p.CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: number, end: plus(number, 3) },
    context: { diagnostics: ds },
  });
  assert.ok(actions.some((a) => a.edit.changes[uri].some((e) => e.newText === '"180"')), JSON.stringify(actions));

  // fixed: gone
  const cleared = diagnostics((ds) => ds.length === 0);
  connection.sendNotification(p.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text }],
  });
  await cleared;

  // hover on a field
  const field = at(text, "ekonomiskt_bistand");
  const hover = await connection.sendRequest(p.HoverRequest.type, { textDocument: { uri }, position: plus(field, 2) });
  assert.match(hover.contents.value, /\*\*ekonomiskt_bistand\*\*: `bool/);

  // from override AF-SKYLD to the rule
  const override = at(text, "AF-SKYLD");
  const def = await connection.sendRequest(p.DefinitionRequest.type, { textDocument: { uri }, position: plus(override, 2) });
  assert.equal(def.uri, pathToFileURL(afFile).href);
  assert.equal(def.range.start.line, at(fs.readFileSync(afFile, "utf8"), "rule AF-SKYLD").line);

  // the references of a define declared in another file
  const define = at(text, "senaste_genomgang");
  const refs = await connection.sendRequest(p.ReferencesRequest.type, {
    textDocument: { uri },
    position: define,
    context: { includeDeclaration: true },
  });
  assert.ok(refs.length >= 3);
  assert.ok(refs.some((r) => r.uri === uri) && refs.some((r) => r.uri !== uri));

  // completion of plan.sokande. in a rule being written (the file does not parse)
  const typing = text + '\nrule K0180-NY "Ny"\n  when plan.sokande.';
  // sent as an incremental change at the end of the document
  const lines = text.split("\n");
  const docEnd = { line: lines.length - 1, character: lines[lines.length - 1].length };
  connection.sendNotification(p.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: docEnd, end: docEnd }, text: typing.slice(text.length) }],
  });
  const end = plus(at(typing, "plan.sokande.", "K0180-NY"), "plan.sokande.".length);
  const items = await connection.sendRequest(p.CompletionRequest.type, { textDocument: { uri }, position: end });
  const labels = (items.items || items).map((i) => i.label);
  assert.ok(labels.includes("kommun") && labels.includes("ekonomiskt_bistand"), labels.join(" "));

  // formatting: the fmt layout
  const messy = text.replace("  severity error", "      severity    error");
  connection.sendNotification(p.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 4 },
    contentChanges: [{ text: messy }],
  });
  const edits = await connection.sendRequest(p.DocumentFormattingRequest.type, {
    textDocument: { uri },
    options: { tabSize: 2, insertSpaces: true },
  });
  assert.equal(edits.length, 1);
  assert.equal(edits[0].newText, text);

  // document symbols
  const symbols = await connection.sendRequest(p.DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.equal(symbols[0].name, "kommun.0180");
  assert.ok(symbols[0].children.some((c) => c.name === "K0180-3M"));

  await connection.sendRequest(p.ShutdownRequest.type);
  connection.sendNotification(p.ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
  console.log("lsp client test: ok");
}

main().catch((e) => {
  console.error("lsp client test FAILED:", e);
  process.exit(1);
});

// The planrules extension: starts `planrules lsp` for *.rules, *.schema and *.test files, and
// adds the commands "Kör regeltester" and "Validera plan…", which run the command-line tool in a
// terminal so that its output is there to read.

import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function planrulesPath(): string {
  return vscode.workspace.getConfiguration("planrules").get<string>("path") || "planrules";
}

function language(): string {
  const chosen = vscode.workspace.getConfiguration("planrules").get<string>("language");
  return chosen || (vscode.env.language.startsWith("sv") ? "sv" : "en");
}

function quote(s: string): string {
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

// The rule tree of a file: the nearest folder upwards with a *.schema file.
async function ruleTree(file: vscode.Uri): Promise<string | undefined> {
  let dir = path.dirname(file.fsPath);
  for (let up = 0; up < 64; ++up) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir)).then(
      (e) => e,
      () => [] as [string, vscode.FileType][]
    );
    if (entries.some(([name, type]) => type === vscode.FileType.File && name.endsWith(".schema"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function run(args: string[]): void {
  const terminal = vscode.window.createTerminal({ name: "planrules" });
  terminal.show();
  terminal.sendText([planrulesPath(), "--lang", language(), ...args].map(quote).join(" "));
}

async function runTests(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === "planrules") {
    await editor.document.save();
    run(["test", editor.document.uri.fsPath]);
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    vscode.window.showErrorMessage("Öppna en regelfil eller en mapp med regler först.");
    return;
  }
  run(["test", folder.uri.fsPath]);
}

async function validatePlan(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const start = editor?.document.uri;
  const tree = start ? await ruleTree(start) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!tree) {
    vscode.window.showErrorMessage("Hittar inga regler: öppna en regelfil i ett regelträd (en mapp med en *.schema-fil).");
    return;
  }
  const plans = await vscode.window.showOpenDialog({
    canSelectMany: true,
    filters: { "Handlingsplaner (JSON)": ["json"] },
    openLabel: "Validera",
  });
  if (!plans || plans.length === 0) return;
  const asOf = await vscode.window.showInputBox({
    prompt: "Datum som planen bedöms per (ÅÅÅÅ-MM-DD); tomt: i dag",
    validateInput: (v) => (v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : "Skriv datumet som ÅÅÅÅ-MM-DD"),
  });
  if (asOf === undefined) return;
  const args = ["validate", "--why", "--rules", tree];
  if (asOf) args.push("--as-of", asOf);
  run([...args, ...plans.map((p) => p.fsPath)]);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const server: ServerOptions = {
    command: planrulesPath(),
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const options: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "planrules" }],
    initializationOptions: { language: language() },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{rules,schema,test}") },
  };
  client = new LanguageClient("planrules", "planrules", server, options);
  context.subscriptions.push(
    vscode.commands.registerCommand("planrules.runTests", runTests),
    vscode.commands.registerCommand("planrules.validatePlan", validatePlan),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("planrules") && client) {
        await client.stop();
        client = new LanguageClient("planrules", "planrules", { ...server, command: planrulesPath() }, options);
        await client.start();
      }
    })
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `planrules kunde inte startas (${planrulesPath()}): ${String(e)}. Ange sökvägen i inställningen planrules.path.`
    );
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}

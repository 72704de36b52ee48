// Screenshots of the extension for its README, and a check by hand of what a policy officer
// sees: a mistake underlined with the Swedish help, completion of plan.sokande., go to
// definition from an override, and format on save (the shipped file, formatted, is saved
// unchanged). It drives VS Code in a browser: code-server with the extension installed
// (`code-server --install-extension build/default/planrules.vsix`, the user setting
// "planrules.path" set to build/default/cli/planrules and "planrules.language" to "sv"),
// serving rules/ on 127.0.0.1:8765 without authentication, and Chromium through
// playwright-core. Neither is among the project's pinned packages; this is not a ctest.
//
//   NODE_PATH=DIR-WITH-playwright-core/node_modules node editors/vscode/test/screenshots.cjs [OUT-DIR]
const fs = require("node:fs");
const { chromium } = require("playwright-core");
const out = process.argv[2] || "editors/vscode/images";
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto("http://127.0.0.1:8765/?folder=" + encodeURIComponent(process.cwd() + "/rules"));
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForTimeout(4000);
  const key = async (k, wait = 300) => { await page.keyboard.press(k); await page.waitForTimeout(wait); };
  const type = async (t, wait = 300) => { await page.keyboard.type(t, { delay: 20 }); await page.waitForTimeout(wait); };
  // open the file
  await key("Control+P", 800);
  await type("0180-stockholm.rules", 1000);
  await key("Enter", 3000);
  // a mistake on line 9
  await key("Control+G", 500); await type("9", 300); await key("Enter", 500);
  await key("End", 200);
  for (let i = 0; i < 6; i++) await key("Backspace", 50);
  await type("180", 2500);
  await key("Control+K", 100); await key("Control+I", 2000);
  await page.screenshot({ path: out + "/fel-medan-du-skriver.png" });
  await key("Escape", 300);
  for (let i = 0; i < 9; i++) await key("Control+Z", 50);
  await page.waitForTimeout(1500);
  // completion of plan.sokande.
  await key("Control+End", 300);
  await key("Enter", 100);
  await type('rule K0180-NY "Ny regel"', 300); await key("Escape", 100); await key("Enter", 100);
  await type("  when plan.sokande.", 1500);
  await key("Control+Space", 2000);
  await page.screenshot({ path: out + "/komplettering.png" });
  await key("Escape", 300);
  for (let i = 0; i < 40; i++) await key("Control+Z", 30);
  await page.waitForTimeout(1000);
  // hover on a field
  await key("Control+G", 500); await type("17", 300); await key("Enter", 500);
  await key("End", 200);
  for (let i = 0; i < 12; i++) await key("ArrowLeft", 20);
  await key("Control+K", 100); await key("Control+I", 2000);
  await page.screenshot({ path: out + "/forklaring.png" });
  await key("Escape", 300);
  // from override AF-SKYLD to the rule
  await key("Control+G", 500); await type("24", 300); await key("Enter", 500);
  await key("End", 200); await key("ArrowLeft", 200);
  await key("F12", 3000);
  await page.screenshot({ path: out + "/ga-till-definition.png" });
  // format on save: line 15 indented too far comes back to two spaces
  await key("Control+P", 800); await type("0180-stockholm.rules", 1000); await key("Enter", 2000);
  await key("Control+G", 500); await type("15", 300); await key("Enter", 500);
  await key("Home", 200);
  await type("      ", 800);
  const file = process.cwd() + "/rules/kommun/0180-stockholm.rules";
  const shipped = fs.readFileSync(file, "utf8");
  const saved = fs.statSync(file).mtimeMs;
  await key("Control+S", 3000);
  const now = fs.readFileSync(file, "utf8");
  if (fs.statSync(file).mtimeMs === saved) throw new Error("the file was not saved");
  if (now !== shipped) {
    fs.writeFileSync(file, shipped);
    throw new Error("format on save did not restore the layout");
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });

// The packaged extension as a user meets it: builds caseed.vsix with @vscode/vsce, installs it into
// a clean code-server, and drives the workbench in headless Chromium: opens the broken example,
// reads the Problems panel, hovers a problem, opens the quick-fix menu and applies a fix, completes
// a calculation type, sets credentials through the command palette and input boxes, sends a
// file to the local emulator, pulls workspace definitions from the emulator (credentials typed into
// input boxes) and completes an attribute name from them. Screenshots go to docs/images/ (the README
// shows them).
// Exit 0 = passed; 1 = a step failed (one line says which); never hangs.
//   node test/ui/run-ui.mjs [--keep] [--screenshots DIR | --no-screenshots]
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installSignalHandlers,
  installVsix,
  launchChromium,
  packageVsix,
  startCodeServer,
  startEmulatorProcess,
  stopAll,
  tempDir,
  withDeadline,
  workbenchUrl,
} from '../../scripts/vscode/code-server.mjs';
import { ensureTools } from '../../scripts/vscode/install-tools.mjs';
import {
  MOD,
  STEP_MS,
  answerInputBox,
  clearNotifications,
  goTo,
  lineColumnOf,
  notification,
  openFile,
  problemRows,
  runCommand,
  shot as screenshot,
  waitForWorkbench,
} from './workbench.mjs';
import { option } from '../../scripts/vscode/args.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
// docs/images by default (`npm run test:ui` refreshes the README's pictures); `npm test` writes
// them under .test-output so that a test run leaves the work tree unchanged.
const images = process.argv.includes('--no-screenshots')
  ? undefined
  : resolve(repo, option('--screenshots') ?? join('docs', 'images'));
const API_KEY = 'ui-test-key';
const API_SECRET = 'caseed-ui-secret-Hq4mT8';
const CLIENT_ID = 'ui-platform-client';
const CLIENT_SECRET = 'caseed-ui-platform-secret-Rk2wP7';

let step = 'starting';
function say(line) {
  process.stderr.write(`ui: ${line}\n`);
}
function begin(name) {
  step = name;
  say(name);
}
async function shot(page, name) {
  if (images === undefined) return;
  mkdirSync(images, { recursive: true });
  await screenshot(page, join(images, name));
}

/** Empties a string value from `at` (its first character) to the line's end and asks for completion. */
async function emptyStringAndSuggest(page, at) {
  await goTo(page, at.line, at.column);
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('",');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
}

async function main() {
  let failed = true;
  const root = tempDir('caseed-ui-', () => keep || failed);
  begin('installing tools');
  ensureTools();

  begin('packaging the .vsix');
  const vsix = packageVsix({ repo, root });

  begin('installing the .vsix into a clean code-server');
  const extensionsDir = installVsix({ repo, root, vsix });

  begin('starting the emulator and code-server');
  // Each answer takes a moment, so that the progress notification can be seen.
  const emulator = await startEmulatorProcess({
    repo,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    args: [
      '--delay-ms',
      '2500',
      '--definitions',
      join(repo, 'examples', 'emulator', 'caseed.definitions.json'),
    ],
    env: { MPARTICLE_CLIENT_ID: CLIENT_ID, MPARTICLE_CLIENT_SECRET: CLIENT_SECRET },
  });
  const workspace = join(root, 'workspace');
  cpSync(join(repo, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({
    root,
    folder: workspace,
    extensionsDir,
    settings: {
      'caseed.send.dataCenter': 'custom',
      'caseed.send.baseUrl': emulator.url,
      'caseed.definitions.apiUrl': emulator.url,
      'caseed.definitions.tokenUrl': `${emulator.url}/oauth/token`,
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'window.zoomLevel': 0,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.commandCenter.enabled': false,
    },
  });
  const { page } = await launchChromium({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbenchUrl(server.url, workspace), {
    timeout: 60_000,
    waitUntil: 'domcontentloaded',
  });
  await waitForWorkbench(page);

  begin('opening broken.caseed.json and reading the Problems panel');
  const brokenText = readFileSync(join(workspace, 'broken.caseed.json'), 'utf8');
  await openFile(page, 'broken.caseed.json');
  const rows = await problemRows(page, (r) => r.join('\n').includes('trailing-comma'));
  for (const code of [
    'trailing-comma',
    'misspelled-cutoff-date',
    'calculation-type-alias',
    'invalid-date',
  ]) {
    if (!rows.join('\n').includes(code))
      throw new Error(`the Problems panel does not list ${code}:\n${rows.join('\n')}`);
  }

  begin('hovering a problem');
  const typo = lineColumnOf(brokenText, '"cuttoff_date"', 3);
  await goTo(page, typo.line, typo.column);
  await page.keyboard.press(`${MOD}+K`);
  await page.keyboard.press(`${MOD}+I`);
  const hover = page.locator('.monaco-hover', { hasText: 'cuttoff_date' }).first();
  await hover.waitFor({ state: 'visible', timeout: STEP_MS });
  await shot(page, 'diagnostics-hover.png');
  await page.keyboard.press('Escape');

  begin('the quick-fix menu');
  const alias = lineColumnOf(brokenText, '"minimum"', 3);
  await goTo(page, alias.line, alias.column);
  await page.keyboard.press(`${MOD}+.`);
  const menu = page.locator('.action-widget', { hasText: 'min' }).first();
  await menu.waitFor({ state: 'visible', timeout: STEP_MS });
  await shot(page, 'quick-fix.png');
  await page.keyboard.press('Enter');
  await problemRows(page, (r) => !r.join('\n').includes('calculation-type-alias'));
  const fixed = await page.locator('.editor-instance .view-lines').first().innerText();
  if (!/"calculation_type": "min"/.test(fixed.replace(/\u00a0/g, ' '))) {
    throw new Error('the quick fix did not rewrite "minimum" to "min"');
  }

  begin('completing a calculation type');
  await openFile(page, 'single-user.caseed.json');
  const singleText = readFileSync(join(workspace, 'single-user.caseed.json'), 'utf8');
  const sum = lineColumnOf(singleText, '"calculation_type": "sum"', '"calculation_type": "'.length);
  await emptyStringAndSuggest(page, sum);
  const suggest = page.locator('.suggest-widget.visible', { hasText: 'unique_list' });
  await suggest.waitFor({ state: 'visible', timeout: STEP_MS });
  await shot(page, 'completion.png');
  await page.keyboard.press('Escape');
  await page.keyboard.type('sum');
  await page.keyboard.press(`${MOD}+S`);

  begin('setting credentials through the command palette');
  await runCommand(page, 'caseed: Set Credentials');
  await answerInputBox(page, 'API key', API_KEY);
  await answerInputBox(page, 'API secret', API_SECRET);
  await notification(page, /credentials saved/);
  await clearNotifications(page);

  begin('sending single-user.caseed.json to the emulator');
  await runCommand(page, 'caseed: Send Seed File');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: STEP_MS });
  if (!/Users: 1/.test(await dialog.innerText()))
    throw new Error('the confirmation does not summarise the file');
  await shot(page, 'send-confirm.png');
  await dialog
    .locator('.monaco-button', { hasText: /^Send$/ })
    .first()
    .click();
  await page.mouse.move(1000, 300); // off the button, over nothing that has a tooltip
  await notification(page, /sending to/);
  await shot(page, 'send-progress.png');
  await notification(page, /All sent/);
  await shot(page, 'send-result.png');
  const seeds = await (
    await fetch(`${emulator.url}/emulator/seeds`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`,
      },
    })
  ).text();
  if (!seeds.includes('7346244611012968789'))
    throw new Error(`the emulator did not receive the user: ${seeds.slice(0, 300)}`);

  begin('pulling definitions through the command palette and input boxes');
  await clearNotifications(page);
  await runCommand(page, 'caseed: Pull Definitions');
  await answerInputBox(page, 'workspace ID', '4321');
  await answerInputBox(page, 'client ID', CLIENT_ID);
  await answerInputBox(page, 'client secret', CLIENT_SECRET);
  await notification(page, /written to caseed\.definitions\.json/);
  await clearNotifications(page);
  const pulledText = readFileSync(join(workspace, 'caseed.definitions.json'), 'utf8');
  if (!pulledText.includes('"workspace_id": 4321') || pulledText.includes(CLIENT_SECRET))
    throw new Error('the pulled definitions file is not what the emulator served');

  begin('an unknown calculated attribute, and completing attribute names from definitions');
  await openFile(page, 'not-in-workspace.caseed.json');
  await problemRows(page, (r) => r.join('\n').includes('unknown-calculated-attribute'));
  const missingText = readFileSync(join(workspace, 'not-in-workspace.caseed.json'), 'utf8');
  const name = lineColumnOf(missingText, '"Purchase Count"', 1);
  await emptyStringAndSuggest(page, name);
  const names = page.locator('.suggest-widget.visible', { hasText: 'Average Session Length' });
  await names.waitFor({ state: 'visible', timeout: STEP_MS });
  const details = page.locator('.suggest-details', { hasText: 'Average session length' });
  if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
  await details.waitFor({ state: 'visible', timeout: STEP_MS });
  await shot(page, 'definitions-completion.png');
  await page.keyboard.type('Purchase c');
  await page
    .locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: 'Purchase count' })
    .waitFor({ state: 'visible', timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await problemRows(page, (r) => !r.join('\n').includes('unknown-calculated-attribute'));
  await page.keyboard.press(`${MOD}+S`);

  failed = false;
}

installSignalHandlers();
let code = 1;
const started = Date.now();
try {
  await withDeadline(main(), 6 * 60_000, 'the UI test');
  console.log(`ui: passed in ${Math.round((Date.now() - started) / 1000)} s`);
  code = 0;
} catch (err) {
  console.error(
    `ui: failed at "${step}": ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
  );
  if (err instanceof Error && err.message.includes('\n')) console.error(err.message);
} finally {
  await stopAll();
}
process.exit(code);

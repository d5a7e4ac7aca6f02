// Small, user-level actions on the VS Code web workbench through Playwright: the command palette,
// input boxes, Go to Line, the Problems panel, notifications. Every wait has a deadline.
export const STEP_MS = 30_000;

const isMac = process.platform === 'darwin';
export const MOD = isMac ? 'Meta' : 'Control';

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  await page
    .locator('.explorer-folders-view, .explorer-viewlet')
    .first()
    .waitFor({ timeout: 90_000 });
}

/** F1, type the command's title, pick it. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${title}`);
  const first = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
  await first.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.press('Enter');
}

/** Wait for an input box whose title contains `titlePart`, type `text`, press Enter. */
export async function answerInputBox(page, titlePart, text) {
  const widget = page.locator('.quick-input-widget', { hasText: titlePart });
  await widget.waitFor({ state: 'visible', timeout: STEP_MS });
  const input = widget.locator('input').first();
  await input.fill(text);
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: STEP_MS }).catch(() => undefined);
}

/** Quick Open a file of the workspace by name and wait for its editor tab. */
export async function openFile(page, name) {
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: STEP_MS });
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: STEP_MS });
}

/** Go to Line (1-based line and column) in the active editor. */
export async function goTo(page, line, column) {
  await page.keyboard.press(`${MOD}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_MS });
}

/** The 1-based line and column of the first occurrence of `needle` (+ delta characters). */
export function lineColumnOf(text, needle, delta = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The Problems panel's rows (opened if needed), once `ready(rows)` holds. */
export async function problemRows(page, ready) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press(`${MOD}+Shift+M`);
  await panel.waitFor({ state: 'visible', timeout: STEP_MS });
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    if (ready(rows)) return rows;
    if (Date.now() > deadline) {
      throw new Error(
        `the Problems panel never showed what was expected; it showed:\n${rows.join('\n')}`,
      );
    }
    await page.waitForTimeout(200);
  }
}

/** The first notification toast whose text matches `re`, once it has faded in completely. */
export async function notification(page, re) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
  await toast.waitFor({ state: 'visible', timeout: STEP_MS });
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    // Runs in the page.
    /* global getComputedStyle */
    const opaque = await toast.evaluate((el) => {
      for (let e = el; e !== null; e = e.parentElement) {
        if (getComputedStyle(e).opacity !== '1') return false;
      }
      return true;
    });
    if (opaque) return toast;
    if (Date.now() > deadline) return toast;
    await page.waitForTimeout(100);
  }
}

/** Close every notification toast. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: STEP_MS });
}

export async function shot(page, file) {
  await page.screenshot({ path: file });
  process.stderr.write(`ui: screenshot ${file}\n`);
}

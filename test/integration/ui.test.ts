/**
 * The packaged extension driven as a user would (test/ui/run-ui.mjs): the .vsix built with vsce,
 * installed into a clean code-server, used through the command palette, input boxes and the Problems
 * panel in headless Chromium. Screenshots go to .test-output/ui (npm run test:ui refreshes
 * docs/images).
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from './runScript';

test('the packaged .vsix in a clean code-server, driven through the UI', async () => {
  const { code, output } = await runScript(
    ['test/ui/run-ui.mjs', '--screenshots', '.test-output/ui'],
    480_000,
  );
  const verdict = output
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('ui: passed') || l.startsWith('ui: failed'));
  assert.equal(code, 0, verdict.join('\n') || output.trim().split('\n').slice(-5).join('\n'));
});

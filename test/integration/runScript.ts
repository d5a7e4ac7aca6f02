/** Runs a node script of the repository to its end for the integration wrappers, with a deadline. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Results } from './suite/results';

/** Run a node script to its end, killing it if it outlives `timeoutMs`. */
export function runScript(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    let forced: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGTERM');
      // The runners stop what they started on SIGTERM (each step bounded); one that does not
      // exit within the grace period is killed outright, so this never waits forever.
      forced = setTimeout(() => child.kill('SIGKILL'), 60_000);
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(forced);
      resolve({ code, output });
    });
  });
}

/**
 * Runs a suites runner (`script`: run-e2e.mjs or run-web.mjs, which write their results with
 * `--json`) and reports each of its tests as a subtest of `t`, so the closing line of
 * scripts/test.mjs counts them. Fails when the runner did not run, ran nothing, or exited non-zero.
 */
export async function reportSuitesRun(
  t: TestContext,
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caseed-suites-json-'));
  try {
    const json = join(dir, 'results.json');
    const { code, output } = await runScript(
      [script, '--quiet', '--json', json, ...args],
      timeoutMs,
    );
    if (!existsSync(json)) {
      const reason = output.trim().split('\n').slice(-3).join('\n');
      assert.fail(`the suites of ${script} did not run (exit ${code}): ${reason}`);
    }
    const results = JSON.parse(readFileSync(json, 'utf8')) as Results;
    for (const r of results.tests) {
      await t.test(r.title, { skip: r.state === 'pending' }, () => {
        if (r.state === 'failed') assert.fail(r.error ?? 'failed');
      });
    }
    assert.ok(results.passed > 0, `no test of ${script} ran`);
    assert.equal(code, 0, `${script} exited ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `caseed send --dry-run` costs what `caseed validate` costs: planning validates each user as the
 * parser hands it over and keeps only its span (no tree, no request bodies). Guarded without timing:
 * both commands complete a 14 MB bulk file under the same 64 MB heap (the old planner, which kept the
 * whole tree and every body, aborted there with a V8 out-of-memory error).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { generateBulk } from '../../bench/generate';
import { CLI, tempTree } from '../cli/run';
import { ensureBuilt } from '../server/build';

const USERS = 8000;

function smallHeap(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=64', CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CASEED_DEBUG: '', MPARTICLE_API_KEY: '', MPARTICLE_API_SECRET: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('send --dry-run is as cheap as validate (64 MB heap)', () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempTree({ 'big.caseed.json': generateBulk({ users: USERS }) });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('validate completes', () => {
    const r = smallHeap(['validate', 'big.caseed.json'], dir);
    assert.equal(r.status, 0, r.stderr.slice(0, 300));
  });

  it(`--dry-run plans all ${USERS} users`, () => {
    const r = smallHeap(
      ['send', '--dry-run', '--base-url', 'http://127.0.0.1:9', 'big.caseed.json'],
      dir,
    );
    assert.equal(r.status, 0, r.stderr.slice(0, 300));
    assert.match(
      r.stdout,
      new RegExp(`users: ${USERS}, seeds: ${USERS * 6} .*requests: ${USERS / 100},`),
    );
    assert.match(
      r.stdout,
      new RegExp(`request ${USERS / 100}: users ${USERS - 99}–${USERS}, \\d+ bytes\\n`),
    );
    assert.match(r.stdout, /Dry run: nothing sent\.\n$/);
  });
});

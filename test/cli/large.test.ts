/**
 * A large bulk file through `caseed validate`: read whole, validated user by user without keeping the
 * tree, problems positioned on the right lines. (The 200 MB case is measured by `npm run bench`.)
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { caseed, FIXTURES, tempTree } from './run';

const USERS = 10000;

describe('caseed validate on a large bulk file', () => {
  let dir: string;
  let brokenLine: number;

  before(() => {
    ensureBuilt();
    const user = readFileSync(join(FIXTURES, 'single.caseed.json'), 'utf8')
      .trimEnd()
      .replace(/\n/g, '\n  ');
    const users = Array.from({ length: USERS }, () => `  ${user}`);
    const clean = `[\n${users.join(',\n')}\n]\n`;
    // Break one user near the end: a trailing comma after its last user attribute.
    const brokenIndex = USERS - 7;
    users[brokenIndex] = users[brokenIndex].replace('"Free"', '"Broken",');
    const broken = `[\n${users.join(',\n')}\n]\n`;
    brokenLine = broken.slice(0, broken.indexOf('"Broken",')).split('\n').length - 1;
    dir = tempTree({ 'clean.caseed.json': clean, 'broken.caseed.json': broken });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`validates ${USERS} users clean (exit 0)`, () => {
    const r = caseed(['validate', 'clean.caseed.json'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'caseed: no problems in 1 file\n');
  });

  it('puts the one problem on the right line (exit 1)', () => {
    const r = caseed(['validate', '--format', 'json', 'broken.caseed.json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as {
      files: Array<{ diagnostics: Array<{ code: string; range: { start: { line: number } } }> }>;
    };
    const errors = out.files[0].diagnostics.filter((d) => d.code === 'trailing-comma');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].range.start.line, brokenLine);
  });
});

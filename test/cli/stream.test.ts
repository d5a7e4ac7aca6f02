/**
 * `caseed validate` writes its report as it goes: a file with 120,000 problems is reported in full
 * by a CLI given a 48 MB heap (before streaming, every format aborted with a V8 out-of-memory trace
 * there; 300,000 empty users took 1.5 GB or failed with an internal error).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { CLI, tempTree } from './run';

const USERS = 40_000;
/** Each `{}` lacks "environment", "calculated_attributes" and an mpid or identities. */
const PROBLEMS = USERS * 3;

function smallHeap(
  format: string,
  dir: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=48', CLI, 'validate', '--format', format, 'many.caseed.json'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, CASEED_DEBUG: '' },
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('caseed validate streams its report (48 MB heap)', () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempTree({ 'many.caseed.json': `[\n${Array(USERS).fill('  {}').join(',\n')}\n]\n` });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`--format json: ${PROBLEMS} diagnostics, valid JSON`, () => {
    const r = smallHeap('json', dir);
    assert.equal(r.status, 1, r.stderr.slice(0, 500));
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: unknown[] }> };
    assert.equal(doc.files.length, 1);
    assert.equal(doc.files[0].file, 'many.caseed.json');
    assert.equal(doc.files[0].diagnostics.length, PROBLEMS);
  });

  it(`--format sarif: ${PROBLEMS} results, valid SARIF`, () => {
    const r = smallHeap('sarif', dir);
    assert.equal(r.status, 1, r.stderr.slice(0, 500));
    assert.equal(r.stderr, '');
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; ruleIndex: number; locations: unknown[] }>;
      }>;
    };
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.equal(run.results.length, PROBLEMS);
    const last = run.results[PROBLEMS - 1];
    assert.equal(run.tool.driver.rules[last.ruleIndex].id, last.ruleId);
  });

  it(`--format text: ${PROBLEMS} lines and the summary`, () => {
    const r = smallHeap('text', dir);
    assert.equal(r.status, 1, r.stderr.slice(0, 500));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, PROBLEMS + 1);
    assert.match(
      lines[lines.length - 1],
      new RegExp(`^caseed: ${PROBLEMS} problems .* in 1 of 1 file$`),
    );
    // The last user's problems are on its own line (2 + the user's index).
    assert.match(lines[PROBLEMS - 1], new RegExp(`^many\\.caseed\\.json:${USERS + 1}:3 `));
  });
});

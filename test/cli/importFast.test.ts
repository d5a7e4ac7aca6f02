/**
 * `caseed import`'s fast path against full validation, as a user runs it (the built CLI, real
 * files): the same random export imported as usual and with `--validate-all` (every user parsed and
 * validated by the core) gives the same seed files byte for byte, the same rejects file (rows,
 * reasons, the core's codes and messages) and the same summary — for an NDJSON output and for bulk
 * files, and for a mapping the fast path refuses (a cutoff date in the future: a warning per user).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { prng } from '../core/random';
import { HEADER, MAPPING, randomRow } from '../core/import/randomRows';
import { caseed, tempTree } from './run';

before(() => ensureBuilt());

function csvCell(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function exportOf(rows: number, seed: number): string {
  const r = prng(seed);
  const lines = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const cells = randomRow(r);
    // Now and then a row whose cells do not line up with the header.
    if (i % 211 === 7) cells.pop();
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

function importBoth(
  mapping: object,
  target: (dir: string) => string[],
): Array<{ status: number | null; stdout: string; files: Record<string, string> }> {
  const dir = tempTree({
    'export.csv': exportOf(3000, 42),
    'm.caseed-map.json': JSON.stringify(mapping),
  });
  return [[], ['--validate-all']].map((extra, k) => {
    const out = join(dir, `run${k}`);
    mkdirSync(out);
    const r = caseed(
      [
        'import',
        join(dir, 'export.csv'),
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--no-definitions',
        ...target(out),
        ...extra,
      ],
      dir,
    );
    return {
      status: r.status,
      stdout: r.stdout.replaceAll(`run${k}`, 'run'),
      files: filesOf(out),
    };
  });
}

describe('caseed import: the fast path gives what full validation gives', () => {
  it('NDJSON output: the same users, rejects and summary, byte for byte', () => {
    const [fast, full] = importBoth(MAPPING, (out) => ['--out', join(out, 'users.caseed.ndjson')]);
    assert.equal(fast.status, 1, fast.stdout);
    assert.equal(full.status, 1);
    assert.deepEqual(Object.keys(fast.files), ['users.caseed.ndjson', 'users.rejects.ndjson']);
    assert.equal(fast.stdout, full.stdout);
    assert.deepEqual(fast.files, full.files);
    // Both outcomes are there, with the core's codes among the reasons.
    const m = /rows read: 3000 = users written: (\d+) \+ rows rejected: (\d+)/.exec(fast.stdout);
    assert.ok(m !== null && Number(m[1]) > 500 && Number(m[2]) > 300, fast.stdout);
    for (const code of ['invalid-count', 'list-too-long', 'column-count', 'invalid-environment'])
      assert.match(fast.stdout, new RegExp(`${code} \\d+`));
    assert.match(fast.stdout, /warnings in written users: .*timestamp-in-seconds \d+/);
  });

  it('bulk files: the same files, cut at --per-file users', () => {
    const [fast, full] = importBoth(MAPPING, (out) => ['--out-dir', out, '--per-file', '37']);
    assert.equal(fast.stdout, full.stdout);
    assert.deepEqual(fast.files, full.files);
    const bulk = Object.keys(fast.files).filter((f) => f.endsWith('.caseed.json'));
    assert.ok(bulk.length > 10);
    for (const f of bulk) {
      const users = JSON.parse(
        fast.files[f].replace(/"mpid":(-?\d+)/g, '"mpid":"$1"'),
      ) as unknown[];
      assert.ok(users.length >= 1 && users.length <= 37);
    }
  });

  it('a mapping the fast path refuses (a future cutoff date) still gives the same result', () => {
    const future = {
      ...MAPPING,
      calculated_attributes: MAPPING.calculated_attributes.map((ca, i) =>
        i === 0 ? { ...ca, cutoff_date: '2999-01-01' } : ca,
      ),
    };
    const [fast, full] = importBoth(future, (out) => ['--out', join(out, 'users.caseed.ndjson')]);
    assert.equal(fast.stdout, full.stdout);
    assert.deepEqual(fast.files, full.files);
    assert.match(fast.stdout, /future-cutoff-date \d+/);
  });
});

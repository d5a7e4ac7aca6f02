/**
 * `caseed validate` reads a bulk file as a stream of bytes and validates users as they complete:
 * a ~300 MB file is validated by a CLI allowed a 128 MB heap (reading it whole, the text alone
 * does not fit: that CLI died with a V8 out-of-memory trace), and every problem planted in it is
 * reported at its exact line and character — UTF-16 characters as LSP counts them, with
 * astral-plane characters (two UTF-16 units, four UTF-8 bytes) before the error on its line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateBulk } from '../../bench/generate';
import { LineIndex } from '../../core/positions';
import type { Range } from '../../core/positions';
import { validate } from '../../core/validate';
import { ensureBuilt } from '../server/build';
import { CLI } from './run';

const TODAY_SAFE = true; // the planted problems do not depend on today's date
const BLOCK = 1000;
const BLOCKS = 166; // ~1.8 KB a user: about 300 MB

interface Expected {
  code: string;
  message: string;
  range: Range;
}

/** A block of users with ids of their own (no two users of the file alike). */
let users: string | undefined;
function block(b: number): string {
  users ??= generateBulk({ users: BLOCK }).trim().slice(1, -1).trim();
  return users
    .replace(/73462446110/g, `7346244${String(b).padStart(4, '0')}`)
    .replace(/cust-/g, `cust-${b}-`)
    .replace(/@example/g, `.${b}@example`);
}

/** A user whose problems sit after astral-plane characters on their lines. */
function planted(k: number): string {
  return `  {
    "environment": "development",
    "mpid": 12345${k},
    "user_attributes": {
      "workspace": [
        { "attribute_name": "Tier 😀𝒳 ${k}", "attribute_value": 'Gold' }
      ]
    },
    "calculated_attributes": {
      "workspace": [
        { "attribute_name": "🎉 LTV", "calculation_type": "sum", "cutoff_date": "2019-02-30", "seed": { "value": 1 } }
      ]
    }
  }`;
}

/** The planted user's diagnostics, positioned in the big file (it starts at `line`, column 0). */
function expectedOf(user: string, line: number): Expected[] {
  const text = `[\n${user}\n]\n`;
  const lines = new LineIndex(text);
  const { diagnostics } = validate(text, { today: '2026-01-01' });
  assert.ok(diagnostics.length >= 2);
  const shift = (p: { line: number; character: number }) => ({
    line: p.line - 1 + line,
    character: p.character,
  });
  return diagnostics.map((d) => {
    const r = lines.rangeOf(d.offset, d.length);
    return {
      code: d.code,
      message: d.message,
      range: { start: shift(r.start), end: shift(r.end) },
    };
  });
}

describe('caseed validate in constant memory (a ~300 MB file, 128 MB heap)', () => {
  let dir: string;
  let file: string;
  let bytes = 0;
  const expected: Expected[] = [];

  before(() => {
    ensureBuilt();
    assert.ok(TODAY_SAFE);
    dir = mkdtempSync(join(tmpdir(), 'caseed-big-'));
    file = join(dir, 'big.caseed.json');
    const fd = openSync(file, 'w');
    let line = 0;
    const write = (s: string): void => {
      bytes += writeSync(fd, s);
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) line++;
    };
    write('[\n');
    for (let b = 0; b < BLOCKS; b++) {
      if (b > 0) write(',\n');
      // Problems near the start, in the middle and at the very end of the file.
      if (b === 0 || b === Math.floor(BLOCKS / 2)) {
        const user = planted(b);
        expected.push(...expectedOf(user, line));
        write(`${user},\n`);
      }
      write(block(b));
    }
    write(',\n');
    const last = planted(BLOCKS);
    expected.push(...expectedOf(last, line));
    write(last);
    write('\n]\n');
    closeSync(fd);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every planted problem at its exact UTF-16 position, and nothing else', () => {
    assert.ok(bytes > 280 * 1024 * 1024, `${bytes} bytes`);
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=128', CLI, 'validate', '--format', 'json', file],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CASEED_DEBUG: '' } },
    );
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as {
      files: Array<{ diagnostics: Array<Expected & { severity: string }> }>;
    };
    const got = out.files[0].diagnostics.map(({ code, message, range }) => ({
      code,
      message,
      range,
    }));
    assert.deepEqual(got, expected);
    // The astral-plane characters count two UTF-16 units each: the single-quoted value's column
    // is past `"Tier 😀𝒳 0", ` as an editor counts it.
    const quote = got.find((d) => d.message.includes('single quotes'));
    assert.ok(quote !== undefined);
    const lineText = planted(0).split('\n')[5];
    assert.equal(quote.range.start.character, lineText.indexOf("'Gold'"));
    assert.equal(
      lineText.indexOf("'Gold'"),
      [...lineText.slice(0, lineText.indexOf("'Gold'"))].length + 2,
    );
  });
});

/**
 * `caseed validate` on NDJSON seed files (`*.caseed.ndjson`): line by line, the same codes as a bulk
 * array, NDJSON's own messages for a line that is not one user, exact UTF-16 positions; a directory
 * walk finds them too.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { NDJSON_EXPECTED, NDJSON_FILE, NDJSON_TEXT } from '../fixtures/ndjson/expected';
import { ensureBuilt } from '../server/build';
import { caseed, tempTree } from './run';

interface Out {
  files: Array<{
    file: string;
    diagnostics: Array<{ code: string; message: string; range: unknown; severity: string }>;
  }>;
}

describe('caseed validate on NDJSON seed files', () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    const clean = NDJSON_TEXT.split('\n')[0];
    dir = tempTree({
      'seeds/a.caseed.ndjson': `${clean}\n${clean.replace('7346244611012968789', '42')}\n`,
      'seeds/crlf.caseed.ndjson': `${clean}\r\n${clean}\r\n`,
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each problem at its line and UTF-16 character, with NDJSON messages (exit 1)', () => {
    const r = caseed(['validate', '--format', 'json', NDJSON_FILE]);
    assert.equal(r.status, 1, r.stderr);
    const got = (JSON.parse(r.stdout) as Out).files[0].diagnostics;
    assert.deepEqual(
      got.map((d) => ({ code: d.code, range: d.range })),
      NDJSON_EXPECTED.map((e) => ({ code: e.code, range: e.range })),
    );
    got.forEach((d, i) => assert.match(d.message, NDJSON_EXPECTED[i].says));
    // No JSON-array advice for NDJSON.
    assert.ok(got.every((d) => !d.message.includes('wrap several users')));
  });

  it('finds *.caseed.ndjson in a directory and passes clean files (CRLF too)', () => {
    const r = caseed(['validate', 'seeds'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, 'caseed: no problems in 2 files\n');
  });

  it('text output names the line and column (1-based)', () => {
    const r = caseed(['validate', NDJSON_FILE]);
    assert.equal(r.status, 1);
    const first = NDJSON_EXPECTED[0].range.start;
    assert.ok(
      r.stdout.includes(
        `problems.caseed.ndjson:${first.line + 1}:${first.character + 1} error invalid-date`,
      ),
      r.stdout,
    );
  });
});

/**
 * The CLI's streaming file reader hands over the same text `readText` reads whole, whatever the
 * chunk size — also when a four-byte character straddles a read — and refuses what readText
 * refuses (binary, not UTF-8, also when the bad bytes come after the first chunk).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CliError } from '../../cli/exitCodes';
import { readText } from '../../cli/readText';
import { streamText } from '../../cli/streamText';
import { tempTree } from './run';

function streamed(path: string, chunkBytes: number): string {
  const parts: string[] = [];
  streamText(path, 'f', (t) => parts.push(t), chunkBytes);
  return parts.join('');
}

describe('streamText', () => {
  let dir: string;
  const text = `[${'{"a": "😀𝒳 é"},\n'.repeat(2000)}{}]`;
  before(() => {
    const late = Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28])]);
    dir = tempTree({
      'astral.caseed.json': `\ufeff${text}`,
      'late.caseed.json': late,
      'cut.caseed.json': Buffer.concat([Buffer.from(text), Buffer.from([0xf0, 0x9f])]),
      'empty.caseed.json': '',
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives readText’s text at every chunk size (characters split across reads)', () => {
    const path = join(dir, 'astral.caseed.json');
    const whole = readText(path);
    assert.equal(whole.charCodeAt(0), '['.charCodeAt(0));
    for (let size = 8000; size < 8008; size++) assert.equal(streamed(path, size), whole, `${size}`);
    assert.equal(streamed(path, 1 << 20), whole);
    assert.equal(streamed(join(dir, 'empty.caseed.json'), 8000), '');
  });

  it('refuses bytes that are not UTF-8 after the first chunk, and a cut-off last character', () => {
    for (const name of ['late.caseed.json', 'cut.caseed.json']) {
      assert.throws(
        () => streamed(join(dir, name), 8000),
        (e: unknown) => e instanceof CliError && e.message === 'cannot read f: not UTF-8 text',
      );
    }
  });
});

/**
 * The streaming user reader's contract (what `caseed validate` and `caseed send` build on): text in
 * chunks of any size, each complete user out once, in order, with its exact source text, absolute
 * offset and UTF-16 line/character; the same for NDJSON; UTF-8 bytes split anywhere decode alike.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedDiagnostic } from '../../../core/diagnostics';
import { LineIndex } from '../../../core/positions';
import type { StreamedUser } from '../../../core/stream/users';
import { formatOfName, UserReader, userSource } from '../../../core/stream/users';
import { NotUtf8Error, Utf8Chunks, utf8Boundary } from '../../../core/stream/utf8';
import { StreamValidator } from '../../../core/stream/validate';
import { below, prng } from '../random';

function user(i: number): string {
  return `{\n    "environment": "development",\n    "mpid": ${7346244611012968789n + BigInt(i)},\n    "note": "😀𝒳 ${i}"\n  }`;
}

const BULK = `\ufeff[\n  ${Array.from({ length: 40 }, (_, i) => user(i)).join(',\n  ')}\n]\n`;

interface Seen {
  index: number;
  source: string;
  offset: number;
  start: { line: number; character: number };
  bulk: boolean;
}

function read(text: string, format: 'json' | 'ndjson', seed: number, windowSize: number) {
  const random = prng(seed);
  const users: Seen[] = [];
  const syntax: SeedDiagnostic[] = [];
  const reader = new UserReader({
    format,
    windowSize,
    onUser: (u: StreamedUser) =>
      users.push({
        index: u.index,
        source: userSource(u),
        offset: u.offset,
        start: u.start,
        bulk: u.bulk,
      }),
    onSyntax: (d) => syntax.push(d),
  });
  for (let i = 0; i < text.length;) {
    const n = 1 + below(random, 300);
    reader.push(text.slice(i, i + n));
    i += n;
  }
  const end = reader.end();
  return { users, syntax, end };
}

test('every user of a bulk array comes out once, with its source, offset and position', () => {
  const lines = new LineIndex(BULK);
  for (const [seed, windowSize] of [
    [1, 1],
    [2, 50],
    [3, 700],
    [4, 1 << 20],
  ]) {
    const { users, syntax, end } = read(BULK, 'json', seed, windowSize);
    assert.deepEqual(syntax, []);
    assert.equal(users.length, 40);
    assert.equal(end.userCount, 40);
    assert.deepEqual(end.root, { type: 'array', offset: 1, length: BULK.trimEnd().length - 1 });
    users.forEach((u, i) => {
      assert.equal(u.index, i);
      assert.equal(u.bulk, true);
      assert.equal(u.source, user(i));
      assert.equal(BULK.slice(u.offset, u.offset + u.source.length), u.source);
      assert.deepEqual(u.start, lines.positionAt(u.offset));
    });
  }
});

test('a single user object comes out once, not as a bulk element', () => {
  const text = `${user(7)}\n`;
  const { users, end } = read(text, 'json', 5, 3);
  assert.equal(users.length, 1);
  assert.equal(users[0].bulk, false);
  assert.equal(users[0].source, user(7));
  assert.equal(end.root?.type, 'object');
});

test('NDJSON: one user per line, positions per line, any chunking', () => {
  const lines = Array.from({ length: 30 }, (_, i) => user(i).replace(/\n\s*/g, ' '));
  const text = `${lines.join('\n')}\r\n\n`;
  const index = new LineIndex(text);
  for (const seed of [1, 2, 3]) {
    const { users, syntax, end } = read(text, 'ndjson', seed, 1);
    assert.deepEqual(syntax, []);
    assert.equal(end.userCount, 30);
    users.forEach((u, i) => {
      assert.equal(u.source, lines[i]);
      assert.deepEqual(u.start, { line: i, character: 0 });
      assert.deepEqual(index.positionAt(u.offset), u.start);
    });
  }
});

test('NDJSON diagnostics do not depend on how the text is chunked', () => {
  const text =
    '{"environment": "development", "mpid": 1} {"mpid": 2}\n\n[1]\n"😀" x\n{"environment": 😀}\n{"a":';
  const whole: unknown[] = [];
  const v = new StreamValidator({
    format: 'ndjson',
    today: '2026-01-01',
    onDiagnostic: (d, range) => whole.push({ d, range }),
  });
  v.push(text);
  v.end();
  assert.ok(whole.length >= 5);
  for (let n = 1; n < 12; n++) {
    const got: unknown[] = [];
    const c = new StreamValidator({
      format: 'ndjson',
      today: '2026-01-01',
      onDiagnostic: (d, range) => got.push({ d, range }),
    });
    for (let i = 0; i < text.length; i += n) c.push(text.slice(i, i + n));
    c.end();
    assert.deepEqual(got, whole, `chunks of ${n}`);
  }
});

test('formatOfName: *.caseed.ndjson (and .jsonl) is NDJSON, the rest JSON', () => {
  assert.equal(formatOfName('a/b.caseed.ndjson'), 'ndjson');
  assert.equal(formatOfName('file:///x/B.CASEED.NDJSON'), 'ndjson');
  assert.equal(formatOfName('x.jsonl'), 'ndjson');
  assert.equal(formatOfName('x.caseed.json'), 'json');
});

test('UTF-8 split at every byte decodes to the same text; the BOM goes, only at the start', () => {
  const text = '\ufeff[{"a": "😀𝒳é\ufeffz"}]';
  const bytes = new TextEncoder().encode(text);
  for (let cut = 0; cut <= bytes.length; cut++) {
    for (let cut2 = cut; cut2 <= bytes.length; cut2 += 3) {
      const d = new Utf8Chunks();
      const out =
        d.decode(bytes.subarray(0, cut)) +
        d.decode(bytes.subarray(cut, cut2)) +
        d.decode(bytes.subarray(cut2));
      d.end();
      assert.equal(out, text.slice(1), `cuts ${cut}, ${cut2}`);
    }
  }
  assert.equal(utf8Boundary(bytes.subarray(0, 13)), 11); // inside 😀 (4 bytes from 9)
});

test('invalid UTF-8 throws NotUtf8Error, also a character cut off at the end', () => {
  const bad = new Uint8Array([0x7b, 0xff, 0x7d]);
  assert.throws(() => new Utf8Chunks().decode(bad), NotUtf8Error);
  const cut = new Utf8Chunks();
  assert.equal(cut.decode(new Uint8Array([0x22, 0xf0, 0x9f])), '"');
  assert.throws(() => cut.end(), NotUtf8Error);
});

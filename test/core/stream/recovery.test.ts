/**
 * A bulk user whose closing brace is missing no longer swallows the rest of the file: the parser
 * closes it before the comma where the next user starts (one `unclosed` problem, fixed by its quick
 * fix), so the users after it are still users — and the streaming reader still reaches a
 * checkpoint after it, keeping memory flat on a huge file with that one mistake.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../core/diagnostics';
import { UserReader } from '../../../core/stream/users';
import { validate } from '../../../core/validate';

function user(i: number): string {
  return `{\n    "environment": "development",\n    "mpid": ${i},\n    "calculated_attributes": {\n      "workspace": [{ "attribute_name": "a", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 1 } }]\n    }\n  }`;
}

test('a user missing its closing brace is closed before the next user', () => {
  const users = Array.from({ length: 5 }, (_, i) => user(i + 1));
  users[1] = users[1].slice(0, -1); // no "}"
  const text = `[\n  ${users.join(',\n  // next\n  ')}\n]\n`;
  const r = validate(text, { today: '2026-01-01' });
  assert.equal(r.userCount, 5);
  // The comment after the broken user is read twice by the parser, reported once.
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    ['comment', 'unclosed', 'comment', 'comment', 'comment'],
  );
  const d = r.diagnostics.find((x) => x.code === 'unclosed')!;
  assert.equal(d.offset, text.indexOf(users[1]));
  const fixed = applyEdits(text, d.fixes![0].edits);
  assert.deepEqual(
    validate(fixed, { today: '2026-01-01' }).diagnostics.map((x) => x.code),
    ['comment', 'comment', 'comment', 'comment'],
  );
  // The brace goes where the user's content ends (before the line break and the comma).
  const content = users[1].trimEnd();
  assert.equal(fixed, text.replace(users[1], `${content}}${users[1].slice(content.length)}`));
});

test('a user cut short by two closing braces: both objects are closed, later users stay users', () => {
  const users = Array.from({ length: 4 }, (_, i) => user(i + 1));
  users[1] = users[1].trimEnd().slice(0, -1).trimEnd().slice(0, -1); // no "}" for two objects
  const text = `[\n  ${users.join(',\n  ')}\n]\n`;
  const r = validate(text, { today: '2026-01-01' });
  assert.equal(r.userCount, 4);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.offset]),
    [
      ['unclosed', text.indexOf(users[1])],
      ['unclosed', text.indexOf('{\n      "workspace"', text.indexOf(users[1]))],
    ],
  );
});

test('the streaming reader hands the later users over as they come', () => {
  const users = Array.from({ length: 200 }, (_, i) => user(i + 1));
  users[3] = users[3].slice(0, -1);
  const text = `[\n  ${users.join(',\n  ')}\n]\n`;
  let seen = 0;
  const reader = new UserReader({ windowSize: 1000, onUser: () => seen++ });
  const half = text.length >> 1;
  reader.push(text.slice(0, half));
  // Before the end of the text, most users of the first half are already out (nothing held back).
  assert.ok(seen > 80, `${seen} users out after half the text`);
  reader.push(text.slice(half));
  reader.end();
  assert.equal(seen, 200);
});

/**
 * Messages quote values from the document as a short excerpt: a 1 MB value never becomes a 1 MB
 * diagnostic message or fix title, and short values are quoted whole, as always.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerpt, quoted } from '../../../core/excerpt';
import { diagnosticsOf, entry, userWith } from './helpers';

const BIG = 'x'.repeat(1_000_000);
const DIGITS = '1'.repeat(1_000_000);

/** Documents where each rule that quotes a value meets a huge one. */
const CASES: Record<string, string> = {
  environment: `{ "environment": "${BIG}", "mpid": 1, "calculated_attributes": { "workspace": [] } }`,
  'unknown property': userWith(entry('sum', '{ "value": 1 }'), `"mpid": 1, "${BIG}": 1`),
  'duplicate key': userWith(entry('sum', '{ "value": 1 }'), `"mpid": 1, "${BIG}": 1, "${BIG}": 2`),
  'bare key': `{ ${BIG}: 1 }`,
  'invalid number': `{ "mpid": 0${DIGITS} }`,
  'mpid out of range': userWith(entry('sum', '{ "value": 1 }'), `"mpid": ${DIGITS}`),
  'mpid as text': userWith(entry('sum', '{ "value": 1 }'), `"mpid": "${BIG}"`),
  identity: userWith(entry('sum', '{ "value": 1 }'), `"identities": { "${BIG}": "a" }`),
  'identity value': userWith(
    entry('sum', '{ "value": 1 }'),
    `"identities": { "email": "" , "${BIG}x": "" }`,
  ),
  'calculation type': userWith(entry(BIG, '{ "value": 1 }')),
  date: userWith(entry('sum', '{ "value": 1 }', 'A', `"${BIG}"`)),
  'numeric seed': userWith(entry('sum', `{ "value": "${BIG}" }`)),
  'numeric seed with a fix': userWith(entry('sum', `{ "value": "1,${DIGITS}" }`)),
  count: userWith(entry('count', `{ "value": -${DIGITS} }`)),
  timestamp: userWith(entry('first_occurrence_timestamp', `{ "value": "${BIG}" }`)),
  'list repeat': userWith(entry('unique_list', `{ "list": ["${BIG}", "${BIG}"] }`)),
  'most frequent': userWith(
    entry('most_frequent', `{ "key_value_pairs": { "${BIG}": "${BIG}" } }`),
  ),
  'average key': userWith(
    entry('average', `{ "key_value_pairs": { "sum": 1, "count": 1, "${BIG}": 1 } }`),
  ),
  'duplicate attribute': userWith(
    `${entry('sum', '{ "value": 1 }', BIG)}, ${entry('sum', '{ "value": 1 }', BIG)}`,
  ),
  'user attribute value': userWith(
    entry('sum', '{ "value": 1 }'),
    `"mpid": 1, "user_attributes": { "workspace": [{ "attribute_name": "a", "attribute_value": ${DIGITS} }] }`,
  ),
};

for (const [name, text] of Object.entries(CASES)) {
  test(`a huge value is quoted as an excerpt: ${name}`, () => {
    const ds = diagnosticsOf(text);
    assert.ok(ds.length > 0, 'something is reported');
    for (const d of ds) {
      assert.ok(d.message.length < 400, `${d.code}: ${d.message.slice(0, 200)}…`);
      for (const f of d.fixes ?? [])
        assert.ok(f.title.length < 200, `fix title of ${d.code}: ${f.title.slice(0, 200)}…`);
    }
    assert.ok(
      ds.some(
        (d) =>
          d.message.includes('1,000,00') ||
          (d.fixes ?? []).some((f) => f.title.includes('1,000,00')),
      ),
      `a message or fix says how long the value is: ${ds.map((d) => d.message).join('\n')}`,
    );
  });
}

test('short values are quoted whole; long ones cut with their length', () => {
  assert.equal(quoted('prod'), '"prod"');
  assert.equal(quoted('a'.repeat(80)), `"${'a'.repeat(80)}"`);
  assert.equal(quoted('a'.repeat(81)), `"${'a'.repeat(60)}…" (81 characters)`);
  assert.equal(excerpt('123'), '123');
  assert.equal(excerpt('9'.repeat(1000)), `${'9'.repeat(60)}… (1,000 characters)`);
  // A surrogate pair is not cut in two.
  const s = 'a'.repeat(59) + '😀'.repeat(20);
  assert.ok(!/[\ud800-\udbff]…/.test(quoted(s)), quoted(s));
});

test('a short value keeps the message it always had', () => {
  const ds = diagnosticsOf(
    `{ "environment": "prod", "mpid": 1, "calculated_attributes": { "workspace": [${entry('sum', '{ "value": 1 }')}] } }`,
  );
  assert.deepEqual(
    ds.map((d) => d.message),
    [
      '"prod" is not an environment: use "development" or "production" (did you mean "production"?).',
    ],
  );
});

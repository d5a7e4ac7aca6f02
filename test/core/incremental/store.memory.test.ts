/**
 * The store keeps nothing of the texts it was given: in V8 a slice of 13 or more characters (an
 * attribute name, a calculation type, a message quoting one) is a view that keeps its whole parent
 * string alive, so one kept name would hold the whole text of a full pass — a second copy of a
 * 200 MB document after every structural edit. Measured with the garbage collector run by hand:
 * after the texts are dropped, what the heap still holds is far below one text's size.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SeedStore } from '../../../core/incremental/store';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const USERS = 5_000;

/** A bulk file whose attribute names, types and problems are all 13 characters or more. */
function bulk(users: number, tag: string, padding: string): string {
  const out: string[] = [];
  for (let i = 0; i < users; i++)
    out.push(`  {
    "environment": "development",
    "user_attributes": { "workspace": [{ "attribute_name": "Notes", "attribute_value": "Notes"${padding} }] },
    "identities": { "${i % 10 === 0 ? 'ios_idfa' : 'customer_id'}": "c-${i}" },
    "calculated_attributes": {
      "workspace": [
        { "attribute_name": "lifetime_value_${tag}_${i % 7}", "calculation_type": "unique_values_list", "cutoff_date": "2019-12-01", "seed": { "list": ["a"] } },
        { "attribute_name": "a_name_nobody_uses_${i}", "calculation_type": "${i % 2 === 0 ? 'sum' : 'sum_of_everything_typo'}", "cutoff_date": "2019-12-01", "seed": { "value": 1 } }
      ]
    }
  }`);
  return `[\n${out.join(',\n')}\n]\n`;
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * What the heap still holds (beyond `before`) while a store built from three texts lives on, the
 * texts dropped: a full pass, a second full pass over a new text, an incremental edit read from a
 * third. `padding` goes into every user (spaces the store has no reason to keep).
 */
function heldByStore(padding: string): { held: number; size: number; problems: number } {
  const before = heapUsed();
  let size = 0;
  const store = ((): SeedStore => {
    // Each text lives only inside this function; the store is all that survives it.
    const first = bulk(USERS, 'a', padding);
    size = first.length;
    const s = new SeedStore(first, { today: '2026-01-01' });
    const second = bulk(USERS, 'b', padding);
    s.fullPass(second);
    const at = second.lastIndexOf('"a_name_nobody_uses_') + 1;
    const third = `${second.slice(0, at)}x${second.slice(at)}`;
    const doc = { slice: (a: number, b: number) => third.slice(a, b), full: () => third };
    assert.equal(s.edit(doc, at, 0, 'x'), true, 'the edit inside a user is incremental');
    return s;
  })();
  const held = heapUsed() - before;
  return { held, size, problems: store.diagnostics().length };
}

test('after full passes and edits, the store holds no copy of a text it was given', () => {
  // The same users with and without 6,000 spaces each (between tokens): the store's own state is
  // the same, so what it holds must not grow with the texts.
  const lean = heldByStore('');
  const padded = heldByStore(' '.repeat(6000));
  assert.ok(padded.problems >= USERS, 'the store has problems (messages to keep)');
  assert.equal(padded.problems, lean.problems);
  const growth = padded.held - lean.held;
  assert.ok(
    growth < padded.size / 4,
    `the store holds ${(growth / 1e6).toFixed(1)} MB more for texts ${(padded.size / 1e6).toFixed(1)} MB larger`,
  );
});

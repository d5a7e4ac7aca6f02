/**
 * Property test of incremental validation: thousands of seeded random edits (single characters
 * typed or deleted inside users, tokens swapped, and structural edits: brackets, commas between
 * users, pastes and deletions across users) are applied to bulk seed files, and after each one the
 * store's diagnostics must equal a full `validate` of the new text. The test also checks that most
 * edits inside a user really were handled incrementally (otherwise it would prove nothing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeedStore } from '../../../core/incremental/store';
import { storeModel } from '../../../core/incremental/model';
import { publishedDiagnostics } from '../../../core/incremental/published';
import { analyze } from '../../../core/document';
import { toLspDiagnostic } from '../../../core/features/codeActions';
import { LineIndex } from '../../../core/positions';
import { validate } from '../../../core/validate';
import type { Random } from '../random';
import { below, chance, pick, prng } from '../random';
import { plainDocument } from './plainDocument';

const TODAY = '2026-01-01';
const NAMES = ['LTV', 'Tier', 'Last seen', 'Visits'];
const TYPES = ['sum', 'min', 'max', 'count', 'minimum', 'unique_list', 'last_occurrence_timestamp'];
const DATES = ['2019-12-01', '2019-12-02', '2019-02-30', '2020-01-01'];

function entry(random: Random): string {
  const name = pick(random, NAMES);
  const type = pick(random, TYPES);
  const seed =
    type === 'unique_list'
      ? '{ "list": ["a", "b"] }'
      : type === 'last_occurrence_timestamp'
        ? `{ "value": ${pick(random, ['1582589378000', '1582589378'])} }`
        : `{ "value": ${pick(random, ['12', '"lots"', '1.5', '-3'])} }`;
  return `        {
          "attribute_name": "${name}",
          "calculation_type": "${type}",
          "cutoff_date": "${pick(random, DATES)}",
          "seed": ${seed}
        }`;
}

function user(random: Random, i: number): string {
  const who = chance(random, 0.5)
    ? `"mpid": ${pick(random, ['7346244611012968789', '-12', '"abc"', String(1000 + i)])},`
    : `"identities": { "customer_id": "c-${i}", "email": "u${i}@example.com" },`;
  const entries = Array.from({ length: 1 + below(random, 3) }, () => entry(random));
  return `  {
    "environment": "${pick(random, ['development', 'production', 'dev'])}",
    ${who}
    "calculated_attributes": {
      "workspace": [
${entries.join(',\n')}
      ]
    }
  }`;
}

function bulk(random: Random): string {
  const n = 2 + below(random, 12);
  return `[\n${Array.from({ length: n }, (_, i) => user(random, i)).join(',\n')}\n]\n`;
}

interface Change {
  offset: number;
  removed: number;
  inserted: string;
}

const CHARS = 'ax0 1-"\\:,{}[]\n\t.e';
const TOKENS: Array<[string, string]> = [
  ['"sum"', '"min"'],
  ['"min"', '"max"'],
  ['"count"', '"sum"'],
  ['2019-12-01', '2019-12-02'],
  ['2019-12-02', '2019-12-01'],
  ['"LTV"', '"Tier"'],
  ['"Tier"', '"Visits"'],
  ['"development"', '"production"'],
  ['"mpid"', '"mpidx"'],
  [', ', ' '],
];

function randomChange(random: Random, text: string): Change {
  const kind = below(random, 10);
  const offset = below(random, text.length + 1);
  if (kind <= 3) return { offset, removed: 0, inserted: pick(random, [...CHARS]) };
  if (kind <= 5)
    return { offset, removed: Math.min(1 + below(random, 3), text.length - offset), inserted: '' };
  if (kind <= 7) {
    const [from, to] = pick(random, TOKENS);
    const at = text.indexOf(from, offset);
    const where = at >= 0 ? at : text.indexOf(from);
    if (where >= 0) return { offset: where, removed: from.length, inserted: to };
    return { offset, removed: 0, inserted: 'x' };
  }
  if (kind === 8) {
    // A paste of a random slice of the text (often across users).
    const from = below(random, text.length);
    const slice = text.slice(from, from + below(random, 400));
    return { offset, removed: 0, inserted: slice };
  }
  // A deletion across users.
  return { offset, removed: Math.min(below(random, 3000), text.length - offset), inserted: '' };
}

/** The text in random pieces, as a chunked document hands it to a full pass. */
function pieces(random: Random, text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    const n = 1 + below(random, 120);
    out.push(text.slice(at, at + n));
    at += n;
  }
  return out;
}

test('incremental validation equals a full validation after every random edit', () => {
  const random = prng(11);
  // Half the files read their full passes in pieces through small parse windows (its own
  // generator, so that the edits are the same whichever way the full passes read).
  const cut = prng(12);
  let checked = 0;
  let inside = 0;
  let incremental = 0;
  for (let file = 0; file < 40; file++) {
    let text = bulk(random);
    const chunked = file % 2 === 1;
    const store = chunked
      ? new SeedStore(pieces(cut, text), { today: TODAY, windowSize: 16 + below(cut, 300) })
      : new SeedStore(text, { today: TODAY });
    for (let k = 0; k < 100; k++) {
      const c = randomChange(random, text);
      text = text.slice(0, c.offset) + c.inserted + text.slice(c.offset + c.removed);
      const source = {
        slice: (s: number, e: number) => text.slice(s, e),
        full: () => (chunked ? pieces(cut, text) : text),
      };
      const before = store.stats.incremental;
      store.edit(source, c.offset, c.removed, c.inserted);
      if (store.stats.incremental > before) incremental++;
      if (store.isBulk) inside++;
      const full = validate(text, { today: TODAY });
      assert.deepEqual(
        store.diagnostics(),
        full.diagnostics,
        `file ${file}, edit ${k}: ${JSON.stringify(c)}`,
      );
      assert.equal(store.userCount, full.userCount, `file ${file}, edit ${k}: user count`);
      // What the server publishes (converted lists reused across edits) equals a fresh conversion.
      const lines = new LineIndex(text);
      const doc = plainDocument(text, lines);
      const fresh = analyze(text, { today: TODAY });
      const published = publishedDiagnostics(store, storeModel(doc, store, undefined), 1000);
      assert.deepEqual(
        published.shown,
        fresh.diagnostics.map((d) => toLspDiagnostic(fresh, d)),
        `file ${file}, edit ${k}: published`,
      );
      checked++;
    }
  }
  assert.equal(checked, 4000);
  // Most edits land inside a user of a bulk file and must not need a full pass.
  assert.ok(
    incremental >= 250 && incremental > inside / 15,
    `${incremental} of ${inside} edits were incremental`,
  );
});

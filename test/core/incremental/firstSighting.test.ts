/**
 * Editing the user that first seeds an attribute: every other user seeding it is compared with
 * that first sighting (conflicting-attribute names it). When the first sighting moves to another
 * user with the same type and cutoff date (renaming the attribute in the first user, or seeding it
 * in a user before all others), the store checks again only the users whose diagnostics name the
 * first user, not the whole file; when the type or cutoff date would change, a full pass. Always
 * what a full validation gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeedStore } from '../../../core/incremental/store';
import { validate } from '../../../core/validate';

const TODAY = '2026-01-01';

function user(i: number, name: string, type = 'sum', cutoff = '2019-12-01'): string {
  const seed = `{ "attribute_name": "${name}", "calculation_type": "${type}", "cutoff_date": "${cutoff}", "seed": { "value": ${i} } }`;
  return `  {\n    "environment": "development",\n    "mpid": ${1000 + i},\n    "calculated_attributes": { "workspace": [\n      ${seed}\n    ] }\n  }`;
}

function file(users: string[]): string {
  return `[\n${users.join(',\n')}\n]\n`;
}

/** 40 users seeding LTV as sum; users 10 and 30 as max (conflicts naming the first user). */
function users(): string[] {
  return Array.from({ length: 40 }, (_, i) => user(i, 'LTV', i === 10 || i === 30 ? 'max' : 'sum'));
}

function apply(store: SeedStore, text: string, offset: number, removed: number, inserted: string) {
  const next = text.slice(0, offset) + inserted + text.slice(offset + removed);
  store.edit({ slice: (a, b) => next.slice(a, b), full: () => next }, offset, removed, inserted);
  return next;
}

function conflictMessages(text: string): string[] {
  return validate(text, { today: TODAY })
    .diagnostics.filter((d) => d.code === 'conflicting-attribute')
    .map((d) => d.message);
}

test('renaming the attribute in its first user moves the first sighting without a full pass', () => {
  let text = file(users());
  const store = new SeedStore(text, { today: TODAY });
  assert.match(conflictMessages(text)[0], /in user 1 but/);
  const at = text.indexOf('"LTV"') + 4; // inside the first user's name
  text = apply(store, text, at, 0, 'x'); // "LTVx": user 1 no longer seeds LTV
  assert.deepEqual(store.stats, { incremental: 1, full: 1, dependents: 3 });
  assert.deepEqual(store.diagnostics(), validate(text, { today: TODAY }).diagnostics);
  assert.match(conflictMessages(text)[0], /in user 2 but/, 'the conflicts now name user 2');
  text = apply(store, text, at, 1, ''); // back to "LTV": user 1 is the first again
  assert.deepEqual(store.stats, { incremental: 2, full: 1, dependents: 5 });
  assert.deepEqual(store.diagnostics(), validate(text, { today: TODAY }).diagnostics);
  assert.match(conflictMessages(text)[0], /in user 1 but/);
});

test('when the next seeder has another type, every seeder compares with it: a full pass', () => {
  const list = users();
  list[1] = user(1, 'LTV', 'max');
  let text = file(list);
  const store = new SeedStore(text, { today: TODAY });
  text = apply(store, text, text.indexOf('"LTV"') + 4, 0, 'x');
  assert.equal(store.stats.full, 2);
  assert.deepEqual(store.diagnostics(), validate(text, { today: TODAY }).diagnostics);
});

test('changing the first user’s type or cutoff date is a full pass, and equal to one', () => {
  let text = file(users());
  const store = new SeedStore(text, { today: TODAY });
  const at = text.indexOf('2019-12-01');
  text = apply(store, text, at + 9, 1, '2');
  assert.equal(store.stats.full, 2);
  assert.deepEqual(store.diagnostics(), validate(text, { today: TODAY }).diagnostics);
});

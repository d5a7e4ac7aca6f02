/**
 * The tree validator of shape (core/shapeValidator.ts) and ajv reading the published schema
 * (schemas/caseed.schema.json) agree on every generated document: the same answer, and problems
 * at the same places. Documents: every mutation of valid users (each node replaced, each key
 * deleted, a key added) and a few thousand random documents built from the vocabulary and mutated.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonNode } from '../../../core/ast';
import { parse } from '../../../core/parser';
import { compilePublishedSchema, userSchemaValidator } from '../../../core/schema';
import type { ShapeError } from '../../../core/shapeValidator';
import { validatePayload, validateShape } from '../../../core/shapeValidator';
import {
  CALCULATION_TYPE_ALIASES,
  CALCULATION_TYPES,
  ENVIRONMENTS,
  IDENTITY_TYPES,
} from '../../../core/vocabulary';
import { entry, userWith, VALID_SEEDS } from './helpers';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const REPLACEMENTS: Json[] = [
  null,
  0,
  -1,
  1.5,
  '',
  'x',
  '12',
  'n'.repeat(300),
  [],
  {},
  true,
  ['a'],
  { a: 1 },
];

function baseUsers(): Json[] {
  const all = CALCULATION_TYPES.map((t, i) => entry(t.name, VALID_SEEDS[t.name], `A${i}`));
  const withUa = userWith(
    all.join(','),
    '"identities": { "email": "a@b.c" },\n  "user_attributes": { "workspace": [{ "attribute_name": "t", "attribute_value": "v" }] }',
  );
  return [JSON.parse(withUa) as Json, JSON.parse(userWith(all[0])) as Json];
}

/** Every variant: each node replaced by each replacement, each key deleted, a key added. */
function* mutations(value: Json): Generator<Json> {
  yield value;
  for (const r of REPLACEMENTS) yield r;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      for (const m of mutations(value[i])) yield value.map((x, j) => (j === i ? m : x));
      yield value.filter((_, j) => j !== i);
    }
    yield [];
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      for (const m of mutations(value[k])) yield { ...value, [k]: m };
      const rest = { ...value };
      delete rest[k];
      yield rest;
    }
    yield { ...value, zz_unknown: 1 };
  }
}

// ─── A random generator of payloads from the vocabulary (seeded: the same run every time) ───

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomUser(r: () => number): Json {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  /** Mostly the valid choice, sometimes one of the others. */
  const usually = <T>(valid: T, others: readonly T[]): T => (r() < 0.93 ? valid : pick(others));
  const types = [...CALCULATION_TYPES.map((t) => t.name), ...Object.keys(CALCULATION_TYPE_ALIASES)];
  const seedFor = (type: string): Json => {
    const values: Json[] = [0, 7, -3, 2.5, '12', '1.5e3', 'abc', '', 1700000000000, '007', 1e21];
    const field = pick(['value', 'list', 'key_value_pairs', 'value']);
    if (r() < 0.9) {
      const canonical = CALCULATION_TYPE_ALIASES[type] ?? type;
      const t = CALCULATION_TYPES.find((c) => c.name === canonical);
      if (t?.field === 'list') return { list: usually<Json[]>(['a', 'b'], [['a', 1], []]) };
      if (t?.field === 'key_value_pairs')
        return r() < 0.5
          ? {
              key_value_pairs: {
                sum: usually<Json>(1.5, values),
                count: usually<Json>('3', [1, 0, '0', 2.5]),
              },
            }
          : { key_value_pairs: { x: usually<Json>(2, values), y: usually<Json>('2', [1, -1]) } };
      return { value: usually<Json>(t?.shape === 'any' ? 'v' : 1700000000000, values) };
    }
    if (field === 'list') return { list: [pick(values)] };
    if (field === 'key_value_pairs') return { key_value_pairs: { sum: pick(values) } };
    return { value: pick(values) };
  };
  const seeds: Json[] = [];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const type = pick(types);
    seeds.push({
      attribute_name: usually('LTV', ['', 'n'.repeat(257)]),
      calculation_type: usually(type, ['total']),
      cutoff_date: usually('2024-01-01', ['2024-1-1', '01/01/2024']),
      seed: seedFor(type),
    });
  }
  const user: Record<string, Json> = {
    environment: usually<string>(pick(ENVIRONMENTS), ['prod']),
    calculated_attributes: { workspace: seeds },
  };
  const id = r();
  if (id < 0.5) user.mpid = usually<Json>(pick([1, -5, 9007199254740992]), [1.5, '1']);
  else if (id < 0.97)
    user.identities = usually<Json>({ [pick(IDENTITY_TYPES).name]: 'x' }, [
      {},
      { ios_idfa: 'x' },
      { email: '' },
      { email: 3 },
    ]);
  if (r() < 0.3)
    user.user_attributes = {
      workspace: Array.from({ length: r() < 0.1 ? 101 : 2 }, (_, i) => ({
        attribute_name: `u${i}`,
        attribute_value: usually<Json>('v', [1, 'w'.repeat(4097)]),
      })),
    };
  return user;
}

/** One random mutation of a value (or the value itself), from a generator of all of them. */
function randomMutation(value: Json, r: () => number): Json {
  const all = [...mutations(value)];
  return all[Math.floor(r() * all.length)];
}

// ─── The comparison ───

function pointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function treeOf(value: Json): JsonNode {
  const root = parse(JSON.stringify(value)).root;
  assert.ok(root);
  return root;
}

/** Where ajv finds problems (the instance paths; `if` only says which condition failed). */
function ajvPlaces(errors: readonly { keyword: string; instancePath: string }[]): Set<string> {
  return new Set(errors.filter((e) => e.keyword !== 'if').map((e) => e.instancePath));
}

function treePlaces(errors: ShapeError[]): Set<string> {
  return new Set(errors.map((e) => pointer(e.path)));
}

function agreeOnUser(user: Json): boolean {
  const ajv = userSchemaValidator();
  const expected = ajv(user) as boolean;
  const errors: ShapeError[] = [];
  validateShape(treeOf(user), 'user', (e) => errors.push(e), { full: true });
  const label = JSON.stringify(user).slice(0, 600);
  assert.equal(errors.length === 0, expected, label);
  assert.deepEqual(treePlaces(errors), ajvPlaces(ajv.errors ?? []), label);
  return expected;
}

test('the tree validator and ajv agree on every mutation of valid users', () => {
  let n = 0;
  let valid = 0;
  for (const base of baseUsers()) {
    for (const user of mutations(base)) {
      if (user === null || typeof user !== 'object' || Array.isArray(user)) continue;
      if (agreeOnUser(user)) valid++;
      n++;
    }
  }
  assert.ok(n > 1000 && valid > 10 && valid < n, `${valid}/${n}`);
});

test('the tree validator and ajv agree on thousands of random users and payloads', () => {
  const r = rng(8);
  const payload = compilePublishedSchema();
  let n = 0;
  let valid = 0;
  for (let i = 0; i < 3000; i++) {
    const user = r() < 0.6 ? randomUser(r) : randomMutation(randomUser(r), r);
    if (user !== null && typeof user === 'object' && !Array.isArray(user)) {
      if (agreeOnUser(user)) valid++;
      n++;
    }
    // The whole payload: a single user, a bulk array, or something else.
    const doc: Json = r() < 0.5 ? user : [user, randomUser(r)];
    let errors = 0;
    validatePayload(treeOf(doc), () => errors++, { full: true });
    assert.equal(errors === 0, payload(doc), JSON.stringify(doc).slice(0, 600));
  }
  assert.ok(n > 2000 && valid > 100 && valid < n, `${valid}/${n}`);
});

test('by default the checks rules own are left to them (and only those)', () => {
  // A user ajv rejects only for rule-owned reasons: no problem of shape of its own.
  const owned = JSON.parse(
    userWith(entry('count', '{ "value": "ten" }', 'LTV', '"12/01/2019"'), '"identities": {}'),
  ) as Json;
  assert.equal(userSchemaValidator()(owned), false);
  const full: ShapeError[] = [];
  validateShape(treeOf(owned), 'user', (e) => full.push(e), { full: true });
  assert.ok(full.length > 0 && full.every((e) => e.ownedBy !== undefined));
  const plain: ShapeError[] = [];
  validateShape(treeOf(owned), 'user', (e) => plain.push(e));
  assert.deepEqual(plain, []);
  // A problem nobody owns is reported in both modes, on its node.
  const unknown = JSON.parse(userWith(entry('sum', '{ "value": 1 }'), '"zz": 1')) as Json;
  const errs: ShapeError[] = [];
  validateShape(treeOf(unknown), 'user', (e) => errs.push(e));
  assert.deepEqual(
    errs.map((e) => [e.keyword, e.additionalProperty, e.ownedBy]),
    [['additionalProperties', 'zz', undefined]],
  );
});

test('of a repeated key only the last is checked, as JSON.parse keeps it', () => {
  const text = (first: string, last: string): string =>
    userWith(entry('sum', '{ "value": 1 }')).replace(
      '"environment": "development"',
      `"environment": ${first}, "environment": ${last}`,
    );
  const errorsOf = (t: string): ShapeError[] => {
    const errors: ShapeError[] = [];
    validateShape(parse(t).root!, 'user', (e) => errors.push(e));
    return errors;
  };
  assert.deepEqual(errorsOf(text('"bogus"', '"development"')), []);
  const errs = errorsOf(text('"development"', '"bogus"'));
  assert.deepEqual(
    errs.map((e) => [e.keyword, e.spec?.name, e.node.offset]),
    [['enum', 'environment', text('"development"', '"bogus"').indexOf('"bogus"')]],
  );
  assert.equal(userSchemaValidator()(JSON.parse(text('"development"', '"bogus"'))), false);
});

/**
 * The tree check (core/schemaAst.ts) must agree with ajv on every user: it is the fast path that
 * skips ajv for valid users. Compared on hundreds of mutations of valid users, for the runtime
 * schema and for the full published schema.
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { test } from 'node:test';
import type { ObjectNode } from '../../../core/ast';
import { CALCULATION_TYPES } from '../../../core/facts';
import { parse } from '../../../core/parser';
import { plainUser } from '../../../core/rules/plain';
import { SCHEMA, userAstCheck, userSchemaValidator } from '../../../core/schema';
import { compileAstCheck } from '../../../core/schemaAst';
import { entry, userWith, VALID_SEEDS } from './helpers';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const REPLACEMENTS: Json[] = [
  null,
  0,
  -1,
  1.5,
  '',
  'x',
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

function astOf(value: Json): ObjectNode | undefined {
  const root = parse(JSON.stringify(value)).root;
  return root?.type === 'object' ? root : undefined;
}

test('the tree check agrees with ajv (runtime schema) on every mutation of valid users', () => {
  const fast = userAstCheck();
  assert.ok(fast, 'the runtime schema is supported by the tree check');
  const ajv = userSchemaValidator();
  let n = 0;
  let valid = 0;
  for (const base of baseUsers()) {
    for (const user of mutations(base)) {
      const ast = astOf(user);
      if (ast === undefined) continue;
      const expected = ajv(plainUser(ast));
      assert.equal(fast(ast), expected, JSON.stringify(user).slice(0, 400));
      n++;
      if (expected) valid++;
    }
  }
  assert.ok(n > 1000 && valid > 10 && valid < n, `${valid}/${n}`);
});

test('the tree check agrees with ajv on the full published schema too', () => {
  const root = SCHEMA as Record<string, unknown>;
  const fast = compileAstCheck(root, root);
  assert.ok(fast, 'every keyword of the published schema is supported');
  const ajv = new Ajv({ allErrors: true, strict: false }).compile(root);
  let n = 0;
  for (const base of baseUsers()) {
    for (const user of mutations(base)) {
      const ast = parse(JSON.stringify(user)).root!;
      assert.equal(fast(ast), ajv(user), JSON.stringify(user).slice(0, 400));
      n++;
    }
  }
  assert.ok(n > 1000);
});

test('unknown keywords make the tree check unavailable (ajv then always runs)', () => {
  assert.equal(compileAstCheck({ patternProperties: { x: {} } }, {}), undefined);
  assert.equal(compileAstCheck({ $ref: 'https://example.com/x' }, {}), undefined);
});

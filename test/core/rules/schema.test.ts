/**
 * schemas/caseed.schema.json: valid against its meta-schema, compiled by ajv, in step with the
 * facts (calculation types, identity types), and agreeing with the rules on valid payloads.
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { test } from 'node:test';
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPES, IDENTITY_TYPES } from '../../../core/facts';
import { publishedSchema } from '../../../core/publishedSchema';
import { compilePublishedSchema, SCHEMA, userSchemaValidator } from '../../../core/schema';
import { entry, userWith, VALID_SEEDS } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const schema = SCHEMA as Json;

test('the schema is valid against the draft-07 meta-schema', () => {
  const ajv = new Ajv({ allErrors: true });
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const ok = ajv.validateSchema(schema);
  assert.equal(ok, true, JSON.stringify(ajv.errors));
});

test('the published schema and the runtime user validator compile in strict mode', () => {
  assert.equal(typeof compilePublishedSchema(), 'function');
  assert.equal(typeof userSchemaValidator(), 'function');
});

test('the schema lists exactly the calculation types and identity types of core/facts.ts', () => {
  const types = schema.definitions.seedEntry.properties.calculation_type.enum;
  assert.deepEqual(
    [...types].sort(),
    [...CALCULATION_TYPES.map((t) => t.name), ...Object.keys(CALCULATION_TYPE_ALIASES)].sort(),
  );
  const ids = Object.keys(schema.definitions.identities.properties);
  assert.deepEqual(ids.sort(), IDENTITY_TYPES.map((t) => t.name).sort());
});

test('the published schema accepts valid payloads, single and bulk', () => {
  const v = compilePublishedSchema();
  const all = CALCULATION_TYPES.map((t, i) => entry(t.name, VALID_SEEDS[t.name], `A${i}`));
  const single = JSON.parse(userWith(all.join(','))) as unknown;
  assert.equal(v(single), true, JSON.stringify(v.errors));
  const withIds = JSON.parse(userWith(all[0], '"identities": { "email": "a@b.c" }')) as unknown;
  assert.equal(v([single, withIds]), true, JSON.stringify(v.errors));
});

test('the published schema rejects what the rules reject (a sample of shapes)', () => {
  const v = compilePublishedSchema();
  const base = (extra: string, seed = entry('sum', '{ "value": 1 }')): unknown =>
    JSON.parse(userWith(seed, extra));
  assert.equal(v(base('"identities": {}')), false); // empty identities
  assert.equal(v(base('"identities": { "ios_idfa": "x" }')), false); // unknown identity
  assert.equal(v(base('"mpid": 1', entry('minimum', '{ "list": [] }'))), false); // wrong field
  assert.equal(v(base('"mpid": 1', entry('total', '{ "value": 1 }'))), false); // unknown type
  assert.equal(v(base('"mpid": 1', entry('count', '{ "value": "ten" }'))), false); // numeric
  assert.equal(v(base('"mpid": 1', entry('sum', '{ "value": 1 }', 'LTV', '"12/01/2019"'))), false);
  assert.equal(v(JSON.parse('{ "environment": "development", "mpid": 1 }')), false);
  assert.equal(v([42]), false);
  assert.equal(v('hello'), false);
});

test('schemas/caseed.schema.json is the one the vocabulary generates (npm run schema)', () => {
  assert.deepEqual(
    SCHEMA,
    JSON.parse(JSON.stringify(publishedSchema())),
    'schemas/caseed.schema.json is stale: run `npm run schema`',
  );
});

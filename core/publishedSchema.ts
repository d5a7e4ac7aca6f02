/**
 * The published JSON Schema of a seed payload, built from the vocabulary: `npm run schema` writes
 * it to schemas/caseed.schema.json (for editors, CI and other tools), and a test fails when the
 * checked-in file is stale. caseed itself validates shape with core/shapeValidator.ts, which a
 * differential test holds to ajv's reading of this schema.
 */
import { SEED_VALUE_SCHEMAS } from './shapeValidator';
import type { ArraySpec, Kind, Leaf, ObjectSpec, PropertySpec, SeedShape } from './vocabulary';
import {
  ARRAYS,
  CALCULATION_TYPE_ALIASES,
  CALCULATION_TYPES,
  isKind,
  OBJECTS,
  USER_ID_PROPERTIES,
} from './vocabulary';

type Schema = Record<string, unknown>;

export const SCHEMA_ID = 'https://github.com/caseed/caseed/schemas/caseed.schema.json';

export function publishedSchema(): Schema {
  const definitions: Schema = {};
  for (const o of Object.values(OBJECTS))
    if (o.definition !== undefined) definitions[o.definition] = objectSchema(o);
  const users = ARRAYS.users;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'mParticle Calculated Attributes Seeding API payload',
    description:
      'One user (POST /v2/calculatedattributes) or an array of users (POST /v2/bulkcalculatedattributes).',
    oneOf: [kindSchema('user'), arraySchema(users)],
    definitions,
  };
}

function kindSchema(kind: Kind, description?: string): Schema {
  if (kind in OBJECTS) {
    const o = OBJECTS[kind as keyof typeof OBJECTS];
    if (o.definition !== undefined) return { $ref: `#/definitions/${o.definition}` };
    return objectSchema(o, description);
  }
  return arraySchema(ARRAYS[kind as keyof typeof ARRAYS], description);
}

function valueSchema(value: Kind | Leaf, description?: string): Schema {
  return isKind(value) ? kindSchema(value, description) : leafSchema(value, description);
}

function leafSchema(leaf: Leaf, description?: string): Schema {
  const s: Schema = {};
  if (leaf.type !== undefined) s.type = leaf.type.length === 1 ? leaf.type[0] : [...leaf.type];
  if (leaf.enum !== undefined) s.enum = [...leaf.enum];
  if (leaf.minLength !== undefined) s.minLength = leaf.minLength;
  if (leaf.maxLength !== undefined) s.maxLength = leaf.maxLength;
  if (leaf.pattern !== undefined) s.pattern = leaf.pattern;
  if (description !== undefined) s.description = description;
  return s;
}

function arraySchema(a: ArraySpec, description = a.description): Schema {
  const s: Schema = { type: 'array' };
  if (description !== undefined) s.description = description;
  if (a.minItems !== undefined) s.minItems = a.minItems;
  if (a.maxItems !== undefined) s.maxItems = a.maxItems;
  s.items = valueSchema(a.items);
  return s;
}

function propertySchema(p: PropertySpec): Schema {
  return valueSchema(p.value, p.doc);
}

function objectSchema(o: ObjectSpec, description = o.description): Schema {
  const s: Schema = { type: 'object', description };
  const required = o.properties.filter((p) => p.required).map((p) => p.name);
  if (required.length > 0 && o.otherValues === undefined) s.required = required;
  if (o.kind === 'user') s.anyOf = USER_ID_PROPERTIES.map((name) => ({ required: [name] }));
  if (o.minProperties !== undefined) s.minProperties = o.minProperties;
  if (o.otherValues !== undefined) {
    // The listed properties are documentation of the common keys; any key takes such a value.
    s.additionalProperties = leafSchema(o.otherValues);
  } else {
    s.additionalProperties = false;
    s.properties = Object.fromEntries(o.properties.map((p) => [p.name, propertySchema(p)]));
  }
  if (o.kind === 'seed-entry') s.allOf = seedConditions();
  return s;
}

/** The calculation type names (aliases included) that satisfy `test`. */
function typeNames(test: (t: (typeof CALCULATION_TYPES)[number]) => boolean): string[] {
  const names = CALCULATION_TYPES.filter(test).map((t) => t.name);
  for (const [alias, target] of Object.entries(CALCULATION_TYPE_ALIASES))
    if (names.includes(target)) names.push(alias);
  return names;
}

function when(names: string[], seed: Schema): Schema {
  return {
    if: { properties: { calculation_type: { enum: names } }, required: ['calculation_type'] },
    then: { properties: { seed } },
  };
}

function ofShape(shape: SeedShape): string[] {
  return typeNames((t) => t.shape === shape);
}

/** The seed's shape per calculation type. */
function seedConditions(): Schema[] {
  const fields = ['value', 'list', 'key_value_pairs'] as const;
  return [
    ...fields.map((f) =>
      when(
        typeNames((t) => t.field === f),
        { required: [f] },
      ),
    ),
    when(ofShape('numeric'), { properties: { value: SEED_VALUE_SCHEMAS.numeric } }),
    when(ofShape('timestamp'), { properties: { value: SEED_VALUE_SCHEMAS.nonNegativeInteger } }),
    when(ofShape('average'), {
      properties: {
        key_value_pairs: {
          required: ['sum', 'count'],
          additionalProperties: false,
          properties: {
            sum: SEED_VALUE_SCHEMAS.numeric,
            count: SEED_VALUE_SCHEMAS.positiveInteger,
          },
        },
      },
    }),
    when(ofShape('most_frequent'), {
      properties: {
        key_value_pairs: { additionalProperties: SEED_VALUE_SCHEMAS.nonNegativeInteger },
      },
    }),
  ];
}

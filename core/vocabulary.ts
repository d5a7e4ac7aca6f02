/**
 * The payload's one vocabulary, from the API page and ../shared/reference/mparticle-facts.md: its
 * objects and their properties (type, constraints, documentation, hint, default, snippet), the
 * calculation types, identity types, environments and data centers, and how a location in a
 * payload is named (`Kind`, reached by walking `KINDS` from the user object). Derived from it:
 * the published schema (scripts/schema.ts → schemas/caseed.schema.json), the tree validator of
 * shape (shapeValidator.ts), hover, completion, skeletons, the quick fixes' defaults, the settings'
 * enums. Adding a property is one row here (and its tests).
 */

export type SeedField = 'value' | 'list' | 'key_value_pairs';

/** What a calculation type's seed field must hold (the published schema's per-type conditions). */
export type SeedShape = 'numeric' | 'timestamp' | 'any' | 'list' | 'average' | 'most_frequent';

export interface CalculationType {
  name: string;
  field: SeedField;
  shape: SeedShape;
  /** The seed field as plain JSON, for quick fixes: `"value": 0`. */
  fieldText: string;
  /** What the seed holds, for hovers and completion details. */
  doc: string;
  /** A seed skeleton (snippet syntax, `${1:…}` placeholders) for completion. */
  snippet: string;
}

export const CALCULATION_TYPES: readonly CalculationType[] = [
  {
    name: 'count',
    field: 'value',
    shape: 'numeric',
    fieldText: '"value": 0',
    doc: 'The current count: a non-negative integer (number or numeric string).',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'sum',
    field: 'value',
    shape: 'numeric',
    fieldText: '"value": 0',
    doc: 'The current sum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'min',
    field: 'value',
    shape: 'numeric',
    fieldText: '"value": 0',
    doc: 'The current minimum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'max',
    field: 'value',
    shape: 'numeric',
    fieldText: '"value": 0',
    doc: 'The current maximum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'average',
    field: 'key_value_pairs',
    shape: 'average',
    fieldText: '"key_value_pairs": { "sum": 0, "count": 1 }',
    doc: 'Exactly `sum` (numeric) and `count` (positive integer); the average is sum / count.',
    snippet: '"key_value_pairs": {\n\t"sum": ${1:0},\n\t"count": ${2:1}\n}',
  },
  {
    name: 'first_occurrence',
    field: 'value',
    shape: 'any',
    fieldText: '"value": ""',
    doc: 'The first value seen: a string or number.',
    snippet: '"value": "${1}"',
  },
  {
    name: 'last_occurrence',
    field: 'value',
    shape: 'any',
    fieldText: '"value": ""',
    doc: 'The last value seen: a string or number.',
    snippet: '"value": "${1}"',
  },
  {
    name: 'first_occurrence_timestamp',
    field: 'value',
    shape: 'timestamp',
    fieldText: '"value": 0',
    doc: 'When the event was first seen: Unix epoch **milliseconds** (13 digits today), an integer.',
    snippet: '"value": ${1:1582589378000}',
  },
  {
    name: 'last_occurrence_timestamp',
    field: 'value',
    shape: 'timestamp',
    fieldText: '"value": 0',
    doc: 'When the event was last seen: Unix epoch **milliseconds** (13 digits today), an integer.',
    snippet: '"value": ${1:1582589378000}',
  },
  {
    name: 'unique_list',
    field: 'list',
    shape: 'list',
    fieldText: '"list": []',
    doc: 'The unique values seen, as an array of strings; the platform keeps at most 100.',
    snippet: '"list": [\n\t"${1}"\n]',
  },
  {
    name: 'unique_values_count',
    field: 'list',
    shape: 'list',
    fieldText: '"list": []',
    doc: 'The unique values seen (not their count), as an array of strings; the platform counts them.',
    snippet: '"list": [\n\t"${1}"\n]',
  },
  {
    name: 'most_frequent',
    field: 'key_value_pairs',
    shape: 'most_frequent',
    fieldText: '"key_value_pairs": {}',
    doc: 'Each value seen mapped to how many times it was seen (a non-negative integer).',
    snippet: '"key_value_pairs": {\n\t"${1:value}": ${2:1}\n}',
  },
];

export const CALCULATION_TYPE_BY_NAME: ReadonlyMap<string, CalculationType> = new Map(
  CALCULATION_TYPES.map((t) => [t.name, t]),
);

/**
 * A table looked up with names from the document: it has no prototype, so `constructor` or
 * `toString` typed in a file finds nothing instead of an inherited function.
 */
export function lookupTable(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

/** Names the API page's table uses that the platform calls otherwise: accepted with a warning. */
export const CALCULATION_TYPE_ALIASES = lookupTable({
  minimum: 'min',
  maximum: 'max',
});

/** Calculation types whose seed must be numeric. */
export const NUMERIC_TYPES: ReadonlySet<string> = new Set(['count', 'sum', 'min', 'max']);
export const TIMESTAMP_TYPES: ReadonlySet<string> = new Set([
  'first_occurrence_timestamp',
  'last_occurrence_timestamp',
]);

export interface IdentityType {
  name: string;
  kind: 'user' | 'device';
  doc: string;
  /** Listed only by the Events API's OpenAPI file: accepted, with less certainty. */
  uncertain?: boolean;
}

const otherIds = Array.from({ length: 9 }, (_, i) => `other_id_${i + 2}`);

export const IDENTITY_TYPES: readonly IdentityType[] = [
  {
    name: 'customer_id',
    kind: 'user',
    doc: 'Your own id for the customer (often the primary login id).',
  },
  { name: 'email', kind: 'user', doc: "The user's email address." },
  { name: 'facebook', kind: 'user', doc: 'Facebook user id.' },
  { name: 'twitter', kind: 'user', doc: 'Twitter (X) handle or id.' },
  { name: 'google', kind: 'user', doc: 'Google user id.' },
  { name: 'microsoft', kind: 'user', doc: 'Microsoft user id.' },
  { name: 'other', kind: 'user', doc: 'Another user identity of your choice.' },
  ...otherIds.map((name) => ({
    name,
    kind: 'user' as const,
    doc: 'Another user identity of your choice.',
  })),
  { name: 'mobile_number', kind: 'user', doc: "The user's mobile phone number." },
  { name: 'phone_number_2', kind: 'user', doc: 'A second phone number.' },
  { name: 'phone_number_3', kind: 'user', doc: 'A third phone number.' },
  {
    name: 'yahoo',
    kind: 'user',
    doc: 'Yahoo user id (listed by the Events API only).',
    uncertain: true,
  },
  {
    name: 'alias',
    kind: 'user',
    doc: 'An alias id (listed by the Events API only).',
    uncertain: true,
  },
  {
    name: 'facebook_custom_audience_id',
    kind: 'user',
    doc: 'Facebook Custom Audience id (listed by the Events API only).',
    uncertain: true,
  },
  { name: 'android_id', kind: 'device', doc: 'Android device id (ANDROID_ID).' },
  { name: 'google_advertising_id', kind: 'device', doc: 'Google Advertising ID (GAID / AAID).' },
  { name: 'ios_advertising_id', kind: 'device', doc: 'Apple IDFA.' },
  { name: 'ios_vendor_id', kind: 'device', doc: 'Apple IDFV.' },
  { name: 'roku_advertising_id', kind: 'device', doc: 'Roku advertising id.' },
  { name: 'roku_publisher_id', kind: 'device', doc: 'Roku publisher id.' },
  { name: 'fire_advertising_id', kind: 'device', doc: 'Amazon Fire advertising id.' },
  { name: 'microsoft_advertising_id', kind: 'device', doc: 'Microsoft advertising id.' },
  { name: 'microsoft_publisher_id', kind: 'device', doc: 'Microsoft publisher id.' },
];

export const IDENTITY_BY_NAME: ReadonlyMap<string, IdentityType> = new Map(
  IDENTITY_TYPES.map((t) => [t.name, t]),
);

/** Identity names from other mParticle APIs that people paste by mistake → the seeding name. */
export const IDENTITY_ALIASES = lookupTable({
  android_advertising_id: 'google_advertising_id',
  android_aaid: 'google_advertising_id',
  ios_idfa: 'ios_advertising_id',
  ios_idfv: 'ios_vendor_id',
  android_uuid: 'android_id',
  roku_aid: 'roku_advertising_id',
  fire_aid: 'fire_advertising_id',
  customerid: 'customer_id',
  ...Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [`other${i + 2}`, `other_id_${i + 2}`]),
  ),
});

export const ENVIRONMENTS = ['development', 'production'] as const;

/** What each environment means, for hover and completion. */
export const ENVIRONMENT_DOCS = lookupTable({
  development: 'Seeds go to the **development** environment: safe for trying a file out.',
  production:
    'Seeds go to the **production** environment and overwrite the live seeds of these attributes.',
});

/** The data centers (pods) the API is served from. */
export const POD_IDS = ['us1', 'us2', 'eu1', 'au1'] as const;
export type Pod = (typeof POD_IDS)[number];

export const PODS: ReadonlyArray<{ id: Pod; label: string; baseUrl: string }> = [
  { id: 'us1', label: 'US1 (default)', baseUrl: 'https://s2s.mparticle.com' },
  { id: 'us2', label: 'US2', baseUrl: 'https://s2s.us2.mparticle.com' },
  { id: 'eu1', label: 'EU1', baseUrl: 'https://s2s.eu1.mparticle.com' },
  { id: 'au1', label: 'AU1', baseUrl: 'https://s2s.au1.mparticle.com' },
];

/** The pod a key's prefix suggests (`eu1-…` → eu1); a key without a prefix is an old US1 key. */
export function podFromKey(apiKey: string): Pod {
  const m = /^([a-z0-9]+)-/i.exec(apiKey.trim());
  const pod = m?.[1].toLowerCase();
  return POD_IDS.find((p) => p === pod) ?? 'us1';
}

/** What the API enforces on lengths and counts. */
export const LIMITS = {
  attributeNameLength: 256,
  attributeValueLength: 4096,
  userAttributesPerUser: 100,
  uniqueListValues: 100,
} as const;

// ─── The payload's objects and arrays ─────────────────────────────────────────────────────────

/** Objects whose properties the API defines. */
export type ObjectKind =
  | 'user'
  | 'identities'
  | 'calculated_attributes'
  | 'seed-entry'
  | 'seed'
  | 'key_value_pairs'
  | 'user_attributes'
  | 'user-attribute';

/** Arrays whose elements the API defines. */
export type ArrayKind = 'users' | 'seed-entries' | 'user-attribute-entries' | 'list';

/** The one name of a location in a payload: what the node there is. */
export type Kind = ObjectKind | ArrayKind;

/** A value that is not one of the kinds above. */
export interface Leaf {
  /** JSON Schema types (`integer` is a number without a fraction). */
  type?: readonly ('string' | 'number' | 'integer' | 'array' | 'object')[];
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** The hand-written rules (core/rules/) that check part of a shape with better messages and fixes. */
export type OwningRule = 'mpid' | 'identities' | 'seeds' | 'dates' | 'seed-values' | 'attributes';

/** The schema keywords the shape validator reports. */
export type ShapeKeyword =
  | 'type'
  | 'enum'
  | 'required'
  | 'additionalProperties'
  | 'minProperties'
  | 'minItems'
  | 'maxItems'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'anyOf';

/**
 * Part of a shape that a rule reports instead of the shape validator: `keywords` of this value
 * (`content`: everything inside it, its type excepted; `all`: its type too).
 */
export interface OwnedBy {
  rule: OwningRule;
  keywords: readonly ShapeKeyword[] | 'content' | 'all';
}

export interface PropertySpec {
  name: string;
  /** The value: a kind of this table, or a leaf. */
  value: Kind | Leaf;
  required: boolean;
  /** The JSON type, as hovers and completion details show it. */
  type: string;
  /** Markdown: hover, completion and the schema's description. */
  doc: string;
  /** What to add, as the missing-property message says it: `add ${hint}`. */
  hint?: string;
  /** The value a quick fix inserts when the property is missing (`TODAY` → today's date). */
  insert?: string;
  /** Snippet text of the value (without the key), `$0` where the cursor ends. */
  snippet: string;
  /** Open the suggestion list again after inserting (for values chosen from a list). */
  suggestValue?: boolean;
  /** The checks of this value a rule makes instead of the shape validator. */
  ownedBy?: OwnedBy;
  /** The quick fix adding it may be applied unattended (structure or a safe value, never data). */
  safeToInsert?: boolean;
}

export interface ObjectSpec {
  kind: ObjectKind;
  /** How messages name an object of this kind: `"x" is not a property of ${name}`. */
  name: string;
  /** The schema's definition name (`#/definitions/${definition}`), when it has its own. */
  definition?: string;
  description: string;
  properties: readonly PropertySpec[];
  /**
   * Values of properties not listed (`additionalProperties`); none allowed when absent. When set,
   * the listed properties only document the common keys (average's `sum` and `count`) and are not
   * checked: any key takes such a value.
   */
  otherValues?: Leaf;
  minProperties?: number;
  /** The checks of such an object a rule makes instead of the shape validator. */
  ownedBy?: OwnedBy;
}

export interface ArraySpec {
  kind: ArrayKind;
  items: Kind | Leaf;
  minItems?: number;
  maxItems?: number;
  description?: string;
}

const WORKSPACE_ARRAY = '{\n\t"workspace": [\n\t\t$0\n\t]\n}';
const CALC_NAMES = CALCULATION_TYPES.map((t) => '`' + t.name + '`').join(', ');
const STRING: Leaf = { type: ['string'] };
const NONEMPTY: Leaf = { type: ['string'], minLength: 1 };
const NAME: Leaf = { type: ['string'], minLength: 1, maxLength: LIMITS.attributeNameLength };
const STRING_OR_NUMBER: Leaf = { type: ['string', 'number'] };

export const OBJECTS: Readonly<Record<ObjectKind, ObjectSpec>> = {
  user: {
    kind: 'user',
    name: 'a user',
    definition: 'user',
    description: 'One user: how to find the profile, and the seeds and user attributes to set.',
    properties: [
      {
        name: 'environment',
        value: { enum: ENVIRONMENTS },
        required: true,
        type: 'string',
        doc: 'The mParticle environment the seeds go to: `development` or `production`.',
        hint: '"development" or "production"',
        insert: '"development"',
        safeToInsert: true,
        snippet: `"\${1|${ENVIRONMENTS.join(',')}|}"`,
      },
      {
        name: 'mpid',
        value: { type: ['integer'] },
        required: false,
        type: 'integer (signed 64-bit)',
        doc:
          'The mParticle ID of the user. Either `mpid` or `identities` is required; when `mpid` is ' +
          'present the API ignores `identities`. Write it as a JSON integer: caseed keeps its digits ' +
          'exactly and never rounds it through a JavaScript number.',
        snippet: '$0',
        ownedBy: { rule: 'mpid', keywords: ['type'] },
      },
      {
        name: 'identities',
        value: 'identities',
        required: false,
        type: 'object',
        doc:
          'The identities that find the user: user identity types (`customer_id`, `email`, …) and ' +
          'device identity types (`ios_advertising_id`, `google_advertising_id`, …), each mapped to a ' +
          'string. Either `mpid` or `identities` is required; ignored when `mpid` is present.',
        snippet: '{\n\t$0\n}',
      },
      {
        name: 'calculated_attributes',
        value: 'calculated_attributes',
        required: true,
        type: 'object',
        doc: 'The calculated attribute seeds of this user, listed under `workspace`.',
        hint: 'an object with a "workspace" array of seeds',
        insert: '{ "workspace": [] }',
        snippet: WORKSPACE_ARRAY,
      },
      {
        name: 'user_attributes',
        value: 'user_attributes',
        required: false,
        type: 'object',
        doc: 'User attributes to create or update for this user, listed under `workspace`.',
        insert: '{ "workspace": [] }',
        snippet: WORKSPACE_ARRAY,
      },
    ],
  },
  identities: {
    kind: 'identities',
    name: '"identities"',
    definition: 'identities',
    description:
      'Identities that find the user when `mpid` is absent (ignored when `mpid` is present).',
    minProperties: 1,
    ownedBy: { rule: 'identities', keywords: 'content' },
    properties: IDENTITY_TYPES.map((t) => ({
      name: t.name,
      value: NONEMPTY,
      required: false,
      type: 'string',
      doc: `${t.kind === 'user' ? 'User' : 'Device'} identity: ${t.doc}`,
      snippet: '"$0"',
    })),
  },
  calculated_attributes: {
    kind: 'calculated_attributes',
    name: '"calculated_attributes"',
    definition: 'calculatedAttributes',
    description: 'The calculated attribute seeds to set.',
    properties: [
      {
        name: 'workspace',
        value: 'seed-entries',
        required: true,
        type: 'array of seed entries',
        doc:
          'One entry per calculated attribute to seed, each with `attribute_name`, ' +
          '`calculation_type`, `cutoff_date` and `seed`. Must not be empty.',
        hint: 'an array of entries',
        insert: '[]',
        safeToInsert: true,
        snippet: '[\n\t$0\n]',
      },
    ],
  },
  'seed-entry': {
    kind: 'seed-entry',
    name: 'a calculated attribute entry',
    definition: 'seedEntry',
    description: 'The seed of one calculated attribute.',
    properties: [
      {
        name: 'attribute_name',
        value: NAME,
        required: true,
        type: 'string',
        doc: `The name of the calculated attribute to seed, exactly as defined in mParticle (at most ${LIMITS.attributeNameLength} characters).`,
        hint: 'the attribute name as defined in the workspace',
        snippet: '"$0"',
      },
      {
        name: 'calculation_type',
        value: {
          type: ['string'],
          enum: [...CALCULATION_TYPES.map((t) => t.name), ...Object.keys(CALCULATION_TYPE_ALIASES)],
        },
        required: true,
        type: 'string',
        doc:
          `The calculated attribute's calculation type: ${CALC_NAMES}. It decides which seed ` +
          "field is read. It must match the attribute's definition; changing it deletes seeds already sent.",
        hint: 'the calculation type, e.g. "sum"',
        insert: '"sum"',
        snippet: '"$0"',
        suggestValue: true,
        ownedBy: { rule: 'seeds', keywords: ['enum'] },
      },
      {
        name: 'cutoff_date',
        value: { type: ['string'], pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        required: true,
        type: 'string (date, yyyy-MM-dd)',
        doc:
          'mParticle ignores events before this date when it calculates the attribute, so the seed ' +
          'must cover them. A real calendar date written `yyyy-MM-dd`. (The API page misspells it ' +
          '`cuttoff_date`; the API reads `cutoff_date`.)',
        hint: 'the date (yyyy-MM-dd) before which events are ignored by the live calculation',
        insert: '"TODAY"',
        snippet: '"${1:TODAY}"',
        ownedBy: { rule: 'dates', keywords: ['pattern'] },
      },
      {
        name: 'seed',
        value: 'seed',
        required: true,
        type: 'object',
        doc: 'The seed: `value`, `list` or `key_value_pairs`, whichever the `calculation_type` reads.',
        hint: 'the seed object for the calculation type',
        snippet: '{\n\t$0\n}',
      },
    ],
  },
  seed: {
    kind: 'seed',
    name: 'a seed',
    definition: 'seed',
    description:
      'The seed: `value`, `list` or `key_value_pairs`, depending on the calculation type.',
    properties: [
      {
        name: 'value',
        value: STRING_OR_NUMBER,
        required: false,
        type: 'string or number',
        doc:
          'A single value, read by `count`, `sum`, `min`, `max`, `first_occurrence`, `last_occurrence` ' +
          'and the two `…_timestamp` types (Unix epoch milliseconds).',
        snippet: '$0',
        ownedBy: { rule: 'seed-values', keywords: ['type'] },
      },
      {
        name: 'list',
        value: 'list',
        required: false,
        type: 'array of strings',
        doc: 'The unique values seen, read by `unique_list` and `unique_values_count`.',
        snippet: '[\n\t"$0"\n]',
        ownedBy: { rule: 'seed-values', keywords: 'all' },
      },
      {
        name: 'key_value_pairs',
        value: 'key_value_pairs',
        required: false,
        type: 'object',
        doc: 'Read by `average` (exactly `sum` and `count`) and `most_frequent` (each value → its count).',
        snippet: '{\n\t$0\n}',
        ownedBy: { rule: 'seed-values', keywords: 'all' },
      },
    ],
  },
  key_value_pairs: {
    kind: 'key_value_pairs',
    name: '"key_value_pairs"',
    description: '`sum` and `count` for average; value → count for most_frequent.',
    // The listed properties are average's (documentation only: the object takes any key).
    otherValues: STRING_OR_NUMBER,
    properties: [
      {
        name: 'sum',
        value: STRING_OR_NUMBER,
        required: true,
        type: 'number',
        doc: 'For `average`: the sum of the values seen so far.',
        snippet: '${1:0}',
      },
      {
        name: 'count',
        value: STRING_OR_NUMBER,
        required: true,
        type: 'integer (positive)',
        doc: 'For `average`: how many values the sum holds (a positive integer).',
        snippet: '${1:1}',
      },
    ],
  },
  user_attributes: {
    kind: 'user_attributes',
    name: '"user_attributes"',
    definition: 'userAttributes',
    description: 'User attributes to create or update.',
    properties: [
      {
        name: 'workspace',
        value: 'user-attribute-entries',
        required: true,
        type: 'array of user attributes',
        doc: `User attributes to create or update, each with \`attribute_name\` and \`attribute_value\` (at most ${LIMITS.userAttributesPerUser} per user).`,
        hint: 'an array of entries',
        insert: '[]',
        safeToInsert: true,
        snippet: '[\n\t$0\n]',
      },
    ],
  },
  'user-attribute': {
    kind: 'user-attribute',
    name: 'a user attribute',
    definition: 'userAttribute',
    description: 'A user attribute to create or update.',
    properties: [
      {
        name: 'attribute_name',
        value: NAME,
        required: true,
        type: 'string',
        doc: `The name of the user attribute (at most ${LIMITS.attributeNameLength} characters).`,
        hint: 'the attribute name as defined in the workspace',
        snippet: '"$0"',
      },
      {
        name: 'attribute_value',
        value: { type: ['string'], maxLength: LIMITS.attributeValueLength },
        required: true,
        type: 'string',
        doc: `The value of the user attribute: a string of at most ${LIMITS.attributeValueLength} characters.`,
        hint: 'the value as a string',
        snippet: '"$0"',
        ownedBy: { rule: 'attributes', keywords: ['type'] },
      },
    ],
  },
};

export const ARRAYS: Readonly<Record<ArrayKind, ArraySpec>> = {
  users: {
    kind: 'users',
    items: 'user',
    description: 'A bulk request: every user is sent, or none.',
  },
  'seed-entries': { kind: 'seed-entries', items: 'seed-entry', minItems: 1 },
  'user-attribute-entries': {
    kind: 'user-attribute-entries',
    items: 'user-attribute',
    maxItems: LIMITS.userAttributesPerUser,
    description: `At most ${LIMITS.userAttributesPerUser} user attributes per user.`,
  },
  list: { kind: 'list', items: STRING },
};

/** Of the user object: one of these is required (a rule, missing-user-id, reports their absence). */
export const USER_ID_PROPERTIES = ['mpid', 'identities'] as const;

export function isObjectKind(k: Kind | 'unknown'): k is ObjectKind {
  return k !== 'unknown' && k in OBJECTS;
}

export function isKind(value: Kind | Leaf): value is Kind {
  return typeof value === 'string';
}

/** The spec of property `name` in an object of kind `kind`. */
export function propertySpec(kind: ObjectKind, name: string): PropertySpec | undefined {
  return PROPERTY_INDEX[kind].get(name);
}

/** The property names an object kind defines, in table order. */
export function propertyNames(kind: ObjectKind): readonly string[] {
  return NAMES[kind];
}

const PROPERTY_INDEX = Object.fromEntries(
  Object.values(OBJECTS).map((o) => [o.kind, new Map(o.properties.map((p) => [p.name, p]))]),
) as unknown as Record<ObjectKind, ReadonlyMap<string, PropertySpec>>;

const NAMES = Object.fromEntries(
  Object.values(OBJECTS).map((o) => [o.kind, o.properties.map((p) => p.name)]),
) as unknown as Record<ObjectKind, readonly string[]>;

/** The kind of the value of `key` (a property name, or a number for an array element). */
export function childKind(kind: Kind, key: string | number): Kind | undefined {
  if (kind in ARRAYS) {
    if (typeof key !== 'number') return undefined;
    const items = ARRAYS[kind as ArrayKind].items;
    return isKind(items) ? items : undefined;
  }
  if (typeof key !== 'string') return undefined;
  const value = propertySpec(kind as ObjectKind, key)?.value;
  return value !== undefined && isKind(value) ? value : undefined;
}

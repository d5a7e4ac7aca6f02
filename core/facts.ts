/**
 * What the product knows about the Calculated Attributes Seeding API, from the API page and
 * ../shared/reference/mparticle-facts.md. Every rule, completion and hover reads these tables.
 */

export type SeedField = 'value' | 'list' | 'key_value_pairs';

export interface CalculationType {
  name: string;
  field: SeedField;
  /** What the seed holds, for hovers and completion details. */
  doc: string;
  /** A seed skeleton (snippet syntax, `${1:…}` placeholders) for completion. */
  snippet: string;
}

export const CALCULATION_TYPES: readonly CalculationType[] = [
  {
    name: 'count',
    field: 'value',
    doc: 'The current count: a non-negative integer (number or numeric string).',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'sum',
    field: 'value',
    doc: 'The current sum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'min',
    field: 'value',
    doc: 'The current minimum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'max',
    field: 'value',
    doc: 'The current maximum: a number or numeric string.',
    snippet: '"value": ${1:0}',
  },
  {
    name: 'average',
    field: 'key_value_pairs',
    doc: 'Exactly `sum` (numeric) and `count` (positive integer); the average is sum / count.',
    snippet: '"key_value_pairs": {\n\t"sum": ${1:0},\n\t"count": ${2:1}\n}',
  },
  {
    name: 'first_occurrence',
    field: 'value',
    doc: 'The first value seen: a string or number.',
    snippet: '"value": "${1}"',
  },
  {
    name: 'last_occurrence',
    field: 'value',
    doc: 'The last value seen: a string or number.',
    snippet: '"value": "${1}"',
  },
  {
    name: 'first_occurrence_timestamp',
    field: 'value',
    doc: 'When the event was first seen: Unix epoch **milliseconds** (13 digits today), an integer.',
    snippet: '"value": ${1:1582589378000}',
  },
  {
    name: 'last_occurrence_timestamp',
    field: 'value',
    doc: 'When the event was last seen: Unix epoch **milliseconds** (13 digits today), an integer.',
    snippet: '"value": ${1:1582589378000}',
  },
  {
    name: 'unique_list',
    field: 'list',
    doc: 'The unique values seen, as an array of strings; the platform keeps at most 100.',
    snippet: '"list": [\n\t"${1}"\n]',
  },
  {
    name: 'unique_values_count',
    field: 'list',
    doc: 'The unique values seen (not their count), as an array of strings; the platform counts them.',
    snippet: '"list": [\n\t"${1}"\n]',
  },
  {
    name: 'most_frequent',
    field: 'key_value_pairs',
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

export const LIMITS = {
  attributeNameLength: 256,
  attributeValueLength: 4096,
  userAttributesPerUser: 100,
  uniqueListValues: 100,
} as const;

/** Signed 64-bit range, as decimal text (mpids are compared as text, never as JS numbers). */
export const INT64_MIN = '-9223372036854775808';
export const INT64_MAX = '9223372036854775807';

export type Pod = 'us1' | 'us2' | 'eu1' | 'au1';

export const PODS: ReadonlyArray<{ id: Pod; label: string; baseUrl: string }> = [
  { id: 'us1', label: 'US1 (default)', baseUrl: 'https://s2s.mparticle.com' },
  { id: 'us2', label: 'US2', baseUrl: 'https://s2s.us2.mparticle.com' },
  { id: 'eu1', label: 'EU1', baseUrl: 'https://s2s.eu1.mparticle.com' },
  { id: 'au1', label: 'AU1', baseUrl: 'https://s2s.au1.mparticle.com' },
];

/** The pod a key's prefix suggests (`eu1-…` → eu1); a key without a prefix is an old US1 key. */
export function podFromKey(apiKey: string): Pod {
  const m = /^(us1|us2|eu1|au1)-/i.exec(apiKey.trim());
  return m ? (m[1].toLowerCase() as Pod) : 'us1';
}

export const SINGLE_PATH = '/v2/calculatedattributes';
export const BULK_PATH = '/v2/bulkcalculatedattributes';

/**
 * The 64-bit range of an mpid and the endpoints the Calculated Attributes Seeding API serves, from
 * the API page and ../shared/reference/mparticle-facts.md. The payload's vocabulary (properties,
 * calculation types, identity types, environments, data centers, limits) is core/vocabulary.ts.
 */

/** Signed 64-bit range, as decimal text (mpids are compared as text, never as JS numbers). */
export const INT64_MIN = '-9223372036854775808';
export const INT64_MAX = '9223372036854775807';

export const SINGLE_PATH = '/v2/calculatedattributes';
export const BULK_PATH = '/v2/bulkcalculatedattributes';

// The vocabulary once lived here; these names are kept for existing importers (core/send/, tests).
export {
  CALCULATION_TYPE_ALIASES,
  LIMITS,
  CALCULATION_TYPE_BY_NAME,
  CALCULATION_TYPES,
  ENVIRONMENTS,
  IDENTITY_ALIASES,
  IDENTITY_BY_NAME,
  IDENTITY_TYPES,
  lookupTable,
  NUMERIC_TYPES,
  PODS,
  podFromKey,
  TIMESTAMP_TYPES,
} from './vocabulary';
export type { CalculationType, IdentityType, Pod, SeedField } from './vocabulary';

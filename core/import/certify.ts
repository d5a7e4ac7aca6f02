/**
 * The import's fast path: telling, from the converted cells alone, that a produced user is one the
 * core accepts without a single diagnostic, so that it need not be parsed and validated again.
 *
 * What a mapping fixes (the user's structure, the attribute names, calculation types and cutoff
 * dates, the identity names, the checks against the workspace definitions) is validated once per
 * mapping by the core itself, on probe users that hold every part of the mapping (`certifyMapping`).
 * What varies per row (the cells' values) is certified here with the predicates and limits the
 * core's rules use (core/rules/numbers.ts, core/vocabulary.ts): a value is certified only when
 * those rules cannot say anything about it. Anything else — an error, a warning, or a value these
 * predicates do not know — is not certified, and the user is validated by the core in full, so a
 * reject always carries the core's own code and message. test/core/import/certify.test.ts holds the
 * fast path to full validation on random rows.
 */
import type { Definitions } from '../definitions/model';
import {
  isNonNegativeIntegerText,
  isPositiveIntegerText,
  NOT_A_NUMBER,
  numberKind,
} from '../rules/numbers';
import { validate } from '../validate';
import { ENVIRONMENTS, LIMITS } from '../vocabulary';

/** Whether the cells converted since the last reset are certified (converters clear it). */
export const certainty = { clean: true };

/** `count`, and most_frequent's counts: a non-negative integer written in digits. */
export function certifyCount(text: string): boolean {
  return isNonNegativeIntegerText(text);
}

/** `sum`, `min`, `max`, average's sum: a JSON number (a numeric string is written as a string). */
export function certifyNumber(text: string): boolean {
  return numberKind(text) !== NOT_A_NUMBER;
}

/** Average's count: a positive integer written in digits. */
export function certifyPositiveCount(text: string): boolean {
  return isPositiveIntegerText(text);
}

/** A timestamp in epoch milliseconds: digits, and not 10 of them (the core takes those for seconds). */
export function certifyTimestamp(text: string): boolean {
  return text.length !== 10 && isNonNegativeIntegerText(text);
}

/** A list's values: strings, none repeated, and for a unique_list at most the platform's limit. */
export function certifyList(items: readonly unknown[], uniqueList: boolean): boolean {
  const n = items.length;
  if (uniqueList && n > LIMITS.uniqueListValues) return false;
  for (let i = 0; i < n; i++) if (typeof items[i] !== 'string') return false;
  if (n < 2) return true;
  if (n <= 8) {
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return false;
    return true;
  }
  return new Set(items).size === n;
}

/** most_frequent's value → count object (as JSON.parse gives it): every count a non-negative integer. */
export function certifyPairs(pairs: Record<string, unknown>): boolean {
  for (const key in pairs) {
    const v = pairs[key];
    // A number is written back by JSON.stringify, i.e. as String(v).
    if (typeof v === 'number') {
      if (!certifyCount(String(v))) return false;
    } else if (typeof v !== 'string' || !certifyCount(v)) return false;
  }
  return true;
}

/** A user attribute's value (any string up to the API's length limit). */
export function certifyAttributeValue(value: string): boolean {
  return value.length <= LIMITS.attributeValueLength;
}

/** An environment read from a column. */
export function certifyEnvironment(value: string): boolean {
  return value === ENVIRONMENTS[0] || value === ENVIRONMENTS[1];
}

/**
 * True when every probe user (each holding every fixed part of the mapping, with certified values)
 * validates without any diagnostic: then a produced user whose cells are certified needs no other
 * validation. False turns the fast path off for this mapping: every user is validated in full.
 */
export function certifyMapping(
  probes: readonly string[],
  today: string,
  definitions?: Definitions,
): boolean {
  for (const probe of probes) {
    let clean = true;
    validate(`[\n${probe}\n]`, {
      keepTree: false,
      today,
      definitions,
      onDiagnostic: () => (clean = false),
    });
    if (!clean) return false;
  }
  return probes.length > 0;
}

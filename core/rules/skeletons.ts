/** What the quick fixes insert for a seed: the field (and shape) a calculation type reads. */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME } from '../vocabulary';

/** A seed object with the field the calculation type reads. */
export function seedSkeleton(calculationType: string | undefined): string {
  const canonical =
    calculationType === undefined
      ? undefined
      : (CALCULATION_TYPE_ALIASES[calculationType] ?? calculationType);
  const type = canonical === undefined ? undefined : CALCULATION_TYPE_BY_NAME.get(canonical);
  if (type === undefined) return '{}';
  return `{ ${seedFieldSkeleton(type.name)} }`;
}

/** `"value": 0`, `"list": []` or the key_value_pairs a calculation type needs (the vocabulary's). */
export function seedFieldSkeleton(canonicalType: string): string {
  return CALCULATION_TYPE_BY_NAME.get(canonicalType)?.fieldText ?? '"value": 0';
}

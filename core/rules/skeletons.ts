/** What the quick fixes insert for a seed: the field (and shape) a calculation type reads. */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME } from '../facts';

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

/** `"value": 0`, `"list": []` or the key_value_pairs a calculation type needs. */
export function seedFieldSkeleton(canonicalType: string): string {
  const type = CALCULATION_TYPE_BY_NAME.get(canonicalType);
  if (type === undefined) return '"value": 0';
  if (type.field === 'list') return '"list": []';
  if (type.field === 'key_value_pairs')
    return canonicalType === 'average'
      ? '"key_value_pairs": { "sum": 0, "count": 1 }'
      : '"key_value_pairs": {}';
  if (canonicalType === 'first_occurrence' || canonicalType === 'last_occurrence')
    return '"value": ""';
  return '"value": 0';
}

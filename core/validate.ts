/**
 * The core's one entry point for diagnostics: parse once, then run every rule.
 * (Skeleton: syntax only. The rules live in core/rules/, one file per concern.)
 */
import type { JsonNode } from './ast';
import type { SeedDiagnostic } from './diagnostics';
import { parse } from './parser';

export interface ValidateOptions {
  /** Today's date as yyyy-MM-dd (for the future-cutoff rule); defaults to the system clock. */
  today?: string;
  /**
   * Keep the parsed users in the returned tree. The CLI passes false for huge files so that each
   * user of a bulk array is validated and then dropped.
   */
  keepTree?: boolean;
}

export interface ValidationResult {
  root: JsonNode | undefined;
  diagnostics: SeedDiagnostic[];
  /** Number of users (1 for a single-user object, the element count for a bulk array). */
  userCount: number;
}

export function validate(text: string, _options: ValidateOptions = {}): ValidationResult {
  const { root, diagnostics, rootItemCount } = parse(text);
  return { root, diagnostics, userCount: root?.type === 'array' ? rootItemCount : root ? 1 : 0 };
}

/**
 * What the core reports: offset-based diagnostics with a stable code and the fixes that mend them.
 * Shells (server, CLI) turn offsets into line/character positions with `LineIndex`.
 */
import type { Code } from './codes';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Replace `length` characters at `offset` with `newText`. */
export interface Edit {
  offset: number;
  length: number;
  newText: string;
}

/** A quick fix: a titled set of non-overlapping edits. `preferred` fixes are applied by fix-all. */
export interface Fix {
  title: string;
  edits: Edit[];
  preferred?: boolean;
}

export interface SeedDiagnostic {
  code: Code;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  fixes?: Fix[];
  /** `unnecessary` renders faded (e.g. identities ignored because mpid is present). */
  tags?: Array<'unnecessary' | 'deprecated'>;
}

/** Apply edits to a text (edits must not overlap; order does not matter). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  /** Information and hints together. */
  infos: number;
}

/** Adds the diagnostics' severities to `counts` (a fresh zero count when omitted) and returns it. */
export function countSeverities(
  diagnostics: Iterable<{ severity: Severity }>,
  counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 },
): SeverityCounts {
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

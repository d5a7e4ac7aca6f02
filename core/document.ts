/**
 * The model every feature works on: the text, its tree, its diagnostics and a line index, computed
 * once per document version (the server caches one per version).
 */
import type { JsonNode } from './ast';
import type { SeedDiagnostic } from './diagnostics';
import { LineIndex } from './positions';
import type { ValidateOptions } from './validate';
import { validate } from './validate';

export interface SeedModel {
  readonly text: string;
  readonly lines: LineIndex;
  readonly root: JsonNode | undefined;
  readonly diagnostics: readonly SeedDiagnostic[];
  readonly userCount: number;
}

export function analyze(text: string, options: ValidateOptions = {}): SeedModel {
  const result = validate(text, { ...options, keepTree: true });
  return {
    text,
    lines: new LineIndex(text),
    root: result.root,
    diagnostics: result.diagnostics,
    userCount: result.userCount,
  };
}

/**
 * The model every feature works on: the text, its diagnostics, a line index and the tree, computed
 * once per document version (the server caches one per version).
 *
 * Diagnostics come from the streaming validation (each bulk user validated, then dropped), which is
 * what keeps keystroke-to-diagnostics fast on big files; the full tree is parsed only when a feature
 * first asks for `root` (completion, hover, symbols, formatting).
 */
import type { JsonNode } from './ast';
import type { Definitions } from './definitions/model';
import type { SeedDiagnostic } from './diagnostics';
import { parse } from './parser';
import { LineIndex } from './positions';
import type { ValidateOptions } from './validate';
import { validate } from './validate';

export interface SeedModel {
  readonly text: string;
  readonly lines: LineIndex;
  /** The whole tree, parsed on first access. */
  readonly root: JsonNode | undefined;
  readonly diagnostics: readonly SeedDiagnostic[];
  readonly userCount: number;
  /** The workspace definitions the model was validated against (completion and hover use them). */
  readonly definitions?: Definitions;
}

class LazySeedModel implements SeedModel {
  readonly lines: LineIndex;
  readonly diagnostics: readonly SeedDiagnostic[];
  readonly userCount: number;
  readonly definitions?: Definitions;
  private tree: { root: JsonNode | undefined } | undefined;

  constructor(
    readonly text: string,
    options: ValidateOptions,
  ) {
    const result = validate(text, { ...options, keepTree: false });
    this.lines = new LineIndex(text, result.lineStarts);
    this.diagnostics = result.diagnostics;
    this.userCount = result.userCount;
    this.definitions = options.definitions;
    if (result.root !== undefined && result.root.type !== 'array')
      this.tree = { root: result.root };
  }

  get root(): JsonNode | undefined {
    if (this.tree === undefined) this.tree = { root: parse(this.text).root };
    return this.tree.root;
  }
}

export function analyze(text: string, options: ValidateOptions = {}): SeedModel {
  return new LazySeedModel(text, options);
}

/**
 * The editor's model of an NDJSON seed file (`*.caseed.ndjson`, one user per line): diagnostics
 * from the streaming validation (the same rules and codes as a bulk array, NDJSON's own messages
 * for a line that is not one user), and, for completion, hover, symbols and code actions, a tree
 * whose root is an array of the line users (offsets in the document), parsed on first use.
 */
import type { ArrayNode, JsonNode, PropertyNode } from '../ast';
import type { Definitions } from '../definitions/model';
import type { SeedModel } from '../document';
import type { SeedDiagnostic } from '../diagnostics';
import { LineIndex } from '../positions';
import { UserReader } from './users';
import { validateStreamed } from './validate';

/** Moves a tree by `delta` characters, in place. */
function shiftNode(node: JsonNode, delta: number): void {
  node.offset += delta;
  if (node.type === 'object') {
    for (const p of node.properties) shiftProperty(p, delta);
  } else if (node.type === 'array') {
    for (const item of node.items) shiftNode(item, delta);
  }
}

function shiftProperty(p: PropertyNode, delta: number): void {
  p.offset += delta;
  p.key.offset += delta;
  if (p.colonOffset >= 0) p.colonOffset += delta;
  if (p.value !== undefined) shiftNode(p.value, delta);
}

/** The users of an NDJSON text as the items of one array spanning the document. */
function ndjsonRoot(text: string): ArrayNode {
  const items: JsonNode[] = [];
  const reader = new UserReader({
    format: 'ndjson',
    onUser: (u) => {
      shiftNode(u.node, u.base);
      items.push(u.node);
    },
  });
  reader.push(text);
  reader.end();
  return { type: 'array', offset: 0, length: text.length, items };
}

class NdjsonModel implements SeedModel {
  readonly lines: LineIndex;
  readonly diagnostics: readonly SeedDiagnostic[];
  readonly userCount: number;
  private tree: ArrayNode | undefined;

  constructor(
    readonly text: string,
    today: string | undefined,
    readonly definitions: Definitions | undefined,
  ) {
    const { diagnostics, end } = validateStreamed(text, { format: 'ndjson', today, definitions });
    this.diagnostics = diagnostics;
    this.userCount = end.userCount;
    this.lines = new LineIndex(text);
  }

  get root(): JsonNode {
    this.tree ??= ndjsonRoot(this.text);
    return this.tree;
  }
}

export function analyzeNdjson(
  text: string,
  options: { today?: string; definitions?: Definitions } = {},
): SeedModel {
  return new NdjsonModel(text, options.today, options.definitions);
}

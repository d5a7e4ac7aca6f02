/**
 * Models backed by a `SeedStore`: the whole document's model (diagnostics from the store, the text
 * and tree built only if a feature asks), and the model of one user of a bulk file, which is what
 * completion, hover and code actions answer from in a big file: the user's own text wrapped as a
 * one-user bulk array, its positions mapped back to the document's.
 */
import type { JsonNode } from '../ast';
import type { Definitions } from '../definitions/model';
import type { SeedDiagnostic } from '../diagnostics';
import type { SeedModel } from '../document';
import { parse } from '../parser';
import type { Position } from '../positions';
import { LineIndex } from '../positions';
import type { SeedStore } from './store';

/** Where a document's positions come from (the server's document keeps its own line table). */
export interface PositionMap {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A `LineIndex` that asks the document, with local offsets `shift` characters before its own. */
class MappedLines extends LineIndex {
  constructor(
    private readonly map: PositionMap,
    private readonly shift = 0,
  ) {
    super('');
  }

  override positionAt(offset: number): Position {
    return this.map.positionAt(offset + this.shift);
  }

  override offsetAt(position: Position): number {
    return this.map.offsetAt(position) - this.shift;
  }
}

export interface StoreDocument extends PositionMap {
  getText(): string;
  slice(start: number, end: number): string;
}

class StoreModel implements SeedModel {
  readonly lines: LineIndex;
  readonly userCount: number;
  private cachedDiagnostics: readonly SeedDiagnostic[] | undefined;
  private cachedText: string | undefined;
  private tree: { root: JsonNode | undefined } | undefined;

  constructor(
    private readonly document: StoreDocument,
    store: SeedStore,
    readonly definitions: Definitions | undefined,
  ) {
    this.lines = new MappedLines(document);
    // The store's list of this version (built once per change, and only when asked for).
    this.userCount = store.userCount;
    this.cachedDiagnostics = undefined;
    this.store = store;
  }

  private readonly store: SeedStore;

  get diagnostics(): readonly SeedDiagnostic[] {
    if (this.cachedDiagnostics === undefined) this.cachedDiagnostics = this.store.diagnostics();
    return this.cachedDiagnostics;
  }

  get text(): string {
    if (this.cachedText === undefined) this.cachedText = this.document.getText();
    return this.cachedText;
  }

  get root(): JsonNode | undefined {
    if (this.tree === undefined) this.tree = { root: parse(this.text).root };
    return this.tree.root;
  }
}

/** The whole document's model, its diagnostics from the store. */
export function storeModel(
  document: StoreDocument,
  store: SeedStore,
  definitions: Definitions | undefined,
): SeedModel {
  return new StoreModel(document, store, definitions);
}

/**
 * The model of the user of a bulk file at `offset` (undefined between users): `[` + the user's
 * text + `]`, so features see a bulk file of one user; `lines` maps its offsets to the document's.
 */
export function userModel(
  document: StoreDocument,
  store: SeedStore,
  offset: number,
  definitions: Definitions | undefined,
): (SeedModel & { userIndex: number; userOffset: number }) | undefined {
  const index = store.userAtOffset(offset);
  const span = store.span(index);
  if (span === undefined) return undefined;
  const text = `[${document.slice(span.offset, span.offset + span.length)}]`;
  const shift = span.offset - 1;
  const diagnostics = store
    .userDiagnostics(index)
    .map((d) => ({
      ...d,
      offset: d.offset - shift,
      fixes: d.fixes?.map((f) => ({
        ...f,
        edits: f.edits.map((e) => ({ ...e, offset: e.offset - shift })),
      })),
    }))
    .map((d) => {
      if (d.fixes === undefined) delete d.fixes;
      return d;
    });
  let tree: { root: JsonNode | undefined } | undefined;
  return {
    text,
    lines: new MappedLines(document, shift),
    get root() {
      if (tree === undefined) tree = { root: parse(text).root };
      return tree.root;
    },
    diagnostics,
    userCount: store.userCount,
    definitions,
    userIndex: index,
    userOffset: span.offset,
  };
}

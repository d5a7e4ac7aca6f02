/**
 * One `SeedModel` per open document version: parsed and validated once, then shared by diagnostics,
 * completion, hover, code actions, symbols and formatting. An entry answers only for its URI, its
 * version and the very document it was computed from: a document opened again at the same version
 * (closed in between or not) is a new document and gets its own model.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeedModel } from '../core/document';
import { analyze } from '../core/document';

interface Entry {
  document: TextDocument;
  version: number;
  model: SeedModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  private hit(document: TextDocument): Entry | undefined {
    const cached = this.entries.get(document.uri);
    return cached !== undefined &&
      cached.document === document &&
      cached.version === document.version
      ? cached
      : undefined;
  }

  /** The model of this exact document version, computed on first use. */
  get(document: TextDocument): SeedModel {
    const cached = this.hit(document);
    if (cached !== undefined) return cached.model;
    const model = analyze(document.getText());
    this.entries.set(document.uri, { document, version: document.version, model });
    return model;
  }

  /** True when the model of this version is already computed. */
  has(document: TextDocument): boolean {
    return this.hit(document) !== undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

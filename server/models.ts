/**
 * One `SeedModel` per open document version: parsed and validated once, then shared by diagnostics,
 * completion, hover, code actions, symbols and formatting.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeedModel } from '../core/document';
import type { Definitions } from '../core/definitions/model';
import { analyze } from '../core/document';

interface Entry {
  version: number;
  definitions: Definitions | undefined;
  model: SeedModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  /** The model of this exact document version (and definitions), computed on first use. */
  get(document: TextDocument, definitions?: Definitions): SeedModel {
    const cached = this.entries.get(document.uri);
    if (
      cached !== undefined &&
      cached.version === document.version &&
      cached.definitions === definitions
    )
      return cached.model;
    const model = analyze(document.getText(), { definitions });
    this.entries.set(document.uri, { version: document.version, definitions, model });
    return model;
  }

  /** True when the model of this version is already computed. */
  has(document: TextDocument): boolean {
    return this.entries.get(document.uri)?.version === document.version;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * One `SeedModel` per open document version: parsed and validated once, then shared by diagnostics,
 * completion, hover, code actions, symbols and formatting. An entry answers only for its URI, its
 * version and the very document it was computed from: a document opened again at the same version
 * (closed in between or not) is a new document and gets its own model.
 *
 * The server's documents (`SeedDocument`) carry an incremental validation: a model for a new version
 * reads the diagnostics the store kept up to date as the changes arrived (one full pass first if a
 * change was structural, or the definitions or the date changed — read from the document's chunks,
 * so that it never builds a second copy of a big document's text).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeedModel } from '../core/document';
import type { Definitions } from '../core/definitions/model';
import { analyze } from '../core/document';
import { SeedStore } from '../core/incremental/store';
import { storeModel } from '../core/incremental/model';
import { localToday } from '../core/validate';
import { analyzeNdjson } from '../core/stream/ndjsonModel';
import { formatOfName } from '../core/stream/users';
import { SeedDocument } from './seedDocuments';

/**
 * Characters per parse window of a full pass: below V8's large-object size (128 KB), so that a
 * window's text and the trees parsed from it die young, in the young generation — 1 MiB windows
 * were large objects, collected only by a full collection, and a few full passes of a 200 MB file
 * left a gigabyte of them behind.
 */
const WINDOW = 64 * 1024;

interface Entry {
  document: TextDocument;
  version: number;
  definitions: Definitions | undefined;
  model: SeedModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  private hit(document: TextDocument, definitions: Definitions | undefined): Entry | undefined {
    const cached = this.entries.get(document.uri);
    return cached !== undefined &&
      cached.document === document &&
      cached.version === document.version &&
      cached.definitions === definitions
      ? cached
      : undefined;
  }

  /** The model of this exact document version (and definitions), computed on first use. */
  get(document: TextDocument, definitions?: Definitions): SeedModel {
    const cached = this.hit(document, definitions);
    if (cached !== undefined) return cached.model;
    // `*.caseed.ndjson`: one user per line (core/stream/ndjsonModel.ts); a JSON seed file held as a
    // SeedDocument is validated incrementally (core/incremental/).
    const model =
      formatOfName(document.uri) === 'ndjson'
        ? analyzeNdjson(document.getText(), { definitions })
        : document instanceof SeedDocument
          ? incrementalModel(document, definitions)
          : analyze(document.getText(), { definitions });
    this.entries.set(document.uri, { document, version: document.version, definitions, model });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

function incrementalModel(document: SeedDocument, definitions: Definitions | undefined): SeedModel {
  const today = localToday();
  let v = document.validation;
  if (v === undefined || v.definitions !== definitions || v.today !== today) {
    v = {
      store: new SeedStore(document.pieces(), { today, definitions, windowSize: WINDOW }),
      definitions,
      today,
      stale: false,
    };
    document.validation = v;
    document.releaseText();
  } else if (v.stale) {
    v.store.fullPass(document.pieces());
    v.stale = false;
    document.releaseText();
  }
  return storeModel(document, v.store, definitions);
}

/**
 * The definitions seam between the language server and whoever can read files: the server never
 * touches the file system (so it also runs in a browser). It asks its client — the VS Code
 * extension, through `workspace.fs`, desktop or web — for the definitions file of a seed file;
 * `caseed lsp --stdio` feeds the same request from the file system instead.
 */

/** Client → server, in `initializationOptions`: the client answers `caseed/readDefinitions`. */
export interface DefinitionsInitOptions {
  definitionsProvider?: boolean;
}

export interface ReadDefinitionsParams {
  /** The seed file whose definitions are wanted. */
  seedUri: string;
  /** `caseed.definitions.path` for that file ('' = find the nearest caseed.definitions.json). */
  path: string;
}

/** The definitions file found (its text), one that could not be read, or none (null). */
export type ReadDefinitionsResult =
  { uri: string; text: string } | { uri: string; error: string } | null;

/** Server → client request. */
export const ReadDefinitionsRequest = { method: 'caseed/readDefinitions' } as const;

/** What the language status item shows about the definitions of the active seed file. */
export interface DefinitionsStatus {
  uri: string;
  /** Set when the file is broken or unreadable (then no definitions are used). */
  error?: string;
  workspaceId?: string;
  /** ISO 8601, absent for a hand-written file. */
  pulledAt?: string;
  count: number;
  /** True when older than `caseed.definitions.staleDays`. */
  stale: boolean;
  /** "3 days", for the status item. */
  age?: string;
}

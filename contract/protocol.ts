/**
 * Names and custom messages shared by the client and the server, declared once here.
 * A message is a method name plus its parameter type; both sides import them from this file.
 */

import type { DefinitionsStatus } from './definitions';

/** The language id of seed files (`*.caseed.json`). */
export const LANGUAGE_ID = 'caseed';

/** The language client's id: `caseed.trace.server` is read by vscode-languageclient through it. */
export const CLIENT_ID = 'caseed';
export const CLIENT_NAME = 'caseed language server';

/** The output channel's name. */
export const OUTPUT_CHANNEL_NAME = 'caseed';

/** A file's overall state as the status item shows it. */
export type FileState = 'ok' | 'warnings' | 'errors' | 'disabled';

export interface FileStatusParams {
  uri: string;
  /** The document version the counts belong to. */
  version: number;
  state: FileState;
  errors: number;
  warnings: number;
  /** Information and hint diagnostics together. */
  infos: number;
  /** Users in the file (1 for a single-user object, the array length for a bulk file). */
  users: number;
  /** Problems not published because of `caseed.validate.maxProblems`. */
  hiddenProblems: number;
  /** True when the file is above `caseed.features.maxFileSizeMB` (editor features are off). */
  large: boolean;
  /** How long validation took, in milliseconds. */
  durationMs: number;
  /** The workspace definitions used for this file (absent when there is no definitions file). */
  definitions?: DefinitionsStatus;
}

/** Server → client, after each validation: the per-file status for the language status item. */
export const FileStatusNotification = {
  method: 'caseed/fileStatus',
} as const;

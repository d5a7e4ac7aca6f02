/**
 * The seam between the extension and where it runs. Everything that differs between desktop VS Code
 * (a Node extension host) and VS Code for the Web (a browser worker) is one field here: how the
 * language server is started and how HTTP requests are made. `client/extension.ts` passes the Node
 * implementation, `client/web.ts` the browser one; the rest of the client is the same code.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { Transport } from '../core/send/transport';
import type { Target } from '../core/send/target';
import type { ReadExportHeaderResult } from '../contract/importMapping';
import type { ImportSummary } from '../cli/importRun';

/** One import run from VS Code (**caseed: Import Export…**). */
export interface ImportRequest {
  exportPath: string;
  mappingPath: string;
  outDir: string;
  perFile: number;
  onProgress(rows: number, fraction: number): void;
  cancelled(): boolean;
}

export type ImportOutcome =
  | { kind: 'done'; summary: ImportSummary; notes: string[] }
  | { kind: 'mapping' | 'problem'; message: string };

/** Desktop only: the import's file-system side (client/importNode.ts). */
export interface PlatformImport {
  readExportHeader(mappingUri: string): Promise<ReadExportHeaderResult>;
  mappingBeside(exportPath: string): string;
  writeSkeleton(exportPath: string): Promise<string>;
  importExport(request: ImportRequest): Promise<ImportOutcome>;
}

/** An open journal on the host's file system: each line appended before `append` returns. */
export interface PlatformJournalFile {
  append(line: string): void;
  close(): void;
  /** Closes and deletes it (the send is complete). */
  remove(): void;
}

/**
 * Desktop only: a send's journal and lock on the local file system, the very code of
 * `caseed send` (cli/sendJournalFile.ts, cli/sendLock.ts), so the CLI resumes a send VS Code
 * began and the other way round, and neither runs while the other sends the same file.
 */
export interface PlatformSendFiles {
  /** `<file>.journal`, as `caseed send` names it. */
  journalPathOf(file: string): string;
  readJournal(path: string): string | undefined;
  createJournal(path: string): PlatformJournalFile;
  continueJournal(path: string): PlatformJournalFile;
  /** Takes the send's lock, or throws an Error whose message says who holds it. */
  lock(journalPath: string, file: string): { tookOver: string | undefined; release(): void };
}

export interface PlatformTransport {
  transport: Transport;
  /** Releases connections once a send is over. */
  close(): Promise<void>;
}

export interface Platform {
  /** `desktop` (Node extension host) or `web` (browser extension host: vscode.dev, github.dev). */
  readonly kind: 'desktop' | 'web';
  /** A language client for the caseed server, not yet started. */
  createLanguageClient(
    extension: vscode.ExtensionContext,
    id: string,
    name: string,
    options: LanguageClientOptions,
  ): BaseLanguageClient;
  /** The HTTP transport of one send. */
  createTransport(options: { connections: number }): PlatformTransport;
  /**
   * Why seeds cannot be sent to `target` from here (a sentence for the user), or undefined when
   * they can. `path` is the request path the send will use.
   */
  cannotSend(target: Target, path: string): Promise<string | undefined>;
  /** Importing exports (files, worker threads): desktop only. */
  readonly import?: PlatformImport;
  /** Journals and locks of sends beside local files: desktop only (else global storage). */
  readonly sendFiles?: PlatformSendFiles;
}

/**
 * A tiny LSP client for the server tests: spawns a server process, speaks real JSON-RPC over its
 * stdin/stdout, records what the server pushes (diagnostics, file status, log messages) and lets a
 * test wait for a condition with a deadline (never a fixed sleep).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type {
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { FileStatusParams } from '../../contract/protocol';
import { FileStatusNotification } from '../../contract/protocol';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER = resolve(ROOT, 'dist', 'server.js');
export const CLI = resolve(ROOT, 'bin', 'caseed.js');
export const DEADLINE_MS = 15000;

export interface StartOptions {
  /** The command after `node` (default: the server bundle over stdio). */
  args?: string[];
  /** Settings answered to `workspace/configuration`; when absent the capability is not declared. */
  configuration?: unknown;
  initializationOptions?: unknown;
}

export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly statuses: FileStatusParams[] = [];
  readonly logs: string[] = [];
  /** Log messages of type Error (what `runSafe` writes when a handler throws). */
  readonly errorLogs: string[] = [];
  /** `client/registerCapability` registrations the server asked for. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  /** What `workspace/configuration` answers (change it to simulate a settings change). */
  settings: unknown;
  stderr = '';
  exitCode: number | null | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    process.stderr.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.exited = new Promise((resolveExit) => {
      process.on('exit', (code) => {
        this.exitCode = code;
        this.notify();
        resolveExit(code);
      });
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.notify();
    });
    connection.onNotification(FileStatusNotification.method, (p: FileStatusParams) => {
      this.statuses.push(p);
      this.notify();
    });
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      if (p.type === 1) this.errorLogs.push(p.message);
      this.notify();
    });
  }

  static start(options: StartOptions = {}): LspClient {
    const args = options.args ?? [SERVER, '--stdio'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspClient(child, connection);
    client.settings = options.configuration;
    if (options.configuration !== undefined) {
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
        p.items.map(() => client.settings),
      );
    }
    connection.onRequest(
      'client/registerCapability',
      (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
        client.registrations.push(...p.registrations);
        client.notify();
        return null;
      },
    );
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    return client;
  }

  initialize(options: StartOptions = {}): Promise<InitializeResult> {
    return this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: options.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: options.configuration !== undefined },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: options.initializationOptions,
    }) as Promise<InitializeResult>;
  }

  async initialized(): Promise<void> {
    await this.connection.sendNotification('initialized', {});
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'caseed', version, text },
    });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolve with the first value `probe` returns (checked now and after every server message). */
  waitFor<T>(what: string, probe: () => T | undefined, deadlineMs = DEADLINE_MS): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined) return false;
        cleanup();
        resolvePromise(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`),
        );
      }, deadlineMs);
      const listener = (): void => {
        check();
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      if (!check()) this.listeners.add(listener);
    });
  }

  /** The latest diagnostics published for `uri` that satisfy `accept` (by default: any). */
  waitForDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      for (let i = this.diagnostics.length - 1; i >= 0; i--) {
        const p = this.diagnostics[i];
        if (p.uri === uri) return accept(p) ? p : undefined;
      }
      return undefined;
    });
  }

  waitForStatus(
    uri: string,
    accept: (p: FileStatusParams) => boolean = () => true,
  ): Promise<FileStatusParams> {
    return this.waitFor(`file status for ${uri}`, () => {
      for (let i = this.statuses.length - 1; i >= 0; i--) {
        const p = this.statuses[i];
        if (p.uri === uri) return accept(p) ? p : undefined;
      }
      return undefined;
    });
  }

  /** `shutdown` then `exit`; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.waitFor('server exit', () =>
      this.exitCode === undefined ? undefined : { code: this.exitCode },
    );
    this.connection.dispose();
    return code.code;
  }

  /** Make sure the process is gone (for `after` hooks). */
  async kill(): Promise<void> {
    if (this.exitCode === undefined) {
      this.process.kill();
      await this.exited;
    }
    this.connection.dispose();
  }

  notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

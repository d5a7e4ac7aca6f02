/**
 * The one object that owns the extension's state: the language client, the output channel, the
 * language status item, the typed configuration and the send services (credentials, status bar
 * item, CodeLens, API diagnostics). Commands receive it; `dispose` tears it all down.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import type { FileStatusParams } from '../contract/protocol';
import {
  CLIENT_ID,
  CLIENT_NAME,
  FileStatusNotification,
  LANGUAGE_ID,
  OUTPUT_CHANNEL_NAME,
} from '../contract/protocol';
import type { CaseedSettings } from '../contract/settings';
import { ReadDefinitionsRequest } from '../contract/definitions';
import { DEFINITIONS_FILE_NAME } from '../core/definitions/model';
import { affectsCaseed, readConfiguration } from './config';
import type { Platform } from './platform';
import type { ReadExportHeaderParams, ReadExportHeaderResult } from '../contract/importMapping';
import { ReadExportHeaderRequest } from '../contract/importMapping';
import { MAPPING_SUFFIX } from '../core/import/model';
import { readDefinitions } from './definitionsReader';
import { SendServices } from './sendServices';
import { StatusItem } from './statusItem';

export class Ctx implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  readonly status: StatusItem;
  private client: BaseLanguageClient | undefined;
  private sendServices: SendServices | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly platform: Platform,
  ) {
    this.output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
    this.status = new StatusItem();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsCaseed(e)) this.log('settings changed');
      }),
    );
  }

  /** The typed settings (for a document's folder when `scope` is given). */
  config(scope?: vscode.ConfigurationScope): CaseedSettings {
    return readConfiguration(scope);
  }

  /** The send services of this context, created on first use and disposed with it. */
  get send(): SendServices {
    this.sendServices ??= new SendServices(this);
    return this.sendServices;
  }

  /** The running language client, if any. */
  get languageClient(): BaseLanguageClient | undefined {
    return this.client;
  }

  log(message: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  /** Start the language server (no-op when it already runs). */
  async start(): Promise<void> {
    if (this.client !== undefined) return;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID },
        { pattern: `**/${DEFINITIONS_FILE_NAME}` },
        { pattern: `**/*${MAPPING_SUFFIX}` },
      ],
      outputChannel: this.output,
      initializationOptions: {
        settings: this.config(),
        definitionsProvider: true,
        exportHeaderProvider: this.platform.import !== undefined,
      },
    };
    const client = this.platform.createLanguageClient(
      this.extension,
      CLIENT_ID,
      CLIENT_NAME,
      clientOptions,
    );
    this.client = client;
    this.status.setServerState('starting');
    client.onDidChangeState((e) => {
      this.status.setServerState(
        e.newState === State.Running
          ? 'running'
          : e.newState === State.Starting
            ? 'starting'
            : 'stopped',
      );
    });
    client.onNotification(FileStatusNotification.method, (params: FileStatusParams) =>
      this.status.update(params),
    );
    client.onRequest(ReadDefinitionsRequest.method, readDefinitions);
    const imports = this.platform.import;
    client.onRequest(
      ReadExportHeaderRequest.method,
      async (p: ReadExportHeaderParams): Promise<ReadExportHeaderResult> =>
        imports === undefined ? null : imports.readExportHeader(p.mappingUri).catch(() => null),
    );
    try {
      await client.start();
      this.status.setServerState('running');
    } catch (err) {
      this.status.setServerState('stopped');
      this.log(
        `the language server failed to start: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw err;
    }
  }

  /** Stop the language server (no-op when it is not running). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      await client.stop(2000);
    } finally {
      this.status.setServerState('stopped');
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop().catch(() => undefined);
    this.sendServices?.dispose();
    this.sendServices = undefined;
    for (const s of this.subscriptions) s.dispose();
    this.status.dispose();
    this.output.dispose();
  }
}

/**
 * Everything the send commands share, owned by the extension's context (`ctx.send`): the credential store,
 * the status bar item, the "Send" CodeLens and the `caseed-api` diagnostic collection (API errors
 * mapped onto the file, cleared when the file is edited).
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../contract/protocol';
import type { Target } from '../core/send/target';
import { SendCodeLensProvider } from './codelens';
import type { Ctx } from './context';
import { CredentialStore, targetFromSettings } from './credentials';
import { SendStatusItem } from './sendStatus';

export class SendServices implements vscode.Disposable {
  readonly credentials: CredentialStore;
  readonly apiDiagnostics: vscode.DiagnosticCollection;
  private readonly status: SendStatusItem;
  private readonly lens: SendCodeLensProvider;
  private readonly subscriptions: vscode.Disposable[] = [];
  private label: string | undefined;

  constructor(private readonly ctx: Ctx) {
    this.credentials = new CredentialStore(ctx.extension.secrets, ctx.extension.globalState);
    this.apiDiagnostics = vscode.languages.createDiagnosticCollection('caseed-api');
    this.status = new SendStatusItem();
    this.lens = new SendCodeLensProvider(() => this.label);
    this.subscriptions.push(
      this.credentials,
      this.apiDiagnostics,
      this.status,
      this.lens,
      vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, this.lens),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.apiDiagnostics.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.apiDiagnostics.delete(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('caseed.send')) void this.refresh();
      }),
      this.credentials.onDidChange(() => void this.refresh()),
    );
    void this.refresh();
  }

  /** The target the settings choose now. */
  target(): Target | { error: string } {
    return targetFromSettings(this.ctx.config());
  }

  /** Re-reads the target and whether credentials exist; updates the status item and lens. */
  async refresh(): Promise<void> {
    const target = this.target();
    const has = 'error' in target ? false : await this.credentials.has(target.profile);
    this.label = 'error' in target ? undefined : target.label;
    this.status.update(target, has);
    this.lens.refresh();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * The status bar item of sending: the chosen data center (or custom URL) and whether credentials are
 * set for it. Clicking it opens "caseed: Choose Data Center". Shown while a seed file is active.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../contract/commands';
import { LANGUAGE_ID } from '../contract/protocol';
import type { Target } from '../core/send/target';

export class SendStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private target: Target | { error: string } | undefined;
  private hasCredentials = false;

  constructor() {
    this.item = vscode.window.createStatusBarItem(
      'caseed.sendStatus',
      vscode.StatusBarAlignment.Right,
      100,
    );
    this.item.name = 'caseed: data center';
    this.item.command = COMMAND_IDS.chooseDataCenter;
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(target: Target | { error: string }, hasCredentials: boolean): void {
    this.target = target;
    this.hasCredentials = hasCredentials;
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const target = this.target;
    if (target === undefined || doc === undefined || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    if ('error' in target) {
      this.item.text = '$(cloud-upload) no data center';
      this.item.tooltip = target.error;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const key = this.hasCredentials ? '$(key)' : '$(circle-slash) no credentials';
      this.item.text = `$(cloud-upload) ${target.label} ${key}`;
      this.item.tooltip = new vscode.MarkdownString(
        `Seed files are sent to \`${target.baseUrl}\`.\n\n${this.hasCredentials ? 'Credentials are set for this data center.' : 'No credentials for this data center yet: run **caseed: Set Credentials**.'}\n\nClick to choose another data center.`,
      );
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/**
 * The language status item (the `{}` next to the language mode in the status bar) for seed files: the
 * active file's state and counts, as the server reports them through `caseed/fileStatus`.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../contract/commands';
import type { DefinitionsStatus } from '../contract/definitions';
import type { FileStatusParams } from '../contract/protocol';
import { LANGUAGE_ID } from '../contract/protocol';

export type ServerState = 'starting' | 'running' | 'stopped';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "definitions: caseed.definitions.json, workspace 4321, 15 CAs, pulled 3 days ago (stale)". */
function definitionsText(d: DefinitionsStatus | undefined): string | undefined {
  if (d === undefined) return undefined;
  const file = vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri), false);
  if (d.error !== undefined) return `$(warning) definitions ${file}: ${d.error}`;
  const parts = [`definitions: ${file}`];
  if (d.workspaceId !== undefined) parts.push(`workspace ${d.workspaceId}`);
  parts.push(`${d.count} CA${d.count === 1 ? '' : 's'}`);
  parts.push(d.age === undefined ? 'written by hand' : `pulled ${d.age} ago`);
  return parts.join(', ') + (d.stale ? ' $(warning) stale: run caseed: Pull Definitions' : '');
}

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, FileStatusParams>();
  private server: ServerState = 'starting';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('caseed.status', {
      language: LANGUAGE_ID,
    });
    this.item.name = 'caseed';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.byUri.delete(d.uri.toString());
      }),
    );
    this.render();
  }

  setServerState(state: ServerState): void {
    this.server = state;
    if (state !== 'running') this.byUri.clear();
    this.render();
  }

  update(status: FileStatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.busy = this.server === 'starting';
    if (this.server !== 'running') {
      item.text =
        this.server === 'starting' ? 'caseed: starting' : '$(debug-disconnect) caseed: stopped';
      item.detail = this.server === 'stopped' ? 'The language server is not running' : undefined;
      item.severity =
        this.server === 'stopped'
          ? vscode.LanguageStatusSeverity.Error
          : vscode.LanguageStatusSeverity.Information;
      item.command = {
        title: this.server === 'stopped' ? 'Restart' : 'Show Output',
        command: this.server === 'stopped' ? COMMAND_IDS.restartServer : COMMAND_IDS.showOutput,
      };
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri === undefined ? undefined : this.byUri.get(uri);
    if (s === undefined) {
      item.text = 'caseed';
      item.detail = 'Validating…';
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = { title: 'Show Output', command: COMMAND_IDS.showOutput };
      return;
    }
    const users = plural(s.users, 'user');
    if (s.state === 'disabled') {
      item.text = '$(circle-slash) caseed: validation off';
      item.detail = `${users} · caseed.validate.enable is false`;
      item.severity = vscode.LanguageStatusSeverity.Information;
    } else if (s.state === 'errors') {
      item.text = `$(error) ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
      item.detail = this.detail(s, users);
      item.severity = vscode.LanguageStatusSeverity.Error;
    } else if (s.state === 'warnings') {
      item.text = `$(warning) ${plural(s.warnings, 'warning')}`;
      item.detail = this.detail(s, users);
      item.severity = vscode.LanguageStatusSeverity.Warning;
    } else {
      item.text = `$(check) caseed: ${users}`;
      item.detail = this.detail(s, users);
      item.severity = vscode.LanguageStatusSeverity.Information;
    }
    item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    const defs = s.definitions;
    if (defs !== undefined && (defs.error !== undefined || defs.stale)) {
      if (item.severity === vscode.LanguageStatusSeverity.Information)
        item.severity = vscode.LanguageStatusSeverity.Warning;
      item.command = { title: 'Pull Definitions', command: COMMAND_IDS.pullDefinitions };
    }
  }

  private detail(s: FileStatusParams, users: string): string {
    const parts = [users];
    if (s.infos > 0) parts.push(plural(s.infos, 'note'));
    if (s.hiddenProblems > 0)
      parts.push(`${s.hiddenProblems} more not shown (caseed.validate.maxProblems)`);
    if (s.large) parts.push('large file: completion, hover and formatting off');
    const defs = definitionsText(s.definitions);
    if (defs !== undefined) parts.push(defs);
    return parts.join(' · ');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

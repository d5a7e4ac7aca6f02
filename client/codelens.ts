/**
 * A "Send" CodeLens at the top of every seed file, naming the data center it would go to.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../contract/commands';

export class SendCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly targetLabel: () => string | undefined) {}

  /** Call when the data center changes so the lens title follows. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.getText(new vscode.Range(0, 0, 0, 1)) === '') return [];
    const label = this.targetLabel();
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: label === undefined ? '$(cloud-upload) Send' : `$(cloud-upload) Send to ${label}`,
        tooltip: 'caseed: Send Seed File (a summary is shown before anything is sent)',
        command: COMMAND_IDS.sendSeedFile,
        arguments: [document.uri],
      }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

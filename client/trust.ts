/**
 * Restricted Mode: what waits for workspace trust. Validation and every editor feature work in an
 * untrusted workspace (they only read the open file); anything that sends data somewhere, or follows
 * a path or URL a workspace could plant, asks for trust first, in plain words, with a way to grant it.
 */
import * as vscode from 'vscode';

const MANAGE = 'Manage Workspace Trust';

/**
 * When the workspace is not trusted: the reason (also shown to the user, with a button to trust the
 * workspace). Undefined when it is trusted. `what` names the action: "Sending seed files".
 */
export function refusedUntrusted(what: string): string | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const reason =
    `${what} waits for workspace trust: this folder is open in Restricted Mode. ` +
    'Validation and editing work as usual; trust the folder to continue.';
  void vscode.window.showWarningMessage(`caseed: ${reason}`, MANAGE).then((choice) => {
    if (choice === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return reason;
}

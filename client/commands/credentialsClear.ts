/** `caseed: Clear Credentials`: forget the stored key and secret of one data center, or of all. */
import * as vscode from 'vscode';
import type { Ctx } from '../context';

export function credentialsClear(ctx: Ctx) {
  return async (): Promise<void> => {
    const services = ctx.send;
    const stored: string[] = [];
    for (const p of services.credentials.profiles()) {
      if (await services.credentials.has(p)) stored.push(p);
    }
    if (stored.length === 0) {
      void vscode.window.showInformationMessage('caseed: no credentials are stored.');
      return;
    }
    const ALL = 'All data centers';
    const picked = await vscode.window.showQuickPick(
      [...stored, ...(stored.length > 1 ? [ALL] : [])],
      {
        title: 'caseed: Clear Credentials',
        placeHolder: 'Forget the API key and secret of…',
      },
    );
    if (picked === undefined) return;
    for (const p of picked === ALL ? stored : [picked]) await services.credentials.clear(p);
    ctx.log(`credentials cleared for ${picked}`);
    await services.refresh();
    void vscode.window.showInformationMessage(`caseed: credentials cleared for ${picked}.`);
  };
}

/** `caseed: Restart Language Server`: stop the server and start a fresh one. */
import * as vscode from 'vscode';
import type { Ctx } from '../context';

export function restartServer(ctx: Ctx) {
  return async (): Promise<void> => {
    ctx.log('restarting the language server');
    try {
      await ctx.restart();
      ctx.log('the language server restarted');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      ctx.log(`restart failed: ${reason}`);
      void vscode.window.showErrorMessage(`caseed: the language server did not restart: ${reason}`);
    }
  };
}

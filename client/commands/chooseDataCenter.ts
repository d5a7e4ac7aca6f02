/**
 * `caseed: Choose Data Center`: a pod of the vocabulary (core/vocabulary.ts), or a custom base URL (https, or http only on
 * loopback for the local emulator). Saved as user settings; no secrets in settings.
 */
import * as vscode from 'vscode';
import { PODS, podFromKey } from '../../core/vocabulary';
import { checkBaseUrl } from '../../core/send/target';
import type { Ctx } from '../context';

interface Item extends vscode.QuickPickItem {
  id: string;
}

export function chooseDataCenter(ctx: Ctx) {
  return async (): Promise<void> => {
    const services = ctx.send;
    const settings = ctx.config().send;
    // A stored key's prefix suggests its pod.
    let suggested: string | undefined;
    const current = services.target();
    if (!('error' in current)) {
      const c = await services.credentials.get(current.profile);
      if (c !== undefined) suggested = podFromKey(c.apiKey);
    }
    const items: Item[] = [];
    for (const p of PODS) {
      const has = await services.credentials.has(p.id);
      const notes = [
        p.id === settings.dataCenter ? 'current' : undefined,
        p.id === suggested && p.id !== settings.dataCenter
          ? 'suggested by your API key'
          : undefined,
        has ? 'credentials set' : undefined,
      ].filter((n): n is string => n !== undefined);
      items.push({
        id: p.id,
        label: p.label,
        description: p.baseUrl,
        detail: notes.join(' · ') || undefined,
      });
    }
    items.push({
      id: 'custom',
      label: 'Custom base URL…',
      description: settings.dataCenter === 'custom' ? settings.baseUrl : 'e.g. the local emulator',
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: 'caseed: Choose Data Center',
      placeHolder: 'Where seed files are sent',
    });
    if (picked === undefined) return;
    const config = vscode.workspace.getConfiguration('caseed');
    if (picked.id === 'custom') {
      const url = await vscode.window.showInputBox({
        title: 'caseed: Custom base URL',
        prompt:
          'https://… (http:// only for loopback, e.g. http://127.0.0.1:8787 for `caseed emulator`)',
        value: settings.baseUrl,
        ignoreFocusOut: true,
        validateInput: (v) => {
          const r = checkBaseUrl(v);
          return r.ok ? undefined : r.reason;
        },
      });
      if (url === undefined) return;
      const r = checkBaseUrl(url);
      if (!r.ok) return;
      await config.update('send.baseUrl', r.baseUrl, vscode.ConfigurationTarget.Global);
    }
    await config.update('send.dataCenter', picked.id, vscode.ConfigurationTarget.Global);
    ctx.log(`data center set to ${picked.id === 'custom' ? 'a custom base URL' : picked.id}`);
    await services.refresh();
  };
}

/**
 * The Platform API client id and secret (for pulling definitions) in VS Code's SecretStorage, per
 * token endpoint, separate from the seeding API key and secret. Never in settings, files or logs.
 * The workspace id is not a secret: it is remembered per folder in the workspace state.
 */
import type * as vscode from 'vscode';

const PREFIX = 'caseed.platformCredentials:';
const WORKSPACE_PREFIX = 'caseed.definitions.workspaceId:';

export interface PlatformCredentials {
  clientId: string;
  clientSecret: string;
}

export class PlatformCredentialStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  async get(tokenUrl: string): Promise<PlatformCredentials | undefined> {
    const raw = await this.secrets.get(PREFIX + tokenUrl);
    if (raw === undefined) return undefined;
    try {
      const v = JSON.parse(raw) as { clientId?: unknown; clientSecret?: unknown };
      if (typeof v.clientId === 'string' && typeof v.clientSecret === 'string')
        return { clientId: v.clientId, clientSecret: v.clientSecret };
    } catch {
      // unreadable: treated as absent
    }
    return undefined;
  }

  set(tokenUrl: string, c: PlatformCredentials): Thenable<void> {
    return this.secrets.store(PREFIX + tokenUrl, JSON.stringify(c));
  }

  clear(tokenUrl: string): Thenable<void> {
    return this.secrets.delete(PREFIX + tokenUrl);
  }

  workspaceId(folder: vscode.Uri): string | undefined {
    const v = this.state.get<unknown>(WORKSPACE_PREFIX + folder.toString());
    return typeof v === 'string' ? v : undefined;
  }

  setWorkspaceId(folder: vscode.Uri, id: string): Thenable<void> {
    return this.state.update(WORKSPACE_PREFIX + folder.toString(), id);
  }
}

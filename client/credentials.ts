/**
 * API credentials in VS Code's SecretStorage, one entry per data-center profile (a pod id or a
 * custom base URL). Never in settings, the workspace, logs or the output channel. The list of
 * profiles that have credentials (names only, no secrets) is kept in globalState for the clear
 * command.
 */
import * as vscode from 'vscode';
import type { Credentials } from '../core/send/sender';
import type { Target } from '../core/send/target';
import { resolveTarget } from '../core/send/target';
import type { CaseedSettings } from '../contract/settings';

const PREFIX = 'caseed.credentials:';
const PROFILES_KEY = 'caseed.credentialProfiles';

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the profile whose credentials changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this.changed.fire(e.key.slice(PREFIX.length));
    });
  }

  async get(profile: string): Promise<Credentials | undefined> {
    const raw = await this.secrets.get(PREFIX + profile);
    if (raw === undefined) return undefined;
    try {
      const v = JSON.parse(raw) as { apiKey?: unknown; apiSecret?: unknown };
      if (typeof v.apiKey === 'string' && typeof v.apiSecret === 'string') {
        return { apiKey: v.apiKey, apiSecret: v.apiSecret };
      }
    } catch {
      // Unreadable entry: treated as absent.
    }
    return undefined;
  }

  async has(profile: string): Promise<boolean> {
    return (await this.get(profile)) !== undefined;
  }

  async set(profile: string, credentials: Credentials): Promise<void> {
    await this.secrets.store(PREFIX + profile, JSON.stringify(credentials));
    const profiles = new Set(this.profiles());
    profiles.add(profile);
    await this.state.update(PROFILES_KEY, [...profiles]);
  }

  async clear(profile: string): Promise<void> {
    await this.secrets.delete(PREFIX + profile);
    await this.state.update(
      PROFILES_KEY,
      this.profiles().filter((p) => p !== profile),
    );
  }

  /** Profiles that have (or had) credentials stored. */
  profiles(): string[] {
    const v = this.state.get<unknown>(PROFILES_KEY);
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The target the settings choose: a pod, or the custom base URL (checked: https unless loopback). */
export function targetFromSettings(settings: CaseedSettings): Target | { error: string } {
  const { dataCenter, baseUrl } = settings.send;
  if (dataCenter === 'custom') {
    if (baseUrl.trim() === '') {
      return { error: 'No custom base URL is set: run "caseed: Choose Data Center".' };
    }
    return resolveTarget({ baseUrl });
  }
  return resolveTarget({ pod: dataCenter });
}

/**
 * The client's typed view of the `caseed.*` settings: the raw VS Code configuration turned into the
 * contract's `CaseedSettings` (bad values fall back to defaults, numbers are clamped).
 */
import * as vscode from 'vscode';
import type { CaseedSettings } from '../contract/settings';
import { SETTINGS, SETTINGS_SECTION, settingsFrom } from '../contract/settings';

/** Read the settings, for a document's folder when `scope` is given. */
export function readConfiguration(scope?: vscode.ConfigurationScope): CaseedSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const flat: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS)) flat[key] = config.get(key);
  return settingsFrom(flat);
}

/** True when a configuration change touches any `caseed.*` setting. */
export function affectsCaseed(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION);
}

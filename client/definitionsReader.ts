/**
 * The client's answer to the server's `caseed/readDefinitions`: the definitions file of a seed file,
 * read through `vscode.workspace.fs` (so it works the same on the desktop, over remote and in the
 * browser). `caseed.definitions.path` names it (relative to the seed's workspace folder); otherwise
 * the nearest `caseed.definitions.json` up from the seed file.
 */
import * as vscode from 'vscode';
import type { ReadDefinitionsParams, ReadDefinitionsResult } from '../contract/definitions';
import { definitionsCandidates } from '../core/definitions/lookup';

/** The definitions file `caseed.definitions.path` names for a folder, or undefined when unset. */
export function configuredDefinitionsUri(
  path: string,
  folder: vscode.WorkspaceFolder | undefined,
): vscode.Uri | undefined {
  if (path.trim() === '') return undefined;
  if (/^([a-zA-Z]:[\\/]|[\\/])/.test(path)) return vscode.Uri.file(path);
  return folder === undefined ? undefined : vscode.Uri.joinPath(folder.uri, path);
}

async function read(uri: vscode.Uri): Promise<ReadDefinitionsResult> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder('utf-8').decode(bytes);
    return { uri: uri.toString(), text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return {
      uri: uri.toString(),
      error: `cannot read ${uri.fsPath || uri.toString()}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

export async function readDefinitions(
  params: ReadDefinitionsParams,
): Promise<ReadDefinitionsResult> {
  const seed = vscode.Uri.parse(params.seedUri);
  const folder = vscode.workspace.getWorkspaceFolder(seed);
  const configured = configuredDefinitionsUri(params.path, folder);
  if (configured !== undefined) return read(configured);
  for (const candidate of definitionsCandidates(params.seedUri)) {
    const uri = vscode.Uri.parse(candidate);
    if (await exists(uri)) return read(uri);
  }
  return null;
}

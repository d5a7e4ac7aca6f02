/**
 * `caseed: Pull Definitions`: the calculated attribute definitions of an mParticle workspace from
 * the Platform API, written (atomically, in the stable form) to the folder's
 * `caseed.definitions.json` (or `caseed.definitions.path`). The client id and secret come from
 * SecretStorage (asked once, kept per token endpoint, apart from the seeding credentials); the
 * workspace id is asked once and remembered per folder; the token stays in memory. The language
 * server picks the new file up through its watcher and revalidates the open seed files.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../contract/commands';
import { DEFINITIONS_FILE_NAME } from '../../core/definitions/model';
import { pullDefinitions as pull, TokenCache } from '../../core/definitions/pull';
import { redact } from '../../core/send/redact';
import type { Ctx } from '../context';
import { configuredDefinitionsUri } from '../definitionsReader';
import type { PlatformCredentials } from '../platformCredentials';
import { PlatformCredentialStore } from '../platformCredentials';
import { refusedUntrusted } from '../trust';

/** What the command resolves to (tests and other extensions read it). */
export type PullCommandResult =
  { ok: true; uri: string; count: number; workspaceId: string } | { ok: false; reason: string };

interface PullArgs {
  folder?: vscode.Uri;
  workspaceId?: string;
  clientId?: string;
  clientSecret?: string;
}

/** Tokens in memory for the extension's lifetime, until they expire. */
const tokens = new TokenCache();

function argsOf(arg: unknown): PullArgs {
  if (arg === null || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v !== '' ? v : undefined;
  return {
    folder: a.folder instanceof vscode.Uri ? a.folder : undefined,
    workspaceId: str(a.workspaceId),
    clientId: str(a.clientId),
    clientSecret: str(a.clientSecret),
  };
}

async function chooseFolder(
  given: vscode.Uri | undefined,
): Promise<vscode.WorkspaceFolder | undefined> {
  if (given !== undefined) return vscode.workspace.getWorkspaceFolder(given);
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active);
  if (fromEditor !== undefined) return fromEditor;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({
    placeHolder: 'Pull definitions into which folder?',
  });
}

async function askCredentials(tokenUrl: string): Promise<PlatformCredentials | undefined> {
  const clientId = await vscode.window.showInputBox({
    title: 'caseed: Platform API client ID',
    prompt: `The client ID of an mParticle Platform API client (for ${tokenUrl}); not the seeding API key.`,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Enter the client ID' : undefined),
  });
  if (clientId === undefined) return undefined;
  const clientSecret = await vscode.window.showInputBox({
    title: 'caseed: Platform API client secret',
    prompt: 'The client secret. It is kept in VS Code’s secret storage only.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' ? 'Enter the client secret' : undefined),
  });
  if (clientSecret === undefined) return undefined;
  return { clientId: clientId.trim(), clientSecret };
}

async function writeAtomically(target: vscode.Uri, text: string): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw err;
  }
}

export function pullDefinitions(ctx: Ctx) {
  return async (arg?: unknown): Promise<PullCommandResult> => {
    const untrusted = refusedUntrusted('Pulling definitions');
    if (untrusted !== undefined) return { ok: false, reason: untrusted };
    const given = argsOf(arg);
    const store = new PlatformCredentialStore(ctx.extension.secrets, ctx.extension.workspaceState);
    const fail = (reason: string): PullCommandResult => {
      ctx.log(`pull definitions: ${reason}`);
      void vscode.window.showErrorMessage(`caseed: ${reason}`);
      return { ok: false, reason };
    };
    const folder = await chooseFolder(given.folder);
    if (folder === undefined)
      return fail('open a folder first: definitions are pulled into a folder.');
    const settings = ctx.config(folder.uri).definitions;

    let workspaceId = given.workspaceId ?? store.workspaceId(folder.uri);
    if (workspaceId === undefined) {
      workspaceId = await vscode.window.showInputBox({
        title: 'caseed: mParticle workspace ID',
        prompt: `The workspace whose calculated attributes to pull into ${folder.name} (remembered for this folder).`,
        ignoreFocusOut: true,
        validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'A workspace ID is a number'),
      });
      if (workspaceId === undefined) return { ok: false, reason: 'cancelled' };
      workspaceId = workspaceId.trim();
    }
    await store.setWorkspaceId(folder.uri, workspaceId);

    let credentials: PlatformCredentials | undefined =
      given.clientId !== undefined && given.clientSecret !== undefined
        ? { clientId: given.clientId, clientSecret: given.clientSecret }
        : await store.get(settings.tokenUrl);
    if (credentials === undefined) {
      credentials = await askCredentials(settings.tokenUrl);
      if (credentials === undefined) return { ok: false, reason: 'cancelled' };
    }

    const target =
      configuredDefinitionsUri(settings.path, folder) ??
      vscode.Uri.joinPath(folder.uri, DEFINITIONS_FILE_NAME);
    const http = ctx.platform.createTransport({ connections: 1 });
    const secrets = [credentials.clientSecret];
    const id = workspaceId;
    const creds = credentials;
    try {
      const r = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `caseed: pulling the definitions of workspace ${id}…`,
        },
        () =>
          pull({
            workspaceId: id,
            clientId: creds.clientId,
            clientSecret: creds.clientSecret,
            apiUrl: settings.apiUrl,
            tokenUrl: settings.tokenUrl,
            transport: http.transport,
            tokens,
            log: (line) => ctx.log(redact(line, secrets)),
          }),
      );
      // Kept for the next pull unless they were refused.
      if (r.ok || r.kind !== 'auth') await store.set(settings.tokenUrl, creds);
      if (!r.ok) {
        const reason = redact(r.reason, secrets);
        if (r.kind === 'auth') {
          const again = 'Re-enter Credentials';
          ctx.log(`pull definitions: ${reason}`);
          void vscode.window.showErrorMessage(`caseed: ${reason}`, again).then(async (choice) => {
            if (choice !== again) return;
            await store.clear(settings.tokenUrl);
            await vscode.commands.executeCommand(COMMAND_IDS.pullDefinitions, {
              folder: folder.uri,
            });
          });
          return { ok: false, reason };
        }
        return fail(reason);
      }
      await writeAtomically(target, r.text);
      const count = r.file.calculated_attributes.length;
      const where = vscode.workspace.asRelativePath(target, false);
      ctx.log(`pulled ${count} calculated attributes of workspace ${id} into ${where}`);
      void vscode.window.showInformationMessage(
        `caseed: ${count} calculated attribute${count === 1 ? '' : 's'} of workspace ${id} written to ${where}.`,
      );
      return { ok: true, uri: target.toString(), count, workspaceId: id };
    } catch (err) {
      return fail(
        `cannot write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      await http.close();
    }
  };
}

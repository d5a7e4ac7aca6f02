/**
 * Shared helpers for the suites that run inside the extension host: polling with a deadline (never a
 * fixed sleep), the temp workspace the runner opened, fresh copies of fixture files, diagnostics.
 * Files go through `vscode.workspace.fs`, so the same helpers serve desktop VS Code and VS Code for
 * the Web (where the workspace is a virtual file system and there is no Node).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'caseed.caseed';

/** Poll `probe` until it returns something other than undefined/false, or fail after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The folder the runner opened (a temp copy, never the repository), as a URI. */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open a workspace folder');
  return folder.uri;
}

/** The folder the runner opened, as a local path (desktop only). */
export function workspaceDir(): string {
  return workspaceUri().fsPath;
}

/** The repository root (the extension under development; desktop only). */
export function repoRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext.extensionPath;
}

/** True in VS Code for the Web (a browser extension host). */
export function isWeb(): boolean {
  return (
    vscode.env.uiKind === vscode.UIKind.Web &&
    (globalThis as { process?: unknown }).process === undefined
  );
}

let cases = 0;

/** A new, empty subfolder of the workspace for one test's files. */
function caseFolder(): vscode.Uri {
  cases += 1;
  return vscode.Uri.joinPath(
    workspaceUri(),
    `case-${Date.now().toString(36)}-${cases}-${Math.random().toString(36).slice(2, 8)}`,
  );
}

/** Text of a file of the workspace (`examples/…` and `test/fixtures/…` are copied there by the runners). */
export async function workspaceText(relative: string): Promise<string> {
  const uri = vscode.Uri.joinPath(workspaceUri(), relative);
  const bytes = await vscode.workspace.fs.readFile(uri).then(
    (b) => b,
    () => assert.fail(`missing fixture ${relative} in the workspace`),
  );
  return new TextDecoder().decode(bytes);
}

/** A fresh copy of a fixture (e.g. `examples/broken.caseed.json`) in its own subfolder. */
export async function copyOf(relative: string): Promise<vscode.Uri> {
  const name = relative.split('/').pop() ?? relative;
  return newSeedFile(name, await workspaceText(relative));
}

/** A new seed file with the given text in its own subfolder of the workspace. */
export async function newSeedFile(name: string, text: string): Promise<vscode.Uri> {
  const dir = caseFolder();
  await vscode.workspace.fs.createDirectory(dir);
  const dest = vscode.Uri.joinPath(dir, name);
  await vscode.workspace.fs.writeFile(dest, new TextEncoder().encode(text));
  return dest;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** Wait until the diagnostics of `uri` satisfy `ok`, and return them. */
export function diagnosticsWhen(
  uri: vscode.Uri,
  what: string,
  ok: (ds: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    timeoutMs,
  );
}

/** The caseed diagnostics only (the built-in JSON schema validation may add its own). */
export function ours(ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter((d) => d.source === 'caseed');
}

/** The offset-free position of the first occurrence of `needle` (+ `delta` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not found in ${doc.uri.toString()}`);
  return doc.positionAt(at + delta);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs `fn` while the modal confirmation is answered as a user answers it: the extension's own call
 * to `vscode.window.showWarningMessage` (the same code path a click goes through) is seen here and
 * resolves with the button whose label matches `answer` (undefined = the dialog dismissed). Only
 * modal calls are answered; each one is recorded, so a test proves the confirmation was shown.
 * Test-only: it replaces the function in this extension host for the duration of `fn`; the command
 * itself offers no way around the dialog.
 */
export async function answeringConfirmation<T>(
  answer: RegExp | undefined,
  fn: () => Thenable<T> | Promise<T>,
): Promise<{
  result: T;
  asked: Array<{ message: string; buttons: string[]; detail?: string }>;
}> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const asked: Array<{ message: string; buttons: string[]; detail?: string }> = [];
  window.showWarningMessage = (...args: unknown[]): Thenable<unknown> => {
    const [message, options, ...items] = args;
    if (typeof options !== 'object' || options === null || !('modal' in options)) {
      return original.apply(vscode.window, args);
    }
    const buttons = items.map((i) =>
      typeof i === 'string' ? i : String((i as { title?: unknown }).title),
    );
    const detail = (options as { detail?: unknown }).detail;
    asked.push({
      message: String(message),
      buttons,
      ...(typeof detail === 'string' ? { detail } : {}),
    });
    const chosen = answer === undefined ? undefined : items.find((_, k) => answer.test(buttons[k]));
    return Promise.resolve(chosen);
  };
  try {
    return { result: await fn(), asked };
  } finally {
    window.showWarningMessage = original;
  }
}

type WindowDialog =
  'showOpenDialog' | 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

/**
 * Runs `fn` while the extension's own calls to `vscode.window[name]` (an open dialog, a message with
 * buttons) are answered by `answer` — given the call's arguments, it returns what the user's choice
 * resolves to — and recorded. Like answeringConfirmation, it goes through the same call a click
 * does; the commands have no way around their dialogs.
 */
export async function answering<T>(
  name: WindowDialog,
  answer: (args: unknown[]) => unknown,
  fn: () => Thenable<T> | Promise<T>,
): Promise<{ result: T; calls: unknown[][] }> {
  const window = vscode.window as unknown as Record<
    WindowDialog,
    (...args: unknown[]) => Thenable<unknown>
  >;
  const original = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]): Thenable<unknown> => {
    calls.push(args);
    return Promise.resolve(answer(args));
  };
  try {
    return { result: await fn(), calls };
  } finally {
    window[name] = original;
  }
}

/**
 * Where the journal of a send from VS Code lives, and its lock. The records are the core's
 * (`JournalWriter`, core/send/journal.ts), appended one line at a time exactly as `caseed send`
 * appends them:
 * - a local file on desktop: `<file>.journal` beside it and `<file>.journal.lock`, through the very
 *   code of the CLI (the Platform's `sendFiles`: a synchronous write per record, so a closed editor
 *   or a killed extension host loses nothing recorded) — `caseed send --resume` continues a send
 *   VS Code began, VS Code offers to resume one the CLI began, and one refuses while the other runs;
 * - anything else (VS Code for the Web, an untitled or virtual document): the extension's global
 *   storage, one journal per document (named by a hash of its URI), through `workspace.fs` — which
 *   has no append, so there the file is written again with each new line (the same lines) — and a
 *   lock held in this extension host.
 * No secret, no payload: positions and outcomes only.
 */
import * as vscode from 'vscode';
import { withoutBom } from '../core/bom';
import type { JournalSink } from '../core/send/journal';
import type { PlatformSendFiles } from './platform';

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The identity of what is sent, as the journal records it (size and SHA-256 of bytes): the file's
 * bytes on disk when the document holds exactly them (as `caseed send` hashes the file), else the
 * UTF-8 of the document's text (unsaved changes: no CLI journal of the file on disk can match).
 */
export async function identityOfDocument(
  uri: vscode.Uri,
  text: string,
): Promise<{ size: number; sha256: string }> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const decoded = withoutBom(new TextDecoder().decode(bytes));
    if (decoded === text) return { size: bytes.length, sha256: await sha256(bytes) };
  } catch {
    // not on a file system (untitled): the text it is
  }
  const bytes = new TextEncoder().encode(text);
  return { size: bytes.length, sha256: await sha256(bytes) };
}

/** An open journal: lines appended (each awaited before the next step). */
export interface OpenJournal extends JournalSink {
  close(): Promise<void>;
  /** Closes and deletes it: the send is complete. */
  remove(): Promise<void>;
}

/** The journal of one seed file and its lock. */
export interface JournalPlace {
  /** Where it is, for the log. */
  readonly label: string;
  read(): Promise<string | undefined>;
  /** A new journal (`fresh`, replacing any), or the existing one continued. */
  open(fresh: boolean): Promise<OpenJournal>;
  /** Takes the lock of this file's sends, or throws an Error saying who holds it. */
  lock(file: string): Promise<{ tookOver: string | undefined; release(): void }>;
}

function nodePlace(files: PlatformSendFiles, fsPath: string): JournalPlace {
  const path = files.journalPathOf(fsPath);
  return {
    label: path,
    read: () => Promise.resolve(files.readJournal(path)),
    open: (fresh) => {
      const f = fresh ? files.createJournal(path) : files.continueJournal(path);
      return Promise.resolve({
        append: (line: string) => f.append(line),
        close: () => Promise.resolve(f.close()),
        remove: () => Promise.resolve(f.remove()),
      });
    },
    lock: (file) => Promise.resolve(files.lock(path, file)),
  };
}

/** Journals being written by sends of this extension host (the lock where there is no Node). */
const sending = new Set<string>();

function workspacePlace(uri: vscode.Uri): JournalPlace {
  const read = async (): Promise<string | undefined> => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  };
  return {
    label: uri.toString(true),
    read,
    async open(fresh) {
      // A torn last line (a write the host died in) is cut, as the CLI cuts it.
      const earlier = fresh ? '' : ((await read()) ?? '');
      let text = earlier.slice(0, earlier.lastIndexOf('\n') + 1);
      let writing: Promise<void> = Promise.resolve();
      const write = (): Promise<void> => {
        const bytes = new TextEncoder().encode(text);
        writing = writing.then(() => vscode.workspace.fs.writeFile(uri, bytes));
        return writing;
      };
      await write();
      return {
        append: (line: string) => {
          text += line;
          return write();
        },
        close: () => writing,
        remove: async () => {
          await writing;
          await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        },
      };
    },
    lock(file) {
      const key = uri.toString();
      if (sending.has(key))
        return Promise.reject(
          new Error(
            `another send of ${file} is running in this window and writes its journal: wait for it to finish or cancel it, then send again`,
          ),
        );
      sending.add(key);
      let released = false;
      return Promise.resolve({
        tookOver: undefined,
        release: () => {
          if (!released) sending.delete(key);
          released = true;
        },
      });
    },
  };
}

/** The journal place of the seed file at `doc`. */
export async function journalPlaceOf(
  files: PlatformSendFiles | undefined,
  storage: vscode.Uri,
  doc: vscode.Uri,
): Promise<JournalPlace> {
  if (files !== undefined && doc.scheme === 'file') return nodePlace(files, doc.fsPath);
  const dir = vscode.Uri.joinPath(storage, 'send-journals');
  await vscode.workspace.fs.createDirectory(dir);
  const name = (await sha256(new TextEncoder().encode(doc.toString()))).slice(0, 32);
  return workspacePlace(vscode.Uri.joinPath(dir, `${name}.journal`));
}

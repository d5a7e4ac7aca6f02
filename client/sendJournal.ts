/**
 * The journal of a send from VS Code: the core's journal format (core/send/journal.ts), kept in the
 * extension's global storage, one file per seed file (named by a hash of its URI). It is rewritten
 * whole — compactly: accepted requests as ranges, the others one line each — and the write is
 * awaited before each request leaves and after each outcome, so a closed editor or a killed
 * extension host loses nothing recorded. No secret, no payload: positions and outcomes only.
 */
import * as vscode from 'vscode';
import type { JournalStart, JournalState } from '../core/send/journal';
import { journalLine, readJournal } from '../core/send/journal';
import type { PlannedRequest } from '../core/send/plan';
import { UserRanges } from '../core/send/ranges';
import type { Outcome, RequestOutcome } from '../core/send/sender';

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The identity of a document's text as the journal records it: UTF-8 size and SHA-256. */
export async function identityOfText(text: string): Promise<{ size: number; sha256: string }> {
  return { size: new TextEncoder().encode(text).length, sha256: await sha256(text) };
}

export class EditorJournal {
  private start: JournalStart | undefined;
  private readonly accepted = new UserRanges();
  private readonly open = new Map<number, { first: number; count: number }>();
  private readonly outcomes = new Map<number, { outcome: Outcome; why?: string }>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(readonly uri: vscode.Uri) {}

  /** The journal of the seed file at `doc`. */
  static async of(storage: vscode.Uri, doc: vscode.Uri): Promise<EditorJournal> {
    const dir = vscode.Uri.joinPath(storage, 'send-journals');
    await vscode.workspace.fs.createDirectory(dir);
    const name = (await sha256(doc.toString())).slice(0, 32);
    return new EditorJournal(vscode.Uri.joinPath(dir, `${name}.journal`));
  }

  /** The interrupted send recorded here, if any. */
  async read(): Promise<JournalState | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch {
      return undefined;
    }
    const r = readJournal(new TextDecoder().decode(bytes));
    return r.ok ? r.state : undefined;
  }

  /** Starts a journal: a fresh send, or a resume that keeps `earlier`'s accepted requests. */
  async begin(start: JournalStart, earlier?: JournalState): Promise<void> {
    this.start = start;
    if (earlier !== undefined) {
      for (let r = 0; r < earlier.states.length; r++)
        if (earlier.states[r] === 1) this.accepted.add(r, 1);
    }
    await this.flush();
  }

  async sending(r: PlannedRequest): Promise<void> {
    this.open.set(r.index, { first: r.users[0], count: r.users.length });
    await this.flush();
  }

  async done(o: RequestOutcome): Promise<void> {
    this.open.delete(o.index);
    if (o.outcome === 'accepted') {
      this.accepted.add(o.index, 1);
      this.outcomes.delete(o.index);
    } else this.outcomes.set(o.index, { outcome: o.outcome, why: o.message });
    await this.flush();
  }

  async remove(): Promise<void> {
    await this.writing;
    try {
      await vscode.workspace.fs.delete(this.uri);
    } catch {
      // Already gone.
    }
  }

  private flush(): Promise<void> {
    const start = this.start;
    if (start === undefined) return Promise.resolve();
    let text = journalLine(start);
    text += journalLine({ t: 'accepted', ranges: this.accepted.ranges.map(([a, b]) => [a, b]) });
    for (const [r, o] of this.outcomes) text += journalLine({ t: 'done', r, ...o });
    for (const [r, u] of this.open) text += journalLine({ t: 'sent', r, ...u });
    const bytes = new TextEncoder().encode(text);
    this.writing = this.writing.then(() => vscode.workspace.fs.writeFile(this.uri, bytes));
    return this.writing;
  }
}

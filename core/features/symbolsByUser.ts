/**
 * Document symbols of a big bulk file, from the per-user structure: one symbol per user (its mpid
 * or first identity, read from the start of the user's text), without parsing the document. The
 * attribute children that `symbols.ts` adds come with the user's own model when a small file is
 * outlined.
 */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { LineIndex } from '../positions';

export interface UserList {
  userCount: number;
  span(index: number): { offset: number; length: number } | undefined;
  slice(start: number, end: number): string;
}

const MPID = /"mpid"\s*:\s*"?(-?[0-9A-Za-z._-]+)/;
const IDENTITY = /"identities"\s*:\s*\{\s*"([^"\\]{1,64})"\s*:\s*"([^"\\]{0,128})"/;
const ENVIRONMENT = /"environment"\s*:\s*"([^"\\]{0,64})"/;

export function userSymbols(users: UserList, lines: LineIndex): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (let i = 0; i < users.userCount; i++) {
    const span = users.span(i);
    if (span === undefined) break;
    const head = users.slice(span.offset, span.offset + Math.min(span.length, 600));
    const mpid = MPID.exec(head);
    const identity = mpid === null ? IDENTITY.exec(head) : null;
    const label =
      mpid !== null ? `mpid ${mpid[1]}` : identity !== null ? `${identity[1]} ${identity[2]}` : '';
    const range = lines.rangeOf(span.offset, span.length);
    const s: DocumentSymbol = {
      name: label === '' ? `User ${i + 1}` : `User ${i + 1} · ${label}`,
      kind: SymbolKind.Object,
      range,
      selectionRange: lines.rangeOf(span.offset, 1),
    };
    const env = ENVIRONMENT.exec(head);
    if (env !== null && env[1] !== '') s.detail = env[1];
    out.push(s);
  }
  return out;
}

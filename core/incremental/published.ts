/**
 * The diagnostics the server publishes for a store-backed document, converted to LSP without
 * redoing what did not change: each user's converted list is kept (keyed by the user's own
 * diagnostics array, which the store replaces only when that user is re-checked) with the position
 * of the user's start; when a keystroke elsewhere leaves that position alone, the list is reused
 * as is, and when only its line moved (a line break typed above), its lines are shifted.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeedDiagnostic, SeverityCounts } from '../diagnostics';
import { countSeverities } from '../diagnostics';
import type { SeedModel } from '../document';
import { toLspDiagnostic } from '../features/codeActions';
import type { SeedStore } from './store';

interface Converted {
  line: number;
  character: number;
  lsp: Diagnostic[];
}

const converted = new WeakMap<readonly SeedDiagnostic[], Converted>();

function movedBy(d: SeedDiagnostic, by: number): SeedDiagnostic {
  const out: SeedDiagnostic = { ...d, offset: d.offset + by };
  if (d.fixes !== undefined)
    out.fixes = d.fixes.map((f) => ({
      ...f,
      edits: f.edits.map((e) => ({ ...e, offset: e.offset + by })),
    }));
  return out;
}

function shiftLines<T>(value: T, lines: number): T {
  // Ranges are { start: { line, character }, end: … }: copy the structure, moving every `line`.
  if (Array.isArray(value)) return value.map((v: unknown) => shiftLines(v, lines)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    out[k] =
      k === 'line' && typeof v === 'number'
        ? v + lines
        : k === 'codeDescription'
          ? v
          : shiftLines(v, lines);
  return out as T;
}

export interface Published {
  /** The first `max` diagnostics, in order, as LSP diagnostics. */
  shown: Diagnostic[];
  /** All of them. */
  total: number;
  counts: SeverityCounts;
}

export function publishedDiagnostics(store: SeedStore, model: SeedModel, max: number): Published {
  const shown: Diagnostic[] = [];
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  let total = 0;
  store.walk(
    (d) => {
      total++;
      countSeverities([d], counts);
      if (shown.length < max) shown.push(toLspDiagnostic(model, d));
      return true;
    },
    (start, relative) => {
      total += relative.length;
      countSeverities(relative, counts);
      if (shown.length >= max) return true;
      const at = model.lines.positionAt(start);
      let c = converted.get(relative);
      if (c === undefined || c.character !== at.character) {
        c = {
          ...at,
          lsp: relative.map((d) => toLspDiagnostic(model, movedBy(d, start))),
        };
        converted.set(relative, c);
      } else if (c.line !== at.line) {
        c = { ...at, lsp: shiftLines(c.lsp, at.line - c.line) };
        converted.set(relative, c);
      }
      for (const d of c.lsp) if (shown.length < max) shown.push(d);
      return true;
    },
  );
  return { shown, total, counts };
}

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

/** The LSP diagnostic of `d`, whose offset is relative to `start` (fixes are not published). */
function converted1(model: SeedModel, d: SeedDiagnostic, start: number): Diagnostic {
  return toLspDiagnostic(model, { ...d, offset: d.offset + start });
}

/** A copy of `d` whose range is `lines` lines further down (everything else shared). */
function shiftLines(d: Diagnostic, lines: number): Diagnostic {
  const { start, end } = d.range;
  return {
    ...d,
    range: {
      start: { line: start.line + lines, character: start.character },
      end: { line: end.line + lines, character: end.character },
    },
  };
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
          lsp: relative.map((d) => converted1(model, d, start)),
        };
        converted.set(relative, c);
      } else if (c.line !== at.line) {
        const by = at.line - c.line;
        c = { ...at, lsp: c.lsp.map((d) => shiftLines(d, by)) };
        converted.set(relative, c);
      }
      for (const d of c.lsp) if (shown.length < max) shown.push(d);
      return true;
    },
  );
  return { shown, total, counts };
}

/**
 * Code actions: every quick fix of the diagnostics under the cursor, "fix all of this kind", and a
 * `source.fixAll.caseed` action applying every preferred fix (only when asked for). Also the one
 * conversion of a core diagnostic into an LSP diagnostic, shared by the server and the CLI.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { codeHref } from '../codes';
import type { Edit, Fix, SeedDiagnostic, Severity } from '../diagnostics';
import type { SeedModel } from '../document';
import type { CodeActionStats } from './diagnosticIndex';
import { diagnosticIndex, MaxTree } from './diagnosticIndex';
import { lowerBound } from '../sorted';

export const SOURCE = 'caseed';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.caseed`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toTextEdits(model: SeedModel, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.lines.rangeOf(e.offset, e.length), newText: e.newText }));
}

/**
 * The LSP form of a diagnostic, as published. It carries no `data`: the fixes are not sent with
 * every publication (at 1,000 problems they were about half of each message's bytes, re-sent on
 * every keystroke, and no client reads them) — a code action request finds the diagnostics under
 * its range in the model and builds their fixes then (`codeActions`).
 */
export function toLspDiagnostic(model: SeedModel, d: SeedDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: model.lines.rangeOf(d.offset, d.length),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: codeHref(d.code) },
    source: SOURCE,
    message: d.message,
  };
  if (d.tags !== undefined && d.tags.length > 0)
    out.tags = d.tags.map((t) =>
      t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated,
    );
  return out;
}

function preferredFix(d: SeedDiagnostic): Fix | undefined {
  return d.fixes?.find((f) => f.preferred === true);
}

/** An insertion of closing quotes and brackets only. */
function isCloser(e: Edit): boolean {
  return e.length === 0 && /^["}\]]+$/.test(e.newText);
}

/**
 * The edits of every preferred fix in the document (optionally only of diagnostics `include`
 * accepts), in document order, skipping a fix whose edits overlap one already chosen (two edits
 * overlap when they start at the same offset or their spans intersect). Insertions at one point
 * (closing an object and the array around it) are merged, the inner closer first.
 *
 * O(n log n) for n fixes: the chosen edits live in a max tree over the offsets where candidate
 * edits start (value: the chosen edit's end), so checking a fix never scans the chosen ones.
 */
export function fixAllEdits(
  model: SeedModel,
  include: (d: SeedDiagnostic) => boolean = () => true,
  stats?: CodeActionStats,
): Edit[] {
  const candidates: Edit[][] = [];
  for (const d of diagnosticIndex(model).sorted) {
    const fix = preferredFix(d);
    if (fix !== undefined && include(d)) candidates.push(fix.edits);
  }
  if (stats !== undefined) stats.fixesBuilt += candidates.length;
  const starts = [...new Set(candidates.flatMap((edits) => edits.map((e) => e.offset)))].sort(
    (a, b) => a - b,
  );
  /** The index of the first start at or after `offset`. */
  const rank = (offset: number): number => lowerBound(starts, offset);
  const ends = new MaxTree(starts.length);
  const overlapsChosen = (e: Edit): boolean => {
    const at = rank(e.offset);
    // A chosen edit starting before e and reaching past its start…
    if (ends.max(0, at) > e.offset) return true;
    // …or one starting at e's offset or inside e.
    return ends.max(at, rank(Math.max(e.offset + 1, e.offset + e.length))) > -Infinity;
  };
  const chosen: Edit[] = [];
  const closers = new Map<number, Edit>();
  for (const edits of candidates) {
    if (edits.length === 1 && isCloser(edits[0])) {
      const same = closers.get(edits[0].offset);
      if (same !== undefined) {
        same.newText = edits[0].newText + same.newText;
        continue;
      }
    }
    if (edits.some(overlapsChosen)) continue;
    for (const e of edits) {
      const copy = { ...e };
      chosen.push(copy);
      const at = rank(e.offset);
      ends.set(at, Math.max(ends.get(at), e.offset + e.length));
      if (isCloser(copy)) closers.set(copy.offset, copy);
    }
  }
  return chosen.sort((a, b) => a.offset - b.offset);
}

function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function action(
  title: string,
  kind: string,
  uri: string,
  edits: TextEdit[],
  extra: Partial<CodeAction> = {},
): CodeAction {
  return { title, kind, edit: { changes: { [uri]: edits } }, ...extra };
}

/** What a "fix all of this kind" action carries in `data` until `codeAction/resolve`. */
export interface FixAllOfKindData {
  caseedFixAllOfKind: string;
  uri: string;
}

export interface CodeActionOptions {
  /**
   * The client resolves code actions (`codeAction/resolve` filling in `edit`): "fix all of this
   * kind" actions then come without edits, with `FixAllOfKindData`, and `resolveCodeAction` builds
   * them when one is chosen. Otherwise they are built at once (linear in the file).
   */
  deferFixAll?: boolean;
  /** Filled in with the request's work (see `CodeActionStats`). */
  stats?: CodeActionStats;
}

function fixAllOfKindEdits(model: SeedModel, code: string, stats?: CodeActionStats): TextEdit[] {
  return toTextEdits(
    model,
    fixAllEdits(model, (d) => d.code === code, stats),
  );
}

/**
 * The code actions for a range: the quick fixes of the diagnostics touching it (found through the
 * model's diagnostic index: the others are never looked at) and, per code with more than one
 * fixable problem, "fix all of this kind". The `source.fixAll.caseed` action, which fixes the whole
 * file, is built only when asked for (`only` includes `source` or `source.fixAll`): it is not
 * computed on every cursor move.
 */
export function codeActions(
  model: SeedModel,
  range: Range,
  uri: string,
  onlyKinds?: readonly string[],
  options: CodeActionOptions = {},
): CodeAction[] {
  const { stats } = options;
  const out: CodeAction[] = [];
  const index = diagnosticIndex(model);
  if (kindWanted(CodeActionKind.QuickFix, onlyKinds)) {
    const from = model.lines.offsetAt(range.start);
    const to = model.lines.offsetAt(range.end);
    const fixAllCodes = new Set<string>();
    for (const d of index.touching(from, to, stats)) {
      if (d.fixes === undefined) continue;
      const diagnostic = toLspDiagnostic(model, d);
      for (const fix of d.fixes) {
        if (stats !== undefined) stats.fixesBuilt++;
        out.push(
          action(fix.title, CodeActionKind.QuickFix, uri, toTextEdits(model, fix.edits), {
            diagnostics: [diagnostic],
            isPreferred: fix.preferred === true,
          }),
        );
      }
      if (preferredFix(d) !== undefined) fixAllCodes.add(d.code);
    }
    for (const code of fixAllCodes) {
      const count = index.fixableByCode.get(code) ?? 0;
      if (count < 2) continue;
      const title = `Fix all ${count} "${code}" problems in this file`;
      if (options.deferFixAll === true) {
        const data: FixAllOfKindData = { caseedFixAllOfKind: code, uri };
        out.push({ title, kind: CodeActionKind.QuickFix, data });
      } else {
        out.push(
          action(title, CodeActionKind.QuickFix, uri, fixAllOfKindEdits(model, code, stats)),
        );
      }
    }
  }
  if (onlyKinds !== undefined && kindWanted(FIX_ALL_KIND, onlyKinds)) {
    const edits = fixAllEdits(model, undefined, stats);
    if (edits.length > 0)
      out.push(action('Fix all caseed problems', FIX_ALL_KIND, uri, toTextEdits(model, edits)));
  }
  return out;
}

function isFixAllOfKind(data: unknown): data is FixAllOfKindData {
  const d = data as Partial<FixAllOfKindData> | null | undefined;
  return typeof d?.caseedFixAllOfKind === 'string' && typeof d.uri === 'string';
}

/** The URI a deferred action is for, or undefined when it is not one of ours. */
export function deferredActionUri(codeAction: CodeAction): string | undefined {
  return isFixAllOfKind(codeAction.data) ? codeAction.data.uri : undefined;
}

/**
 * `codeAction/resolve`: a deferred "fix all of this kind" gets its edits, built from the model of
 * the document as it is now (the server has every change the client sent before this request).
 */
export function resolveCodeAction(model: SeedModel, codeAction: CodeAction): CodeAction {
  const data = codeAction.data;
  if (codeAction.edit !== undefined || !isFixAllOfKind(data)) return codeAction;
  return {
    ...codeAction,
    edit: {
      changes: { [data.uri]: fixAllOfKindEdits(model, data.caseedFixAllOfKind) },
    },
  };
}

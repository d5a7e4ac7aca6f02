/**
 * Code actions: every quick fix of the diagnostics under the cursor, "fix all of this kind", and a
 * `source.fixAll.caseed` action applying every preferred fix. Also the one conversion of a core
 * diagnostic into an LSP diagnostic, shared by the server and the CLI.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { codeHref } from '../codes';
import type { Edit, Fix, SeedDiagnostic, Severity } from '../diagnostics';
import type { SeedModel } from '../document';

export const SOURCE = 'caseed';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.caseed`;

/** What an LSP diagnostic of caseed carries in `data`: its fixes, as LSP text edits. */
export interface DiagnosticData {
  fixes: Array<{ title: string; preferred: boolean; edits: TextEdit[] }>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toTextEdits(model: SeedModel, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.lines.rangeOf(e.offset, e.length), newText: e.newText }));
}

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
  if (d.fixes !== undefined && d.fixes.length > 0) {
    const data: DiagnosticData = {
      fixes: d.fixes.map((f) => ({
        title: f.title,
        preferred: f.preferred === true,
        edits: toTextEdits(model, f.edits),
      })),
    };
    out.data = data;
  }
  return out;
}

function preferredFix(d: SeedDiagnostic): Fix | undefined {
  return d.fixes?.find((f) => f.preferred === true);
}

/** An insertion of closing quotes and brackets only. */
function isCloser(e: Edit): boolean {
  return e.length === 0 && /^["}\]]+$/.test(e.newText);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

/**
 * The edits of every preferred fix in the document (optionally only of diagnostics `include`
 * accepts), in document order, skipping a fix whose edits overlap one already chosen. Insertions at
 * one point (closing an object and the array around it) are merged, the inner closer first.
 */
export function fixAllEdits(
  model: SeedModel,
  include: (d: SeedDiagnostic) => boolean = () => true,
): Edit[] {
  const chosen: Edit[] = [];
  const diagnostics = [...model.diagnostics].sort((a, b) => a.offset - b.offset);
  for (const d of diagnostics) {
    const fix = preferredFix(d);
    if (fix === undefined || !include(d)) continue;
    const edits = fix.edits;
    if (edits.length === 1 && isCloser(edits[0])) {
      const same = chosen.find((c) => isCloser(c) && c.offset === edits[0].offset);
      if (same !== undefined) {
        same.newText = edits[0].newText + same.newText;
        continue;
      }
    }
    if (edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    for (const e of edits) chosen.push({ ...e });
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

export function codeActions(
  model: SeedModel,
  range: Range,
  uri: string,
  onlyKinds?: readonly string[],
): CodeAction[] {
  const out: CodeAction[] = [];
  const from = model.lines.offsetAt(range.start);
  const to = model.lines.offsetAt(range.end);
  if (kindWanted(CodeActionKind.QuickFix, onlyKinds)) {
    const fixAllCodes = new Set<string>();
    for (const d of model.diagnostics) {
      if (d.fixes === undefined || d.offset > to || d.offset + d.length < from) continue;
      const diagnostic = toLspDiagnostic(model, d);
      for (const fix of d.fixes) {
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
      const count = model.diagnostics.filter(
        (d) => d.code === code && preferredFix(d) !== undefined,
      ).length;
      if (count < 2) continue;
      const edits = fixAllEdits(model, (d) => d.code === code);
      out.push(
        action(
          `Fix all ${count} "${code}" problems in this file`,
          CodeActionKind.QuickFix,
          uri,
          toTextEdits(model, edits),
        ),
      );
    }
  }
  if (kindWanted(FIX_ALL_KIND, onlyKinds)) {
    const edits = fixAllEdits(model);
    if (edits.length > 0)
      out.push(action('Fix all caseed problems', FIX_ALL_KIND, uri, toTextEdits(model, edits)));
  }
  return out;
}

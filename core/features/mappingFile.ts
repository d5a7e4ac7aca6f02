/**
 * Language support for import mapping files (`*.caseed-map.json`): their diagnostics (the schema,
 * and — once the export's header is known — every column, identity and definition the mapping
 * names, all positioned) and completion of column names from the export's header and of
 * calculated attribute names from the definitions. Key completion and hover come from the
 * published schema (`schemas/caseed-map.schema.json`) through VS Code's JSON support.
 */
import type { CompletionItem, Diagnostic, Position } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { nodeChainAt, pathOfChain } from '../ast';
import type { Definitions } from '../definitions/model';
import type { SeedModel } from '../document';
import { compileMapping } from '../import/compile';
import { parseMapping } from '../import/mapping';
import { MAPPING_SUFFIX } from '../import/model';
import { CALCULATION_TYPES } from '../facts';
import { LineIndex } from '../positions';
import { toLspDiagnostic } from './codeActions';

export function isMappingFile(uri: string): boolean {
  return uri.toLowerCase().endsWith(MAPPING_SUFFIX);
}

/** The model of a mapping file: schema diagnostics, then those against the header when known. */
export function mappingFileModel(
  text: string,
  header?: readonly string[],
  definitions?: Definitions,
): SeedModel & { lspDiagnostics: Diagnostic[]; notes: string[] } {
  const r = parseMapping(text);
  const diagnostics = [...r.diagnostics];
  let notes: string[] = [];
  if (r.mapping !== undefined && header !== undefined) {
    const c = compileMapping(r.mapping, header, r.locate, definitions);
    diagnostics.push(...c.diagnostics);
    notes = c.notes;
  }
  diagnostics.sort((a, b) => a.offset - b.offset);
  const model: SeedModel = {
    text,
    lines: new LineIndex(text),
    root: r.root,
    diagnostics,
    userCount: r.mapping?.calculated_attributes.length ?? 0,
    definitions,
  };
  return { ...model, lspDiagnostics: diagnostics.map((d) => toLspDiagnostic(model, d)), notes };
}

const COLUMN_KEYS = new Set(['column', 'sum_column', 'count_column', 'mpid']);

/**
 * Completion inside a string value: a column of the export where the mapping names a column, a
 * calculated attribute of the definitions for `name`, a calculation type for `calculation_type`.
 */
export function mappingFileCompletion(
  model: SeedModel,
  position: Position,
  header: readonly string[] | undefined,
): CompletionItem[] {
  const offset = model.lines.offsetAt(position);
  const chain = nodeChainAt(model.root, offset);
  const last = chain[chain.length - 1];
  if (last === undefined || last.type !== 'string') return [];
  const path = pathOfChain(chain);
  const key = path[path.length - 1];
  const parentKey = path[path.length - 2];
  const range = model.lines.rangeOf(last.offset, last.length);
  const items = (
    values: readonly string[],
    kind: CompletionItemKind,
    detail: string,
  ): CompletionItem[] =>
    values.map((v, i) => ({
      label: v,
      kind,
      detail,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: JSON.stringify(v) },
    }));
  const isColumn =
    (typeof key === 'string' && COLUMN_KEYS.has(key)) ||
    parentKey === 'identities' ||
    (key === 'column' && parentKey === 'environment');
  // An object of identities maps an identity name to a column: its values are columns.
  if (isColumn)
    return header === undefined
      ? []
      : items(header, CompletionItemKind.Field, 'column of the export');
  if (key === 'name' && path[0] === 'calculated_attributes' && model.definitions !== undefined)
    return items(
      [...model.definitions.byName.keys()],
      CompletionItemKind.Value,
      'calculated attribute (definitions)',
    );
  if (key === 'calculation_type')
    return items(
      CALCULATION_TYPES.map((t) => t.name),
      CompletionItemKind.EnumMember,
      'calculation type',
    );
  return [];
}

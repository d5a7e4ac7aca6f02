/**
 * Language support for the definitions file itself (`caseed.definitions.json`, edited by hand in
 * VS Code too): its diagnostics (schema, positioned), hover on its keys (from the schema's
 * descriptions) and on calculation types, and completion of keys and calculation types.
 */
import type { CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import type { JsonNode, PathSegment } from '../ast';
import { nodeChainAt, pathOfChain } from '../ast';
import type { SeedModel } from '../document';
import { parseDefinitions, DEFINITIONS_SCHEMA } from '../definitions/parse';
import { CALCULATION_TYPE_BY_NAME, CALCULATION_TYPES } from '../vocabulary';
import { LineIndex } from '../positions';
import { toLspDiagnostic } from './codeActions';
import { commaBefore, item, markdown, needsCommaAfter } from './completionSite';
import type { Site } from './completionSite';
import { cursorContext } from './cursorContext';
import { calculationTypeMarkdown } from './schemaDocs';

interface SchemaProps {
  properties: Record<string, { description?: string; type?: unknown }>;
  required?: string[];
}

const TOP = DEFINITIONS_SCHEMA as unknown as SchemaProps;
const CA = (DEFINITIONS_SCHEMA.definitions as Record<string, SchemaProps>).calculatedAttribute;

/** The parsed definitions file as a model the shared completion helpers accept. */
export function definitionsModel(text: string): SeedModel & { lspDiagnostics: Diagnostic[] } {
  const r = parseDefinitions(text, '');
  const lines = new LineIndex(text);
  const model: SeedModel = {
    text,
    lines,
    root: r.root,
    diagnostics: r.diagnostics,
    userCount: r.definitions?.calculated_attributes.length ?? 0,
  };
  return { ...model, lspDiagnostics: r.diagnostics.map((d) => toLspDiagnostic(model, d)) };
}

/** Which object of the file a path leads to: the top level, or one calculated attribute. */
function objectAt(path: readonly PathSegment[]): SchemaProps | undefined {
  if (path.length === 0) return TOP;
  if (path.length === 2 && path[0] === 'calculated_attributes' && typeof path[1] === 'number')
    return CA;
  return undefined;
}

export function definitionsFileHover(model: SeedModel, position: Position): Hover | null {
  const offset = model.lines.offsetAt(position);
  const chain = nodeChainAt(model.root, offset);
  const last = chain[chain.length - 1];
  const prop = [...chain].reverse().find((n) => n.type === 'property');
  if (last === undefined || prop === undefined || prop.type !== 'property') return null;
  const path = pathOfChain(chain.slice(0, chain.indexOf(prop)));
  const schema = objectAt(path);
  const name = prop.key.value;
  let value: string | undefined;
  let node: JsonNode | undefined;
  if (last === prop.key) {
    const doc = schema?.properties[name]?.description;
    if (doc !== undefined) value = `**${name}**\n\n${doc}`;
    node = prop.key;
  } else if (schema === CA && name === 'calculation_type' && prop.value?.type === 'string') {
    const t = CALCULATION_TYPE_BY_NAME.get(prop.value.value);
    if (t !== undefined) value = calculationTypeMarkdown(t);
    node = prop.value;
  }
  if (value === undefined || node === undefined) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: model.lines.rangeOf(node.offset, node.length),
  };
}

export function definitionsFileCompletion(
  model: SeedModel,
  position: Position,
  today: string,
): CompletionItem[] {
  const offset = model.lines.offsetAt(position);
  const ctx = cursorContext(model.text, model.root, offset);
  if (ctx === undefined || ctx.kind === 'empty' || ctx.kind === 'element') return [];
  const site: Site = {
    model,
    ctx,
    today,
    commaAfter: needsCommaAfter(model.text, ctx.to),
    commaBefore: ctx.kind === 'value' ? undefined : commaBefore(model, ctx.from),
  };
  const schema = objectAt(ctx.path);
  if (schema === undefined) return [];
  if (ctx.kind === 'value') {
    if (schema !== CA || ctx.property.key.value !== 'calculation_type') return [];
    return CALCULATION_TYPES.map((t, i) =>
      item(
        site,
        t.name,
        CompletionItemKind.EnumMember,
        JSON.stringify(t.name) + (site.commaAfter ? ',' : ''),
        {
          detail: `seed.${t.field}`,
          documentation: markdown(calculationTypeMarkdown(t)),
          sortText: String(i).padStart(2, '0'),
        },
      ),
    );
  }
  const present = new Set(
    ctx.object.properties.filter((p) => p !== ctx.property).map((p) => p.key.value),
  );
  const keyOnly = ctx.property !== undefined && ctx.property.colonOffset >= 0;
  return Object.entries(schema.properties)
    .filter(([name]) => !present.has(name))
    .map(([name, spec], i) => {
      const value =
        name === 'calculated_attributes' ? '[$0]' : name === 'calculation_type' ? '"$0"' : '$0';
      const text = keyOnly ? JSON.stringify(name) : `${JSON.stringify(name)}: ${value}`;
      return item(
        site,
        name,
        CompletionItemKind.Property,
        text + (!keyOnly && site.commaAfter ? ',' : ''),
        {
          detail: schema.required?.includes(name) === true ? 'required' : 'optional',
          documentation: markdown(spec.description ?? ''),
          sortText: String(i).padStart(2, '0'),
          ...(!keyOnly && site.commaBefore !== undefined
            ? { additionalTextEdits: [site.commaBefore] }
            : {}),
          ...(name === 'calculation_type' && !keyOnly
            ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } }
            : {}),
        },
      );
    });
}

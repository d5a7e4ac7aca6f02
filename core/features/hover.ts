/**
 * Hover: what a property is (type, required, meaning), what a calculation type's seed looks like,
 * which kind of identity a key is, what an environment does, and an mpid shown exactly as written.
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { JsonNode, PathSegment, PropertyNode } from '../ast';
import { getString } from '../ast';
import type { SeedModel } from '../document';
import type { Position } from '../positions';
import {
  CALCULATION_TYPE_ALIASES,
  CALCULATION_TYPE_BY_NAME,
  IDENTITY_ALIASES,
  IDENTITY_BY_NAME,
  TIMESTAMP_TYPES,
} from '../vocabulary';
import { attributeNameHover } from './definitionsHover';
import type { ObjectLocation } from './locations';
import { isObjectLocation, locate, seedEntryOf } from './locations';
import {
  calculationTypeMarkdown,
  ENVIRONMENT_DOCS,
  identityMarkdown,
  propertyDoc,
  propertyMarkdown,
} from './schemaDocs';
import { excerpt } from '../excerpt';

interface Hit {
  /** Path of the object holding the property. */
  path: PathSegment[];
  property: PropertyNode;
  /** The hovered node: the key, or a scalar value. */
  node: JsonNode;
  onKey: boolean;
}

function within(n: { offset: number; length: number }, offset: number): boolean {
  return offset >= n.offset && offset < n.offset + n.length;
}

/** The property key or scalar property value under `offset`. */
function hitAt(root: JsonNode | undefined, offset: number): Hit | undefined {
  let node = root;
  const path: PathSegment[] = [];
  while (node !== undefined) {
    if (node.type === 'object') {
      const p = node.properties.find((q) => within(q, offset));
      if (p === undefined) return undefined;
      if (within(p.key, offset)) return { path, property: p, node: p.key, onKey: true };
      const v = p.value;
      if (v === undefined || !within(v, offset)) return undefined;
      if (v.type !== 'object' && v.type !== 'array')
        return { path, property: p, node: v, onKey: false };
      path.push(p.key.value);
      node = v;
    } else if (node.type === 'array') {
      const i = node.items.findIndex((item) => within(item, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i];
    } else {
      return undefined;
    }
  }
  return undefined;
}

export function hover(model: SeedModel, position: Position): Hover | null {
  const root = model.root;
  const hit = hitAt(root, model.lines.offsetAt(position));
  if (hit === undefined) return null;
  const location = locate(root, hit.path);
  if (!isObjectLocation(location)) return null;
  const value = hit.onKey
    ? keyHover(root, hit, location)
    : (definitionHover(model, hit, location) ?? valueHover(root, hit, location));
  if (value === undefined) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: model.lines.rangeOf(hit.node.offset, hit.node.length),
  };
}

/** An attribute name in a seed entry, with workspace definitions loaded: its definition. */
function definitionHover(model: SeedModel, hit: Hit, location: ObjectLocation): string | undefined {
  if (location !== 'seed-entry' || hit.property.key.value !== 'attribute_name') return undefined;
  return hit.node.type === 'string'
    ? attributeNameHover(model.definitions, hit.node.value)
    : undefined;
}

function keyHover(
  root: JsonNode | undefined,
  hit: Hit,
  location: ObjectLocation,
): string | undefined {
  const name = hit.property.key.value;
  if (location === 'identities') {
    const t = IDENTITY_BY_NAME.get(name);
    if (t !== undefined) return identityMarkdown(t);
    const alias = IDENTITY_ALIASES[name];
    return alias === undefined
      ? undefined
      : `**${name}** is a name from another mParticle API: the seeding API calls it \`${alias}\`.`;
  }
  const type = getString(seedEntryOf(root, hit.path), 'calculation_type');
  if (location === 'key_value_pairs' && type === 'most_frequent')
    return `**${excerpt(name)}** · a value seen, mapped to how many times it was seen (a non-negative integer).`;
  if (location === 'key_value_pairs' && type !== 'average') return undefined;
  if (location === 'seed-entry' && name === 'cuttoff_date')
    return "**cuttoff_date** is the API page's misspelling: the API reads `cutoff_date`, so this date is ignored.";
  const doc = propertyDoc(location, name);
  if (doc === undefined) return undefined;
  let text = propertyMarkdown(doc);
  const t = CALCULATION_TYPE_BY_NAME.get(CALCULATION_TYPE_ALIASES[type ?? ''] ?? type ?? '');
  if (location === 'seed' && t !== undefined)
    text +=
      t.field === name
        ? `\n\nThis entry's calculation type \`${t.name}\` reads \`${name}\`.`
        : `\n\nThis entry's calculation type \`${t.name}\` reads \`${t.field}\`, not \`${name}\`.`;
  return text;
}

function valueHover(
  root: JsonNode | undefined,
  hit: Hit,
  location: ObjectLocation,
): string | undefined {
  const name = hit.property.key.value;
  const node = hit.node;
  if (location === 'user' && name === 'mpid' && node.type === 'number') return mpidHover(node.raw);
  if (node.type === 'string') {
    if (location === 'user' && name === 'environment') {
      const doc = ENVIRONMENT_DOCS[node.value];
      return doc === undefined ? undefined : `**${node.value}** · environment\n\n${doc}`;
    }
    if (location === 'seed-entry' && name === 'calculation_type') {
      const alias = CALCULATION_TYPE_ALIASES[node.value];
      const t = CALCULATION_TYPE_BY_NAME.get(alias ?? node.value);
      if (t === undefined) return undefined;
      const md = calculationTypeMarkdown(t);
      return alias === undefined
        ? md
        : `\`${node.value}\` is the API page's name; the platform calls it \`${alias}\`.\n\n${md}`;
    }
    if (location === 'seed-entry' && name === 'cutoff_date') return dateHover(node.value);
  }
  if (location === 'seed' && name === 'value' && node.type === 'number') {
    const type = getString(seedEntryOf(root, hit.path), 'calculation_type');
    if (type !== undefined && TIMESTAMP_TYPES.has(type)) return timestampHover(node.raw);
  }
  return undefined;
}

function mpidHover(raw: string): string {
  let text = `**mpid** \`${excerpt(raw)}\`\n\nKept exactly as written: caseed never turns an mpid into a JavaScript number, so every digit is validated, formatted and sent as is.`;
  if (/^-?\d+$/.test(raw)) {
    const big = BigInt(raw);
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    if (big > limit || big < -limit)
      text +=
        '\n\nIt is beyond 2^53: a plain `JSON.parse` would silently round it to another number.';
  }
  return text;
}

function dateHover(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== value) return undefined;
  const long = date.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return `**cutoff_date** ${long}\n\nEvents before this date are ignored by the live calculation: the seed must cover them.`;
}

/** For a seed value that may be a timestamp: the date it stands for. */
function timestampHover(raw: string): string | undefined {
  if (!/^\d{10}$|^\d{13}$/.test(raw)) return undefined;
  const ms = Number(raw.length === 10 ? raw + '000' : raw);
  const iso = new Date(ms).toISOString();
  return raw.length === 13
    ? `\`${raw}\` ms = ${iso} (Unix epoch milliseconds)`
    : `\`${raw}\` looks like Unix epoch **seconds** (${iso}); timestamp seeds are milliseconds.`;
}

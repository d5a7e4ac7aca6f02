/**
 * How completion and hover present the vocabulary (core/vocabulary.ts): a property's markdown, an
 * identity's detail, a calculation type's seed, snippets as plain text.
 */
import type { CalculationType, IdentityType, PropertySpec } from '../vocabulary';
import { ENVIRONMENT_DOCS, OBJECTS } from '../vocabulary';
import type { ObjectLocation } from './locations';

export interface PropertyDoc {
  name: string;
  /** The JSON type, as shown in hovers and completion details. */
  type: string;
  required: boolean;
  /** Markdown. */
  doc: string;
  /** Snippet text of the value (without the key), `$0` where the cursor ends. */
  value: string;
  /** Open the suggestion list again after inserting (for values chosen from a list). */
  suggestValue?: boolean;
}

/** Per object kind, its properties as completion and hover show them (from the vocabulary). */
export const PROPERTY_DOCS: Readonly<Partial<Record<ObjectLocation, readonly PropertyDoc[]>>> =
  Object.fromEntries(
    Object.values(OBJECTS)
      .filter((o) => o.kind !== 'identities') // identities: identityMarkdown / identityDetail
      .map((o) => [o.kind, o.properties.map(propertyDocOf)]),
  );

function propertyDocOf(p: PropertySpec): PropertyDoc {
  const d: PropertyDoc = {
    name: p.name,
    type: p.type,
    required: p.required,
    doc: p.doc,
    value: p.snippet,
  };
  if (p.suggestValue === true) d.suggestValue = true;
  return d;
}

export function propertyDoc(location: ObjectLocation, name: string): PropertyDoc | undefined {
  return PROPERTY_DOCS[location]?.find((p) => p.name === name);
}

/** Markdown for a property key. */
export function propertyMarkdown(p: PropertyDoc): string {
  return `**${p.name}** · ${p.type} · ${p.required ? 'required' : 'optional'}\n\n${p.doc}`;
}

/** A snippet as plain text: placeholders replaced by their defaults, tabs by two spaces. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\t/g, '  ');
}

export function identityDetail(t: IdentityType): string {
  return `${t.kind} identity${t.uncertain === true ? ' (listed by the Events API only)' : ''}`;
}

export function identityMarkdown(t: IdentityType): string {
  return `**${t.name}** · ${identityDetail(t)}\n\n${t.doc}`;
}

export function calculationTypeMarkdown(t: CalculationType): string {
  return (
    `**${t.name}** · calculation type · seed field \`${t.field}\`\n\n${t.doc}\n\n` +
    '```json\n"seed": {\n  ' +
    snippetToText(t.snippet).replace(/\n/g, '\n  ') +
    '\n}\n```'
  );
}

export { ENVIRONMENT_DOCS };

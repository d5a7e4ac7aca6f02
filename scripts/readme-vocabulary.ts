/**
 * Writes the payload's tables into README.md between the `vocabulary:start` and `vocabulary:end`
 * markers, from core/vocabulary.ts: the properties of each object, the calculation types and their
 * seed fields, the data centers. `npm run readme:codes` writes them with the codes table;
 * test/core/vocabulary.test.ts checks they are current.
 */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPES, OBJECTS, PODS } from '../core/vocabulary';

export const START = '<!-- vocabulary:start -->';
export const END = '<!-- vocabulary:end -->';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Where an object kind sits, as a reader writes it. */
const WHERE: Record<string, string> = {
  user: 'a user',
  calculated_attributes: '`calculated_attributes`',
  'seed-entry': '`calculated_attributes.workspace[]`',
  seed: '`….seed`',
  user_attributes: '`user_attributes`',
  'user-attribute': '`user_attributes.workspace[]`',
};

export function vocabularyTables(): string {
  const props = [
    '| in | property | type | required | what it is |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const o of Object.values(OBJECTS)) {
    const where = WHERE[o.kind];
    if (where === undefined) continue; // identities and key_value_pairs have tables of their own
    for (const p of o.properties)
      props.push(
        `| ${where} | \`${p.name}\` | ${cell(p.type)} | ${p.required ? 'yes' : 'no'} | ${cell(p.doc)} |`,
      );
  }
  const aliases = Object.entries(CALCULATION_TYPE_ALIASES);
  const types = [
    '| calculation type | seed field | what the seed holds |',
    '| --- | --- | --- |',
    ...CALCULATION_TYPES.map((t) => {
      const alias = aliases.filter(([, to]) => to === t.name).map(([a]) => `\`${a}\``);
      const also = alias.length > 0 ? ` (the API page also writes ${alias.join(', ')})` : '';
      return `| \`${t.name}\`${also} | \`${t.field}\` | ${cell(t.doc)} |`;
    }),
  ];
  const pods = [
    '| data center | base URL |',
    '| --- | --- |',
    ...PODS.map((p) => `| \`${p.id}\` | ${p.baseUrl} |`),
  ];
  return [props.join('\n'), types.join('\n'), pods.join('\n')].join('\n\n');
}

export function withVocabularyTables(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no vocabulary:start/vocabulary:end markers');
  return `${readme.slice(0, a + START.length)}\n${vocabularyTables()}\n${readme.slice(b)}`;
}

/**
 * Writes the table of diagnostic codes into README.md between the `codes:start` and `codes:end`
 * markers, from core/codes.ts (and the payload's tables from the vocabulary: readme-vocabulary.ts). `npm run readme:codes`; test/core/readme.test.ts checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, CODES } from '../core/codes';
import { withVocabularyTables } from './readme-vocabulary';

export const START = '<!-- codes:start -->';
export const END = '<!-- codes:end -->';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, '⏎ ');
}

export function codesTable(): string {
  const rows = ALL_CODES.map((code) => {
    const info = CODES[code];
    const example =
      info.example === '' ? '*(empty file)*' : `\`${cell(info.example).replace(/`/g, "'")}\``;
    return `| <a id="${code}"></a>\`${code}\` | ${info.severity} | ${cell(info.summary)} | ${example} |`;
  });
  return [
    '| code | severity | what it means | example |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function withCodesTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no codes:start/codes:end markers');
  return `${readme.slice(0, a + START.length)}\n${codesTable()}\n${readme.slice(b)}`;
}

if (process.argv[1]?.endsWith('readme-codes.ts')) {
  const file = join(__dirname, '..', 'README.md');
  writeFileSync(file, withVocabularyTables(withCodesTable(readFileSync(file, 'utf8'))));
}

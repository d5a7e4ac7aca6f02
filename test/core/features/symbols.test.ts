import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { analyze } from '../../../core/document';
import { documentSymbols } from '../../../core/features/symbols';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'features', name), 'utf8');

function textOf(text: string, range: Range): string {
  const m = analyze(text);
  const from = m.lines.offsetAt(range.start);
  return text.slice(from, m.lines.offsetAt(range.end));
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkRanges(s: DocumentSymbol): void {
  assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection inside range`);
  assert.ok(s.name.length > 0);
  for (const c of s.children ?? []) {
    assert.ok(contains(s.range, c.range), `${c.name} inside ${s.name}`);
    checkRanges(c);
  }
}

test('bulk file: users named by mpid, exact, with their attributes', () => {
  const text = `[
  {
    "environment": "development",
    "mpid": 7346244611012968789,
    "calculated_attributes": { "workspace": [
      { "attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 1 } }
    ] },
    "user_attributes": { "workspace": [ { "attribute_name": "Tier", "attribute_value": "Free" } ] }
  },
  { "environment": "production", "identities": { "customer_id": "abc234" }, "calculated_attributes": { "workspace": [] } }
]`;
  const symbols = documentSymbols(analyze(text));
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail, s.kind]),
    [
      ['User 1 · mpid 7346244611012968789', 'development', SymbolKind.Object],
      ['User 2 · customer_id abc234', 'production', SymbolKind.Object],
    ],
  );
  const [first] = symbols;
  assert.equal(
    textOf(text, first.range),
    text.slice(text.indexOf('{'), text.indexOf('},\n  {') + 1),
  );
  assert.equal(textOf(text, first.selectionRange), '7346244611012968789');
  assert.deepEqual(
    first.children?.map((c) => [c.name, c.detail, c.kind]),
    [
      ['LTV', 'sum', SymbolKind.Field],
      ['Tier', 'user attribute', SymbolKind.Property],
    ],
  );
  const ltv = first.children?.[0];
  assert.ok(ltv);
  assert.match(textOf(text, ltv.range), /^\{ "attribute_name": "LTV".*\}$/);
  assert.equal(textOf(text, ltv.selectionRange), '"LTV"');
  for (const s of symbols) checkRanges(s);
});

test('API page single sample: one user with eleven seeds and one user attribute', () => {
  const text = fixture('api-page-single.caseed.json');
  const [user, ...rest] = documentSymbols(analyze(text));
  assert.equal(rest.length, 0);
  assert.equal(user.name, 'User · customer_id 123xyz');
  const kids = user.children ?? [];
  assert.equal(kids.filter((c) => c.kind === SymbolKind.Field).length, 11);
  assert.deepEqual(
    kids.slice(0, 2).map((c) => `${c.name}: ${c.detail}`),
    ['LTV: sum', 'Product Interests: unique_list'],
  );
  assert.equal(kids[kids.length - 1].name, 'User Tier');
  checkRanges(user);
});

test('API page bulk sample: two users', () => {
  const symbols = documentSymbols(analyze(fixture('api-page-bulk.caseed.json')));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['User 1 · customer_id 123xyz', 'User 2 · customer_id abc234'],
  );
  assert.deepEqual(
    symbols[0].children?.map((c) => c.name),
    ['LTV', 'Average Session Length', 'User Tier'],
  );
});

test('odd documents: no crash, no empty names', () => {
  for (const text of [
    '',
    '[',
    '[1, {}, {"calculated_attributes": {"workspace": [{"attribute_name": ""}, 3]}}]',
    '"x"',
  ]) {
    const symbols = documentSymbols(analyze(text));
    for (const s of symbols) checkRanges(s);
  }
  const [user] = documentSymbols(
    analyze('[1, {"calculated_attributes": {"workspace": [{"attribute_name": ""}]}}]'),
  );
  assert.equal(user.name, 'User 2');
  assert.equal(user.children?.[0].name, '(unnamed)');
});

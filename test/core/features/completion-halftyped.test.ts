/** Completion on documents that are being typed: unfinished strings, missing values and braces. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../core/document';
import { complete } from '../../../core/features/completion';
import { parse } from '../../../core/parser';
import { applyTextEdits, cursor, expandSnippet } from '../cursor';

function items(marked: string): CompletionItem[] {
  const c = cursor(marked);
  return complete(analyze(c.text), c.position, { today: '2024-05-06' });
}

function accept(marked: string, label: string): string {
  const item = items(marked).find((i) => i.label === label);
  assert.ok(item, `no completion "${label}"`);
  const edit = item.textEdit as TextEdit;
  return applyTextEdits(cursor(marked).text, [
    { range: edit.range, newText: expandSnippet(edit.newText) },
    ...(item.additionalTextEdits ?? []),
  ]);
}

const codes = (text: string): string[] => parse(text).diagnostics.map((d) => d.code);

describe('completion on half-typed documents', () => {
  test('inside an unfinished key string: the quotes are replaced, not doubled', () => {
    const text = accept('{\n  "environment": "development",\n  "calc|\n}', 'calculated_attributes');
    assert.equal(
      text,
      '{\n  "environment": "development",\n  "calculated_attributes": {\n\t"workspace": [\n\t\t\n\t]\n}\n}',
    );
    assert.deepEqual(codes(text), []);
  });

  test('inside a closed key string with a value: only the key is replaced', () => {
    assert.equal(accept('{"env|": "production"}', 'environment'), '{"environment": "production"}');
  });

  test('a bare, unquoted word is replaced by the quoted key', () => {
    assert.equal(
      accept('{"mpid": 1, env|}', 'environment'),
      '{"mpid": 1, "environment": "development"}',
    );
  });

  test('inside an unfinished value string', () => {
    const text = accept(
      '{"calculated_attributes": {"workspace": [{"calculation_type": "su|\n}]}}',
      'sum',
    );
    assert.match(text, /"calculation_type": "sum",\n"seed": \{\n\t"value": 0\n\}\n\}/);
    assert.deepEqual(codes(text), []);
  });

  test('after a colon with no value', () => {
    assert.deepEqual(
      items('{"environment": |}').map((i) => i.label),
      ['development', 'production'],
    );
    assert.equal(accept('{"environment":|}', 'production'), '{"environment":"production"}');
  });

  test('after a colon with no value, the next property on the following line', () => {
    const text = accept('{\n  "environment": |\n  "mpid": 1\n}', 'development');
    assert.equal(text, '{\n  "environment": "development",\n  "mpid": 1\n}');
    assert.deepEqual(codes(text), []);
  });

  test('in an empty object', () => {
    assert.ok(items('{|}').some((i) => i.label === 'environment'));
    assert.ok(items('{ | }').some((i) => i.label === 'environment'));
  });

  test('after a trailing comma', () => {
    const labels = items('{"environment": "development",|}').map((i) => i.label);
    assert.ok(labels.includes('mpid') && !labels.includes('environment'));
  });

  test('with the closing brace missing', () => {
    const doc =
      '{\n  "environment": "development",\n  "calculated_attributes": {\n    "workspace": [\n      {\n        |';
    assert.deepEqual(
      items(doc).map((i) => i.label),
      ['attribute_name', 'calculation_type', 'cutoff_date', 'seed'],
    );
    assert.deepEqual(
      items('{\n  "environment": "development",\n  |').map((i) => i.label),
      ['mpid', 'identities', 'calculated_attributes', 'user_attributes'],
    );
  });

  test('a new property before another one gets a comma after it', () => {
    const text = accept('{\n  |\n  "mpid": 1\n}', 'environment');
    assert.equal(text, '{\n  "environment": "development",\n  "mpid": 1\n}');
  });

  test('a new property after one without a comma gets a comma before it', () => {
    const text = accept('{\n  "mpid": 1\n  |\n}', 'environment');
    assert.equal(text, '{\n  "mpid": 1,\n  "environment": "development"\n}');
    assert.deepEqual(codes(text), []);
  });

  test('no completion outside the document or on a number', () => {
    assert.deepEqual(items('{"mpid": 1}|'), []);
    assert.deepEqual(items('{"mpid": 1|2}'), []);
  });

  test('never throws on odd input', () => {
    for (const doc of ['|"', '[|', '{"a": [|', '{"a"|', '{:|}', '{"a": {"b": |', '|]', "{'x|'}"])
      assert.doesNotThrow(() => items(doc), doc);
  });
});

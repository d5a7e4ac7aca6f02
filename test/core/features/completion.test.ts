import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { nodeAtPath } from '../../../core/ast';
import { analyze } from '../../../core/document';
import { CALCULATION_TYPES, IDENTITY_TYPES } from '../../../core/facts';
import { complete } from '../../../core/features/completion';
import { parse } from '../../../core/parser';
import { applyTextEdits, cursor, expandSnippet } from '../cursor';

const TODAY = '2024-05-06';

function items(marked: string, today: string | undefined = TODAY): CompletionItem[] {
  const c = cursor(marked);
  return complete(analyze(c.text), c.position, today === undefined ? {} : { today });
}

function labels(marked: string): string[] {
  return items(marked).map((i) => i.label);
}

function find(marked: string, label: string): CompletionItem {
  const found = items(marked).find((i) => i.label === label);
  assert.ok(found, `no completion "${label}" in ${JSON.stringify(marked)}`);
  return found;
}

/** The document after accepting `label` with every snippet default. */
function accept(marked: string, label: string): string {
  const item = find(marked, label);
  const edit = item.textEdit as TextEdit;
  const edits = [{ range: edit.range, newText: expandSnippet(edit.newText) }];
  return applyTextEdits(cursor(marked).text, [...edits, ...(item.additionalTextEdits ?? [])]);
}

function syntaxErrors(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`);
}

const ROOT_KEYS = ['environment', 'mpid', 'identities', 'calculated_attributes', 'user_attributes'];
const entryDoc = (inner: string): string =>
  `{"environment": "development", "mpid": 1, "calculated_attributes": {"workspace": [${inner}]}}`;

describe('completion: property keys', () => {
  test('root user object offers every user property', () => {
    assert.deepEqual(labels('{|}'), ROOT_KEYS);
  });

  test('a bulk element offers the same properties', () => {
    assert.deepEqual(labels('[{"mpid": 1}, {|}]'), ROOT_KEYS);
  });

  test('keys already present are left out', () => {
    assert.deepEqual(labels('{"environment": "development", "mpid": 1, |}'), [
      'identities',
      'calculated_attributes',
      'user_attributes',
    ]);
  });

  test('calculated_attributes is inserted with its workspace array', () => {
    const item = find('{|}', 'calculated_attributes');
    assert.equal(
      (item.textEdit as TextEdit).newText,
      '"calculated_attributes": {\n\t"workspace": [\n\t\t$0\n\t]\n}',
    );
    assert.equal(item.insertTextFormat, 2);
    assert.match(String((item.documentation as { value: string }).value), /required/);
  });

  test('identities offers every user and device identity type with its kind', () => {
    const got = items('{"identities": {|}}');
    assert.deepEqual(got.map((i) => i.label).sort(), IDENTITY_TYPES.map((t) => t.name).sort());
    assert.equal(got.find((i) => i.label === 'email')?.detail, 'user identity');
    assert.equal(got.find((i) => i.label === 'ios_advertising_id')?.detail, 'device identity');
    for (const i of got) assert.ok(i.documentation, `${i.label} has documentation`);
    assert.equal(
      (got.find((i) => i.label === 'email')?.textEdit as TextEdit).newText,
      '"email": "$0"',
    );
  });

  test('calculated_attributes and user_attributes offer workspace', () => {
    assert.deepEqual(labels('{"calculated_attributes": {|}}'), ['workspace']);
    assert.deepEqual(labels('{"user_attributes": {|}}'), ['workspace']);
  });

  test('a seed entry offers its four properties; calculation_type reopens suggestions', () => {
    assert.deepEqual(labels(entryDoc('{|}')), [
      'attribute_name',
      'calculation_type',
      'cutoff_date',
      'seed',
    ]);
    assert.equal(
      find(entryDoc('{|}'), 'calculation_type').command?.command,
      'editor.action.triggerSuggest',
    );
    assert.equal(
      (find(entryDoc('{|}'), 'cutoff_date').textEdit as TextEdit).newText,
      `"cutoff_date": "\${1:${TODAY}}"`,
    );
  });

  test('a user attribute entry offers attribute_name and attribute_value', () => {
    assert.deepEqual(labels('{"user_attributes": {"workspace": [{"attribute_name": "x", |}]}}'), [
      'attribute_value',
    ]);
  });

  for (const type of CALCULATION_TYPES) {
    test(`seed of a ${type.name} entry offers ${type.field} first, with its skeleton`, () => {
      const got = items(entryDoc(`{"calculation_type": "${type.name}", "seed": {|}}`));
      const sorted = [...got].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.equal(sorted[0].label, type.field);
      assert.equal((sorted[0].textEdit as TextEdit).newText, type.snippet);
      assert.equal(got.length, 3);
    });

    test(`the seed key of a ${type.name} entry inserts a ${type.field} skeleton`, () => {
      const text = accept(entryDoc(`{"calculation_type": "${type.name}", |}`), 'seed');
      assert.deepEqual(syntaxErrors(text), []);
      const root = parse(text).root;
      const seed = nodeAtPath(root, ['calculated_attributes', 'workspace', 0, 'seed']);
      assert.equal(seed?.type, 'object');
      assert.ok(nodeAtPath(seed, [type.field]), `seed.${type.field} inserted`);
    });
  }

  test('average key_value_pairs offers sum and count', () => {
    assert.deepEqual(
      labels(entryDoc('{"calculation_type": "average", "seed": {"key_value_pairs": {|}}}')),
      ['sum', 'count'],
    );
  });
});

describe('completion: values', () => {
  test('calculation types: every canonical name with its seed format', () => {
    const got = items(entryDoc('{"calculation_type": |, "seed": {"value": 1}}'));
    assert.deepEqual(
      got.map((i) => i.label),
      CALCULATION_TYPES.map((t) => t.name),
    );
    for (const i of got) {
      const type = CALCULATION_TYPES.find((t) => t.name === i.label);
      assert.match(String(i.detail), new RegExp(`seed\\.${type?.field}`));
      assert.match(String((i.documentation as { value: string }).value), /"seed": \{/);
      // The entry has a seed already: only the name is inserted.
      assert.equal((i.textEdit as TextEdit).newText, `"${i.label}"`);
    }
    assert.ok(!got.some((i) => i.label === 'minimum' || i.label === 'maximum'));
  });

  for (const type of CALCULATION_TYPES) {
    test(`choosing ${type.name} in an entry without seed inserts the matching seed`, () => {
      const text = accept(
        entryDoc('{"attribute_name": "a", "calculation_type": "|", "cutoff_date": "2024-01-01"}'),
        type.name,
      );
      assert.deepEqual(syntaxErrors(text), []);
      const entry = nodeAtPath(parse(text).root, ['calculated_attributes', 'workspace', 0]);
      assert.equal(nodeAtPath(entry, ['calculation_type'])?.type, 'string');
      assert.ok(nodeAtPath(entry, ['seed', type.field]), `seed.${type.field} inserted`);
      assert.equal(nodeAtPath(entry, ['cutoff_date'])?.type, 'string');
    });
  }

  test('environment values', () => {
    assert.deepEqual(labels('{"environment": |}'), ['development', 'production']);
    assert.equal(
      accept('{"environment": "dev|"}', 'development'),
      '{"environment": "development"}',
    );
  });

  test("cutoff_date offers today's date (injected, or the clock's)", () => {
    assert.equal(
      accept(entryDoc('{"cutoff_date": |}'), TODAY),
      entryDoc(`{"cutoff_date": "${TODAY}"}`),
    );
    const [today] = items(entryDoc('{"cutoff_date": "|"}'), undefined);
    assert.match(today.label, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('attribute_name offers names used by other users, not ones this user has', () => {
    const doc =
      '[{"calculated_attributes": {"workspace": [{"attribute_name": "LTV", "calculation_type": "sum"},' +
      ' {"attribute_name": "X"}]}},' +
      ' {"calculated_attributes": {"workspace": [{"attribute_name": "X"}, {"attribute_name": "|"}]}}]';
    const got = items(doc);
    assert.deepEqual(
      got.map((i) => [i.label, i.detail]),
      [['LTV', 'sum · used in this file']],
    );
  });

  test('an object-valued property offers its skeleton', () => {
    const text = accept('{"calculated_attributes": |}', '{ "workspace": [ ] }');
    assert.deepEqual(syntaxErrors(text), []);
    assert.equal(
      nodeAtPath(parse(text).root, ['calculated_attributes', 'workspace'])?.type,
      'array',
    );
  });
});

describe('completion: skeletons', () => {
  test('an empty workspace array offers a seed entry per calculation type', () => {
    const got = labels(entryDoc('|'));
    assert.ok(got.includes('seed entry'));
    for (const t of CALCULATION_TYPES) assert.ok(got.includes(`seed entry: ${t.name}`), t.name);
    const text = accept(entryDoc('|'), 'seed entry: average');
    assert.deepEqual(syntaxErrors(text), []);
    const entry = nodeAtPath(parse(text).root, ['calculated_attributes', 'workspace', 0]);
    assert.ok(nodeAtPath(entry, ['seed', 'key_value_pairs', 'count']));
    assert.equal(nodeAtPath(entry, ['cutoff_date'])?.type, 'string');
    assert.match(text, new RegExp(`"cutoff_date": "${TODAY}"`));
  });

  test('an empty document offers a single-user and a bulk payload', () => {
    assert.deepEqual(labels('|'), ['single user payload', 'bulk payload']);
    // The mpid tab stop has no default: the user types it.
    const text = accept('|', 'bulk payload').replace('"mpid": ,', '"mpid": 7346244611012968789,');
    assert.deepEqual(syntaxErrors(text), []);
    assert.equal(parse(text).root?.type, 'array');
  });

  test('a bulk array offers users, with the comma the position needs', () => {
    const text = accept('[\n  {"mpid": 1}\n  |\n]', 'user (identities)');
    assert.deepEqual(syntaxErrors(text), []);
    assert.equal(parse(text).rootItemCount, 2);
  });

  test('user attributes workspace offers a user attribute', () => {
    assert.deepEqual(labels('{"user_attributes": {"workspace": [|]}}'), ['user attribute']);
  });
});

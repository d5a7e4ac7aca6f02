/** Completion and hover from the workspace definitions, on documents with a `|` cursor marker. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../core/document';
import { codeActions } from '../../../core/features/codeActions';
import { complete } from '../../../core/features/completion';
import { hover } from '../../../core/features/hover';
import { applyTextEdits, cursor, expandSnippet } from '../cursor';
import { loadDefinitions } from './helpers';

const TODAY = '2024-06-15';
const DEFS = loadDefinitions();

function items(marked: string, withDefs = true): CompletionItem[] {
  const c = cursor(marked);
  const model = analyze(c.text, { today: TODAY, definitions: withDefs ? DEFS : undefined });
  return complete(model, c.position, { today: TODAY });
}

function accept(marked: string, label: string): string {
  const item = items(marked).find((i) => i.label === label);
  assert.ok(item, `no item ${label}`);
  const edit = item.textEdit as TextEdit;
  return applyTextEdits(cursor(marked).text, [
    { range: edit.range, newText: expandSnippet(edit.newText) },
    ...(item.additionalTextEdits ?? []),
  ]);
}

const ONLY_NAME = `{
  "environment": "development",
  "mpid": 1,
  "calculated_attributes": {
    "workspace": [
      { "attribute_name": "|" }
    ]
  }
}`;

describe('attribute_name completion from definitions', () => {
  test('offers every definition, with type and cutoff as detail, description and data point as docs', () => {
    const found = items(ONLY_NAME);
    assert.deepEqual(
      found.map((i) => i.label),
      ['Favorite Category', 'LTV', 'Orders'],
    );
    const ltv = found[1];
    assert.equal(ltv.detail, 'sum · cutoff 2019-12-01');
    const doc = (ltv.documentation as { value: string }).value;
    assert.match(doc, /Lifetime value of purchases/);
    assert.match(doc, /data point: event attribute · event `Purchase` · attribute `amount`/);
    assert.equal(found[0].detail, 'most_frequent · cutoff 2024-01-01 · rolling window');
    assert.equal(found[2].detail, 'count · cutoff none');
    assert.deepEqual(items(ONLY_NAME, false), [], 'no definitions, no names');
  });

  test('choosing one fills calculation_type, cutoff_date and the seed skeleton', () => {
    const after = accept(ONLY_NAME, 'LTV');
    const user = JSON.parse(after) as {
      calculated_attributes: { workspace: Array<Record<string, unknown>> };
    };
    assert.deepEqual(user.calculated_attributes.workspace[0], {
      attribute_name: 'LTV',
      calculation_type: 'sum',
      cutoff_date: '2019-12-01',
      seed: { value: 0 },
    });
    const model = analyze(after, { today: TODAY, definitions: DEFS });
    assert.deepEqual(model.diagnostics, [], 'the filled entry is valid against the definitions');
  });

  test('existing calculation_type and cutoff_date are corrected, not duplicated', () => {
    const marked = ONLY_NAME.replace(
      '{ "attribute_name": "|" }',
      '{ "attribute_name": "L|", "calculation_type": "max", "cutoff_date": "2020-01-01", "seed": { "value": 5 } }',
    );
    const after = accept(marked, 'LTV');
    assert.match(
      after,
      /\{ "attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": \{ "value": 5 \} \}/,
    );
  });

  test('a name this user already seeds is not offered again', () => {
    const marked = ONLY_NAME.replace(
      '{ "attribute_name": "|" }',
      '{ "attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 5 } },\n      { "attribute_name": "|" }',
    );
    assert.deepEqual(
      items(marked).map((i) => i.label),
      ['Favorite Category', 'Orders'],
    );
  });
});

describe('hover and quick fixes with definitions', () => {
  const text = `{
  "environment": "development",
  "mpid": 1,
  "calculated_attributes": {
    "workspace": [
      { "attribute_name": "L|TV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 5 } }
    ]
  }
}`;

  test('hover on an attribute name shows its definition', () => {
    const c = cursor(text);
    const h = hover(analyze(c.text, { definitions: DEFS }), c.position);
    const value = (h?.contents as { value: string }).value;
    assert.match(value, /\*\*LTV\*\* · calculated attribute \(active\)/);
    assert.match(value, /calculation type: `sum`/);
    assert.match(value, /seeding cutoff date: 2019-12-01/);
    assert.match(value, /workspace 4321, pulled 2024-06-15T10:00:00.000Z/);
    const plain = hover(analyze(c.text), c.position);
    assert.equal(plain, null, 'no definitions: the attribute name has no hover');
  });

  test('hover on an unknown name says so', () => {
    const c = cursor(text.replace('L|TV', 'Nop|e'));
    const h = hover(analyze(c.text, { definitions: DEFS }), c.position);
    assert.match((h?.contents as { value: string }).value, /not a calculated attribute/);
  });

  test('the did-you-mean quick fix is offered at the cursor and mends the file', () => {
    const c = cursor(text.replace('L|TV', 'LT|W'));
    const model = analyze(c.text, { today: TODAY, definitions: DEFS });
    const range = { start: c.position, end: c.position };
    const actions = codeActions(model, range, 'file:///x.caseed.json');
    const rename = actions.find((a) => a.title === 'Rename to "LTV"');
    assert.ok(rename, actions.map((a) => a.title).join(', '));
    const edits = rename.edit?.changes?.['file:///x.caseed.json'] ?? [];
    const fixed = applyTextEdits(c.text, edits);
    assert.deepEqual(analyze(fixed, { today: TODAY, definitions: DEFS }).diagnostics, []);
  });
});

/** The definitions file's own language support: diagnostics, hover, completion (cursor markers). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import {
  definitionsFileCompletion,
  definitionsFileHover,
  definitionsModel,
} from '../../../core/features/definitionsFile';
import { applyTextEdits, cursor, expandSnippet } from '../cursor';

const DOC = `{
  "workspace_id": 1,
  "calculated_attributes": [
    { "name": "LTV", "calculation_type": "|" }
  ]
}`;

describe('definitions file language support', () => {
  test('completion of calculation types in a calculation_type value', () => {
    const c = cursor(DOC);
    const found = definitionsFileCompletion(definitionsModel(c.text), c.position, '2024-06-15');
    assert.equal(found.length, 12);
    const sum = found.find((i) => i.label === 'sum');
    assert.ok(sum);
    const edit = sum.textEdit as TextEdit;
    const after = applyTextEdits(c.text, [
      { range: edit.range, newText: expandSnippet(edit.newText) },
    ]);
    assert.deepEqual(definitionsModel(after).diagnostics, []);
  });

  test('completion of keys in a calculated attribute leaves out those present', () => {
    const c = cursor(DOC.replace('"calculation_type": "|"', '"calculation_type": "sum", "|"'));
    const labels = definitionsFileCompletion(
      definitionsModel(c.text),
      c.position,
      '2024-06-15',
    ).map((i) => i.label);
    assert.ok(labels.includes('cutoff_date') && labels.includes('data_point'));
    assert.ok(!labels.includes('name') && !labels.includes('calculation_type'));
  });

  test('hover on a key shows the schema description; on a type, the type', () => {
    const key = cursor(
      DOC.replace('"calculation_type": "|"', '"calculation_type": "sum"').replace(
        '"workspace_id"',
        '"work|space_id"',
      ),
    );
    const h = definitionsFileHover(definitionsModel(key.text), key.position);
    assert.match(
      (h?.contents as { value: string }).value,
      /\*\*workspace_id\*\*\n\nThe mParticle workspace/,
    );
    const type = cursor(DOC.replace('"calculation_type": "|"', '"calculation_type": "s|um"'));
    const t = definitionsFileHover(definitionsModel(type.text), type.position);
    assert.match((t?.contents as { value: string }).value, /\*\*sum\*\* · calculation type/);
  });

  test('diagnostics are LSP diagnostics with their positions', () => {
    const text = DOC.replace('|', 'total');
    const m = definitionsModel(text);
    assert.equal(m.lspDiagnostics.length, 1);
    assert.equal(m.lspDiagnostics[0].code, 'invalid-definitions');
    assert.deepEqual(m.lspDiagnostics[0].range.start, { line: 3, character: 41 });
  });
});

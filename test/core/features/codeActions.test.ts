import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeHref } from '../../../core/codes';
import type { SeedDiagnostic } from '../../../core/diagnostics';
import { applyEdits } from '../../../core/diagnostics';
import type { SeedModel } from '../../../core/document';
import { analyze } from '../../../core/document';
import {
  codeActions,
  FIX_ALL_KIND,
  fixAllEdits,
  toLspDiagnostic,
} from '../../../core/features/codeActions';
import { applyTextEdits } from '../cursor';

const URI = 'file:///seed.caseed.json';
const TODAY = '2024-05-06';
const fixture = (name: string): string =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'features', name), 'utf8');

const model = (text: string): SeedModel => analyze(text, { today: TODAY });

function actionsAt(m: SeedModel, d: SeedDiagnostic, only?: string[]): CodeAction[] {
  return codeActions(m, m.lines.rangeOf(d.offset, d.length), URI, only);
}

function applyAction(text: string, a: CodeAction): string {
  const edits = a.edit?.changes?.[URI];
  assert.ok(edits, `${a.title} has edits for the document`);
  return applyTextEdits(text, edits);
}

const count = (m: SeedModel, code: string): number =>
  m.diagnostics.filter((d) => d.code === code).length;

const user = (entry: string, extra = ''): string =>
  `{\n  "environment": "development",\n  "mpid": 7346244611012968789,${extra}\n  "calculated_attributes": {\n    "workspace": [\n      ${entry}\n    ]\n  }\n}\n`;
const entry = (type: string, seed: string, dateKey = 'cutoff_date'): string =>
  `{ "attribute_name": "A", "calculation_type": "${type}", "${dateKey}": "2019-12-01", "seed": ${seed} }`;

/** Documents with problems that carry fixes: syntax ones from the parser, the rest from rules. */
const SAMPLES: Record<string, string> = {
  'trailing commas': user(entry('sum', '{ "value": 1, }') + ','),
  'missing comma': '{\n  "environment": "development"\n  "mpid": 1\n}\n',
  'unclosed object and array':
    '{"environment": "development", "mpid": 1, "calculated_attributes": {"workspace": [',
  'unclosed string': '{"environment": "development\n}',
  comment: '// seed\n{"environment": "development", "mpid": 1}',
  'duplicate key': '{"mpid": 1, "environment": "development", "mpid": 2}',
  'single quotes': "{'environment': 'development'}",
  'rule problems': user(
    entry('minimum', '{ "value": 1 }', 'cuttoff_date'),
    '\n  "enviroment": "x",',
  ),
  'more rule problems': user(
    entry('last_occurrence_timestamp', '{ "value": 1582589378 }') +
      ',\n      ' +
      entry('unique_list', '{ "list": ["a", "a"], "value": 1 }'),
  ).replace('"development"', '"prod"'),
  'identity, attribute and seed problems': JSON.stringify(
    {
      environment: 'development',
      mpid: '12',
      identities: { ios_idfa: 'x' },
      user_attributes: { workspace: [{ attribute_name: 't', attribute_value: 42 }] },
      calculated_attributes: {
        workspace: [
          {
            attribute_name: 'B',
            calculation_type: 'sum',
            cutoff_date: '2019-12-01',
            seed: { list: [] },
          },
          { attribute_name: 'C', calculation_type: 'count', seed: { value: 1 } },
        ],
      },
    },
    null,
    2,
  ),
};

describe('code actions: every fix of every diagnostic', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    // The rule samples wait for the rules (core/rules) when they are not in yet.
    const fixableNow = model(text).diagnostics.some((d) => (d.fixes ?? []).length > 0);
    const options = fixableNow ? {} : { todo: 'waiting for the rules with fixes' };
    test(`${name}: each fix is offered and removes its diagnostic`, options, () => {
      const m = model(text);
      const fixable = m.diagnostics.filter((d) => (d.fixes ?? []).length > 0);
      assert.ok(fixable.length > 0, `the sample has fixable diagnostics`);
      for (const d of fixable) {
        const quickfixes = actionsAt(m, d, ['quickfix']).filter(
          (a) => a.diagnostics?.[0]?.code === d.code && a.diagnostics[0].message === d.message,
        );
        assert.deepEqual(
          quickfixes.map((a) => a.title),
          (d.fixes ?? []).map((f) => f.title),
        );
        for (const [i, fix] of (d.fixes ?? []).entries()) {
          const a = quickfixes[i];
          assert.equal(a.kind, 'quickfix');
          assert.equal(a.isPreferred, fix.preferred === true);
          const after = model(applyAction(text, a));
          assert.ok(
            count(after, d.code) < count(m, d.code),
            `"${fix.title}" removes a ${d.code} (${d.message})`,
          );
        }
      }
    });
  }

  test('a diagnostic outside the range gets no quick fix', () => {
    const m = model(SAMPLES['duplicate key']);
    const far = m.lines.rangeOf(m.text.length, 0);
    assert.deepEqual(codeActions(m, far, URI, ['quickfix']), []);
  });
});

const ALIAS = user(entry('minimum', '{ "value": 1 }'));
const TYPO = user(entry('sum', '{ "value": 1 }', 'cuttoff_date'));
const waiting = (text: string, code: string): { todo?: string } =>
  count(model(text), code) > 0 ? {} : { todo: `waiting for rule ${code}` };

describe('code actions: rule fixes', () => {
  test('calculation-type-alias: minimum → min', waiting(ALIAS, 'calculation-type-alias'), () => {
    const m = model(ALIAS);
    const d = m.diagnostics.find((x) => x.code === 'calculation-type-alias');
    assert.ok(d);
    const a = actionsAt(m, d, ['quickfix']).find((x) => x.isPreferred === true);
    assert.ok(a);
    const fixed = applyAction(ALIAS, a);
    assert.equal(fixed, ALIAS.replace('"minimum"', '"min"'));
    assert.equal(count(model(fixed), 'calculation-type-alias'), 0);
  });

  test(
    'misspelled-cutoff-date: cuttoff_date → cutoff_date',
    waiting(TYPO, 'misspelled-cutoff-date'),
    () => {
      const m = model(TYPO);
      const d = m.diagnostics.find((x) => x.code === 'misspelled-cutoff-date');
      assert.ok(d);
      const a = actionsAt(m, d, ['quickfix']).find((x) => x.isPreferred === true);
      assert.ok(a);
      const fixed = applyAction(TYPO, a);
      assert.equal(fixed, TYPO.replace('"cuttoff_date"', '"cutoff_date"'));
      const after = model(fixed);
      assert.equal(count(after, 'misspelled-cutoff-date'), 0);
      assert.equal(count(after, 'missing-property'), 0);
    },
  );
});

describe('code actions: fix all', () => {
  for (const name of ['api-page-single.caseed.json', 'api-page-bulk.caseed.json']) {
    test(`fix-all on the API page sample ${name} removes the trailing commas`, () => {
      const text = fixture(name);
      const m = model(text);
      assert.ok(count(m, 'trailing-comma') > 0);
      const all = codeActions(m, m.lines.rangeOf(0, 0), URI, [FIX_ALL_KIND]);
      assert.equal(all.length, 1);
      assert.equal(all[0].kind, 'source.fixAll.caseed');
      assert.equal(all[0].title, 'Fix all caseed problems');
      const fixed = applyAction(text, all[0]);
      assert.equal(fixed, applyEdits(text, fixAllEdits(m)));
      assert.equal(fixed, text.replace(/"Free",\n/g, '"Free"\n'));
      assert.equal(count(model(fixed), 'trailing-comma'), 0);
      assert.doesNotThrow(() => JSON.parse(fixed));
    });
  }

  test('unclosed structures are closed innermost first', () => {
    const text = SAMPLES['unclosed object and array'];
    const fixed = applyEdits(text, fixAllEdits(model(text)));
    assert.equal(fixed, text + ']}}');
    assert.doesNotThrow(() => JSON.parse(fixed));
  });

  test('fixes that overlap a chosen one are skipped, and a second pass converges', () => {
    const text = SAMPLES['rule problems'];
    let current = text;
    for (let pass = 0; pass < 3; pass++) current = applyEdits(current, fixAllEdits(model(current)));
    assert.deepEqual(fixAllEdits(model(current)), []);
    assert.ok(!model(current).diagnostics.some((d) => d.fixes?.some((f) => f.preferred)));
  });

  test('fix-all is a source action: built only when source kinds are asked for', () => {
    const m = model(SAMPLES['trailing commas']);
    const at = m.diagnostics[0];
    for (const only of [['source'], ['source.fixAll'], [FIX_ALL_KIND]]) {
      const actions = actionsAt(m, at, only);
      assert.equal(actions.length, 1, only.join());
      assert.equal(actions[0].kind, FIX_ALL_KIND);
    }
    assert.ok(actionsAt(m, at, ['quickfix']).every((a) => a.kind === 'quickfix'));
    // A cursor move (no `only`) asks for quick fixes: the whole-file fix is not built then.
    assert.ok(actionsAt(m, at).length > 0);
    assert.equal(actionsAt(m, at).filter((a) => a.kind === FIX_ALL_KIND).length, 0);
  });

  test('several problems of one code get a "fix all of this kind" quick fix', () => {
    const m = model(SAMPLES['trailing commas']);
    const d = m.diagnostics.find((x) => x.code === 'trailing-comma');
    assert.ok(d);
    const all = actionsAt(m, d, ['quickfix']).find((a) => a.title.startsWith('Fix all 2'));
    assert.ok(all, 'a fix-all-of-kind action');
    assert.equal(count(model(applyAction(m.text, all)), 'trailing-comma'), 0);
  });

  test('nothing to fix: no fix-all action', () => {
    const m = model('{"environment": "development", "mpid": 1}');
    assert.deepEqual(fixAllEdits(m), []);
    assert.equal(codeActions(m, m.lines.rangeOf(0, 1), URI, [FIX_ALL_KIND]).length, 0);
  });
});

test('toLspDiagnostic: range, severity, code, source, href, tags, and no fixes in data', () => {
  const m = model('{\n  "mpid": 1,\n}');
  const d = m.diagnostics.find((x) => x.code === 'trailing-comma');
  assert.ok(d);
  const lsp = toLspDiagnostic(m, d);
  assert.deepEqual(lsp.range, {
    start: { line: 1, character: 11 },
    end: { line: 1, character: 12 },
  });
  assert.equal(lsp.severity, 1);
  assert.equal(lsp.code, 'trailing-comma');
  assert.equal(lsp.source, 'caseed');
  assert.equal(lsp.codeDescription?.href, codeHref('trailing-comma'));
  // The fixes stay on the server: a code action request builds them (published diagnostics are
  // re-sent on every keystroke, and no client reads `data`).
  assert.ok(d.fixes !== undefined && d.fixes.length > 0);
  assert.equal('data' in lsp, false);
  const tagged = toLspDiagnostic(m, { ...d, severity: 'information', tags: ['unnecessary'] });
  assert.equal(tagged.severity, 3);
  assert.deepEqual(tagged.tags, [1]);
});

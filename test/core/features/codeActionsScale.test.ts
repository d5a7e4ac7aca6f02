/**
 * Code actions on a file with a problem in every user: only the diagnostics touching the requested
 * range are looked at, the whole-file fixes are built only when asked for, and the work of a
 * cursor-move request does not grow with the file (counted, not timed). The fix-all merge is
 * checked against the plain quadratic one it replaced.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import type { Edit, SeedDiagnostic } from '../../../core/diagnostics';
import { applyEdits } from '../../../core/diagnostics';
import type { SeedModel } from '../../../core/document';
import { analyze } from '../../../core/document';
import type { FixAllOfKindData } from '../../../core/features/codeActions';
import {
  codeActions,
  FIX_ALL_KIND,
  fixAllEdits,
  resolveCodeAction,
} from '../../../core/features/codeActions';
import type { CodeActionStats } from '../../../core/features/diagnosticIndex';
import { applyTextEdits } from '../cursor';

const URI = 'file:///many.caseed.json';
const TODAY = '2024-05-06';

/** `n` users, one a line, each `{}` (three problems each, two of them with fixes). */
function emptyUsers(n: number): string {
  return '[\n' + Array<string>(n).fill('{}').join(',\n') + '\n]\n';
}

/** A cursor (empty range) on line `line`, column 1: inside that line's `{}`. */
function pointAt(line: number): {
  start: { line: number; character: number };
  end: { line: number; character: number };
} {
  return { start: { line, character: 1 }, end: { line, character: 1 } };
}

function stats(): CodeActionStats {
  return { diagnosticsExamined: 0, fixesBuilt: 0 };
}

const models = new Map<number, SeedModel>();
function many(n: number): SeedModel {
  let m = models.get(n);
  if (m === undefined) {
    m = analyze(emptyUsers(n), { today: TODAY });
    models.set(n, m);
  }
  return m;
}

describe('code actions: only the requested range', () => {
  test('a cursor on one user gets the fixes of that user only', () => {
    const m = many(1000);
    const line = 500;
    const from = m.lines.offsetAt(pointAt(line).start);
    const expected = m.diagnostics.filter(
      (d) => d.fixes !== undefined && d.offset <= from && d.offset + d.length >= from,
    );
    assert.ok(expected.length > 0, 'the user has fixable problems');
    const quickfixes = codeActions(m, pointAt(line), URI).filter((a) => a.diagnostics);
    assert.deepEqual(
      quickfixes.map((a) => a.title),
      expected.flatMap((d) => (d.fixes ?? []).map((f) => f.title)),
    );
    for (const a of quickfixes) assert.equal(a.diagnostics?.[0].range.start.line, line);
  });

  test('a range over several users gets the fixes of each, in order', () => {
    const m = many(1000);
    const range = { start: { line: 10, character: 0 }, end: { line: 12, character: 2 } };
    const lines = codeActions(m, range, URI, ['quickfix'])
      .filter((a) => a.diagnostics)
      .map((a) => a.diagnostics?.[0].range.start.line);
    assert.deepEqual([...new Set(lines)], [10, 11, 12]);
  });

  test('a diagnostic spanning the range (a whole user) is found from inside it', () => {
    const text =
      '[\n{"environment": "development", "mpid": 1, "calculated_attributes": {}, "x": 1,}\n]';
    const m = analyze(text, { today: TODAY });
    const comma = text.indexOf(',}');
    const at = m.lines.positionAt(comma);
    const titles = codeActions(m, { start: at, end: at }, URI, ['quickfix']).map((a) => a.title);
    assert.ok(titles.includes('Remove trailing comma'), titles.join(', '));
  });
});

describe('code actions: whole-file fixes on request', () => {
  test('a cursor move builds no source.fixAll; asking for it fixes every user', () => {
    const m = many(1000);
    assert.equal(codeActions(m, pointAt(3), URI).filter((a) => a.kind === FIX_ALL_KIND).length, 0);
    const [all] = codeActions(m, pointAt(3), URI, ['source.fixAll']);
    assert.equal(all.kind, FIX_ALL_KIND);
    const fixed = applyTextEdits(m.text, all.edit?.changes?.[URI] ?? []);
    const after = analyze(fixed, { today: TODAY });
    // Every user got its preferred fix: nothing fixable of those codes is left.
    const fixable = (x: SeedModel): number =>
      x.diagnostics.filter((d) => d.fixes?.some((f) => f.preferred === true)).length;
    assert.equal(fixable(m), 1000);
    assert.equal(fixable(after), 0);
    assert.equal(JSON.parse(fixed).length, 1000);
  });

  test('"fix all of this kind" is deferred for a resolving client and resolves to the fixes', () => {
    const m = many(1000);
    const deferred = codeActions(m, pointAt(7), URI, undefined, { deferFixAll: true });
    const kind = deferred.find((a) => a.title.startsWith('Fix all 1000 '));
    assert.ok(kind, deferred.map((a) => a.title).join(', '));
    assert.equal(kind.edit, undefined, 'no edits until resolved');
    assert.deepEqual(kind.data, {
      caseedFixAllOfKind: 'missing-property',
      uri: URI,
    } satisfies FixAllOfKindData);
    const resolved = resolveCodeAction(m, kind);
    const eager = codeActions(m, pointAt(7), URI).find((a) => a.title === kind.title);
    assert.ok(eager?.edit);
    assert.deepEqual(resolved.edit, eager.edit);
    assert.equal(resolved.edit?.changes?.[URI].length, 1000);
  });

  test('resolving an action that is not deferred returns it as it is', () => {
    const m = many(10);
    const plain: CodeAction = { title: 'x', kind: 'quickfix', edit: { changes: {} } };
    assert.equal(resolveCodeAction(m, plain), plain);
  });
});

describe('code actions: work does not grow with the file', () => {
  test('a cursor-move request on 100,000 users examines about as much as on 1,000', () => {
    const small = stats();
    const big = stats();
    codeActions(many(1000), pointAt(500), URI, undefined, { deferFixAll: true, stats: small });
    codeActions(many(100_000), pointAt(50_000), URI, undefined, { deferFixAll: true, stats: big });
    // The same user problems at the point: the same fixes built.
    assert.equal(big.fixesBuilt, small.fixesBuilt);
    assert.ok(small.fixesBuilt > 0 && small.fixesBuilt < 10, JSON.stringify(small));
    // Finding them is logarithmic: 100 times the diagnostics, a few more index nodes visited
    // (a scan would examine 300,000).
    assert.ok(
      big.diagnosticsExamined <= 2 * small.diagnosticsExamined,
      `${JSON.stringify(big)} vs ${JSON.stringify(small)}`,
    );
    assert.ok(big.diagnosticsExamined < 100, JSON.stringify(big));
  });
});

/** The fix-all merge as it was (quadratic): the linear one must choose exactly the same edits. */
function referenceFixAll(
  m: SeedModel,
  include: (d: SeedDiagnostic) => boolean = () => true,
): Edit[] {
  const isCloser = (e: Edit): boolean => e.length === 0 && /^["}\]]+$/.test(e.newText);
  const overlaps = (a: Edit, b: Edit): boolean =>
    a.offset === b.offset || (a.offset < b.offset + b.length && b.offset < a.offset + a.length);
  const chosen: Edit[] = [];
  for (const d of [...m.diagnostics].sort((a, b) => a.offset - b.offset)) {
    const fix = d.fixes?.find((f) => f.preferred === true);
    if (fix === undefined || !include(d)) continue;
    const edits = fix.edits;
    if (edits.length === 1 && isCloser(edits[0])) {
      const same = chosen.find((c) => isCloser(c) && c.offset === edits[0].offset);
      if (same !== undefined) {
        same.newText = edits[0].newText + same.newText;
        continue;
      }
    }
    if (edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    for (const e of edits) chosen.push({ ...e });
  }
  return chosen.sort((a, b) => a.offset - b.offset);
}

test('the fix-all merge chooses what the quadratic one chose', () => {
  const texts = [
    emptyUsers(50),
    '{"environment": "development", "mpid": 1, "calculated_attributes": {"workspace": [',
    '{"mpid": 1, "environment": "development", "mpid": 2, "x": [1,],}',
    '{\'environment\': \'development\', /* c */ "mpid": 1 "calculated_attributes": {}}',
    '[{"environment":"prod","mpid":"12","calculated_attributes":{"workspace":[{"attribute_name":"a","calculation_type":"minimum","cuttoff_date":"2019-12-01","seed":{"value":1,}},]}},]',
  ];
  for (const text of texts) {
    const m = analyze(text, { today: TODAY });
    assert.deepEqual(fixAllEdits(m), referenceFixAll(m), text);
    assert.equal(applyEdits(text, fixAllEdits(m)), applyEdits(text, referenceFixAll(m)));
  }
});

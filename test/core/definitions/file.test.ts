/**
 * The definitions file: reading (schema by ajv, positioned diagnostics, fixes), the Platform API
 * conversion (both data point spellings), the one stable text, and where the file is looked for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../core/diagnostics';
import { definitionsCandidates, isDefinitionsFile } from '../../../core/definitions/lookup';
import { parseDefinitions } from '../../../core/definitions/parse';
import { definitionsFromPlatform, serializeDefinitions } from '../../../core/definitions/platform';
import { loadDefinitions } from './helpers';

function problems(text: string): Array<[string, string]> {
  return parseDefinitions(text, 'x').diagnostics.map((d) => [
    text.slice(d.offset, d.offset + d.length),
    d.message,
  ]);
}

describe('reading a definitions file', () => {
  test('the fixture reads; the workspace id keeps its digits', () => {
    const defs = loadDefinitions();
    assert.equal(defs.workspace_id, '4321');
    assert.deepEqual([...defs.byName.keys()], ['Favorite Category', 'LTV', 'Orders']);
    assert.equal(defs.byName.get('Orders')?.cutoff_date, null);
  });

  test('a hand-written file needs only names and calculation types', () => {
    const r = parseDefinitions(
      '{ "calculated_attributes": [ { "name": "LTV", "calculation_type": "sum" } ] }',
      'x',
    );
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.definitions?.byName.get('LTV')?.cutoff_date, undefined);
  });

  test('schema errors are placed on their node, with did-you-mean fixes', () => {
    const text = `{
  "calculated_attributes": [
    { "name": "LTV", "calculation_type": "summ", "cutof_date": "2019-12-01" },
    { "calculation_type": "sum" },
    { "name": "LTV", "calculation_type": "sum", "cutoff_date": "12/01/2019" }
  ]
}`;
    const r = parseDefinitions(text, 'x');
    assert.equal(r.definitions, undefined, 'a broken file gives no definitions');
    const found = problems(text);
    assert.deepEqual(
      found.map(([at]) => at),
      ['"summ"', '"cutof_date"', '{', '"LTV"', '"12/01/2019"'],
    );
    assert.match(found[0][1], /did you mean "sum"/);
    assert.match(found[2][1], /Calculated attribute 2 needs "name"/);
    assert.match(found[3][1], /defined twice/);
    const enumFix = r.diagnostics[0].fixes![0];
    const renameFix = r.diagnostics[1].fixes![0];
    const fixed = applyEdits(text, [...enumFix.edits, ...renameFix.edits]);
    assert.deepEqual(
      problems(fixed).map(([at]) => at),
      ['{', '"LTV"', '"12/01/2019"'],
    );
  });

  test('syntax errors and a wrong root are diagnostics, never a throw', () => {
    assert.equal(problems('{ "calculated_attributes": [ }')[0] !== undefined, true);
    assert.match(problems('[]')[0][1], /one object/);
    assert.match(problems('')[0][1], /empty/);
    assert.match(problems('{}')[0][1], /needs "calculated_attributes"/);
  });
});

const PLATFORM_LIST = [
  {
    id: 7,
    name: 'Orders',
    description: 'Orders placed',
    last_modified_on: '2024-06-15T09:58:00.5',
    draft_definition: {
      recipe_type: 'event',
      datapoint: { type: 'event', event_name: 'Order', attribute_name: null },
      calculation_type: 'count',
      time_period: { type: 'since', date: '2019-01-01T00:00:00' },
      seeding: { cutoff_date: '2019-10-02T00:00:00' },
    },
    active_definition: null,
  },
  {
    id: 3,
    name: 'Biggest Order',
    activated_on: '2024-01-01T00:00:00Z',
    last_modified_on: '2024-01-01T00:00:00Z',
    active_definition: {
      data_point: { type: 'event_attribute', event_name: 'Order', attribute_name: 'total' },
      calculation_type: 'maximum',
      time_period: { type: 'within', within: 30, within_unit: 'days' },
      seeding: null,
    },
  },
];

describe('from the Platform API', () => {
  const meta = {
    workspaceId: '99',
    pulledAt: '2024-06-15T10:00:00.000Z',
    pulledFrom: 'https://api.mparticle.com',
  };

  test('both data point spellings, dates cut to their date part, aliases canonical', () => {
    const r = definitionsFromPlatform(PLATFORM_LIST, meta);
    assert.ok(r.ok);
    const [orders, biggest] = r.file.calculated_attributes;
    assert.deepEqual(orders.data_point, { type: 'event', event_name: 'Order' });
    assert.equal(orders.cutoff_date, '2019-10-02');
    assert.equal(orders.status, 'draft');
    assert.equal(orders.last_modified, '2024-06-15T09:58:00.500Z', 'no zone: read as UTC');
    assert.deepEqual(biggest.data_point, {
      type: 'event_attribute',
      event_name: 'Order',
      attribute_name: 'total',
    });
    assert.equal(biggest.calculation_type, 'max');
    assert.equal(biggest.cutoff_date, null);
    assert.equal(biggest.status, 'active');
    assert.deepEqual(biggest.time_period, { type: 'within', within: 30, within_unit: 'days' });
  });

  test('the written text is stable, sorted, and reads back as valid definitions', () => {
    const r = definitionsFromPlatform(PLATFORM_LIST, meta);
    assert.ok(r.ok);
    const text = serializeDefinitions(r.file);
    const reversed = definitionsFromPlatform([...PLATFORM_LIST].reverse(), meta);
    assert.ok(reversed.ok);
    assert.equal(serializeDefinitions(reversed.file), text, 'order-independent');
    assert.ok(text.endsWith('}\n'));
    assert.match(text, /^\{\n {2}"workspace_id": 99,\n/);
    assert.ok(text.indexOf('"Biggest Order"') < text.indexOf('"Orders"'));
    const back = parseDefinitions(text, 'x');
    assert.deepEqual(back.diagnostics, []);
    assert.equal(back.definitions?.workspace_id, '99');
    assert.equal(serializeDefinitions(back.definitions!), text, 'a round trip changes nothing');
  });

  test('a malformed list is refused with a reason', () => {
    assert.deepEqual(definitionsFromPlatform({ items: [] }, meta), {
      ok: false,
      reason: 'the calculated attribute list is not a JSON array',
    });
    const noName = definitionsFromPlatform([{ id: 1 }], meta);
    assert.equal(noName.ok, false);
    const unknownType = definitionsFromPlatform(
      [{ id: 1, name: 'X', active_definition: { calculation_type: 'median' } }],
      meta,
    );
    assert.ok(unknownType.ok);
    assert.deepEqual(unknownType.skipped, ['X']);
  });
});

describe('finding the definitions file', () => {
  test('nearest first, up to the root', () => {
    assert.deepEqual(definitionsCandidates('file:///home/u/p/seeds/a.caseed.json'), [
      'file:///home/u/p/seeds/caseed.definitions.json',
      'file:///home/u/p/caseed.definitions.json',
      'file:///home/u/caseed.definitions.json',
      'file:///home/caseed.definitions.json',
      'file:///caseed.definitions.json',
    ]);
    assert.deepEqual(definitionsCandidates('vscode-test-web://mount/x.caseed.json?q=1'), [
      'vscode-test-web://mount/caseed.definitions.json',
    ]);
    assert.deepEqual(definitionsCandidates('untitled:Untitled-1'), []);
    assert.ok(isDefinitionsFile('file:///a/caseed.definitions.json'));
    assert.ok(isDefinitionsFile('C:\\a\\caseed.definitions.json'));
    assert.ok(!isDefinitionsFile('file:///a/x.caseed.json'));
  });
});

/**
 * The mapping file: schema problems and problems against the export's header or the definitions,
 * each a positioned `invalid-mapping` diagnostic; types and cutoff dates from the definitions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeedDiagnostic } from '../../../core/diagnostics';
import { compileMapping } from '../../../core/import/compile';
import { parseMapping } from '../../../core/import/mapping';
import { mappingSkeleton } from '../../../core/import/skeleton';
import { loadDefinitions } from '../definitions/helpers';
import { compile, row, seedOf } from './helpers';

const at = (text: string, d: SeedDiagnostic): string => text.slice(d.offset, d.offset + d.length);

describe('import: the mapping file', () => {
  it('a valid mapping gives no diagnostics', () => {
    const r = parseMapping(
      '{ "environment": "development", "mpid": "id", "calculated_attributes": [] }',
    );
    assert.deepEqual(r.diagnostics, []);
    assert.ok(r.mapping);
  });

  it('places schema problems on their node, with a rename fix for a near miss', () => {
    const text = `{
  "enviroment": "development",
  "calculated_attributes": [
    { "name": "A", "calculation_type": "total", "cutoff_date": "12/01/2019", "column": "n" }
  ]
}`;
    const r = parseMapping(text);
    assert.equal(r.mapping, undefined);
    const byText = new Map(r.diagnostics.map((d) => [at(text, d), d]));
    assert.ok(byText.has('"enviroment"'), [...byText.keys()].join(' | '));
    assert.equal(byText.get('"enviroment"')?.fixes?.[0].edits[0].newText, '"environment"');
    assert.ok(byText.has('"total"'));
    assert.ok(byText.has('"12/01/2019"'));
    for (const d of r.diagnostics) assert.equal(d.code, 'invalid-mapping');
  });

  it('a syntax error is reported as such', () => {
    const r = parseMapping('{ "calculated_attributes": [ }');
    assert.equal(r.mapping, undefined);
    assert.ok(r.diagnostics.length > 0);
  });

  it('a column the export lacks is a diagnostic on that column, with a suggestion', () => {
    const text = JSON.stringify(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [
          { name: 'A', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'purchase' },
        ],
      },
      null,
      2,
    );
    const parsed = parseMapping(text);
    assert.ok(parsed.mapping);
    const c = compileMapping(parsed.mapping, ['mpid', 'purchases'], parsed.locate);
    assert.equal(c.builder, undefined);
    assert.equal(c.diagnostics.length, 1);
    assert.equal(at(text, c.diagnostics[0]), '"purchase"');
    assert.match(c.diagnostics[0].message, /no column "purchase"; did you mean "purchases"\?/);
  });

  it('says what a type needs: average its two columns, timestamps their format', () => {
    const base = { environment: 'development', mpid: 'mpid' };
    const c = compile(
      {
        ...base,
        calculated_attributes: [
          { name: 'A', calculation_type: 'average', cutoff_date: '2019-12-01', column: 'n' },
          {
            name: 'T',
            calculation_type: 'last_occurrence_timestamp',
            cutoff_date: '2019-12-01',
            column: 'n',
          },
        ],
      },
      ['mpid', 'n'],
    );
    const messages = c.diagnostics.map((d) => d.message).join('\n');
    assert.match(messages, /"column" is for the other types/);
    assert.match(messages, /needs "sum_column"/);
    assert.match(messages, /needs "timestamp": "epoch_ms", "epoch_s" or "iso8601"/);
  });

  it('with definitions, type and cutoff date may be left out (and are said); a mismatch is an error', () => {
    const defs = loadDefinitions();
    const name = [...defs.byName.values()].find(
      (d) => d.calculation_type === 'sum' && d.cutoff_date,
    );
    assert.ok(name, 'the fixture defines a sum CA with a cutoff date');
    const c = compile(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [{ name: name.name, column: 'n' }],
      },
      ['mpid', 'n'],
      defs,
    );
    assert.deepEqual(seedOf(row(c, ['1', '5']).user), { value: 5 });
    assert.ok(
      c.notes.some((n) =>
        n.includes(
          `calculation type sum, cutoff date ${name.cutoff_date?.slice(0, 10)} from the definitions`,
        ),
      ),
      c.notes.join('\n'),
    );
    const without = compile(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [{ name: name.name, column: 'n' }],
      },
      ['mpid', 'n'],
    );
    assert.match(without.diagnostics[0].message, /needs "calculation_type"/);
    const wrong = compile(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [{ name: name.name, calculation_type: 'max', column: 'n' }],
      },
      ['mpid', 'n'],
      defs,
    );
    assert.match(wrong.diagnostics[0].message, /is sum in the workspace, not max/);
    const unknown = compile(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [{ name: 'Nope', column: 'n' }],
      },
      ['mpid', 'n'],
      defs,
    );
    assert.match(unknown.diagnostics[0].message, /No calculated attribute "Nope"/);
  });

  it('--init: a skeleton that recognises identities and the environment, and parses', () => {
    const text = mappingSkeleton(['MPID', 'user_identities.email', 'Environment', 'purchases']);
    const r = parseMapping(text.replace('"yyyy-MM-dd"', '"2019-12-01"'));
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.mapping?.mpid, 'MPID');
    assert.deepEqual(r.mapping?.identities, ['user_identities.email']);
    assert.deepEqual(r.mapping?.environment, { column: 'Environment' });
    assert.deepEqual(
      r.mapping?.calculated_attributes.map((c) => c.column),
      ['purchases'],
    );
  });
});

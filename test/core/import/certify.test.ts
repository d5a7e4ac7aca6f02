/**
 * The import's fast path against full validation: for thousands of random rows (valid and broken:
 * long strings, bad numbers, too many or repeated list values, bad mpids, empty identities, seconds
 * for milliseconds, odd characters…), a user the fast path certifies is one the core reports
 * nothing about — so the only users written without the core's second look are users it accepts
 * without a word, and every reject keeps the core's code. The mapping probe turns the fast path off
 * for a mapping whose fixed parts draw a diagnostic. Utf8Out's JSON strings are JSON.stringify's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withIndex } from '../../../core/definitions/model';
import { certifyMapping } from '../../../core/import/certify';
import { Utf8Out } from '../../../core/import/utf8Out';
import { validate } from '../../../core/validate';
import { below, chance, prng } from '../random';
import { compile } from './helpers';
import { HEADER, MAPPING, randomRow } from './randomRows';

const TODAY = '2026-01-01';

function diagnosticsOf(text: string): string[] {
  return validate(`[\n${text}\n]`, { today: TODAY }).diagnostics.map((d) => d.code);
}

describe('import: the fast path against full validation', () => {
  it('a certified user draws no diagnostic from the core, over 4,000 random rows of every kind', () => {
    const c = compile(MAPPING, HEADER);
    const b = c.builder;
    assert.ok(b);
    assert.equal(certifyMapping(b.probes(), TODAY), true, 'the mapping is certified');
    const r = prng(20261202);
    const seen = { certified: 0, doubtfulClean: 0, warned: 0, rejected: 0, early: 0 };
    const codes = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const cells = randomRow(r);
      const text: string | undefined = b.build(cells);
      if (text === undefined) {
        seen.early++;
        continue;
      }
      const found = diagnosticsOf(text);
      if (b.clean) {
        assert.deepEqual(found, [], `certified but the core says ${found.join(', ')}: ${text}`);
        seen.certified++;
      } else {
        for (const code of found) codes.add(code);
        const errors = validate(`[\n${text}\n]`, { today: TODAY }).diagnostics.filter(
          (d) => d.severity === 'error',
        );
        if (errors.length > 0) seen.rejected++;
        else if (found.length > 0) seen.warned++;
        else seen.doubtfulClean++;
      }
    }
    // The rows reach every outcome, and the core's codes are the ones a reject carries.
    assert.ok(seen.certified > 1000, JSON.stringify(seen));
    assert.ok(seen.rejected > 300, JSON.stringify(seen));
    assert.ok(seen.warned > 20, JSON.stringify(seen));
    assert.ok(seen.early > 20, JSON.stringify(seen));
    for (const code of [
      'invalid-count',
      'non-numeric-seed',
      'list-too-long',
      'duplicate-list-value',
      'invalid-list',
      'invalid-key-value-pairs',
      'attribute-value-too-long',
      'invalid-environment',
      'timestamp-in-seconds',
      'invalid-timestamp',
      'whole-number-float',
      'empty-identities',
    ])
      assert.ok(codes.has(code), `no row drew ${code}: ${[...codes].join(', ')}`);
  });

  it('a mapping whose fixed parts draw a diagnostic is not certified (a future cutoff, a duplicate name)', () => {
    const base = {
      environment: 'development',
      mpid: 'mpid',
      calculated_attributes: [
        { name: 'A', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'n' },
      ],
    };
    const ok = compile(base, ['mpid', 'n']).builder;
    assert.equal(certifyMapping(ok?.probes() ?? [], TODAY), true);
    const future = compile(
      {
        ...base,
        calculated_attributes: [{ ...base.calculated_attributes[0], cutoff_date: '2027-01-01' }],
      },
      ['mpid', 'n'],
    ).builder;
    assert.equal(future?.probes().length, 1);
    assert.equal(certifyMapping(future?.probes() ?? [], TODAY), false);
    const twice = compile(
      {
        ...base,
        calculated_attributes: [
          base.calculated_attributes[0],
          { ...base.calculated_attributes[0], calculation_type: 'sum' },
        ],
      },
      ['mpid', 'n'],
    ).builder;
    assert.equal(twice?.probes().length, 1);
    assert.equal(certifyMapping(twice?.probes() ?? [], TODAY), false);
    const longName = compile(
      {
        ...base,
        calculated_attributes: [{ ...base.calculated_attributes[0], name: 'n'.repeat(257) }],
      },
      ['mpid', 'n'],
    ).builder;
    assert.equal(longName?.probes().length, 1);
    assert.equal(certifyMapping(longName?.probes() ?? [], TODAY), false);
  });

  it('with definitions, the probes are checked against them too (a rolling-window attribute is not certified)', () => {
    const defs = withIndex(
      {
        calculated_attributes: [
          { name: 'Plain', calculation_type: 'count', cutoff_date: '2019-12-01' },
          {
            name: 'Rolling',
            calculation_type: 'count',
            cutoff_date: '2019-12-01',
            time_period: { type: 'within', within: 4, within_unit: 'weeks' },
          },
        ],
      },
      'test',
    );
    const probesFor = (name: string): string[] =>
      compile(
        {
          environment: 'development',
          mpid: 'mpid',
          calculated_attributes: [{ name, column: 'n' }],
        },
        ['mpid', 'n'],
        defs,
      ).builder?.probes() ?? [];
    assert.equal(probesFor('Rolling').length, 1, 'the mapping compiles');
    assert.equal(certifyMapping(probesFor('Plain'), TODAY, defs), true);
    assert.equal(certifyMapping(probesFor('Rolling'), TODAY, defs), false);
  });

  it('Utf8Out writes JSON string literals byte for byte as JSON.stringify', () => {
    const r = prng(7);
    const out = new Utf8Out(16);
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = below(r, 12);
      for (let k = 0; k < n; k++)
        s += chance(r, 0.5)
          ? String.fromCharCode(32 + below(r, 95))
          : String.fromCharCode(below(r, 0x10000));
      out.pos = 0;
      out.json(s);
      assert.equal(out.decode(0), JSON.stringify(s));
      assert.deepEqual(
        Buffer.from(out.buf.subarray(0, out.pos)),
        Buffer.from(JSON.stringify(s), 'utf8'),
      );
    }
  });
});

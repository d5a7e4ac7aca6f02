/**
 * Each mapping kind, both ways: a cell that converts (and the user the core accepts), and a cell
 * that cannot become a valid seed (the row is rejected with the core's code).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, row, seedOf } from './helpers';

const H = ['mpid', 'v', 'w'];
const one = (ca: object): ReturnType<typeof compile> =>
  compile(
    {
      environment: 'development',
      mpid: 'mpid',
      calculated_attributes: [{ name: 'A', cutoff_date: '2019-12-01', ...ca }],
    },
    H,
  );

describe('import: mapping kinds', () => {
  it('count/sum/min/max: the number as written; text that is not a number is rejected by the core', () => {
    for (const type of ['count', 'sum', 'min', 'max']) {
      const c = one({ calculation_type: type, column: 'v' });
      assert.deepEqual(seedOf(row(c, ['1', '12', '']).user), { value: 12 });
      assert.equal(row(c, ['1', 'twelve', '']).reason, 'non-numeric-seed', type);
    }
    const c = one({ calculation_type: 'sum', column: 'v' });
    // The text is kept: 100.50 stays 100.50, not 100.5.
    assert.match(row(c, ['1', '100.50', '']).text ?? '', /"value":100\.50\}/);
    assert.equal(
      row(one({ calculation_type: 'count', column: 'v' }), ['1', '-1', '']).reason,
      'invalid-count',
    );
  });

  it('first/last occurrence: any text, as a string', () => {
    const c = one({ calculation_type: 'last_occurrence', column: 'v' });
    assert.deepEqual(seedOf(row(c, ['1', 'Shoes "x"', '']).user), { value: 'Shoes "x"' });
  });

  it('an empty cell leaves that seed out; a user with no seed at all is rejected', () => {
    const c = compile(
      {
        environment: 'development',
        mpid: 'mpid',
        calculated_attributes: [
          { name: 'A', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'v' },
          { name: 'B', calculation_type: 'sum', cutoff_date: '2019-12-01', column: 'w' },
        ],
      },
      H,
    );
    const r = row(c, ['1', '', '5']);
    assert.deepEqual(
      (
        r.user?.calculated_attributes as { workspace: Array<{ attribute_name: string }> }
      ).workspace.map((s) => s.attribute_name),
      ['B'],
    );
    assert.equal(row(c, ['1', '', '']).reason, 'empty-workspace');
  });

  it('average from a sum and a count column; a half-empty pair or a zero count is rejected', () => {
    const c = one({ calculation_type: 'average', sum_column: 'v', count_column: 'w' });
    assert.deepEqual(seedOf(row(c, ['1', '299.2', '4']).user), {
      key_value_pairs: { sum: 299.2, count: 4 },
    });
    assert.equal(row(c, ['1', '299.2', '']).reason, 'invalid-average');
    assert.equal(row(c, ['1', '5', '0']).reason, 'invalid-count');
  });

  it('a list from a JSON-array column; not an array, or not strings, is rejected', () => {
    const c = one({ calculation_type: 'unique_list', column: 'v' });
    assert.deepEqual(seedOf(row(c, ['1', '["a","b"]', '']).user), { list: ['a', 'b'] });
    assert.equal(row(c, ['1', '[a, b', '']).reason, 'invalid-list');
    assert.equal(row(c, ['1', '[1, 2]', '']).reason, 'invalid-list');
  });

  it('a list from a delimited column (trimmed, empty parts dropped), any delimiter', () => {
    const c = one({ calculation_type: 'unique_values_count', column: 'v', list: 'delimited' });
    assert.deepEqual(seedOf(row(c, ['1', 'a| b ||c', '']).user), { list: ['a', 'b', 'c'] });
    const semi = one({
      calculation_type: 'unique_list',
      column: 'v',
      list: 'delimited',
      delimiter: ';',
    });
    assert.deepEqual(seedOf(row(semi, ['1', 'x;y', '']).user), { list: ['x', 'y'] });
  });

  it('most_frequent from a JSON-object column; not an object, or a bad count, is rejected', () => {
    const c = one({ calculation_type: 'most_frequent', column: 'v' });
    assert.deepEqual(seedOf(row(c, ['1', '{"steak": 3, "fish": 1}', '']).user), {
      key_value_pairs: { steak: 3, fish: 1 },
    });
    assert.equal(row(c, ['1', '["steak"]', '']).reason, 'invalid-key-value-pairs');
    assert.equal(row(c, ['1', '{"steak": "two"}', '']).reason, 'invalid-key-value-pairs');
  });

  it('timestamps: epoch ms as written, epoch s ×1000 as text, ISO 8601 to ms (UTC without a zone)', () => {
    const ms = one({
      calculation_type: 'last_occurrence_timestamp',
      column: 'v',
      timestamp: 'epoch_ms',
    });
    assert.deepEqual(seedOf(row(ms, ['1', '1582589378000', '']).user), { value: 1582589378000 });
    assert.equal(row(ms, ['1', '2020-02-25', '']).reason, 'invalid-timestamp');
    const s = one({
      calculation_type: 'first_occurrence_timestamp',
      column: 'v',
      timestamp: 'epoch_s',
    });
    assert.deepEqual(seedOf(row(s, ['1', '1582589378', '']).user), { value: 1582589378000 });
    assert.deepEqual(seedOf(row(s, ['1', '1582589378.25', '']).user), { value: 1582589378250 });
    assert.equal(row(s, ['1', '1582589378.2555', '']).reason, 'invalid-timestamp');
    const iso = one({
      calculation_type: 'last_occurrence_timestamp',
      column: 'v',
      timestamp: 'iso8601',
    });
    assert.deepEqual(seedOf(row(iso, ['1', '2020-02-25T00:09:38Z', '']).user), {
      value: 1582589378000,
    });
    assert.deepEqual(seedOf(row(iso, ['1', '2020-02-25T01:09:38+01:00', '']).user), {
      value: 1582589378000,
    });
    assert.deepEqual(seedOf(row(iso, ['1', '2020-02-25 00:09:38.5', '']).user), {
      value: 1582589378500,
    });
    assert.equal(row(iso, ['1', '2019-02-29', '']).reason, 'invalid-timestamp');
    assert.equal(row(iso, ['1', 'yesterday', '']).reason, 'invalid-timestamp');
    assert.ok(iso.notes.some((n) => /ISO 8601, converted to epoch milliseconds/.test(n)));
    assert.ok(s.notes.some((n) => /epoch seconds, converted to epoch milliseconds/.test(n)));
  });

  it('user attributes and the environment from a column; a bad environment is rejected', () => {
    const c = compile(
      {
        environment: { column: 'w' },
        mpid: 'mpid',
        calculated_attributes: [
          { name: 'A', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'v' },
        ],
        user_attributes: [{ name: 'Tier', column: 'v' }],
      },
      H,
    );
    const r = row(c, ['1', '3', 'production']);
    assert.equal(r.user?.environment, 'production');
    assert.deepEqual(r.user?.user_attributes, {
      workspace: [{ attribute_name: 'Tier', attribute_value: '3' }],
    });
    assert.equal(row(c, ['1', '3', 'prod']).reason, 'invalid-environment');
  });

  it('the mpid: digits copied exactly (never through a number); anything else is rejected', () => {
    const c = one({ calculation_type: 'count', column: 'v' });
    for (const mpid of ['7346244611012968789', '9223372036854775807', '-9223372036854775808']) {
      const r = row(c, [mpid, '1', '']);
      assert.equal(r.user?.mpid, mpid);
      assert.ok(r.text?.includes(`"mpid":${mpid},`));
    }
    for (const bad of ['9223372036854775808', '7.3e18', '12a', '007']) {
      const r = row(c, [bad, '1', '']);
      assert.equal(r.reason, 'invalid-mpid', bad);
      assert.match(r.message ?? '', /column "mpid"/);
    }
  });
});

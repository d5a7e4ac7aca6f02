/**
 * Random export rows for the import's differential tests: a header with a column of every mapping
 * kind, the mapping over it, and cells both as most exports hold them and broken in every way the
 * core has a code for (long strings, bad numbers, too many or repeated list values, bad mpids, empty
 * identities, seconds for milliseconds, odd characters).
 */
import type { Random } from '../random';
import { below, chance, pick } from '../random';

export const HEADER = [
  'mpid',
  'env',
  'customerid',
  'email',
  'n',
  's',
  'mn',
  'sum',
  'cnt',
  'first',
  'ts_ms',
  'ts_s',
  'ts_iso',
  'ul_json',
  'ul_delim',
  'uvc',
  'mf',
  'tier',
  'note',
];

export const MAPPING = {
  environment: { column: 'env' },
  mpid: 'mpid',
  identities: { customer_id: 'customerid', email: 'email' },
  calculated_attributes: [
    { name: 'Count', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'n' },
    { name: 'Sum', calculation_type: 'sum', cutoff_date: '2019-12-01', column: 's' },
    { name: 'Min', calculation_type: 'min', cutoff_date: '2019-12-01', column: 'mn' },
    {
      name: 'Avg',
      calculation_type: 'average',
      cutoff_date: '2019-12-01',
      sum_column: 'sum',
      count_column: 'cnt',
    },
    {
      name: 'First',
      calculation_type: 'first_occurrence',
      cutoff_date: '2019-12-01',
      column: 'first',
    },
    {
      name: 'Last ms',
      calculation_type: 'last_occurrence_timestamp',
      cutoff_date: '2019-12-01',
      column: 'ts_ms',
      timestamp: 'epoch_ms',
    },
    {
      name: 'Last s',
      calculation_type: 'first_occurrence_timestamp',
      cutoff_date: '2019-12-01',
      column: 'ts_s',
      timestamp: 'epoch_s',
    },
    {
      name: 'Last iso',
      calculation_type: 'last_occurrence_timestamp',
      cutoff_date: '2019-12-01',
      column: 'ts_iso',
      timestamp: 'iso8601',
    },
    { name: 'Tags', calculation_type: 'unique_list', cutoff_date: '2019-12-01', column: 'ul_json' },
    {
      name: 'Interests',
      calculation_type: 'unique_list',
      cutoff_date: '2019-12-01',
      column: 'ul_delim',
      list: 'delimited',
    },
    {
      name: 'Distinct',
      calculation_type: 'unique_values_count',
      cutoff_date: '2019-12-01',
      column: 'uvc',
      list: 'delimited',
      delimiter: ';',
    },
    {
      name: 'Favorite',
      calculation_type: 'most_frequent',
      cutoff_date: '2019-12-01',
      column: 'mf',
    },
  ],
  user_attributes: [
    { name: 'Tier', column: 'tier' },
    { name: 'Note', column: 'note' },
  ],
};

const ODD = [
  '',
  ' ',
  'x',
  'é',
  '😀',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0001',
  '\u2028',
  '\ud800',
  '\u007f',
];

function word(r: Random): string {
  let s = '';
  const n = below(r, 6);
  for (let i = 0; i < n; i++)
    s += chance(r, 0.8) ? pick(r, ['a', 'b', 'c', 'kitchen', '1']) : pick(r, ODD);
  return s;
}

function digits(r: Random, n: number): string {
  let s = String(1 + below(r, 9));
  for (let i = 1; i < n; i++) s += String(below(r, 10));
  return s;
}

function numberish(r: Random): string {
  return pick(r, [
    () => String(below(r, 1000)),
    () => `${below(r, 100)}.${below(r, 100)}`,
    () => `-${below(r, 100)}`,
    () => `${below(r, 9)}.0`,
    () => '0',
    () => '1e5',
    () => '1,5',
    () => 'abc',
    () => '00',
    () => '.5',
    () => digits(r, 25),
    () => word(r),
  ])();
}

function list(r: Random, sep: string, json: boolean): string {
  const long = chance(r, 0.1);
  const n = long ? 98 + below(r, 5) : below(r, 5);
  // Half the long lists are distinct strings, so that only their length is wrong.
  const plain = long && chance(r, 0.5);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++)
    items.push(
      plain
        ? `v${i}`
        : chance(r, 0.05)
          ? pick(r, [1, true, null, {}])
          : chance(r, 0.15)
            ? pick(r, ['a', 'b'])
            : `${word(r)}${i}`,
    );
  if (json) return chance(r, 0.03) ? '[broken' : JSON.stringify(items);
  return items.map((x) => String(x)).join(sep);
}

function mostFrequent(r: Random): string {
  const o: Record<string, unknown> = {};
  const n = below(r, 4);
  for (let i = 0; i < n; i++)
    o[word(r) || `k${i}`] = pick(r, [
      below(r, 9),
      String(below(r, 9)),
      -1,
      1.5,
      2.0,
      '3.0',
      'many',
      null,
      [],
      1e21,
    ]);
  return chance(r, 0.03) ? '{"a":' : chance(r, 0.03) ? '[1]' : JSON.stringify(o);
}

export function cellFor(r: Random, column: string): string {
  if (chance(r, 0.08)) return '';
  switch (column) {
    case 'mpid':
      if (chance(r, 0.3)) return '';
      return pick(r, [
        () => digits(r, 19),
        () => `-${digits(r, 5)}`,
        () => '9223372036854775808',
        () => '9223372036854775807',
        () => 'x12',
        () => '1.5',
        () => String(below(r, 100)),
      ])();
    case 'env':
      return pick(r, ['development', 'production', 'development', 'Production', 'staging']);
    case 'customerid':
    case 'email':
      return chance(r, 0.4) ? '' : word(r);
    case 'first':
      return word(r);
    case 'n':
    case 's':
    case 'mn':
    case 'sum':
    case 'cnt':
      return numberish(r);
    case 'ts_ms':
      return pick(r, [
        () => digits(r, 13),
        () => digits(r, 10),
        () => '-5',
        () => '1582589378000.0',
        () => numberish(r),
      ])();
    case 'ts_s':
      return pick(r, [
        () => digits(r, 10),
        () => `${digits(r, 10)}.25`,
        () => '0',
        () => '1e3',
        () => numberish(r),
      ])();
    case 'ts_iso':
      return pick(r, [
        '2020-02-25',
        '2020-02-25T10:00:00Z',
        '2020-02-30',
        '1969-12-31T23:59:59Z',
        'soon',
      ]);
    case 'ul_json':
      return list(r, ',', true);
    case 'ul_delim':
      return list(r, '|', false);
    case 'uvc':
      return list(r, ';', false);
    case 'mf':
      return mostFrequent(r);
    case 'tier':
      return chance(r, 0.05) ? 'g'.repeat(4096 + below(r, 3) - 1) : word(r);
    case 'note':
      return chance(r, 0.05) ? 'é'.repeat(4095 + below(r, 3)) : word(r);
    default:
      return word(r);
  }
}

/** A cell most exports would hold. */
export function plausible(r: Random, column: string): string {
  switch (column) {
    case 'mpid':
      return chance(r, 0.7) ? digits(r, 19) : '';
    case 'env':
      return 'production';
    case 'n':
    case 'cnt':
      return String(1 + below(r, 50));
    case 's':
    case 'mn':
    case 'sum':
      return `${below(r, 500)}.${below(r, 99)}`;
    case 'ts_ms':
      return digits(r, 13);
    case 'ts_s':
      return digits(r, 10);
    case 'ts_iso':
      return '2020-02-25T10:00:00Z';
    case 'ul_json':
      return JSON.stringify(['a', 'b', `c${below(r, 9)}`]);
    case 'ul_delim':
      return 'travel|pets|kitchen';
    case 'uvc':
      return 'x;y';
    case 'mf':
      return JSON.stringify({ steak: below(r, 9), fish: 2 });
    default:
      return `v${below(r, 1000)}`;
  }
}

/** One row: half as most exports hold them, half with random cells. */
export function randomRow(r: Random): string[] {
  const usual = chance(r, 0.5);
  return HEADER.map((h) => (usual || chance(r, 0.8) ? plausible(r, h) : cellFor(r, h)));
}

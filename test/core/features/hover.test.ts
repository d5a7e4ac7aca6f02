import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../core/document';
import { CALCULATION_TYPES, IDENTITY_TYPES } from '../../../core/facts';
import { hover } from '../../../core/features/hover';
import { PROPERTY_DOCS } from '../../../core/features/schemaDocs';
import { cursor } from '../cursor';

function hoverText(marked: string): string | undefined {
  const c = cursor(marked);
  const h = hover(analyze(c.text), c.position);
  if (h === null) return undefined;
  assert.equal(typeof h.contents, 'object');
  return (h.contents as { kind: string; value: string }).value;
}

const entryDoc = (inner: string): string =>
  `{"environment": "development", "mpid": 1, "calculated_attributes": {"workspace": [${inner}]}}`;

describe('hover: property keys', () => {
  const samples: Array<[string, string]> = [
    ['environment', '{"env|ironment": "development"}'],
    ['mpid', '{"mp|id": 1}'],
    ['identities', '{"identi|ties": {}}'],
    ['calculated_attributes', '{"calc|ulated_attributes": {}}'],
    ['user_attributes', '{"user_|attributes": {}}'],
    ['workspace', '{"calculated_attributes": {"work|space": []}}'],
    ['attribute_name', entryDoc('{"attr|ibute_name": "A"}')],
    ['calculation_type', entryDoc('{"calc|ulation_type": "sum"}')],
    ['cutoff_date', entryDoc('{"cut|off_date": "2019-12-01"}')],
    ['seed', entryDoc('{"se|ed": {}}')],
    ['value', entryDoc('{"seed": {"val|ue": 1}}')],
    ['list', entryDoc('{"seed": {"li|st": []}}')],
    ['key_value_pairs', entryDoc('{"seed": {"key_|value_pairs": {}}}')],
    ['attribute_value', '{"user_attributes": {"workspace": [{"attribute_v|alue": "x"}]}}'],
  ];
  for (const [name, doc] of samples) {
    test(`${name}: what it is, whether required, its type`, () => {
      const text = hoverText(doc);
      assert.ok(text, `a hover for ${name}`);
      assert.match(text, new RegExp(`^\\*\\*${name}\\*\\* · .+ · (required|optional)\\n\\n`));
    });
  }

  test('every documented property has a hover sample above', () => {
    const covered = new Set(samples.map(([n]) => n));
    for (const docs of Object.values(PROPERTY_DOCS))
      for (const d of docs ?? [])
        if (d.name !== 'sum' && d.name !== 'count') assert.ok(covered.has(d.name), d.name);
  });

  test('required and optional are told apart', () => {
    assert.match(hoverText('{"env|ironment": 1}') ?? '', /required/);
    assert.match(hoverText('{"mp|id": 1}') ?? '', /optional/);
  });

  test('a seed field says whether the entry type reads it', () => {
    assert.match(
      hoverText(entryDoc('{"calculation_type": "average", "seed": {"val|ue": 1}}')) ?? '',
      /`average` reads `key_value_pairs`, not `value`/,
    );
  });

  test('average key_value_pairs: sum and count are documented', () => {
    const doc = (k: string): string =>
      entryDoc(`{"calculation_type": "average", "seed": {"key_value_pairs": {${k}: 1}}}`);
    assert.match(hoverText(doc('"s|um"')) ?? '', /^\*\*sum\*\* · number · required/);
    assert.match(hoverText(doc('"cou|nt"')) ?? '', /positive integer/);
    const mostFrequent = entryDoc(
      '{"calculation_type": "most_frequent", "seed": {"key_value_pairs": {"ste|ak": 2}}}',
    );
    assert.match(hoverText(mostFrequent) ?? '', /how many times/);
  });

  test('identity keys say user or device', () => {
    for (const t of IDENTITY_TYPES) {
      const text = hoverText(`{"identities": {"${t.name.slice(0, 2)}|${t.name.slice(2)}": "x"}}`);
      assert.match(text ?? '', new RegExp(`${t.kind} identity`), t.name);
    }
  });

  test('identity names from other APIs name the seeding one', () => {
    assert.match(hoverText('{"identities": {"ios_i|dfa": "x"}}') ?? '', /`ios_advertising_id`/);
  });

  test('cuttoff_date is explained as the page misspelling', () => {
    assert.match(hoverText(entryDoc('{"cutt|off_date": "x"}')) ?? '', /`cutoff_date`/);
  });

  test('unknown keys and punctuation have no hover', () => {
    assert.equal(hoverText('{"nonse|nse": 1}'), undefined);
    assert.equal(hoverText('{"mpid" |: 1}'), undefined);
    assert.equal(hoverText('|'), undefined);
  });
});

describe('hover: values', () => {
  for (const t of CALCULATION_TYPES) {
    test(`calculation type ${t.name} shows its seed format`, () => {
      const text = hoverText(
        entryDoc(`{"calculation_type": "${t.name.slice(0, 2)}|${t.name.slice(2)}"}`),
      );
      assert.ok(text);
      assert.match(
        text,
        new RegExp(`\\*\\*${t.name}\\*\\* · calculation type · seed field \`${t.field}\``),
      );
      assert.match(text, new RegExp('```json\\n"seed": \\{\\n  "' + t.field + '"'));
    });
  }

  test('minimum is explained as an alias of min', () => {
    const text = hoverText(entryDoc('{"calculation_type": "mini|mum"}'));
    assert.match(text ?? '', /platform calls it `min`/);
  });

  test('environment values', () => {
    assert.match(hoverText('{"environment": "pro|duction"}') ?? '', /production/);
    assert.match(hoverText('{"environment": "dev|elopment"}') ?? '', /development/);
  });

  test('an mpid is shown exactly as written and said to be kept exact', () => {
    const text = hoverText('{"mpid": 73462|44611012968789}');
    assert.ok(text);
    assert.ok(text.includes('`7346244611012968789`'));
    assert.match(text, /[Kk]ept exactly/);
    assert.match(text, /2\^53/);
    const small = hoverText('{"mpid": 4|2}');
    assert.ok(small?.includes('`42`') && !small.includes('2^53'));
  });

  test('a cutoff date reads as a calendar date', () => {
    assert.match(hoverText(entryDoc('{"cutoff_date": "2019-1|2-01"}')) ?? '', /December 1, 2019/);
  });

  test('a timestamp seed in seconds is pointed out', () => {
    const doc = entryDoc(
      '{"calculation_type": "last_occurrence_timestamp", "seed": {"value": 15825|89378}}',
    );
    assert.match(hoverText(doc) ?? '', /seconds/);
  });

  test('the hover range is the hovered token', () => {
    const c = cursor('{"mpid": 73|46244611012968789}');
    const h = hover(analyze(c.text), c.position);
    assert.deepEqual(h?.range, {
      start: { line: 0, character: 9 },
      end: { line: 0, character: 28 },
    });
  });
});

test('hover: names of Object properties (constructor, toString) in a document get no hover', () => {
  for (const word of ['constructor', 'toString', '__proto__']) {
    assert.equal(hoverText(`{"environment": "${word.slice(0, 3)}|${word.slice(3)}"}`), undefined);
    assert.equal(
      hoverText(`{"identities": {"${word.slice(0, 3)}|${word.slice(3)}": "x"}}`),
      undefined,
    );
    assert.equal(
      hoverText(entryDoc(`{"calculation_type": "${word.slice(0, 3)}|${word.slice(3)}"}`)),
      undefined,
    );
  }
});

describe('hover: huge values are quoted as an excerpt', () => {
  test('a 1 MB mpid and a 1 MB most_frequent key', () => {
    const digits = '1'.repeat(1_000_000);
    const mpid = hoverText(`{"mpid": 1|${digits}}`);
    assert.ok(mpid !== undefined && mpid.length < 1000, `mpid hover: ${mpid?.length}`);
    const key = 'k'.repeat(1_000_000);
    const kvp = hoverText(
      entryDoc(
        `{"calculation_type": "most_frequent", "seed": {"key_value_pairs": {"k|${key}": 1}}}`,
      ),
    );
    assert.ok(kvp !== undefined && kvp.length < 1000, `key hover: ${kvp?.length}`);
    assert.ok(kvp.includes('1,000,00'), kvp);
  });
});

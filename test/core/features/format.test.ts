import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../core/document';
import type { FormatOptions } from '../../../core/features/format';
import { format, formatText } from '../../../core/features/format';
import { applyTextEdits } from '../cursor';

const TWO: FormatOptions = { tabSize: 2, insertSpaces: true };
const fixture = (name: string): string =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'features', name), 'utf8');

/** The document after applying format's edits, as an editor would. */
function formatted(text: string, options: FormatOptions = TWO): string {
  return applyTextEdits(text, format(analyze(text), options));
}

const LOSSLESS =
  '{"environment":"development","mpid":7346244611012968789,"calculated_attributes":{"workspace":[' +
  '{"attribute_name":"Caf\\u00e9 \\"best\\"","calculation_type":"sum","cutoff_date":"2019-12-01","seed":{"value":1.50}},' +
  '{"attribute_name":"n","calculation_type":"max","cutoff_date":"2019-12-01","seed":{"value":1e3}},' +
  '{"attribute_name":"e","calculation_type":"min","cutoff_date":"2019-12-01","seed":{"value":-0.0E+2}}]},' +
  '"user_attributes":{"workspace":[{"attribute_name":"t","attribute_value":"a/b\\/c"}]},"x":[true,false,null,{},[]]}';

describe('format', () => {
  test('pretty-prints, keeping every number and string exactly as written', () => {
    const out = formatted(LOSSLESS);
    for (const exact of [
      '7346244611012968789',
      '1.50',
      '1e3',
      '-0.0E+2',
      '"Caf\\u00e9 \\"best\\""',
      '"a/b\\/c"',
    ])
      assert.ok(out.includes(exact), `${exact} kept`);
    assert.ok(!out.includes('7346244611012969000'));
    assert.ok(
      out.startsWith('{\n  "environment": "development",\n  "mpid": 7346244611012968789,\n'),
    );
    assert.ok(out.includes('"seed": {\n          "value": 1.50\n        }'));
    assert.ok(out.includes('"x": [\n    true,\n    false,\n    null,\n    {},\n    []\n  ]'));
    // Only whitespace changed.
    assert.equal(out.replace(/\s+/g, ''), LOSSLESS.replace(/\s+/g, ''));
  });

  test('a file that starts with blank lines keeps its opening bracket (was deleted)', () => {
    assert.equal(formatted('\n{"mpid":1}'), '{\n  "mpid": 1\n}');
    assert.equal(formatted('\n\n[{"mpid":1}]\n'), '[\n  {\n    "mpid": 1\n  }\n]\n');
    assert.equal(formatted('\r\n\r\n{"mpid":1}\r\n'), '{\r\n  "mpid": 1\r\n}\r\n');
  });

  test('a byte order mark is kept, whitespace after it goes', () => {
    assert.equal(formatted('\uFEFF\n {"mpid":1}'), '\uFEFF{\n  "mpid": 1\n}');
  });

  test('keeps key order', () => {
    const out = formatted('{"mpid":1,"environment":"development","calculated_attributes":{}}');
    assert.equal(
      out,
      '{\n  "mpid": 1,\n  "environment": "development",\n  "calculated_attributes": {}\n}',
    );
  });

  test('is idempotent: a formatted document gets no edits', () => {
    const once = formatted(LOSSLESS);
    assert.deepEqual(format(analyze(once), TWO), []);
    assert.equal(formatText(once, TWO), once);
  });

  test('tabs, tab size and line endings follow the options and the source', () => {
    assert.equal(
      formatted('{"a":[1]}', { tabSize: 4, insertSpaces: false }),
      '{\n\t"a": [\n\t\t1\n\t]\n}',
    );
    assert.equal(
      formatted('{"a":[1]}', { tabSize: 4, insertSpaces: true }),
      '{\n    "a": [\n        1\n    ]\n}',
    );
    assert.equal(formatted('{"a":\r\n1}\r\n'), '{\r\n  "a": 1\r\n}\r\n');
    assert.equal(formatted('{"a":1}', { ...TWO, insertFinalNewline: true }), '{\n  "a": 1\n}\n');
  });

  test('edits are limited to the lines that change', () => {
    const text = '{\n  "environment": "development",\n  "mpid":   1\n}\n';
    const edits = format(analyze(text), TWO);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, {
      start: { line: 2, character: 0 },
      end: { line: 3, character: 0 },
    });
    assert.equal(edits[0].newText, '  "mpid": 1\n');
  });

  test('never rewrites a broken document', () => {
    for (const broken of [
      fixture('api-page-single.caseed.json'),
      '{"mpid": 1,}',
      '{"mpid": 1',
      '{"mpid": 1 "environment": "x"}',
      '// c\n{"mpid": 1}',
      '{"mpid": 012}',
      "{'mpid': 1}",
      '{"a": "x\n"}',
      '',
    ]) {
      assert.deepEqual(format(analyze(broken), TWO), [], JSON.stringify(broken));
      assert.equal(formatText(broken, TWO), undefined, JSON.stringify(broken));
    }
  });

  test('the API page sample, once its commas are fixed, formats and round-trips', () => {
    const text = fixture('api-page-single.caseed.json').replace(/"Free",\n/g, '"Free"\n');
    const out = formatText(text, TWO);
    assert.equal(out, text, 'the page sample is already in this style');
  });

  test('a duplicate key is not a syntax error: both are kept, in order', () => {
    assert.equal(formatted('{"mpid":1,"mpid":2}'), '{\n  "mpid": 1,\n  "mpid": 2\n}');
  });
});

/**
 * The parser's whitespace fast paths (core/parser.ts): the indentation run after a line feed read
 * in a loop of its own, and `"key": value` read without a call into the trivia skipper (the colon
 * right after the key, at most one space after it). Whatever whitespace stands between tokens —
 * tabs, carriage returns, CRLF, lone CR, runs mixed with comments — every node must keep its exact
 * span, every line start must be recorded, and only the comments are reported, where they are.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonNode, ObjectNode } from '../../core/ast';
import { parse } from '../../core/parser';
import { plainValue } from '../../core/plain';
import { LineIndex } from '../../core/positions';
import { below, pick, prng, type Random } from './random';

/** A token of the generated text and where it was written. */
interface Written {
  offset: number;
  raw: string;
}

const GAPS = [
  '',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\n  ',
  '\n        ',
  '\r\n    ',
  '\n\t  ',
  '\n  \t  ',
  ' \n  \r\n\t',
  '\n    \n    ',
  '  \t ',
];
const COMMENTS = ['/* c */', '// c\n', '\n  /* a\n  b */  ', '//\r\n  '];

/** Builds a random document, recording the offset of every leaf and key, and every comment. */
function generate(
  random: Random,
  withComments: boolean,
): {
  text: string;
  leaves: Written[];
  comments: Written[];
} {
  let text = '';
  const leaves: Written[] = [];
  const comments: Written[] = [];
  const gap = (): void => {
    text += pick(random, GAPS);
    if (withComments && below(random, 6) === 0) {
      // After a space: a slash right after `true` or `null` would be part of a bad word.
      const c = ' ' + pick(random, COMMENTS);
      // A line comment runs to the line feed (a CR before it is part of it).
      const body = c.startsWith(' //') ? c.slice(1, c.indexOf('\n')) : c.trim();
      comments.push({ offset: text.length + c.indexOf(body[0]), raw: body });
      text += c;
      text += pick(random, GAPS);
    }
  };
  const leaf = (raw: string): void => {
    leaves.push({ offset: text.length, raw });
    text += raw;
  };
  const value = (depth: number): void => {
    const kind = depth > 3 ? below(random, 4) : below(random, 6);
    if (kind === 0) leaf(pick(random, ['"seed"', '"x y"', '"sum"', '""', '"é\\n"']));
    else if (kind === 1) leaf(pick(random, ['0', '-1.5', '7346244611012968789', '1e3']));
    else if (kind === 2) leaf(pick(random, ['true', 'false']));
    else if (kind === 3) leaf('null');
    else if (kind === 4) {
      text += '[';
      const n = below(random, 4);
      for (let i = 0; i < n; i++) {
        gap();
        value(depth + 1);
        gap();
        if (i + 1 < n) text += ',';
      }
      gap();
      text += ']';
    } else {
      text += '{';
      const n = below(random, 4);
      const names = ['attribute_name', 'seed', 'calculation_type', 'value', 'k', 'mpid'];
      for (let i = 0; i < n; i++) {
        gap();
        leaf(JSON.stringify(`${names[i % names.length]}${i >= names.length ? i : ''}`));
        // The colon: right after the key (the fast path) or after whitespace.
        if (below(random, 3) === 0) gap();
        text += ':';
        // After the colon: nothing, one space (the fast path), or any gap.
        const after = below(random, 3);
        if (after === 1) text += ' ';
        else if (after === 2) gap();
        value(depth + 1);
        gap();
        if (i + 1 < n) text += ',';
      }
      gap();
      text += '}';
    }
  };
  gap();
  value(0);
  gap();
  return { text, leaves, comments };
}

/** The leaves and keys of a tree in source order, as written spans. */
function spans(node: JsonNode | undefined, text: string, out: Written[] = []): Written[] {
  if (node === undefined) return out;
  if (node.type === 'object') {
    for (const p of node.properties) {
      out.push({
        offset: p.key.offset,
        raw: text.slice(p.key.offset, p.key.offset + p.key.length),
      });
      spans(p.value, text, out);
    }
  } else if (node.type === 'array') {
    for (const item of node.items) spans(item, text, out);
  } else {
    out.push({ offset: node.offset, raw: text.slice(node.offset, node.offset + node.length) });
  }
  return out;
}

function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

test('whitespace of every kind between tokens: exact spans, every line start, no diagnostic', () => {
  const random = prng(11);
  for (let round = 0; round < 2000; round++) {
    const { text, leaves } = generate(random, false);
    const { root, diagnostics, lineStarts } = parse(text);
    const label = JSON.stringify(text);
    assert.deepEqual(diagnostics, [], label);
    assert.deepEqual(spans(root, text), leaves, label);
    assert.deepEqual([...lineStarts], naiveStarts(text), label);
    assert.deepEqual(plainValue(root!), JSON.parse(text), label);
  }
});

test('comments in the whitespace: each reported where it is, positions after them exact', () => {
  const random = prng(1111);
  for (let round = 0; round < 2000; round++) {
    const { text, leaves, comments } = generate(random, true);
    const { root, diagnostics, lineStarts } = parse(text);
    const label = JSON.stringify(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.offset, d.length]),
      comments.map((c) => ['comment', c.offset, c.raw.length]),
      label,
    );
    assert.deepEqual(spans(root, text), leaves, label);
    assert.deepEqual([...lineStarts], naiveStarts(text), label);
  }
});

test('after indentation runs with tabs, CR and CRLF, a diagnostic has its exact line and character', () => {
  const text = '{\r\n  \t"seed": 1,\n\t  \r\n    "x":\t\r\n  \t tru\n}';
  const { diagnostics, lineStarts } = parse(text);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.equal(text.slice(d.offset, d.offset + d.length), 'tru');
  const lines = new LineIndex(text, lineStarts);
  assert.deepEqual(lines.rangeOf(d.offset, d.length).start, { line: 4, character: 4 });
});

test('"key": value forms read the same value and spans', () => {
  const forms = [
    '{"seed":1}',
    '{"seed": 1}',
    '{"seed":  1}',
    '{"seed": \t1}',
    '{"seed":\n1}',
    '{"seed": \n  1}',
    '{"seed": \r\n1}',
    '{"seed" :1}',
    '{"seed"\n: 1}',
  ];
  for (const text of forms) {
    const { root, diagnostics, lineStarts } = parse(text);
    const prop = (root as ObjectNode).properties[0];
    assert.deepEqual(diagnostics, [], text);
    assert.equal(prop.colonOffset, text.indexOf(':'), text);
    assert.equal(prop.value?.offset, text.indexOf('1'), text);
    assert.equal(prop.length, text.indexOf('1') + 1 - 1, text);
    assert.deepEqual([...lineStarts], naiveStarts(text), text);
  }
  // A comment or the end of the text after the one space.
  const comment = parse('{"seed": /* c */ 1}');
  assert.deepEqual(
    comment.diagnostics.map((d) => [d.code, d.offset, d.length]),
    [['comment', 9, 7]],
  );
  assert.equal((comment.root as ObjectNode).properties[0].value?.offset, 17);
  assert.deepEqual(
    parse('{"seed": ').diagnostics.map((d) => [d.code, d.offset, d.length]),
    [
      ['unclosed', 0, 1],
      ['syntax-error', 1, 8],
    ],
  );
});

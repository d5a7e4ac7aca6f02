/**
 * Seeded, bounded fuzz of the formatter and the code actions over random mutations of the example
 * and fixture seed files (structural characters, digits, quotes, whitespace, blank first lines, a
 * byte order mark, CRLF). For every mutant:
 *
 * - format never throws; when the text is JSON its edits keep every token (so the value and every
 *   number's text) and formatting again changes nothing; when it is not JSON there are no edits;
 * - every code action (quick fixes at random ranges, "fix all of this kind" deferred and resolved,
 *   source.fixAll) is built without throwing, and its edits lie in the document, do not overlap
 *   and apply cleanly;
 * - for JSON input, applying source.fixAll and validating again leaves no fixed problem more often
 *   than before.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { withoutBom } from '../../../core/bom';
import type { SeedModel } from '../../../core/document';
import { analyze } from '../../../core/document';
import { codeActions, FIX_ALL_KIND, resolveCodeAction } from '../../../core/features/codeActions';
import { format } from '../../../core/features/format';
import { applyTextEdits } from '../cursor';
import type { Random } from '../random';
import { below, chance, pick, prng } from '../random';

const ROOT = join(__dirname, '..', '..', '..');
const URI = 'file:///fuzz.caseed.json';
const TODAY = '2024-05-06';

function seedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? seedFiles(join(dir, e.name))
        : /\.(caseed\.)?json$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    )
    .sort();
}

const SEEDS = [...seedFiles(join(ROOT, 'examples')), ...seedFiles(join(ROOT, 'test', 'fixtures'))]
  .map((f) => readFileSync(f, 'utf8'))
  .filter((t) => t.length < 20_000);

const NUMBERS = [
  '0',
  '-0',
  '1.50',
  '1e3',
  '-0.0E+2',
  '7346244611012968789',
  '123456789012345678901',
];

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\\',
  '/',
  '*',
  "'",
  '0',
  '1',
  '-',
  '.',
  'e',
  '1.50',
  '1e3',
  '-0',
  '7346244611012968789',
  'null',
  'true',
  '"mpid"',
  '"environment": "development",',
  ',}',
  ',]',
  '\uFEFF',
  'é',
  '😀',
];

/** A change that keeps JSON JSON: a typo inside a string, another number, more whitespace. */
function jsonMutation(random: Random, text: string): string {
  const sites = [...text.matchAll(/"[a-z_]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[,:[{]/g)];
  if (sites.length === 0) return text;
  const site = pick(random, sites);
  const at = site.index;
  if (site[0].startsWith('"'))
    return text.slice(0, at + 1) + pick(random, ['x', 'e', '_', 'é']) + text.slice(at + 1);
  if (/\d/.test(site[0]))
    return text.slice(0, at) + pick(random, NUMBERS) + text.slice(at + site[0].length);
  return text.slice(0, at + 1) + pick(random, [' ', '\n', '\t', '\r\n  ']) + text.slice(at + 1);
}

function mutate(random: Random, seed: string): string {
  let text = seed;
  if (chance(random, 0.4)) {
    for (let k = 0, n = 1 + below(random, 4); k < n; k++) text = jsonMutation(random, text);
    return text;
  }
  for (let k = 0, n = 1 + below(random, 3); k < n; k++) {
    const at = below(random, text.length + 1);
    switch (below(random, 6)) {
      case 0: // delete a few characters
        text = text.slice(0, at) + text.slice(at + 1 + below(random, 4));
        break;
      case 1: // replace one character
        text = text.slice(0, at) + pick(random, PIECES) + text.slice(at + 1);
        break;
      case 2: {
        // copy a slice elsewhere
        const from = below(random, text.length + 1);
        text = text.slice(0, at) + text.slice(from, from + below(random, 40)) + text.slice(at);
        break;
      }
      default: // insert
        text = text.slice(0, at) + pick(random, PIECES) + text.slice(at);
    }
  }
  if (chance(random, 0.15)) text = pick(random, ['\n', '\n\n', ' \n', '\r\n']) + text;
  if (chance(random, 0.1)) text = text.replace(/\r?\n/g, '\r\n');
  if (chance(random, 0.1)) text = '\uFEFF' + text;
  if (chance(random, 0.1)) text = text.replace(/\s+/g, ' ');
  return text;
}

function tokens(text: string): string[] {
  return withoutBom(text).match(/"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s"{}[\]:,]+/g) ?? [];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(withoutBom(text));
    return true;
  } catch {
    return false;
  }
}

/** Edits lie in the document (valid positions, start ≤ end) and do not overlap. */
function checkEdits(m: SeedModel, edits: readonly TextEdit[], what: string): void {
  const spans = edits.map((e) => {
    for (const p of [e.range.start, e.range.end]) {
      assert.ok(p.line >= 0 && p.character >= 0, `${what}: position ${JSON.stringify(p)}`);
      const back = m.lines.positionAt(m.lines.offsetAt(p));
      assert.deepEqual(back, p, `${what}: ${JSON.stringify(p)} is a position in the document`);
    }
    const start = m.lines.offsetAt(e.range.start);
    const end = m.lines.offsetAt(e.range.end);
    assert.ok(start <= end, `${what}: range runs backwards`);
    return { start, end };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    assert.ok(
      a.end <= b.start && !(a.start === b.start && a.start === a.end && b.start === b.end),
      `${what}: edits overlap (${JSON.stringify(a)}, ${JSON.stringify(b)})`,
    );
  }
}

function editsOf(a: CodeAction): TextEdit[] {
  const changes = a.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [URI], `${a.title}: edits for the document only`);
  return changes[URI];
}

function randomRange(random: Random, m: SeedModel): Range {
  const a = below(random, m.text.length + 1);
  const b = chance(random, 0.6) ? a : Math.min(m.text.length, a + below(random, 200));
  return { start: m.lines.positionAt(a), end: m.lines.positionAt(b) };
}

function fuzzFormat(m: SeedModel, where: string): void {
  const options = { tabSize: 2, insertSpaces: true };
  const edits = format(m, options);
  checkEdits(m, edits, `format ${where}`);
  if (!isJson(m.text)) {
    assert.deepEqual(edits, [], `text that is not JSON is never reformatted (${where})`);
    return;
  }
  const out = applyTextEdits(m.text, edits);
  assert.deepEqual(tokens(out), tokens(m.text), `format keeps every token (${where})`);
  assert.deepEqual(format(analyze(out), options), [], `format is idempotent (${where})`);
}

function fuzzCodeActions(random: Random, m: SeedModel, where: string): void {
  for (let k = 0; k < 4; k++) {
    const range = randomRange(random, m);
    for (const deferFixAll of [false, true]) {
      for (const a of codeActions(m, range, URI, undefined, { deferFixAll })) {
        const full = resolveCodeAction(m, a);
        const edits = editsOf(full);
        checkEdits(m, edits, `"${a.title}" ${where}`);
        assert.doesNotThrow(() => applyTextEdits(m.text, edits));
      }
    }
  }
  const fixAll = codeActions(m, randomRange(random, m), URI, [FIX_ALL_KIND]);
  const fixable = new Map<string, number>();
  for (const d of m.diagnostics)
    if (d.fixes?.some((f) => f.preferred === true))
      fixable.set(d.code, (fixable.get(d.code) ?? 0) + 1);
  assert.equal(fixAll.length, fixable.size > 0 ? 1 : 0, `source.fixAll offered (${where})`);
  if (fixAll.length === 0) return;
  const edits = editsOf(fixAll[0]);
  checkEdits(m, edits, `fix-all ${where}`);
  const after = analyze(applyTextEdits(m.text, edits), { today: TODAY });
  // For JSON input every fix is a rule's: no fixed problem (code and message) comes back more
  // often. (Counting by code alone is not a promise fix-all can keep: renaming a misspelled key
  // such as "calculated_attrites" lets the rules look inside it and report a typo there, a new
  // problem of the same code.) Repairing text that is not JSON is a heuristic (a comma inserted
  // where a key was lost is a trailing comma on the next parse): there the edits must only be
  // sound, as checked above.
  if (!isJson(m.text)) return;
  const problems = (x: SeedModel): Map<string, number> => {
    const out = new Map<string, number>();
    for (const d of x.diagnostics) {
      const key = `${d.code}: ${d.message}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  };
  const [before, now] = [problems(m), problems(after)];
  for (const d of m.diagnostics) {
    if (d.fixes?.some((f) => f.preferred === true) !== true) continue;
    const key = `${d.code}: ${d.message}`;
    assert.ok((now.get(key) ?? 0) <= (before.get(key) ?? 0), `fix-all: ${key} (${where})`);
  }
}

test('fuzz: format and code actions on mutated seed files', () => {
  assert.ok(SEEDS.length >= 8, `${SEEDS.length} seed files`);
  const random = prng(20_261_201);
  let json = 0;
  const rounds = 240;
  for (let round = 0; round < rounds; round++) {
    const text = mutate(random, pick(random, SEEDS));
    const where = `round ${round}: ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`;
    const m = analyze(text, { today: TODAY });
    if (isJson(text)) json++;
    fuzzFormat(m, where);
    fuzzCodeActions(random, m, where);
  }
  // Both kinds of input are exercised.
  assert.ok(
    json > rounds / 6 && json < rounds - rounds / 6,
    `${json} of ${rounds} mutants are JSON`,
  );
});

/**
 * The content of a seed field, per calculation type: numeric values, counts, average's sum and
 * count, epoch-millisecond timestamps (10 digits → seconds), string lists and most_frequent counts.
 */
import type { ArrayNode, JsonNode, ObjectNode, StringNode } from '../ast';
import { getProperty } from '../ast';
import type { Fix } from '../diagnostics';
import { LIMITS } from '../vocabulary';
import type { RuleContext } from './context';
import { report, reportNode, typeName } from './context';
import {
  insertPropertyEdit,
  removeItemEdit,
  removePropertyFix,
  renameKeyFix,
  replaceFix,
} from './edits';
import {
  INTEGER,
  isNonNegativeIntegerText,
  isPositiveIntegerText,
  NOT_A_NUMBER,
  numberKind,
} from './numbers';
import { closest } from './suggest';
import { excerpt, quoted } from '../excerpt';

export function checkSeedValue(ctx: RuleContext, type: string, node: JsonNode): void {
  switch (type) {
    case 'count': {
      const text = numericText(ctx, node, type);
      if (text !== undefined && !isNonNegativeIntegerText(text) && !wholeFloat(ctx, node, text, 0))
        reportNode(
          ctx,
          'invalid-count',
          `A count is a non-negative integer, not ${excerpt(text)}.`,
          node,
        );
      return;
    }
    case 'sum':
    case 'min':
    case 'max':
      numericText(ctx, node, type);
      return;
    case 'average':
      return checkAverage(ctx, node);
    case 'first_occurrence':
    case 'last_occurrence':
      if (node.type !== 'string' && node.type !== 'number')
        reportNode(
          ctx,
          'invalid-seed-value',
          `A "${type}" seed value is a string or a number, not ${typeName(node)}.`,
          node,
        );
      return;
    case 'first_occurrence_timestamp':
    case 'last_occurrence_timestamp':
      return checkTimestamp(ctx, node);
    case 'unique_list':
    case 'unique_values_count':
      return checkList(ctx, node, type === 'unique_list');
    case 'most_frequent':
      return checkMostFrequent(ctx, node);
  }
}

/**
 * A count written as a whole-number float (`5.0`, `12.00`, as pandas writes integer columns with
 * gaps) of at least `min`: reported as a warning with the integer as the fix, and true; false for
 * anything else (the caller reports it).
 */
function wholeFloat(ctx: RuleContext, node: JsonNode, text: string, min: number): boolean {
  const dot = text.indexOf('.');
  if (dot < 1 || dot === text.length - 1) return false;
  const int = text.slice(0, dot);
  if (!isNonNegativeIntegerText(int) || (min > 0 && int === '0')) return false;
  for (let i = dot + 1; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  const newText = node.type === 'string' ? `"${int}"` : int;
  reportNode(
    ctx,
    'whole-number-float',
    `${excerpt(text)} is a whole number written as a float: a count is an integer, write ${excerpt(int)}.`,
    node,
    [replaceFix(node, newText, `Change to ${excerpt(int)}`, true)],
  );
  return true;
}

/** The number's text when the node is a number or a numeric string; reports non-numeric-seed. */
function numericText(ctx: RuleContext, node: JsonNode, type: string): string | undefined {
  if (node.type === 'number') return numberKind(node.raw) === NOT_A_NUMBER ? undefined : node.raw;
  if (node.type === 'string' && numberKind(node.value) !== NOT_A_NUMBER) return node.value;
  const fixes: Fix[] = [];
  let what = typeName(node);
  if (node.type === 'string') {
    what = quoted(node.value);
    const cleaned = node.value.trim().replace(/[,_\s]/g, '');
    if (cleaned !== '' && numberKind(cleaned) !== NOT_A_NUMBER)
      fixes.push(replaceFix(node, cleaned, `Change to ${excerpt(cleaned)}`, true));
  }
  reportNode(
    ctx,
    'non-numeric-seed',
    `A "${type}" seed must be numeric (a number or a numeric string), not ${what}: the API answers "Seed value must be numeric".`,
    node,
    fixes,
  );
  return undefined;
}

function checkAverage(ctx: RuleContext, node: JsonNode): void {
  if (node.type !== 'object') {
    reportNode(
      ctx,
      'invalid-average',
      `"key_value_pairs" of an average is an object { "sum": <number>, "count": <positive integer> }, not ${typeName(node)}.`,
      node,
    );
    return;
  }
  const sum = getProperty(node, 'sum');
  const count = getProperty(node, 'count');
  let sumGuessed = false;
  let countGuessed = false;
  const props = node.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const k = p.key.value;
    if (k === 'sum' || k === 'count') continue;
    const missing: string[] = [];
    if (sum === undefined && !sumGuessed) missing.push('sum');
    if (count === undefined && !countGuessed) missing.push('count');
    const guess = closest(k, missing);
    if (guess === 'sum') sumGuessed = true;
    if (guess === 'count') countGuessed = true;
    const fixes: Fix[] =
      guess !== undefined
        ? [renameKeyFix(p.key, guess, true)]
        : [removePropertyFix(node, p, ctx.text, `Remove ${quoted(k)}`, true)];
    reportNode(
      ctx,
      'invalid-average',
      `An average seed has exactly "sum" and "count"; ${quoted(k)} is not read${guess !== undefined ? `: did you mean "${guess}"?` : '. Remove it.'}`,
      p.key,
      fixes,
    );
  }
  const needSum = sum === undefined && !sumGuessed;
  const needCount = count === undefined && !countGuessed;
  if (needSum || needCount) {
    const missing = needSum ? (needCount ? 'sum" and "count' : 'sum') : 'count';
    const edit = needSum
      ? insertPropertyEdit(node, 'sum', needCount ? '0, "count": 1' : '0', ctx.text)
      : insertPropertyEdit(node, 'count', '1', ctx.text);
    report(
      ctx,
      'invalid-average',
      `An average seed needs "${missing}": "sum" is the total, "count" (a positive integer) how many values it adds up.`,
      node.offset,
      1,
      [{ title: `Add "${missing}"`, edits: [edit] }],
    );
  }
  if (sum?.value !== undefined) numericText(ctx, sum.value, 'average');
  const c = count?.value;
  if (c !== undefined) {
    const text = numericText(ctx, c, 'average');
    if (text !== undefined && !isPositiveIntegerText(text) && !wholeFloat(ctx, c, text, 1))
      reportNode(
        ctx,
        'invalid-count',
        `The "count" of an average is a positive integer (how many values "sum" adds up), not ${excerpt(text)}.`,
        c,
      );
  }
}

function checkTimestamp(ctx: RuleContext, node: JsonNode): void {
  const text = node.type === 'number' ? node.raw : node.type === 'string' ? node.value : undefined;
  if (text !== undefined && isNonNegativeIntegerText(text)) {
    if (text.length === 10) {
      // Seconds: append "000" to the source text itself (inside the quotes of a string).
      const at = node.type === 'string' ? node.offset + node.length - 1 : node.offset + node.length;
      reportNode(
        ctx,
        'timestamp-in-seconds',
        `${text} looks like Unix seconds (10 digits); the API expects milliseconds: ${text}000.`,
        node,
        [
          {
            title: 'Multiply by 1000 (seconds → milliseconds)',
            edits: [{ offset: at, length: 0, newText: '000' }],
            preferred: true,
          },
        ],
      );
    }
    return;
  }
  const fixes: Fix[] = [];
  if (node.type === 'string') {
    const ms = isoToMillis(node.value);
    if (ms !== undefined)
      fixes.push(replaceFix(node, String(ms), `Change to ${ms} (epoch milliseconds, UTC)`, false));
  }
  reportNode(
    ctx,
    'invalid-timestamp',
    `A timestamp seed is an integer number of Unix epoch milliseconds (e.g. 1582589378000), not ${node.type === 'string' ? quoted(node.value) : text !== undefined && numberKind(text) === INTEGER ? excerpt(text) : typeName(node)}.`,
    node,
    fixes,
  );
}

/** Epoch milliseconds of an ISO date or UTC date-time, or undefined. */
function isoToMillis(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}

function checkList(ctx: RuleContext, node: JsonNode, isUniqueList: boolean): void {
  if (node.type !== 'array') {
    reportNode(
      ctx,
      'invalid-list',
      `"list" is an array of strings, e.g. ["travel", "pets"], not ${typeName(node)}.`,
      node,
    );
    return;
  }
  const items = node.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type === 'string') continue;
    const fixes: Fix[] =
      item.type === 'number' || item.type === 'boolean'
        ? [
            replaceFix(
              item,
              JSON.stringify(ctx.text.slice(item.offset, item.offset + item.length)),
              'Quote the value',
              true,
            ),
          ]
        : [];
    reportNode(
      ctx,
      'invalid-list',
      `A list holds strings; this is ${typeName(item)}.`,
      item,
      fixes,
    );
  }
  checkDuplicates(ctx, node);
  if (isUniqueList && items.length > LIMITS.uniqueListValues) {
    const first = items[LIMITS.uniqueListValues];
    const last = items[items.length - 1];
    report(
      ctx,
      'list-too-long',
      `This unique list has ${items.length} values; the platform keeps at most ${LIMITS.uniqueListValues}, so these are dropped.`,
      first.offset,
      last.offset + last.length - first.offset,
    );
  }
}

function checkDuplicates(ctx: RuleContext, list: ArrayNode): void {
  const items = list.items;
  const n = items.length;
  if (n < 2) return;
  const seen = n > 8 ? new Set<string>() : undefined;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item.type !== 'string') continue;
    let repeat = false;
    if (seen !== undefined) {
      repeat = seen.has(item.value);
      seen.add(item.value);
    } else {
      for (let j = 0; j < i; j++) {
        const o = items[j];
        if (o.type === 'string' && o.value === item.value) {
          repeat = true;
          break;
        }
      }
    }
    if (repeat) duplicateValue(ctx, list, i, item);
  }
}

function duplicateValue(ctx: RuleContext, list: ArrayNode, i: number, item: StringNode): void {
  reportNode(
    ctx,
    'duplicate-list-value',
    `${quoted(item.value)} is already in this list: the values of a unique list are counted once. Remove the repeat.`,
    item,
    [{ title: 'Remove the repeat', edits: [removeItemEdit(list.items, i)], preferred: true }],
  );
}

function checkMostFrequent(ctx: RuleContext, node: JsonNode): void {
  if (node.type !== 'object') {
    reportNode(
      ctx,
      'invalid-key-value-pairs',
      `"key_value_pairs" of most_frequent maps each value to its count, e.g. { "steak": 2 }, not ${typeName(node)}.`,
      node,
    );
    return;
  }
  const props = (node as ObjectNode).properties;
  for (let i = 0; i < props.length; i++) {
    const v = props[i].value;
    if (v === undefined) continue;
    const text = v.type === 'number' ? v.raw : v.type === 'string' ? v.value : undefined;
    if (text !== undefined && isNonNegativeIntegerText(text)) continue;
    if (text !== undefined && wholeFloat(ctx, v, text, 0)) continue;
    reportNode(
      ctx,
      'invalid-key-value-pairs',
      `The count of ${quoted(props[i].key.value)} must be a non-negative integer (how many times it was seen), not ${v.type === 'string' ? quoted(v.value) : text !== undefined ? excerpt(text) : typeName(v)}.`,
      v,
    );
  }
}

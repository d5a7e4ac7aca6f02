/**
 * Seeds checked against the workspace's calculated attribute definitions (caseed.definitions.json):
 * an unknown name (did you mean …), another calculation type, another cutoff date or none at all in
 * the definition, a rolling-window CA, and a CA changed just before the snapshot. Silent when no
 * definitions are given. Runs per user after the other rules (the `definitions` row of core/rules/index.ts).
 */
import { quoted } from '../excerpt';
import type { JsonNode, StringNode } from '../ast';
import { getProperty, getValue } from '../ast';
import type { CaDefinition, Definitions } from '../definitions/model';
import { CACHE_DELAY_MS, changedBeforeSnapshotMs, describeTimePeriod } from '../definitions/model';
import type { Fix } from '../diagnostics';
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME } from '../vocabulary';
import type { RuleContext } from './context';
import { reportNode } from './context';
import { removeItemEdit, replaceFix } from './edits';
import { editDistance } from './suggest';

/** Up to `n` names closest to `word` (case-insensitive edit distance, then prefix matches). */
export function closestNames(word: string, names: Iterable<string>, n = 3): string[] {
  const limit = Math.max(2, Math.min(4, Math.ceil(word.length / 3)));
  const lower = word.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const name of names) {
    let d = editDistance(word, name, limit);
    const l = name.toLowerCase();
    if (d > limit && lower.length >= 3 && (l.startsWith(lower) || lower.startsWith(l))) d = limit;
    if (d <= limit) scored.push([name, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, n).map(([name]) => name);
}

function str(node: JsonNode | undefined): StringNode | undefined {
  return node?.type === 'string' ? node : undefined;
}

function workspaceName(defs: Definitions): string {
  return defs.workspace_id === undefined
    ? 'the definitions file'
    : `workspace ${defs.workspace_id}`;
}

/** Checks every seed entry of one user against the definitions. */
export function checkDefinitions(ctx: RuleContext, user: JsonNode, defs: Definitions): void {
  const list = getValue(getValue(user, 'calculated_attributes'), 'workspace');
  if (list?.type !== 'array') return;
  const items = list.items;
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    const name = str(getValue(entry, 'attribute_name'));
    if (name === undefined || name.value === '') continue;
    const def = defs.byName.get(name.value);
    if (def === undefined) {
      unknownName(ctx, name, defs);
      continue;
    }
    checkType(ctx, entry, def, defs);
    checkCutoff(ctx, entry, name, def, defs);
    if (def.time_period?.type === 'within') {
      const fix: Fix = {
        title: `Remove the seed for "${def.name}"`,
        edits: [removeItemEdit(items, i)],
        preferred: false,
      };
      reportNode(
        ctx,
        'rolling-window-attribute',
        `"${def.name}" is calculated ${describeTimePeriod(def.time_period)}: seeding a rolling window is not supported (seeded values never decrement). Remove this seed, or change the CA to "since" a date.`,
        name,
        [fix],
      );
    }
    const ms = changedBeforeSnapshotMs(defs, def);
    if (ms !== undefined && ms >= 0 && ms < CACHE_DELAY_MS) {
      reportNode(
        ctx,
        'recently-changed-attribute',
        `"${def.name}" changed ${Math.max(0, Math.round(ms / 1000))} s before the definitions were pulled: mParticle takes up to five minutes to cache a change, so expect "No matching calculated attribute definition found" until then.`,
        name,
      );
    }
  }
}

function unknownName(ctx: RuleContext, name: StringNode, defs: Definitions): void {
  const guesses = closestNames(name.value, defs.byName.keys());
  const fixes = guesses.map((g) => replaceFix(name, JSON.stringify(g), `Rename to "${g}"`, false));
  const hint =
    guesses.length === 0
      ? ''
      : ` Did you mean ${guesses
          .map((g) => `"${g}"`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}?`;
  reportNode(
    ctx,
    'unknown-calculated-attribute',
    `No calculated attribute ${quoted(name.value)} in ${workspaceName(defs)} (${defs.byName.size} defined): the API would refuse the whole request with "No matching calculated attribute definition found".${hint}`,
    name,
    fixes,
  );
}

function canonical(type: string): string {
  return CALCULATION_TYPE_ALIASES[type] ?? type;
}

function checkType(ctx: RuleContext, entry: JsonNode, def: CaDefinition, defs: Definitions): void {
  const node = str(getValue(entry, 'calculation_type'));
  if (node === undefined) return;
  const seedType = canonical(node.value);
  // An unknown type is the unknown-calculation-type rule's to report.
  if (!CALCULATION_TYPE_BY_NAME.has(seedType) || seedType === def.calculation_type) return;
  reportNode(
    ctx,
    'calculation-type-mismatch',
    `"${def.name}" is a ${def.calculation_type} attribute in ${workspaceName(defs)}, not ${seedType}: a ${seedType} seed for it is meaningless (and changing the CA's type deletes the seeds already sent).`,
    node,
    [
      replaceFix(
        node,
        JSON.stringify(def.calculation_type),
        `Change to "${def.calculation_type}" (the definition's type)`,
        true,
      ),
    ],
  );
}

function checkCutoff(
  ctx: RuleContext,
  entry: JsonNode,
  name: StringNode,
  def: CaDefinition,
  defs: Definitions,
): void {
  if (def.cutoff_date === undefined) return; // the file does not say
  if (def.cutoff_date === null) {
    reportNode(
      ctx,
      'no-seeding-cutoff',
      `"${def.name}" has no seeding cutoff date in ${workspaceName(defs)}: set one in mParticle before seeding (changing it later deletes the seeds already sent), then pull the definitions again.`,
      name,
    );
    return;
  }
  const prop = getProperty(entry, 'cutoff_date');
  const node = str(prop?.value);
  if (node === undefined || node.value === def.cutoff_date) return;
  if (!isCalendarDate(node.value)) return; // the date rules report a malformed date
  reportNode(
    ctx,
    'cutoff-date-mismatch',
    `"${def.name}" has the seeding cutoff date ${def.cutoff_date} in ${workspaceName(defs)}, not ${node.value}: events before the CA's own cutoff are what the seed must cover.`,
    node,
    [
      replaceFix(
        node,
        JSON.stringify(def.cutoff_date),
        `Change to "${def.cutoff_date}" (the definition's cutoff date)`,
        true,
      ),
    ],
  );
}

/** True for a real yyyy-MM-dd calendar date. */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * What the workspace definitions add to hover: an `attribute_name` value in a seed entry shows its
 * calculated attribute's definition (type, seeding cutoff, time period, status, description, data
 * point), or says that the workspace has no CA of that name.
 */
import type { CaDefinition, DataPoint, Definitions } from '../definitions/model';
import { describeTimePeriod } from '../definitions/model';

function dataPointText(p: DataPoint | null | undefined): string | undefined {
  if (p === undefined || p === null) return undefined;
  const parts: string[] = [];
  if (p.type !== undefined) parts.push(p.type.replace(/_/g, ' '));
  if (typeof p.event_name === 'string') parts.push(`event \`${p.event_name}\``);
  if (typeof p.attribute_name === 'string') parts.push(`attribute \`${p.attribute_name}\``);
  if (typeof p.event_type === 'string') parts.push(`(${p.event_type})`);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/** The markdown of one definition (hover and completion documentation). */
export function definitionMarkdown(def: CaDefinition, defs: Definitions): string {
  const cutoff =
    def.cutoff_date === undefined
      ? undefined
      : def.cutoff_date === null
        ? 'none (set one before seeding)'
        : def.cutoff_date;
  const lines = [
    `**${def.name}** · calculated attribute${def.status === undefined ? '' : ` (${def.status})`}`,
    '',
  ];
  if (def.description) lines.push(def.description, '');
  lines.push(`- calculation type: \`${def.calculation_type}\``);
  if (cutoff !== undefined) lines.push(`- seeding cutoff date: ${cutoff}`);
  const period = describeTimePeriod(def.time_period);
  if (period !== undefined) lines.push(`- time period: ${period}`);
  const point = dataPointText(def.data_point);
  if (point !== undefined) lines.push(`- data point: ${point}`);
  if (def.last_modified) lines.push(`- last modified: ${def.last_modified}`);
  const ws = defs.workspace_id === undefined ? '' : `workspace ${defs.workspace_id}, `;
  const pulled = defs.pulled_at === undefined ? 'written by hand' : `pulled ${defs.pulled_at}`;
  lines.push('', `_From ${defs.source} (${ws}${pulled})._`);
  return lines.join('\n');
}

/** Hover text for the value of `attribute_name` in a seed entry, when definitions are loaded. */
export function attributeNameHover(
  defs: Definitions | undefined,
  name: string,
): string | undefined {
  if (defs === undefined) return undefined;
  const def = defs.byName.get(name);
  if (def !== undefined) return definitionMarkdown(def, defs);
  const ws = defs.workspace_id === undefined ? '' : ` (workspace ${defs.workspace_id})`;
  return `**${name}** is not a calculated attribute in ${defs.source}${ws}: the API would answer "No matching calculated attribute definition found".`;
}

/**
 * Compiling a mapping against an export's header (and the workspace definitions, when known) into
 * a `UserBuilder`: one row (its cells as text) → one user's JSON, written as UTF-8 bytes from
 * constant pieces (encoded once) and converted cells, with no intermediate object or string. Everything the mapping gets
 * wrong is a positioned diagnostic on the mapping file; each decision made for the user (an identity
 * spelling recognised, seconds turned into milliseconds, a type taken from the definitions) is a note.
 */
import type { Definitions } from '../definitions/model';
import type { SeedDiagnostic } from '../diagnostics';
import {
  CALCULATION_TYPE_BY_NAME,
  ENVIRONMENTS,
  IDENTITY_ALIASES,
  IDENTITY_BY_NAME,
} from '../facts';
import { closest } from '../rules/suggest';
import {
  certainty,
  certifyAttributeValue,
  certifyCount,
  certifyEnvironment,
  certifyNumber,
  certifyPositiveCount,
  certifyTimestamp,
} from './certify';
import {
  delimitedListCell,
  failure,
  jsonListCell,
  jsonObjectCell,
  mpidCell,
  numberCell,
  timestampCell,
} from './convert';
import { NOT_A_NUMBER, numberKind } from '../rules/numbers';
import { identityOfColumn } from './identities';
import { Utf8Out, utf8 } from './utf8Out';
import type { Locate } from './mapping';
import { mappingDiagnostic } from './mapping';
import type { CaMapping, MappingFile } from './model';

/** Turns one row into the text of one user, or says why it cannot. */
export interface UserBuilder {
  /** The user's JSON text (one line), or undefined: then `reason`/`message` say why. */
  build(row: readonly string[]): string | undefined;
  /** The same, appended to `out`; returns the user's length, or -1 with nothing appended. */
  append(row: readonly string[], out: string[]): number;
  /** The same as UTF-8 bytes, written into `out`; false (nothing written) when the row is rejected. */
  write(row: readonly string[], out: Utf8Out): boolean;
  reason: string;
  message: string;
  /**
   * Set by each build: true when every cell of the user is certified (core/import/certify.ts) —
   * with a mapping that `certifyMapping` passes, the core would then report nothing about it.
   */
  clean: boolean;
  /** Users holding every fixed part of the mapping, with certified values (for `certifyMapping`). */
  probes(): string[];
}

export interface CompileResult {
  builder: UserBuilder | undefined;
  diagnostics: SeedDiagnostic[];
  notes: string[];
  /** The columns read, by header index (for the rejects file and completion). */
  columnsUsed: number[];
}

/**
 * Writes the entry's `key` (its fixed text up to the seed value) and the seed value converted from
 * the row's cell(s) into `out`: WROTE, EMPTY (an empty cell: nothing written) or FAILED (see
 * `failure`; the caller takes the user back). Clears `certainty.clean` when the seed is not certified.
 */
type SeedWriter = (row: readonly string[], out: Utf8Out, key: Uint8Array) => number;
const WROTE = 1;
const EMPTY = 0;
const FAILED = -1;

/** A compiled seed: the entry's fixed text up to the seed value, its writer, a certified value. */
interface CompiledSeed {
  prefix: string;
  write: SeedWriter;
  /** A value of this seed that the core accepts without a word (for the mapping's probes). */
  sample: string;
}

const TIMESTAMP_WORDS = {
  epoch_ms: 'epoch milliseconds',
  epoch_s: 'epoch seconds',
  iso8601: 'ISO 8601',
};

export function compileMapping(
  mapping: MappingFile,
  header: readonly string[],
  locate: Locate,
  definitions?: Definitions,
): CompileResult {
  const diagnostics: SeedDiagnostic[] = [];
  const notes: string[] = [];
  const used = new Set<number>();
  const lower = header.map((h) => h.trim().toLowerCase());
  const err = (message: string, pointer: string, key = false): void => {
    diagnostics.push(mappingDiagnostic(message, locate(pointer, key)));
  };
  /** The header index of a column named in the mapping (exact, else case-insensitive). */
  const column = (name: string, pointer: string): number => {
    let i = header.indexOf(name);
    if (i < 0) i = lower.indexOf(name.trim().toLowerCase());
    if (i < 0) {
      const guess = closest(name, header);
      err(
        `The export has no column "${name}"${guess === undefined ? '' : `; did you mean "${guess}"?`} (columns: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`,
        pointer,
      );
      return -1;
    }
    used.add(i);
    return i;
  };

  // ── environment ────────────────────────────────────────────────────────
  let envConst: string | undefined;
  let envCol = -1;
  const env = mapping.environment;
  if (typeof env === 'string') envConst = env;
  else if (env !== undefined) envCol = column(env.column, '/environment/column');
  else {
    envCol = lower.indexOf('environment');
    if (envCol >= 0) {
      used.add(envCol);
      notes.push(`environment: from column "${header[envCol]}"`);
    } else
      err(
        'Say which environment the users are in: "environment": "development" (or "production"), or { "column": "…" }.',
        '',
      );
  }

  // ── user id: mpid and identities ───────────────────────────────────────
  let mpidCol = -1;
  const ids: Array<{ name: string; col: number }> = [];
  if (mapping.mpid !== undefined) mpidCol = column(mapping.mpid, '/mpid');
  const addIdentity = (name: string, col: number, how: string): void => {
    if (col < 0) return;
    if (name === 'mpid') {
      if (mpidCol < 0) {
        mpidCol = col;
        notes.push(`column "${header[col]}" → mpid (${how})`);
      }
      return;
    }
    ids.push({ name, col });
    notes.push(`column "${header[col]}" → identities.${name} (${how})`);
  };
  const idSpec = mapping.identities;
  if (Array.isArray(idSpec)) {
    idSpec.forEach((name, k) => {
      const col = column(name, `/identities/${k}`);
      if (col < 0) return;
      const known = identityOfColumn(header[col]);
      if (known === undefined)
        err(
          `"${name}" is not a spelling of an identity that caseed knows; name it: "identities": { "customer_id": "${name}" }.`,
          `/identities/${k}`,
        );
      else addIdentity(known.identity, col, `${known.spelling} spelling`);
    });
  } else if (idSpec !== undefined) {
    for (const [name, col] of Object.entries(idSpec)) {
      const pointer = `/identities/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!IDENTITY_BY_NAME.has(name)) {
        const alias = IDENTITY_ALIASES[name];
        err(
          `"${name}" is not an identity of the seeding API${alias === undefined ? '' : `; it calls this one "${alias}"`}.`,
          pointer,
          true,
        );
        continue;
      }
      addIdentity(name, column(col, pointer), 'named in the mapping');
    }
  } else if (mapping.mpid === undefined) {
    header.forEach((h, i) => {
      const known = identityOfColumn(h);
      if (known === undefined) return;
      used.add(i);
      addIdentity(known.identity, i, `${known.spelling} spelling, recognised`);
    });
  }
  if (mpidCol < 0 && ids.length === 0 && diagnostics.length === 0)
    err(
      `No column identifies the user: name the mpid column ("mpid": "…") or identity columns ("identities": […]); none of ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''} is a known identity spelling.`,
      '',
    );
  if (mpidCol >= 0 && ids.length > 0)
    notes.push(
      'a row with an mpid is written with its mpid only (the API ignores identities then)',
    );

  // ── calculated attributes ──────────────────────────────────────────────
  const seeds: Array<CompiledSeed & { commaPrefix: string }> = [];
  mapping.calculated_attributes.forEach((ca, k) => {
    const at = `/calculated_attributes/${k}`;
    const compiled = compileAttribute(ca, at, definitions, column, err, notes);
    if (compiled !== undefined) seeds.push({ ...compiled, commaPrefix: `,${compiled.prefix}` });
  });
  const attrs: Array<{ prefix: string; col: number }> = [];
  (mapping.user_attributes ?? []).forEach((ua, k) => {
    const col = column(ua.column, `/user_attributes/${k}/column`);
    if (col >= 0)
      attrs.push({
        prefix: `{"attribute_name":${JSON.stringify(ua.name)},"attribute_value":`,
        col,
      });
  });

  const columnsUsed = [...used].sort((a, b) => a - b);
  if (diagnostics.length > 0) return { builder: undefined, diagnostics, notes, columnsUsed };
  const envText = envConst === undefined ? undefined : `{"environment":${JSON.stringify(envConst)}`;
  const idPrefixes = ids.map((id) => `${JSON.stringify(id.name)}:`);
  const mpidName = mpidCol >= 0 ? header[mpidCol] : '';

  const builder: UserBuilder = {
    reason: '',
    message: '',
    clean: false,
    build,
    append,
    write,
    probes,
  };
  const envPrefix = utf8(envText ?? '{"environment":');
  const mpidKey = utf8(',"mpid":');
  const idsOpen = utf8(',"identities":{');
  const idKeys = idPrefixes.map((p) => utf8(p));
  const idKeysComma = idPrefixes.map((p) => utf8(`,${p}`));
  const seedsOpen = utf8(',"calculated_attributes":{"workspace":[');
  const seedKeys = seeds.map((s) => utf8(s.prefix));
  const seedKeysComma = seeds.map((s) => utf8(s.commaPrefix));
  const attrKeysFirst = attrs.map((a) => utf8(`,"user_attributes":{"workspace":[${a.prefix}`));
  const attrKeysComma = attrs.map((a) => utf8(`,${a.prefix}`));
  const rejected = (): undefined => {
    builder.reason = failure.reason;
    builder.message = failure.message;
    return undefined;
  };
  /** The user's UTF-8 bytes, straight into `out`; false (nothing written) when the row is rejected. */
  function write(row: readonly string[], out: Utf8Out): boolean {
    const start = out.pos;
    certainty.clean = true;
    out.bytes(envPrefix);
    if (envText === undefined) {
      const env = cell(row, envCol);
      if (!certifyEnvironment(env)) certainty.clean = false;
      out.json(env);
    }
    const mpid = mpidCol >= 0 ? cell(row, mpidCol) : '';
    if (mpid !== '') {
      const text = mpidCell(mpid, mpidName);
      if (text === undefined) return fail(out, start);
      out.bytes(mpidKey);
      out.text(text);
    } else if (ids.length > 0) {
      out.bytes(idsOpen);
      let none = true;
      for (let j = 0; j < ids.length; j++) {
        const v = cell(row, ids[j].col);
        if (v === '') continue;
        out.bytes(none ? idKeys[j] : idKeysComma[j]);
        out.json(v);
        none = false;
      }
      // No identity at all: written empty, so the core names the problem.
      if (none) certainty.clean = false;
      out.byte(125); // }
    } else certainty.clean = false; // neither: the core names the problem
    out.bytes(seedsOpen);
    let first = true;
    for (let k = 0; k < seeds.length; k++) {
      const r = seeds[k].write(row, out, first ? seedKeys[k] : seedKeysComma[k]);
      if (r === EMPTY) continue; // an empty cell: this user has no seed for it
      if (r === FAILED) return fail(out, start);
      out.byte(125);
      out.byte(125);
      first = false;
    }
    if (first) certainty.clean = false; // no seed: the core says what an empty workspace means
    out.byte(93); // ]
    out.byte(125);
    if (attrs.length > 0) {
      let none = true;
      for (let j = 0; j < attrs.length; j++) {
        const v = cell(row, attrs[j].col);
        if (v === '') continue;
        if (!certifyAttributeValue(v)) certainty.clean = false;
        out.bytes(none ? attrKeysFirst[j] : attrKeysComma[j]);
        out.json(v);
        out.byte(125);
        none = false;
      }
      if (!none) {
        out.byte(93);
        out.byte(125);
      }
    }
    out.byte(125);
    builder.clean = certainty.clean;
    return true;
  }
  function fail(out: Utf8Out, start: number): false {
    out.pos = start;
    rejected();
    return false;
  }
  const scratch = new Utf8Out(1 << 12);
  function build(row: readonly string[]): string | undefined {
    scratch.pos = 0;
    if (!write(row, scratch)) return undefined;
    return scratch.decode(0);
  }
  /** One user per way of naming the user (mpid, identities; each environment of a column). */
  function probes(): string[] {
    const envs =
      envText === undefined ? ENVIRONMENTS.map((e) => `{"environment":"${e}"`) : [envText];
    const idParts: string[] = [];
    if (mpidCol >= 0) idParts.push(',"mpid":1');
    if (ids.length > 0)
      idParts.push(`,"identities":{${idPrefixes.map((p) => `${p}"x"`).join(',')}}`);
    let rest = `,"calculated_attributes":{"workspace":[${seeds.map((s) => `${s.prefix}${s.sample}}}`).join(',')}]}`;
    if (attrs.length > 0)
      rest += `,"user_attributes":{"workspace":[${attrs.map((a) => `${a.prefix}"x"}`).join(',')}]}`;
    const out: string[] = [];
    // No seed at all, or no way to find the user, is never certified: such a mapping has no probe.
    if (seeds.length === 0) return out;
    for (const env of envs) for (const id of idParts) out.push(`${env}${id}${rest}}`);
    return out;
  }
  function append(row: readonly string[], out: string[]): number {
    const text = build(row);
    if (text === undefined) return -1;
    out.push(text);
    return text.length;
  }
  return { builder, diagnostics, notes, columnsUsed };
}

/** A cell, trimmed; a missing cell (short row) is empty. */
function cell(row: readonly string[], i: number): string {
  const v = row[i];
  return v === undefined ? '' : v.trim();
}

function compileAttribute(
  ca: CaMapping,
  at: string,
  definitions: Definitions | undefined,
  column: (name: string, pointer: string) => number,
  err: (message: string, pointer: string, key?: boolean) => void,
  notes: string[],
): CompiledSeed | undefined {
  const def = definitions?.byName.get(ca.name);
  if (definitions !== undefined && def === undefined) {
    const guess = closest(ca.name, [...definitions.byName.keys()]);
    err(
      `No calculated attribute "${ca.name}" in ${definitions.workspace_id === undefined ? 'the definitions' : `workspace ${definitions.workspace_id}`}${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
      `${at}/name`,
    );
    return undefined;
  }
  let type = ca.calculation_type;
  if (type === undefined) {
    if (def === undefined) {
      err(
        `"${ca.name}" needs "calculation_type" (or a caseed.definitions.json that defines it).`,
        at,
      );
      return undefined;
    }
    type = def.calculation_type;
  } else if (def !== undefined && def.calculation_type !== type) {
    err(
      `"${ca.name}" is ${def.calculation_type} in the workspace, not ${type}: seeds of another type are refused.`,
      `${at}/calculation_type`,
    );
    return undefined;
  }
  let cutoff = ca.cutoff_date;
  if (cutoff === undefined) {
    const fromDef = def?.cutoff_date ?? undefined;
    if (fromDef === undefined || fromDef === null) {
      err(
        def === undefined
          ? `"${ca.name}" needs "cutoff_date" (or a caseed.definitions.json that gives it).`
          : `"${ca.name}" has no seeding cutoff date in the definitions: give "cutoff_date".`,
        at,
      );
      return undefined;
    }
    cutoff = fromDef.slice(0, 10);
  }
  const fromDefs = [
    ca.calculation_type === undefined ? `calculation type ${type}` : '',
    ca.cutoff_date === undefined ? `cutoff date ${cutoff}` : '',
  ].filter((x) => x !== '');
  if (fromDefs.length > 0) notes.push(`"${ca.name}": ${fromDefs.join(', ')} from the definitions`);
  const info = CALCULATION_TYPE_BY_NAME.get(type);
  if (info === undefined) {
    err(`"${type}" is not a calculation type.`, `${at}/calculation_type`);
    return undefined;
  }
  const field = info.field;
  const prefix = `{"attribute_name":${JSON.stringify(ca.name)},"calculation_type":${JSON.stringify(type)},"cutoff_date":${JSON.stringify(cutoff)},"seed":{${JSON.stringify(field)}:`;
  const need = (prop: 'column' | 'sum_column' | 'count_column'): number => {
    const name = ca[prop];
    if (name === undefined) {
      err(`"${ca.name}" (${type}) needs "${prop}".`, at);
      return -1;
    }
    return column(name, `${at}/${prop}`);
  };
  const misplaced = (prop: keyof CaMapping, why: string): void => {
    if (ca[prop] !== undefined)
      err(`"${prop}" ${why}; ${type} does not use it.`, `${at}/${prop}`, true);
  };

  if (type === 'average') {
    misplaced('column', 'is for the other types (average reads "sum_column" and "count_column")');
    const s = need('sum_column');
    const c = need('count_column');
    if (s < 0 || c < 0) return undefined;
    const sumName = ca.sum_column ?? '';
    return {
      prefix,
      sample: '{"sum":1,"count":1}',
      write: (row, out, key) => {
        const sum = cell(row, s);
        const count = cell(row, c);
        if (sum === '' && count === '') return EMPTY;
        if (sum === '' || count === '') {
          failure.reason = 'invalid-average';
          failure.message = `"${ca.name}": column "${sum === '' ? sumName : ca.count_column}" is empty but its pair is not.`;
          return FAILED;
        }
        const sumText = numberCell(sum);
        const countText = numberCell(count);
        if (!certifyNumber(sumText) || !certifyPositiveCount(countText)) certainty.clean = false;
        out.bytes(key);
        out.text(`{"sum":${sumText},"count":${countText}}`);
        return WROTE;
      },
    };
  }
  misplaced('sum_column', 'is for average');
  misplaced('count_column', 'is for average');
  const col = need('column');
  if (col < 0) return undefined;
  const colName = ca.column ?? '';
  const isTimestamp = type.endsWith('_timestamp');
  const isList = field === 'list';
  if (!isTimestamp) misplaced('timestamp', 'is for the *_timestamp types');
  if (!isList) {
    misplaced('list', 'is for unique_list and unique_values_count');
    misplaced('delimiter', 'is for a delimited list');
  }
  if (isTimestamp) {
    const format = ca.timestamp;
    if (format === undefined) {
      err(
        `"${ca.name}" (${type}) needs "timestamp": "epoch_ms", "epoch_s" or "iso8601" (how column "${colName}" is written).`,
        at,
      );
      return undefined;
    }
    notes.push(
      `"${ca.name}": column "${colName}" read as ${TIMESTAMP_WORDS[format]}${format === 'epoch_ms' ? '' : ', converted to epoch milliseconds'}`,
    );
    return {
      prefix,
      sample: '1582589378000',
      write: (row, out, key) =>
        fromText(cell(row, col), out, key, (v) =>
          certified(timestampCell(v, format, colName), certifyTimestamp),
        ),
    };
  }
  if (isList) {
    const unique = type === 'unique_list';
    const sample = '["x"]';
    if (ca.list === 'delimited') {
      const d = ca.delimiter ?? '|';
      notes.push(`"${ca.name}": column "${colName}" split on ${JSON.stringify(d)}`);
      return {
        prefix,
        sample,
        write: (row, out, key) => {
          const v = cell(row, col);
          if (v === '') return EMPTY;
          out.bytes(key);
          delimitedListCell(v, d, unique, out);
          return WROTE;
        },
      };
    }
    if (ca.delimiter !== undefined)
      err('"delimiter" is for "list": "delimited".', `${at}/delimiter`, true);
    return {
      prefix,
      sample,
      write: (row, out, key) =>
        fromText(cell(row, col), out, key, (v) => jsonListCell(v, colName, unique)),
    };
  }
  if (type === 'most_frequent')
    return {
      prefix,
      sample: '{"x":1}',
      write: (row, out, key) =>
        fromText(cell(row, col), out, key, (v) => jsonObjectCell(v, colName)),
    };
  if (type === 'first_occurrence' || type === 'last_occurrence')
    return {
      prefix,
      sample: '"x"',
      write: (row, out, key) => {
        const v = cell(row, col);
        if (v === '') return EMPTY;
        out.bytes(key);
        out.json(v);
        return WROTE;
      },
    };
  // count, sum, min, max
  const certify = type === 'count' ? certifyCount : certifyNumber;
  return {
    prefix,
    sample: '1',
    write: (row, out, key) => {
      const v = cell(row, col);
      if (v === '') return EMPTY;
      out.bytes(key);
      // A JSON number as written; any other text as a string (the core judges it).
      if (numberKind(v) === NOT_A_NUMBER) {
        certainty.clean = false;
        out.json(v);
      } else {
        if (!certify(v)) certainty.clean = false;
        out.text(v);
      }
      return WROTE;
    },
  };
}

/** The converted text, with `certainty.clean` cleared when `certify` does not certify it. */
function certified(
  text: string | undefined,
  certify: (text: string) => boolean,
): string | undefined {
  if (text !== undefined && !certify(text)) certainty.clean = false;
  return text;
}

/** A converted cell written after the entry's key; a failed conversion writes nothing. */
function fromText(
  v: string,
  out: Utf8Out,
  key: Uint8Array,
  convert: (v: string) => string | undefined,
): number {
  if (v === '') return EMPTY;
  const text = convert(v);
  if (text === undefined) return FAILED;
  out.bytes(key);
  out.text(text);
  return WROTE;
}

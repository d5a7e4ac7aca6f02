/**
 * Incremental validation of a bulk seed file: the document is kept as per-user segments (where each
 * user starts and ends, its diagnostics relative to its start) plus the "gap" diagnostics between
 * users and the small cross-user state (which users seed which attribute, and the first sighting of
 * each). An edit strictly inside one user re-parses and re-checks that user only and shifts the
 * users after it; anything else (a bracket or comma between users, a paste across users, an edit
 * that changes the first sighting of an attribute other users are compared with) falls back to a
 * full pass. The result is always what `validate(text)` returns (the property test checks this).
 */
import type { JsonNode } from '../ast';
import type { Definitions } from '../definitions/model';
import type { Edit, SeedDiagnostic } from '../diagnostics';
import { parse } from '../parser';
import type { AttributeSighting, RuleContext } from '../rules/context';
import { createContext } from '../rules/context';
import { checkDefinitions } from '../rules/definitions';
import { checkUser } from '../rules/user';
import { checkRoot, localToday } from '../validate';
import type { StreamedUser } from '../stream/users';
import { UserReader } from '../stream/users';
import { lastAtOrBelow, lowerBound } from '../sorted';

export interface StoreOptions {
  today?: string;
  definitions?: Definitions;
  /** Characters per parse window of a full pass (small values are for tests). */
  windowSize?: number;
}

/**
 * The first-sighting map the cross-user rule reads (`ctx.attributes`), recording which attribute
 * names a user asks about; `earlier` answers for users checked before this one.
 */
class Sightings extends Map<string, AttributeSighting> {
  names: string[] = [];
  constructor(private readonly earlier: (name: string) => AttributeSighting | undefined) {
    super();
  }

  override get(name: string): AttributeSighting | undefined {
    this.names.push(name);
    return super.get(name) ?? this.earlier(name);
  }
}

/** The diagnostics of every user without any (shared; never changed). */
const NONE: SeedDiagnostic[] = [];

/** Stable sort by offset. */
function byOffset(ds: SeedDiagnostic[]): SeedDiagnostic[] {
  return ds.sort((a, b) => a.offset - b.offset);
}

function moved(d: SeedDiagnostic, by: number): SeedDiagnostic {
  const out: SeedDiagnostic = { ...d, offset: d.offset + by };
  if (d.fixes !== undefined)
    out.fixes = d.fixes.map((f) => ({
      ...f,
      edits: f.edits.map((e): Edit => ({ ...e, offset: e.offset + by })),
    }));
  return out;
}

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 makes a slice of 13 or
 * more characters a view on its parent, so one attribute name kept from a full pass would hold the
 * whole 200 MB text of that pass (concatenating and slicing again makes a string of its own).
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The copy of a diagnostic the store keeps: moved by `by`, its strings (message, fix titles and
 * texts) holding nothing of the parsed text.
 */
function kept(d: SeedDiagnostic, by: number): SeedDiagnostic {
  const out: SeedDiagnostic = { ...d, offset: d.offset + by, message: detached(d.message) };
  if (d.fixes !== undefined)
    out.fixes = d.fixes.map((f) => ({
      ...f,
      title: detached(f.title),
      edits: f.edits.map((e): Edit => ({
        ...e,
        offset: e.offset + by,
        newText: detached(e.newText),
      })),
    }));
  return out;
}

/** The names a user seeds, deduplicated and interned in `pool` (one detached copy of each name). */
function internedNames(names: readonly string[], pool: Map<string, string>): string[] {
  const out: string[] = [];
  const seen = names.length > 8 ? new Set<string>() : undefined;
  for (const name of names) {
    let c = pool.get(name);
    if (c === undefined) {
      c = detached(name);
      pool.set(c, c);
    }
    if (seen !== undefined ? seen.has(c) : out.includes(c)) continue;
    seen?.add(c);
    out.push(c);
  }
  return out;
}

/** The one array of `lists` holding these names (never changed once shared). */
function sharedList(names: string[], lists: Map<string, string[]>): string[] {
  const key = names.join('\u0000');
  const shared = lists.get(key);
  if (shared !== undefined) return shared;
  lists.set(key, names);
  return names;
}

/** A first sighting whose strings hold nothing of the parsed text. */
function keptSighting(s: AttributeSighting): AttributeSighting {
  return {
    ...s,
    type: s.type === undefined ? undefined : detached(s.type),
    cutoff: s.cutoff === undefined ? undefined : detached(s.cutoff),
  };
}

/** Inserts `user` into the sorted list (no duplicates). */
function insertSorted(list: number[], user: number): void {
  const at = lowerBound(list, user);
  if (list[at] !== user) list.splice(at, 0, user);
}

function removeSorted(list: number[], user: number): void {
  const at = lowerBound(list, user);
  if (list[at] === user) list.splice(at, 1);
}

export interface UserSpan {
  index: number;
  offset: number;
  length: number;
}

export class SeedStore {
  private readonly today: string;
  private readonly definitions: Definitions | undefined;
  private readonly windowSize: number | undefined;
  /** True when the root is an array (users are segments); otherwise every diagnostic is a gap one. */
  private bulk = false;
  private starts: number[] = [];
  private lengths: number[] = [];
  /** Per user: its diagnostics, offsets (and fix edit offsets) relative to its start. */
  private userDiags: SeedDiagnostic[][] = [];
  /** Per user: the attribute names it seeds (deduplicated; users seeding the same names share one array). */
  private userNames: string[][] = [];
  /** The users with diagnostics, ascending (walks visit these, not every user). */
  private flagged: number[] = [];
  /** Syntax and rule diagnostics outside every user (absolute offsets). */
  private gap: SeedDiagnostic[] = [];
  /** Attribute name → the users seeding it, ascending. */
  private seededBy = new Map<string, number[]>();
  /** Attribute name → its first sighting in the file. */
  private firsts = new Map<string, AttributeSighting>();
  /** One detached copy of each attribute name (see `detached`), renewed by each full pass. */
  private pool = new Map<string, string>();
  /** One array per distinct list of names (most users seed the same attributes). */
  private lists = new Map<string, string[]>();
  private materialized: SeedDiagnostic[] | undefined;
  userCount = 0;
  /**
   * How many edits were applied incrementally, how many needed a full pass, and how many other users
   * were checked again because a first sighting moved (for tests).
   */
  readonly stats = { incremental: 0, full: 0, dependents: 0 };

  constructor(text: string | readonly string[], options: StoreOptions = {}) {
    this.today = options.today ?? localToday();
    this.definitions = options.definitions;
    this.windowSize = options.windowSize;
    this.fullPass(text);
  }

  /**
   * Validates the whole text again, read as a stream (core/stream/users.ts): pieces of the text in
   * order (a document's chunks) or the text itself. The users come out of windows of the text, so
   * a pass over a chunked document never builds the document's whole text.
   */
  fullPass(source: string | readonly string[]): void {
    this.stats.full++;
    this.materialized = undefined;
    const defs = this.definitions;
    const sightings = new Sightings(() => undefined);
    const syntax: SeedDiagnostic[] = [];
    const gap: SeedDiagnostic[] = [];
    const single: SeedDiagnostic[] = [];
    const starts: number[] = [];
    const lengths: number[] = [];
    const userDiags: SeedDiagnostic[][] = [];
    const userNames: string[][] = [];
    const lists = new Map<string, string[]>();
    const seededBy = new Map<string, number[]>();
    const pool = new Map<string, string>();
    const today = this.today;
    const check = (text: string, node: JsonNode, index: number, bulk: boolean): RuleContext => {
      const ctx = createContext(text, today, bulk);
      (ctx as { attributes: Map<string, AttributeSighting> }).attributes = sightings;
      sightings.names.length = 0;
      checkUser(ctx, node, index);
      if (defs !== undefined) checkDefinitions(ctx, node, defs);
      return ctx;
    };
    const onUser = (u: StreamedUser): void => {
      if (!u.bulk) {
        // One user object as the root: its diagnostics are gap ones, after the syntax ones.
        for (const d of check(u.text, u.node, 0, false).out) single.push(kept(d, u.base));
        return;
      }
      const start = u.offset;
      const end = start + u.length;
      const own: SeedDiagnostic[] = [];
      for (const d of syntax) {
        if (d.offset >= start && d.offset < end) own.push(kept(d, -start));
        else gap.push(d);
      }
      syntax.length = 0;
      const ctx = check(u.text, u.node, u.index, true);
      for (const d of ctx.out) own.push(kept(d, u.base - start));
      const names = sharedList(internedNames(sightings.names, pool), lists);
      for (const name of names) {
        const list = seededBy.get(name);
        if (list === undefined) seededBy.set(name, [u.index]);
        else list.push(u.index);
      }
      starts.push(start);
      lengths.push(u.length);
      userDiags.push(own.length === 0 ? NONE : byOffset(own));
      userNames.push(names);
    };
    const reader = new UserReader({
      onSyntax: (d) => syntax.push(d),
      onUser,
      windowSize: this.windowSize,
    });
    if (typeof source === 'string') reader.push(source);
    else for (const piece of source) reader.push(piece);
    const end = reader.end();
    const root = end.root;
    // What the parser found after the last user, and the end-of-file checks.
    for (const d of syntax) gap.push(d);
    for (const d of single) gap.push(d);
    this.bulk = root?.type === 'array';
    if (root !== undefined && root.type !== 'object') {
      const ctx = createContext('', today, false);
      const node: JsonNode = root.node ?? {
        type: 'array',
        offset: root.offset,
        length: root.length,
        items: [],
      };
      checkRoot(ctx, node, end.elementCount, () => undefined);
      for (const d of ctx.out) gap.push(d);
    }
    this.gap = byOffset(gap).map((d) => kept(d, 0));
    this.starts = starts;
    this.lengths = lengths;
    this.userDiags = userDiags;
    this.userNames = userNames;
    this.lists = lists;
    const flagged: number[] = [];
    for (let i = 0; i < userDiags.length; i++) if (userDiags[i].length > 0) flagged.push(i);
    this.flagged = flagged;
    this.seededBy = seededBy;
    this.pool = pool;
    const firsts = new Map<string, AttributeSighting>();
    for (const [name, sighting] of Map.prototype.entries.call(sightings) as Iterable<
      [string, AttributeSighting]
    >)
      firsts.set(internedNames([name], pool)[0], keptSighting(sighting));
    this.firsts = firsts;
    this.userCount = root?.type === 'array' ? userDiags.length : root ? 1 : 0;
  }

  /**
   * The text changed: `removed` characters at `offset` were replaced by `inserted`, and `text` is
   * the new text (only the edited user is read from it, unless a full pass is needed). Returns
   * whether the edit was handled incrementally.
   */
  edit(
    text: { slice(start: number, end: number): string; full(): string | readonly string[] },
    offset: number,
    removed: number,
    inserted: string,
  ): boolean {
    if (this.tryEdit(text, offset, removed, inserted)) return true;
    this.fullPass(text.full());
    return false;
  }

  /**
   * The incremental half of `edit`: true when the edit was taken into account; false (and nothing
   * changed) when it needs a full pass, which the caller then owes before reading diagnostics.
   */
  tryEdit(
    text: { slice(start: number, end: number): string },
    offset: number,
    removed: number,
    inserted: string,
  ): boolean {
    const i = this.bulk ? this.userContaining(offset, offset + removed) : -1;
    if (i >= 0 && this.recheck(text, i, inserted.length - removed)) {
      this.stats.incremental++;
      return true;
    }
    return false;
  }

  /** The user whose span strictly contains [from, to] (its braces untouched), or -1. */
  private userContaining(from: number, to: number): number {
    const i = this.userAtOffset(from);
    if (i < 0) return -1;
    const start = this.starts[i];
    return from > start && to < start + this.lengths[i] ? i : -1;
  }

  /** The index of the user whose span contains `offset` (start inclusive, end inclusive), or -1. */
  userAtOffset(offset: number): number {
    const starts = this.starts;
    if (starts.length === 0 || offset < starts[0]) return -1;
    const i = lastAtOrBelow(starts, offset);
    return offset <= starts[i] + this.lengths[i] ? i : -1;
  }

  /** The span of user `index` (0-based), for features that answer from one user. */
  span(index: number): UserSpan | undefined {
    if (!this.bulk || index < 0 || index >= this.starts.length) return undefined;
    return { index, offset: this.starts[index], length: this.lengths[index] };
  }

  /** The users whose span overlaps [from, to], in order. */
  usersIn(from: number, to: number): UserSpan[] {
    const out: UserSpan[] = [];
    if (!this.bulk) return out;
    let i = this.userAtOffset(from);
    if (i < 0) {
      // `from` lies between users: start with the first user after it.
      i = lowerBound(this.starts, from);
    }
    for (; i < this.starts.length && this.starts[i] <= to; i++)
      out.push({ index: i, offset: this.starts[i], length: this.lengths[i] });
    return out;
  }

  get isBulk(): boolean {
    return this.bulk;
  }

  /** The diagnostics of user `index`, absolute offsets. */
  userDiagnostics(index: number): SeedDiagnostic[] {
    const start = this.starts[index];
    return this.userDiags[index].map((d) => moved(d, start));
  }

  /**
   * Re-checks user `i` after an edit inside it changed its length by `delta`. False when the new
   * text is not one well-formed user in the same place, or when the edit changes what other users
   * are compared with (then the caller runs a full pass). When the first sighting of an attribute
   * moves to or from this user with the same type and cutoff date, the users whose diagnostics
   * depend on which user that is are checked again too (a false from one of them leaves the store
   * half updated: the caller's full pass owed then rebuilds it).
   */
  private recheck(
    text: { slice(start: number, end: number): string },
    i: number,
    delta: number,
  ): boolean {
    const start = this.starts[i];
    const oldLength = this.lengths[i];
    const length = oldLength + delta;
    // The line's indentation (and the line feed before it) belong to the user's context: fixes
    // that insert properties indent like the user's line.
    let base = start;
    const head = text.slice(Math.max(0, start - 256), start);
    let k = head.length;
    while (k > 0 && (head.charCodeAt(k - 1) === 32 || head.charCodeAt(k - 1) === 9)) k--;
    if (k > 0 && head.charCodeAt(k - 1) === 10) k--;
    base = start - (head.length - k);
    const local = text.slice(base, start + length);
    const prefix = start - base;
    const parsed = parse(local, { bulkUser: true });
    const root = parsed.root;
    if (
      root === undefined ||
      root.type !== 'object' ||
      root.offset !== prefix ||
      root.length !== length ||
      local.charCodeAt(local.length - 1) !== 125 ||
      parsed.diagnostics.some((d) => d.code === 'unclosed' || d.offset < prefix)
    )
      return false;
    const index = i;
    const sightings = new Sightings((name) => {
      const list = this.seededBy.get(name);
      return list !== undefined && list.length > 0 && list[0] < index
        ? this.firsts.get(name)
        : undefined;
    });
    const ctx = createContext(local, this.today, true);
    (ctx as { attributes: Map<string, AttributeSighting> }).attributes = sightings;
    checkUser(ctx, root as JsonNode, index);
    if (this.definitions !== undefined) checkDefinitions(ctx, root, this.definitions);
    const names = sharedList(internedNames(sightings.names, this.pool), this.lists);
    // Does the first sighting of an attribute other users see change?
    const old = this.userNames[i];
    const others = (name: string): boolean => {
      const list = this.seededBy.get(name);
      return list !== undefined && (list.length > 1 || (list.length === 1 && list[0] !== i));
    };
    const firstIsThis = (name: string): boolean => {
      const list = this.seededBy.get(name);
      return list === undefined || list.length === 0 || list[0] >= i;
    };
    const newSet = new Set(names);
    // Users to check again once this one is committed: where the first sighting of an attribute
    // moves to another user with the same type and cutoff date, only the users whose conflict
    // warnings name the first user change (and the next seeder, which becomes the first).
    let dependents: number[] | undefined;
    const dependOn = (name: string, alsoNext: boolean): void => {
      const list = this.seededBy.get(name)!;
      dependents ??= [];
      if (alsoNext) {
        const next = list.find((u) => u !== i);
        if (next !== undefined) dependents.push(next);
      }
      for (const u of list) if (u !== i && this.userDiags[u].length > 0) dependents.push(u);
    };
    for (const name of old) {
      if (!firstIsThis(name) || !others(name)) continue;
      const now = sightings.has(name) ? Map.prototype.get.call(sightings, name) : undefined;
      const was = this.firsts.get(name);
      if (!newSet.has(name)) {
        // No longer seeded here: the next seeder becomes the first (checked again below, which
        // falls back to a full pass if its type or cutoff date differs from this one's).
        dependOn(name, true);
        continue;
      }
      if (now === undefined || was === undefined) return false;
      if (now.type !== was.type || now.cutoff !== was.cutoff) return false;
    }
    for (const name of names)
      if (!old.includes(name) && firstIsThis(name) && others(name)) {
        // Newly seeded here, before the users seeding it: this user becomes the first sighting,
        // which every seeder is compared with — incremental only if nothing they see changes.
        const now = Map.prototype.get.call(sightings, name) as AttributeSighting | undefined;
        const was = this.firsts.get(name);
        if (now === undefined || was === undefined) return false;
        if (now.type !== was.type || now.cutoff !== was.cutoff) return false;
        dependOn(name, false);
      }
    // Commit: the user's diagnostics, its names, the first sightings it alone holds, the shift.
    const own = byOffset(parsed.diagnostics.concat(ctx.out)).map((d) => kept(d, -prefix));
    for (const name of old)
      if (!newSet.has(name)) {
        const list = this.seededBy.get(name);
        if (list !== undefined) {
          removeSorted(list, i);
          if (list.length === 0) {
            this.seededBy.delete(name);
            this.firsts.delete(name);
          }
        }
      }
    for (const name of names) {
      const list = this.seededBy.get(name);
      if (list === undefined) this.seededBy.set(name, [i]);
      else insertSorted(list, i);
      if (this.seededBy.get(name)![0] === i) {
        const mine = Map.prototype.get.call(sightings, name) as AttributeSighting | undefined;
        if (mine !== undefined) this.firsts.set(name, keptSighting(mine));
      }
    }
    this.userDiags[i] = own.length === 0 ? NONE : own;
    this.userNames[i] = names;
    if (own.length > 0) insertSorted(this.flagged, i);
    else removeSorted(this.flagged, i);
    this.lengths[i] = length;
    if (delta !== 0) {
      const starts = this.starts;
      for (let j = i + 1; j < starts.length; j++) starts[j] += delta;
      const oldEnd = start + oldLength;
      for (let g = 0; g < this.gap.length; g++) {
        const d = this.gap[g];
        const shiftAt = d.offset >= oldEnd;
        const covers = !shiftAt && d.offset + d.length >= oldEnd;
        const fixMoves = d.fixes?.some((f) => f.edits.some((e) => e.offset >= oldEnd)) === true;
        if (!shiftAt && !covers && !fixMoves) continue;
        const out: SeedDiagnostic = { ...d };
        if (shiftAt) out.offset += delta;
        else if (covers) out.length += delta;
        if (d.fixes !== undefined)
          out.fixes = d.fixes.map((f) => ({
            ...f,
            edits: f.edits.map((e) =>
              e.offset >= oldEnd ? { ...e, offset: e.offset + delta } : e,
            ),
          }));
        this.gap[g] = out;
      }
    }
    this.materialized = undefined;
    if (dependents !== undefined) {
      // The first sightings are this user's now: the dependents see them as a full pass would.
      const done = new Set<number>();
      for (const u of dependents.sort((a, b) => a - b)) {
        if (done.has(u)) continue;
        done.add(u);
        this.stats.dependents++;
        if (!this.recheck(text, u, 0)) return false;
      }
    }
    return true;
  }

  /**
   * Walks the diagnostics in order without copying them: `gap` gets each diagnostic outside the
   * users (absolute offsets); `user` gets a user's own list (offsets relative to `start`; the same
   * array until that user changes, so callers may cache what they derive from it). Stops when a
   * callback returns false.
   */
  walk(
    gapDiagnostic: (d: SeedDiagnostic) => boolean,
    user: (start: number, relative: readonly SeedDiagnostic[]) => boolean,
  ): void {
    const gap = this.gap;
    let g = 0;
    for (const i of this.flagged) {
      const ds = this.userDiags[i];
      const start = this.starts[i];
      while (g < gap.length && gap[g].offset < start) if (!gapDiagnostic(gap[g++])) return;
      if (!user(start, ds)) return;
    }
    while (g < gap.length) if (!gapDiagnostic(gap[g++])) return;
  }

  /** Every diagnostic, absolute offsets, in the order `validate` gives them. */
  diagnostics(): SeedDiagnostic[] {
    if (this.materialized !== undefined) return this.materialized;
    const out: SeedDiagnostic[] = [];
    const gap = this.gap;
    let g = 0;
    for (const i of this.flagged) {
      const ds = this.userDiags[i];
      const start = this.starts[i];
      while (g < gap.length && gap[g].offset < start) out.push(gap[g++]);
      for (const d of ds) out.push(moved(d, start));
    }
    while (g < gap.length) out.push(gap[g++]);
    this.materialized = out;
    return out;
  }
}

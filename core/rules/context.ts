/**
 * What every rule shares while one user is checked: the text, where diagnostics go, today's date
 * and the small cross-user state. `report` fills in the severity from the code table so that a
 * rule cannot disagree with `core/codes.ts`.
 */
import type { JsonNode } from '../ast';
import type { Code } from '../codes';
import { CODES } from '../codes';
import type { Fix, SeedDiagnostic } from '../diagnostics';
import type { Definitions } from '../definitions/model';

/** The first sighting of a calculated attribute in the file, for the conflicting-attribute rule. */
export interface AttributeSighting {
  /** Canonical calculation type (`minimum` → `min`), or the text as written when unknown. */
  type: string | undefined;
  cutoff: string | undefined;
  /** 0-based index of the user that first seeded it. */
  user: number;
}

export interface RuleContext {
  readonly text: string;
  readonly out: SeedDiagnostic[];
  /** Today as yyyy-MM-dd. */
  readonly today: string;
  /** True for a bulk array (users are then named "user N" in messages). */
  bulk: boolean;
  /** Attribute name → where it was first seeded in this file. */
  readonly attributes: Map<string, AttributeSighting>;
  /** 0-based index of the user being checked (0 for a single-user file). */
  userIndex: number;
  /** The workspace's definitions: the definitions rules run when they are given. */
  readonly definitions?: Definitions;
  /**
   * The last cutoff date that passed every date check (core/rules/dates.ts): the same text needs
   * no second look, since the checks depend on the text and `today` only.
   */
  goodDate?: string;
}

export function createContext(
  text: string,
  today: string,
  bulk: boolean,
  definitions?: Definitions,
): RuleContext {
  const ctx: RuleContext = { text, out: [], today, bulk, attributes: new Map(), userIndex: 0 };
  return definitions === undefined ? ctx : { ...ctx, definitions };
}

/** Reports a diagnostic with the code's severity. */
export function report(
  ctx: RuleContext,
  code: Code,
  message: string,
  offset: number,
  length: number,
  fixes?: Fix[],
  tags?: SeedDiagnostic['tags'],
): void {
  const d: SeedDiagnostic = { code, severity: CODES[code].severity, message, offset, length };
  if (fixes !== undefined && fixes.length > 0) d.fixes = fixes;
  if (tags !== undefined) d.tags = tags;
  ctx.out.push(d);
}

/** Reports a diagnostic over a whole node. */
export function reportNode(
  ctx: RuleContext,
  code: Code,
  message: string,
  node: { offset: number; length: number },
  fixes?: Fix[],
  tags?: SeedDiagnostic['tags'],
): void {
  report(ctx, code, message, node.offset, node.length, fixes, tags);
}

/** How a user is named in messages: "user 3" in a bulk file, "this user" otherwise. */
export function userName(ctx: RuleContext, index: number): string {
  return ctx.bulk ? `user ${index + 1}` : 'this user';
}

/** The JSON type of a node, as a message names it. */
export function typeName(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return node.value ? '`true`' : '`false`';
    case 'null':
      return '`null`';
  }
}

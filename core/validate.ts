/**
 * The core's one entry point for diagnostics: parse once, then run every rule on each user.
 * For a bulk array each user is checked as soon as the parser has it (`onRootItem`) and, with
 * `keepTree: false`, dropped right away: a 200 MB file validates without holding its tree. The
 * rules live in core/rules/, one file per concern, listed once in core/rules/index.ts.
 */
import type { JsonNode } from './ast';
import type { SeedDiagnostic } from './diagnostics';
import { parse } from './parser';
import type { Definitions } from './definitions/model';
import type { RuleContext } from './rules/context';
import { createContext, reportNode, typeName } from './rules/context';
import { checkUser } from './rules/user';

export interface ValidateOptions {
  /** Today's date as yyyy-MM-dd (for the future-cutoff rule); defaults to the system clock. */
  today?: string;
  /**
   * Keep the parsed users in the returned tree. The CLI passes false for huge files so that each
   * user of a bulk array is validated and then dropped.
   */
  keepTree?: boolean;
  /** The workspace's definitions (caseed.definitions.json): the definitions rules run when given. */
  definitions?: Definitions;
  /**
   * Hand every diagnostic over as soon as its user is checked instead of collecting them: the
   * result's `diagnostics` is then empty, and memory does not grow with the number of problems
   * (the CLI streams `--format json|sarif|text` this way). The order is the collected order, except
   * that a diagnostic only known at the end of the file (an unclosed root array) comes last.
   */
  onDiagnostic?: (d: SeedDiagnostic) => void;
  /** Called with each user of a bulk array once it is checked (before it is dropped). */
  onUser?: (user: JsonNode, index: number) => void;
}

export interface ValidationResult {
  root: JsonNode | undefined;
  diagnostics: SeedDiagnostic[];
  /** Number of users (1 for a single-user object, the element count for a bulk array). */
  userCount: number;
  /** Offsets where lines start, recorded while parsing: `new LineIndex(text, lineStarts)`. */
  lineStarts: Int32Array;
}

/** Today's local date as yyyy-MM-dd. */
export function localToday(now: Date = new Date()): string {
  const m = now.getMonth() + 1;
  const d = now.getDate();
  return `${now.getFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export type { RuleContext } from './rules/context';

/**
 * The context every rule shares while the users of one text are checked (diagnostics collect in
 * `ctx.out`; the cross-user state lives here). `bulk` says whether users are elements of an array.
 */
export function createValidationContext(
  text: string,
  options: Pick<ValidateOptions, 'today' | 'definitions'> & { bulk?: boolean } = {},
): RuleContext {
  return createContext(
    text,
    options.today ?? localToday(),
    options.bulk ?? false,
    options.definitions,
  );
}

/**
 * Validates one user — an element of a bulk array (`ctx.bulk` true, `index` its position) or the
 * single-user payload — with every rule, the definitions rules included when `ctx.definitions` is
 * set. Diagnostics are appended to `ctx.out`.
 */
export function validateUser(user: JsonNode, ctx: RuleContext, index = 0): void {
  checkUser(ctx, user, index);
}

export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  const keep = options.keepTree !== false;
  const ctx = createValidationContext(text, options);
  const syntax: SeedDiagnostic[] = [];
  const emit = options.onDiagnostic;
  // Streaming: the syntax and rule diagnostics found so far, merged as `all` below merges them.
  const flush = (): void => {
    if (emit === undefined || (syntax.length === 0 && ctx.out.length === 0)) return;
    const batch = syntax.concat(ctx.out).sort((a, b) => a.offset - b.offset);
    syntax.length = 0;
    ctx.out.length = 0;
    for (const d of batch) emit(d);
  };
  const { root, diagnostics, rootItemCount, lineStarts } = parse(text, {
    diagnostics: syntax,
    onRootItem: (item, index) => {
      ctx.bulk = true;
      validateUser(item, ctx, index);
      flush();
      options.onUser?.(item, index);
      return keep;
    },
  });
  checkRoot(ctx, root, rootItemCount, (user) => validateUser(user, ctx, 0));
  flush();
  const all = ctx.out.length === 0 ? diagnostics : diagnostics.concat(ctx.out);
  if (ctx.out.length > 0) all.sort((a, b) => a.offset - b.offset);
  return {
    root,
    diagnostics: all,
    userCount: root?.type === 'array' ? rootItemCount : root ? 1 : 0,
    lineStarts,
  };
}

/** The message of `empty-bulk` (also the streamed validation's, core/stream/validate.ts). */
export const EMPTY_BULK_MESSAGE =
  'This bulk array has no users, so a request would send nothing: add user objects.';

/** The message of `invalid-root` for a root `root` (also the streamed validation's). */
export function invalidRootMessage(root: JsonNode): string {
  return `A seed file holds one user object, or an array of user objects for a bulk request; this is ${typeName(root)}.`;
}

/**
 * The checks of the root itself, once the users are parsed: an empty bulk array, a root that is
 * neither an array nor a user object; a single-user root is handed to `checkSingle`.
 */
export function checkRoot(
  ctx: RuleContext,
  root: JsonNode | undefined,
  bulkUsers: number,
  checkSingle: (user: JsonNode) => void,
): void {
  if (root === undefined) return;
  if (root.type === 'array') {
    if (bulkUsers === 0) reportNode(ctx, 'empty-bulk', EMPTY_BULK_MESSAGE, root);
  } else if (root.type === 'object') {
    checkSingle(root);
  } else {
    reportNode(ctx, 'invalid-root', invalidRootMessage(root), root);
  }
}

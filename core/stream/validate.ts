/**
 * Validation of a text that arrives in chunks, in constant memory: the streaming user reader hands
 * over each user as it completes, every rule runs on it, and its diagnostics go out positioned
 * (line and UTF-16 character) before the user is dropped. For a JSON seed file the diagnostics
 * are exactly those of `validate(wholeText, { onDiagnostic })`, in the same order; NDJSON files
 * (`*.caseed.ndjson`) get the same rules per line.
 */
import type { Definitions } from '../definitions/model';
import type { SeedDiagnostic } from '../diagnostics';
import type { Range } from '../positions';
import type { AttributeSighting, RuleContext } from '../rules/context';
import { CODES } from '../codes';
import { checkDefinitions } from '../rules/definitions';
import { checkUser } from '../rules/user';
import { EMPTY_BULK_MESSAGE, invalidRootMessage, localToday } from '../validate';
import type { SeedFormat, StreamEnd, StreamedUser } from './users';
import { shiftDiagnostic, UserReader } from './users';

export interface StreamValidateOptions {
  format?: SeedFormat;
  /** Today's date as yyyy-MM-dd (for the future-cutoff rule); defaults to the system clock. */
  today?: string;
  definitions?: Definitions;
  /** Every diagnostic (offsets absolute) with its range, as soon as its user is checked. */
  onDiagnostic: (diagnostic: SeedDiagnostic, range: Range) => void;
  /** Each user once checked, before it is dropped. */
  onUser?: (user: StreamedUser) => void;
  /** Characters per parse window (tests use small ones; the result does not depend on it). */
  windowSize?: number;
}

interface Positioned {
  d: SeedDiagnostic;
  range: Range;
}

const byOffset = (a: Positioned, b: Positioned): number => a.d.offset - b.d.offset;

export class StreamValidator {
  private readonly reader: UserReader;
  private pending: Positioned[] = [];
  private readonly out: SeedDiagnostic[] = [];
  private readonly attributes = new Map<string, AttributeSighting>();
  private readonly today: string;

  constructor(private readonly options: StreamValidateOptions) {
    this.today = options.today ?? localToday();
    this.reader = new UserReader({
      format: options.format,
      windowSize: options.windowSize,
      onSyntax: (d) => this.pending.push({ d, range: this.reader.rangeOf(d.offset, d.length) }),
      onUser: (u) => this.user(u),
    });
  }

  push(chunk: string): void {
    this.reader.push(chunk);
  }

  end(): StreamEnd {
    const end = this.reader.end();
    const root = end.root;
    if (root !== undefined) {
      if (root.type === 'array') {
        if (end.elementCount === 0) this.rootProblem('empty-bulk', EMPTY_BULK_MESSAGE, root);
      } else if (root.type !== 'object' && root.node !== undefined) {
        this.rootProblem('invalid-root', invalidRootMessage(root.node), root);
      }
    }
    this.flush();
    return end;
  }

  private rootProblem(
    code: 'empty-bulk' | 'invalid-root',
    message: string,
    root: { offset: number; length: number },
  ): void {
    const d: SeedDiagnostic = {
      code,
      severity: CODES[code].severity,
      message,
      offset: root.offset,
      length: root.length,
    };
    this.pending.push({ d, range: this.reader.rangeOf(d.offset, d.length) });
  }

  private user(u: StreamedUser): void {
    const ctx: RuleContext = {
      text: u.text,
      out: this.out,
      today: this.today,
      bulk: u.bulk,
      attributes: this.attributes,
      userIndex: u.index,
    };
    checkUser(ctx, u.node, u.index);
    if (this.options.definitions !== undefined)
      checkDefinitions(ctx, u.node, this.options.definitions);
    for (const d of this.out) {
      const moved = shiftDiagnostic(d, u.base);
      this.pending.push({ d: moved, range: this.reader.rangeOf(moved.offset, moved.length) });
    }
    this.out.length = 0;
    this.flush();
    this.options.onUser?.(u);
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length > 1) batch.sort(byOffset);
    for (const p of batch) this.options.onDiagnostic(p.d, p.range);
  }
}

/** Validates a whole text through the streaming path (the language server's NDJSON documents). */
export function validateStreamed(
  text: string,
  options: Omit<StreamValidateOptions, 'onDiagnostic'>,
): { diagnostics: SeedDiagnostic[]; end: StreamEnd } {
  const diagnostics: SeedDiagnostic[] = [];
  const v = new StreamValidator({ ...options, onDiagnostic: (d) => diagnostics.push(d) });
  v.push(text);
  return { diagnostics, end: v.end() };
}

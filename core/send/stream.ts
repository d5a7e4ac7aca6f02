/**
 * The streaming send of a seed file of any size, in constant memory. The first pass is the streaming
 * validator (core/stream/validate.ts: the same diagnostics as `validate`), whose users are counted
 * here as a plan counts them; the second reads users with the light splitter (split.ts: no tree),
 * cuts the same requests as `planSend` would (cut.ts) and hands each over as soon as it is full.
 * Only the request being filled is held.
 * Pure: the caller reads the file and feeds the splitter.
 */
import { getString, workspaceItems } from '../ast';
import type { JsonNode } from '../ast';
import { parse } from '../parser';
import { LineIndex } from '../positions';
import type { Position } from '../positions';
import type { AttributeName } from './cut';
import { RequestCutter, attributeNamesOf } from './cut';
import { minifiedBytes, minifyJson, utf8Length } from './minify';
import type { PlannedRequest } from './plan';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_USERS } from './plan';
import type { SplitUser } from './split';

function absolute(u: SplitUser, lines: LineIndex, offset: number): Position {
  const p = lines.positionAt(offset);
  return p.line === 0
    ? { line: u.line, character: u.character + p.character }
    : { line: u.line + p.line, character: p.character };
}

export interface StreamCheckOptions {
  maxUsers?: number;
  maxBytes?: number;
}

/**
 * The first pass's counts: what `planSend` learns (users, seeds, attribute names, production,
 * requests, bytes, a user too large for any request), fed each user as the streaming validator
 * (core/stream/validate.ts) hands it over, without holding the file.
 */
export class StreamCheck {
  users = 0;
  seeds = 0;
  readonly names = new Set<string>();
  production = false;
  requests = 0;
  bytes = 0;
  /** The first user too large for any request, if any. */
  oversized: { index: number; bytes: number; line: number } | undefined;
  private readonly cutter: RequestCutter;
  private open = false;

  constructor(options: StreamCheckOptions = {}) {
    this.cutter = new RequestCutter(
      options.maxUsers ?? DEFAULT_MAX_USERS,
      options.maxBytes ?? DEFAULT_MAX_BYTES,
    );
  }

  /** One user: its node, the text its offsets index, its position in the file and its line. */
  user(node: JsonNode, text: string, index: number, line: number): void {
    this.users++;
    this.count(node);
    const bytes = minifiedBytes(text, node.offset, node.offset + node.length);
    if (this.cutter.oversized(bytes)) {
      this.oversized ??= { index, bytes: bytes + 2, line };
      return;
    }
    if (this.cutter.add(bytes) || !this.open) {
      this.requests++;
      this.open = true;
    }
    this.bytes += bytes + (this.cutter.users > 1 ? 1 : 2);
  }

  private count(u: JsonNode): void {
    if (getString(u, 'environment') === 'production') this.production = true;
    for (const entry of workspaceItems(u, 'calculated_attributes')) {
      this.seeds++;
      const name = getString(entry, 'attribute_name');
      if (name !== undefined) this.names.add(name);
    }
  }
}

/** A streamed request: also knows where its attribute names are (line and character). */
export interface StreamedRequest extends PlannedRequest {
  /** The 0-based position of an offset inside one of its users. */
  positionOf(offset: number): Position | undefined;
}

/**
 * The second pass: users in, requests out (numbered as the whole file's requests, so a resume can
 * skip those accepted before). `bulk`: the body is an array (false for a single-object file).
 */
export class StreamCutter {
  private readonly cutter: RequestCutter;
  private parts: string[] = [];
  private held: SplitUser[] = [];
  private size = 2;
  private index = 0;

  constructor(
    private readonly bulk: boolean,
    private readonly onRequest: (r: StreamedRequest) => void,
    maxUsers = DEFAULT_MAX_USERS,
    maxBytes = DEFAULT_MAX_BYTES,
  ) {
    this.cutter = new RequestCutter(maxUsers, maxBytes);
  }

  user(u: SplitUser): void {
    const body = minifyJson(u.text);
    const bytes = utf8Length(body);
    if (this.cutter.add(bytes)) this.flush();
    this.size = this.cutter.size;
    this.parts.push(body);
    this.held.push(u);
  }

  end(): void {
    if (this.held.length > 0) this.flush();
  }

  private flush(): void {
    const users = this.held;
    const body = this.bulk ? `[${this.parts.join(',')}]` : this.parts[0];
    let names: AttributeName[] | undefined;
    const request: StreamedRequest = {
      index: this.index++,
      users: users.map((u) => u.index),
      body,
      bytes: this.bulk ? this.size : this.size - 2,
      // Parsed only when asked (to place a 400's errors): a send that is accepted parses nothing.
      get attributes(): AttributeName[] {
        if (names === undefined) {
          names = [];
          for (const u of users) {
            const root = parse(u.text).root;
            if (root !== undefined) attributeNamesOf(root, u.offset, names);
          }
        }
        return names;
      },
      positionOf: (offset) => {
        const u = users.find((x) => offset >= x.offset && offset < x.offset + x.text.length);
        return u === undefined ? undefined : absolute(u, new LineIndex(u.text), offset - u.offset);
      },
    };
    this.parts = [];
    this.held = [];
    this.onRequest(request);
  }
}

/**
 * Where one request ends and the next begins: at most `maxUsers` users and `maxBytes` bytes of
 * body each, users in file order. The one rule shared by the in-memory plan and the streaming send,
 * so both cut a file into the same requests and a journal written by one is resumed by the other.
 * Also the attribute names of a user with their offsets, carried by each planned request so that
 * the sender maps an API error back onto the file without a syntax tree.
 */
import type { JsonNode } from '../ast';
import { getValue, workspaceItems } from '../ast';

/** An `attribute_name` string of a request's users, where it is in the file. */
export interface AttributeName {
  name: string;
  /** Calculated attributes are matched first, then user attributes. */
  section: 'calculated_attributes' | 'user_attributes';
  /** UTF-16 offset and length of the string node (quotes included) in the file. */
  offset: number;
  length: number;
}

export class RequestCutter {
  /** Bytes of the request being filled (`[`, the users, the commas, `]`). */
  size = 2;
  /** Users in the request being filled. */
  users = 0;

  constructor(
    private readonly maxUsers: number,
    private readonly maxBytes: number,
  ) {}

  /** True when a user of `bytes` (minified) fits no request at all. */
  oversized(bytes: number): boolean {
    return bytes + 2 > this.maxBytes;
  }

  /**
   * Places a user of `bytes`; true when it opens a new request (the one being filled is complete
   * and must be flushed first).
   */
  add(bytes: number): boolean {
    const added = bytes + (this.users > 0 ? 1 : 0);
    const opens =
      this.users > 0 && (this.users >= this.maxUsers || this.size + added > this.maxBytes);
    if (opens) {
      this.size = 2;
      this.users = 0;
    }
    this.size += bytes + (this.users > 0 ? 1 : 0);
    this.users++;
    return opens;
  }
}

/** Every `attribute_name` string of a user, shifted by `base` (the user's offset in the file). */
export function attributeNamesOf(
  user: JsonNode,
  base = 0,
  out: AttributeName[] = [],
): AttributeName[] {
  for (const section of ['calculated_attributes', 'user_attributes'] as const) {
    for (const entry of workspaceItems(user, section)) {
      const v = getValue(entry, 'attribute_name');
      if (v?.type === 'string')
        out.push({ name: v.value, section, offset: base + v.offset, length: v.length });
    }
  }
  return out;
}

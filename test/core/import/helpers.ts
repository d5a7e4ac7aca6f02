/** Compiling a mapping (text) against a header, and building users from rows, for the tests. */
import assert from 'node:assert/strict';
import type { Definitions } from '../../../core/definitions/model';
import type { CompileResult } from '../../../core/import/compile';
import { compileMapping } from '../../../core/import/compile';
import { parseMapping } from '../../../core/import/mapping';
import { validate } from '../../../core/validate';

export function compile(
  mapping: object | string,
  header: string[],
  definitions?: Definitions,
): CompileResult & { text: string } {
  const text = typeof mapping === 'string' ? mapping : JSON.stringify(mapping, null, 2);
  const parsed = parseMapping(text);
  assert.deepEqual(parsed.diagnostics, [], 'the mapping parses');
  assert.ok(parsed.mapping);
  return { ...compileMapping(parsed.mapping, header, parsed.locate, definitions), text };
}

/** One row through a compiled mapping: the user (as a plain object, mpid kept as text) or the reason. */
export function row(
  c: CompileResult,
  cells: string[],
): { user?: Record<string, unknown>; text?: string; reason?: string; message?: string } {
  assert.ok(c.builder, `compiles: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  const text = c.builder.build(cells);
  if (text === undefined) return { reason: c.builder.reason, message: c.builder.message };
  // The same text through append (the batch path) is identical.
  const pieces: string[] = [];
  assert.equal(c.builder.append(cells, pieces), text.length);
  assert.equal(pieces.join(''), text);
  const errors = validate(text, { today: '2026-01-01' }).diagnostics.filter(
    (d) => d.severity === 'error',
  );
  if (errors.length > 0) return { text, reason: errors[0].code, message: errors[0].message };
  // mpid as text: a 64-bit id must not go through a number, not even in a test.
  const user = JSON.parse(text.replace(/"mpid":(-?\d+)/, '"mpid":"$1"')) as Record<string, unknown>;
  return { user, text };
}

/** The seed of the one calculated attribute of a user. */
export function seedOf(user: Record<string, unknown> | undefined): unknown {
  const ca = user?.calculated_attributes as { workspace: Array<{ seed: unknown }> };
  assert.equal(ca.workspace.length, 1);
  return ca.workspace[0].seed;
}

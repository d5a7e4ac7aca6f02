/** What the benchmarks time as the core's full validation. */
import { LineIndex } from '../core/positions';
import { validate } from '../core/validate';

/** Full validation, every diagnostic given its line/character range; returns the error count. */
export function coreValidate(text: string): number {
  const { diagnostics, lineStarts } = validate(text, { keepTree: false, today: '2026-01-01' });
  const lines = new LineIndex(text, lineStarts);
  let errors = 0;
  for (const d of diagnostics) {
    lines.rangeOf(d.offset, d.length);
    if (d.severity === 'error') errors++;
  }
  return errors;
}

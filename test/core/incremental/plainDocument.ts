/** A text as the document the store's model reads (what the server's SeedDocument offers). */
import { LineIndex } from '../../../core/positions';

export function plainDocument(text: string, lines = new LineIndex(text)) {
  return {
    getText: () => text,
    slice: (a: number, b: number) => text.slice(a, b),
    positionAt: (o: number) => lines.positionAt(o),
    offsetAt: (p: { line: number; character: number }) => lines.offsetAt(p),
  };
}

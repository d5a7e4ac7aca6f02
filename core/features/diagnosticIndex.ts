/**
 * Finding the diagnostics that touch a range without looking at the others. Code actions are asked
 * for on every cursor move; a file with a problem in each of 100,000 users must not cost a scan of
 * every diagnostic per request. One index per model (one per document version), built in linear
 * time on first use.
 */
import type { SeedDiagnostic } from '../diagnostics';
import type { SeedModel } from '../document';

/** A max segment tree over positions 0..n-1 (every value starts at -Infinity). */
export class MaxTree {
  private readonly size: number;
  private readonly tree: Float64Array;

  constructor(n: number, values?: ArrayLike<number>) {
    let size = 1;
    while (size < n) size *= 2;
    this.size = size;
    this.tree = new Float64Array(2 * size).fill(-Infinity);
    if (values !== undefined) {
      for (let i = 0; i < values.length; i++) this.tree[size + i] = values[i];
      for (let i = size - 1; i >= 1; i--)
        this.tree[i] = Math.max(this.tree[2 * i], this.tree[2 * i + 1]);
    }
  }

  set(i: number, value: number): void {
    let node = this.size + i;
    this.tree[node] = value;
    for (node >>= 1; node >= 1; node >>= 1)
      this.tree[node] = Math.max(this.tree[2 * node], this.tree[2 * node + 1]);
  }

  get(i: number): number {
    return this.tree[this.size + i];
  }

  /** The largest value at positions [lo, hi), -Infinity when the span is empty. */
  max(lo: number, hi: number): number {
    let best = -Infinity;
    let l = lo + this.size;
    let r = hi + this.size;
    while (l < r) {
      if (l & 1) best = Math.max(best, this.tree[l++]);
      if (r & 1) best = Math.max(best, this.tree[--r]);
      l >>= 1;
      r >>= 1;
    }
    return best;
  }

  /**
   * Every position in [0, hi) whose value is at least `min`, in order. Visits O((k + 1) log n)
   * nodes for k results; returns how many it visited.
   */
  collect(hi: number, min: number, out: number[]): number {
    let visited = 0;
    const visit = (node: number, lo: number, width: number): void => {
      visited++;
      if (lo >= hi || this.tree[node] < min) return;
      if (width === 1) {
        out.push(lo);
        return;
      }
      const half = width / 2;
      visit(2 * node, lo, half);
      visit(2 * node + 1, lo + half, half);
    };
    visit(1, 0, this.size);
    return visited;
  }
}

/** Work counters of one code-action request (tests check they do not grow with the file). */
export interface CodeActionStats {
  /** Diagnostics (or index nodes) looked at to find those in the range. */
  diagnosticsExamined: number;
  /** Fixes turned into code actions or fix-all edits. */
  fixesBuilt: number;
}

export class DiagnosticIndex {
  /** The model's diagnostics in offset order. */
  readonly sorted: readonly SeedDiagnostic[];
  /** How many diagnostics of each code have a preferred fix. */
  readonly fixableByCode = new Map<string, number>();
  private readonly ends: MaxTree;

  constructor(diagnostics: readonly SeedDiagnostic[]) {
    let ordered = true;
    for (let i = 1; i < diagnostics.length && ordered; i++)
      ordered = diagnostics[i - 1].offset <= diagnostics[i].offset;
    this.sorted = ordered ? diagnostics : [...diagnostics].sort((a, b) => a.offset - b.offset);
    const ends = new Float64Array(this.sorted.length);
    for (let i = 0; i < this.sorted.length; i++) {
      const d = this.sorted[i];
      ends[i] = d.offset + d.length;
      if (d.fixes?.some((f) => f.preferred === true) === true)
        this.fixableByCode.set(d.code, (this.fixableByCode.get(d.code) ?? 0) + 1);
    }
    this.ends = new MaxTree(this.sorted.length, ends);
  }

  /** The diagnostics touching [from, to] (start ≤ to and end ≥ from), in offset order. */
  touching(from: number, to: number, stats?: CodeActionStats): SeedDiagnostic[] {
    // The first diagnostic starting after `to`: those from it on cannot touch the range.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].offset <= to) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    const visited = this.ends.collect(lo, from, found);
    if (stats !== undefined) stats.diagnosticsExamined += visited;
    return found.map((i) => this.sorted[i]);
  }
}

const indexes = new WeakMap<SeedModel, DiagnosticIndex>();

/** The index of this model's diagnostics, built on first use. */
export function diagnosticIndex(model: SeedModel): DiagnosticIndex {
  let index = indexes.get(model);
  if (index === undefined) {
    index = new DiagnosticIndex(model.diagnostics);
    indexes.set(model, index);
  }
  return index;
}

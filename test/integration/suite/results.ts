/**
 * The results of a suites run, as both test entries report them (test/integration/suite/index.ts in
 * Node, test/web/index.ts in the browser): counts, each test's state, failures. No Node here.
 */

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface Results {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** Set when mocha itself could not run (a suite that failed to load). */
  error?: string;
}

/** What mocha gives the runner's events about a test. */
interface MochaTestLike {
  fullTitle(): string;
  duration?: number;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/** Empty results, and the listeners for mocha's `pass`, `fail` and `pending` events that fill them. */
export function recorder(): {
  results: Results;
  pass: (t: MochaTestLike) => void;
  fail: (t: MochaTestLike, err: unknown) => void;
  pending: (t: MochaTestLike) => void;
} {
  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [] };
  return {
    results,
    pass: (t) => {
      results.passed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    },
    fail: (t, err) => {
      results.failed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'failed', error: errorText(err) });
    },
    pending: (t) => {
      results.pending += 1;
      results.tests.push({ title: t.fullTitle(), state: 'pending' });
    },
  };
}

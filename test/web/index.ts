/**
 * The tests entry of VS Code for the Web (`extensionTestsPath` of scripts/vscode/run-web.mjs): the
 * extension-host suites that need no Node (the same files desktop VS Code runs from
 * test/integration/suite) plus the web-only ones in test/web/suite, with mocha's browser build. The
 * results go to the console as one `CASEED_WEB_RESULTS {json}` line, which the runner reads (the
 * browser reports no file).
 */
import type { Results } from '../integration/suite/index';

interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: undefined; timeout: number; color: boolean }): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface MochaRunner {
  on(event: 'pass' | 'pending', fn: (t: MochaTest) => void): void;
  on(event: 'fail', fn: (t: MochaTest, err: unknown) => void): void;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000, color: false });
  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [] };
  const report = (): void => console.log(`CASEED_WEB_RESULTS ${JSON.stringify(results)}`);
  try {
    // esbuild has no require.context: each suite that runs on the web, by name.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('../integration/suite/activation.suite');
    require('../integration/suite/diagnostics.suite');
    require('../integration/suite/parity.suite');
    require('../integration/suite/features.suite');
    require('../integration/suite/send.suite');
    require('./suite/web.suite');
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch (err) {
    results.error = errorText(err);
    results.failed += 1;
    report();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      report();
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.passed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err) => {
      results.failed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'failed', error: errorText(err) });
    });
    runner.on('pending', (t) => {
      results.pending += 1;
      results.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}

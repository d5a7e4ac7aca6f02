/**
 * The tests entry of VS Code for the Web (`extensionTestsPath` of scripts/vscode/run-web.mjs): the
 * extension-host suites that need no Node (the same files desktop VS Code runs from
 * test/integration/suite) plus the web-only ones in test/web/suite, with mocha's browser build. The
 * results go to the console as one `CASEED_WEB_RESULTS {json}` line, which the runner reads (the
 * browser reports no file).
 */
import { errorText, recorder } from '../integration/suite/results';

interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: undefined; timeout: number; color: boolean }): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
interface MochaRunner {
  on(event: 'pass' | 'fail' | 'pending', fn: ReturnType<typeof recorder>['fail']): void;
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000, color: false });
  const { results, pass, fail, pending } = recorder();
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
    runner.on('pass', pass);
    runner.on('fail', fail);
    runner.on('pending', pending);
  });
}

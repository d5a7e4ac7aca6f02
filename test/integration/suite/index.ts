/**
 * The entry the extension host loads (`extensionTestsPath`, compiled to
 * dist/test/integration/index.js): runs every `*.suite.js` beside it with mocha (tdd UI) and writes
 * the results (counts, each test's state, failures) as JSON to `CASEED_E2E_RESULTS`. The same
 * contract serves `@vscode/test-electron` (which reads the rejection) and the offline code-server
 * runner (which reads the file, since the web workbench reports no exit code).
 */
import { readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

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

function writeResults(results: Results): void {
  const file = process.env.CASEED_E2E_RESULTS;
  if (file === undefined || file === '') return;
  // Written to a side file then renamed, so a poller never reads half a file.
  writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${file}.partial`, file);
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function run(): Promise<void> {
  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [] };
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'dot' });
  const grep = process.env.CASEED_E2E_GREP;
  if (grep !== undefined && grep !== '') mocha.grep(grep);
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.suite.js')) mocha.addFile(join(__dirname, name));
  }
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
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
    } catch (err) {
      results.error = errorText(err);
      results.failed += 1;
      writeResults(results);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

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
import type { Results } from './results';
import { errorText, recorder } from './results';

export type { Results, TestResult } from './results';

function writeResults(results: Results): void {
  const file = process.env.CASEED_E2E_RESULTS;
  if (file === undefined || file === '') return;
  // Written to a side file then renamed, so a poller never reads half a file.
  writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${file}.partial`, file);
}

export function run(): Promise<void> {
  const { results, pass, fail, pending } = recorder();
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
      runner.on('pass', pass);
      runner.on('fail', fail);
      runner.on('pending', pending);
    } catch (err) {
      results.error = errorText(err);
      results.failed += 1;
      writeResults(results);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

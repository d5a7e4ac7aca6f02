/**
 * The import's validation thread (dist/importWorker.js): validates batches of produced users with
 * the core while the main thread reads and converts the next rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Definitions } from '../core/definitions/model';
import { validateBatch } from '../core/import/validateBatch';

const init = workerData as { today: string; definitions?: Definitions };
parentPort?.on('message', (m: { id: number; text: string }) => {
  parentPort?.postMessage({
    id: m.id,
    verdict: validateBatch(m.text, init.today, init.definitions),
  });
});

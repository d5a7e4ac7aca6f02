/**
 * The import's validation thread (dist/importWorker.js), when every user is validated in full:
 * validates batches of produced users with the core while the main thread reads and converts the
 * next rows; the main thread writes the accepted ones.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Definitions } from '../core/definitions/model';
import { batchText, validateBatch } from '../core/import/validateBatch';

const init = workerData as { today: string; definitions?: Definitions };
parentPort?.on('message', (m: { id: number; users: string[] }) => {
  const verdict = validateBatch(batchText(m.users), init.today, init.definitions);
  parentPort?.postMessage({ id: m.id, verdict });
});

/**
 * The import's validation thread (dist/importWorker.js): validates batches of produced users with
 * the core and encodes the accepted ones, while the main thread reads and converts the next rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Definitions } from '../core/definitions/model';
import { processBatch } from './importBatch';

const init = workerData as { today: string; ndjson: boolean; definitions?: Definitions };
const encoder = new TextEncoder();
parentPort?.on('message', (m: { id: number; users: string[]; doubt?: number[] }) => {
  const { verdict, body, accepted } = processBatch(
    m.users,
    init.ndjson,
    init.today,
    init.definitions,
    m.doubt,
  );
  const bytes = encoder.encode(body);
  parentPort?.postMessage({ id: m.id, result: { verdict, body: bytes, accepted } }, [
    bytes.buffer as ArrayBuffer,
  ]);
});

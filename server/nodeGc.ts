/**
 * Node only: V8's full garbage collection for the server's idle collector (idleCollect.ts), exposed
 * at run time because `--expose-gc` cannot be put on every editor's `caseed lsp --stdio` command
 * line. Undefined when the runtime refuses.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function exposedGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

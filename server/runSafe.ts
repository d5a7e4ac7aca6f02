/**
 * The one wrapper every request and notification handler goes through: nothing a document contains
 * (or a bug in a feature) may take the server down.
 *
 * - runs the work on the next turn of the event loop, so a `$/cancelRequest` that arrived in the same
 *   batch is seen first;
 * - answers a cancelled request with `RequestCancelled`, as the protocol asks;
 * - catches anything thrown, logs it with its context to the connection console, and answers with the
 *   handler's typed empty result.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where errors are logged (the connection console in the server, anything in tests). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

export function formatError(context: string, err: unknown): string {
  if (err instanceof Error) {
    const stack = err.stack ?? `${err.name}: ${err.message}`;
    return `${context}: ${stack}`;
  }
  return `${context}: ${String(err)}`;
}

function cancelled(): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Run a request handler safely. `empty` is what the client gets when the handler throws
 * (an empty list, `null`, …); a cancelled request gets a `RequestCancelled` error.
 */
/** Runs `fn` after pending I/O: `setImmediate` in Node; a web worker has only `setTimeout`. */
const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
const later = (fn: () => void): void => {
  if (immediate !== undefined) immediate(fn);
  else setTimeout(fn, 0);
};

export function runSafe<T>(
  logger: Logger,
  context: string,
  empty: T,
  token: CancellationToken | undefined,
  work: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    later(() => {
      if (token?.isCancellationRequested === true) {
        resolve(cancelled());
        return;
      }
      let result: T | Promise<T>;
      try {
        result = work();
      } catch (err) {
        logger.error(formatError(context, err));
        resolve(empty);
        return;
      }
      Promise.resolve(result).then(
        (value) => resolve(token?.isCancellationRequested === true ? cancelled() : value),
        (err: unknown) => {
          logger.error(formatError(context, err));
          resolve(empty);
        },
      );
    });
  });
}

/** Run a notification handler or background job safely: errors are logged, never thrown. */
export function runSafeVoid(
  logger: Logger,
  context: string,
  work: () => void | Promise<void>,
): void {
  try {
    const result = work();
    if (result instanceof Promise) {
      result.catch((err: unknown) => logger.error(formatError(context, err)));
    }
  } catch (err) {
    logger.error(formatError(context, err));
  }
}

/** `runSafe`: the one wrapper of every handler (typed empty result on error, cancelled stays cancelled). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Logger } from '../../server/runSafe';
import { runSafe, runSafeVoid } from '../../server/runSafe';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    error: (m) => errors.push(m),
    warn: () => undefined,
    info: () => undefined,
    log: () => undefined,
  };
}

describe('runSafe', () => {
  it('returns the handler result', async () => {
    const logger = recordingLogger();
    assert.deepEqual(await runSafe(logger, 'ctx', [], undefined, () => [1, 2]), [1, 2]);
    assert.deepEqual(await runSafe(logger, 'ctx', [], undefined, async () => [3]), [3]);
    assert.deepEqual(logger.errors, []);
  });

  it('answers a throwing handler with the empty result and logs the context', async () => {
    const logger = recordingLogger();
    const result = await runSafe(logger, 'hover in file:///x', null, undefined, () => {
      throw new TypeError('boom');
    });
    assert.equal(result, null);
    assert.equal(logger.errors.length, 1);
    assert.match(logger.errors[0], /^hover in file:\/\/\/x: TypeError: boom/);
  });

  it('answers a rejecting handler with the empty result', async () => {
    const logger = recordingLogger();
    const result = await runSafe(logger, 'ctx', [] as number[], undefined, () =>
      Promise.reject(new Error('async boom')),
    );
    assert.deepEqual(result, []);
    assert.match(logger.errors[0], /async boom/);
  });

  it('answers a request cancelled before it ran with RequestCancelled, without running it', async () => {
    const logger = recordingLogger();
    const source = new CancellationTokenSource();
    let ran = false;
    const pending = runSafe(logger, 'ctx', [], source.token, () => {
      ran = true;
      return [1];
    });
    source.cancel();
    const result = await pending;
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('answers a request cancelled while it ran with RequestCancelled', async () => {
    const logger = recordingLogger();
    const source = new CancellationTokenSource();
    const result = await runSafe(logger, 'ctx', [], source.token, async () => {
      source.cancel();
      return [1];
    });
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
  });

  it('runSafeVoid logs instead of throwing, for sync and async work', async () => {
    const logger = recordingLogger();
    runSafeVoid(logger, 'sync', () => {
      throw new Error('s');
    });
    runSafeVoid(logger, 'async', async () => {
      await Promise.resolve();
      throw new Error('a');
    });
    await new Promise<void>((r) => setImmediate(r));
    assert.equal(logger.errors.length, 2);
    assert.match(logger.errors[0], /^sync: Error: s/);
    assert.match(logger.errors[1], /^async: Error: a/);
  });
});

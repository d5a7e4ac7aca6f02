/**
 * The CLI's last-resort handler (an exception nothing caught, outside any command) still prints one
 * line, exit 2, and redacts the API secret from the environment. The exception is thrown for real
 * inside the CLI process, from a module preloaded with `--import`, after the handlers are set.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { CLI, ROOT, oneLine } from './run';

const KEY = 'us1-fatal-key';
const SECRET = 'fatal-SECRET-0123456789';
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64');

describe('caseed last-resort error handler', () => {
  it('redacts the secret and its Basic token from an uncaught exception', () => {
    ensureBuilt();
    // Thrown once the CLI has set its handlers (not after a fixed delay, which races start-up).
    const thrower = `const t = setInterval(() => { if (process.listenerCount('uncaughtException') === 0) return; clearInterval(t); throw new Error('boom: ' + process.env.MPARTICLE_API_SECRET + ' Basic ${TOKEN}'); }, 5); t.unref();`;
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(thrower)}`,
        CLI,
        'emulator',
        '--port',
        '0',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: {
          ...process.env,
          MPARTICLE_API_KEY: KEY,
          MPARTICLE_API_SECRET: SECRET,
          CASEED_DEBUG: '',
        },
      },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.ok(oneLine(r.stderr), r.stderr);
    assert.match(r.stderr, /^caseed: internal error: boom: \[redacted\] \[redacted\]\n$/);
    assert.ok(!r.stderr.includes(SECRET) && !r.stderr.includes(TOKEN));
  });
});

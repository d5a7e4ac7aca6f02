/**
 * The idle collector: one full collection after a big full pass once the server is quiet, postponed
 * by keystrokes, never for small documents; and Node's collection exposed at run time really
 * collecting (the server's settled RSS at 100,000 users went from 4× to 2.7× the document with it).
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { IdleCollector } from '../../server/idleCollect';
import { exposedGc } from '../../server/nodeGc';

describe('IdleCollector', () => {
  it('collects once, quietMs after the last full pass or keystroke, and only after a big pass', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let collected = 0;
      const idle = new IdleCollector({ quietMs: 1000, minChars: 100, collect: () => collected++ });
      idle.fullPass(99);
      mock.timers.tick(5000);
      assert.equal(collected, 0, 'a small document leaves nothing worth a collection');
      idle.activity();
      mock.timers.tick(5000);
      assert.equal(collected, 0, 'keystrokes alone owe nothing');

      idle.fullPass(100);
      mock.timers.tick(900);
      idle.activity(); // a keystroke: wait for quiet again
      mock.timers.tick(900);
      assert.equal(collected, 0, 'postponed by the keystroke');
      mock.timers.tick(100);
      assert.equal(collected, 1);
      mock.timers.tick(10_000);
      idle.activity();
      mock.timers.tick(10_000);
      assert.equal(collected, 1, 'once per full pass, not once per quiet spell');

      idle.fullPass(1000);
      idle.dispose();
      mock.timers.tick(10_000);
      assert.equal(collected, 1, 'nothing after dispose (shutdown)');
    } finally {
      mock.timers.reset();
    }
  });

  it('without a collection (the web worker) it does nothing', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const idle = new IdleCollector({ quietMs: 10, minChars: 1 });
      idle.fullPass(10);
      mock.timers.tick(100);
      assert.equal(idle.collections, 0);
    } finally {
      mock.timers.reset();
    }
  });
});

/** A big object nobody holds, watched through a WeakRef. */
function garbage(): WeakRef<object> {
  const big: Array<{ i: number; s: string }> = [];
  for (let i = 0; i < 200_000; i++) big.push({ i, s: `x${i}` });
  return new WeakRef(big);
}

describe('exposedGc', () => {
  it('is V8 full collection, exposed without --expose-gc', async () => {
    const gc = exposedGc();
    assert.ok(gc, 'Node exposes its collector at run time');
    const ref = garbage();
    // A WeakRef's target lives until the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    assert.notEqual(ref.deref(), undefined, 'nothing collected it yet');
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(ref.deref(), undefined, 'the full collection freed it');
  });
});

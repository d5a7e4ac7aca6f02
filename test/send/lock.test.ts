/**
 * One send of a file at a time, as a user meets it: two real `caseed send` processes against the
 * emulator on loopback — the second, started while the first runs, is refused with one line and exit
 * 4 and sends nothing; the first completes untouched. A send killed with SIGKILL leaves a stale
 * lock, which the resume takes over (and says so). The lock goes on every way out (done, SIGTERM,
 * a second Ctrl+C); a lock from another host or one that cannot be read is refused. The journal is
 * append-only and a resume cuts a torn last line. No secret in any output, lock or journal.
 */
import assert from 'node:assert/strict';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JournalWriter, readJournal } from '../../core/send/journal';
import { judgeLock, lockText, readLock } from '../../core/send/lock';
import { JournalFile } from '../../cli/sendJournalFile';
import { acquireSendLock } from '../../cli/sendLock';
import { ensureBuilt } from '../server/build';
import type { Started } from './cliProcess';
import { startCli } from './cliProcess';
import { BULK_PATH } from '../../core/facts';
import type { FaultOptions } from '../../emulator/faults';
import { AUTH, KEY, SECRET, bulkText, userText, waitFor, withEmulator } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'caseed-lock-'));
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
const seen: string[] = [];

const start = (args: string[]): Started => startCli(args, seen);

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function keep(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  seen.push(text);
  return text;
}

before(() => ensureBuilt());
after(() => rmSync(dir, { recursive: true, force: true }));
after(() => {
  const all = seen.join('\n');
  for (const s of [SECRET, TOKEN]) assert.ok(!all.includes(s), 'a secret was printed or stored');
});

describe('caseed send: one send of a file at a time', () => {
  it('a second send of the same file while the first runs is refused (exit 4, one line); the first completes', async () => {
    const f = file('twice.caseed.json', bulkText(8));
    const lockPath = `${f}.journal.lock`;
    // The emulator holds the first request until two are in flight: the first send stays under way
    // (no timing involved) until the test lets it go.
    const faults: FaultOptions = { releaseWhenInFlight: 2 };
    await withEmulator({ faults }, async (em) => {
      const args = ['send', f, '--base-url', em.url, '--max-users', '1', '--concurrency', '1'];
      const first = start(args);
      await waitFor(() => em.stats().inFlight >= 1, 'the first send under way');
      const lock = readLock(keep(lockPath) ?? '');
      assert.ok(lock !== undefined, 'the running send holds a lock');
      assert.equal(lock.pid, first.child.pid);
      assert.equal(lock.host, hostname());
      assert.equal(lock.by, 'caseed send');
      const received = em.received.length;
      const second = await start([...args, '--resume']).done;
      assert.equal(second.status, 4, second.stdout + second.stderr);
      assert.match(
        second.stderr,
        new RegExp(
          `^caseed: another send \\(caseed send, process ${first.child.pid} on [^)]+, started [^)]+\\) of twice\\.caseed\\.json is running and writes its journal: wait for it to finish or stop it[^\\n]*\\n$`,
        ),
      );
      assert.equal(second.stdout, '', 'nothing planned, nothing sent');
      const plain = await start(args).done;
      assert.equal(plain.status, 4, 'a plain send is refused too');
      assert.equal(em.received.length, received, 'the refused sends sent nothing');
      assert.equal(em.stats().inFlight, 1);
      // Let the first send go: one more request in flight releases the held one.
      faults.releaseWhenInFlight = 1;
      const poke = await fetch(`${em.url}${BULK_PATH}`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: `[${userText(99, { mpid: '999999' })}]`,
      });
      assert.equal(poke.status, 202);
      const r = await first.done;
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(em.accepted.length, 8 + 1, 'every request of the first send, once (+ the poke)');
      assert.ok(!existsSync(lockPath), 'the lock is removed when the send is done');
      assert.ok(!existsSync(`${f}.journal`));
    });
  });

  it('SIGKILL leaves a stale lock; the resume takes it over, says so, and completes', async () => {
    const f = file('killed.caseed.json', bulkText(10));
    const lockPath = `${f}.journal.lock`;
    await withEmulator({ faults: { delayMs: 100 } }, async (em) => {
      const args = ['send', f, '--base-url', em.url, '--max-users', '1', '--concurrency', '1'];
      const p = start(args);
      await waitFor(() => em.accepted.length >= 2, 'two requests accepted');
      p.child.kill('SIGKILL');
      const killed = await p.done;
      assert.equal(killed.signal, 'SIGKILL');
      const stale = readLock(keep(lockPath) ?? '');
      assert.ok(stale !== undefined, 'the lock outlives a kill -9');
      assert.equal(stale.pid, p.child.pid);
      const r = await start([...args, '--resume']).done;
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^caseed: an earlier send of killed\\.caseed\\.json \\(caseed send, process ${p.child.pid}, started [^)]+\\) ended without releasing its lock \\(killed\\?\\): taking it over$`,
          'm',
        ),
      );
      assert.match(r.stdout, /^Resuming \(run 2/m);
      assert.ok(!existsSync(lockPath), 'released at the end');
      const users = new Set(em.accepted.flatMap((a) => a.users.map((u) => u.mpid)));
      assert.equal(users.size, 10, 'every user accepted');
    });
  });

  for (const [how, signals] of [
    ['SIGTERM', ['SIGTERM']],
    ['Ctrl+C', ['SIGINT']],
  ] as const)
    it(`the lock is removed on ${how}`, async () => {
      const f = file(`${signals.length}-${signals[0]}.caseed.json`, bulkText(20));
      const lockPath = `${f}.journal.lock`;
      await withEmulator({ faults: { delayMs: 400 } }, async (em) => {
        const p = start([
          'send',
          f,
          '--base-url',
          em.url,
          '--max-users',
          '1',
          '--concurrency',
          '1',
        ]);
        await waitFor(() => em.received.length >= 1 && existsSync(lockPath), 'a send under way');
        for (const s of signals) p.child.kill(s);
        const r = await p.done;
        assert.equal(r.status, 3, r.stdout + r.stderr);
        assert.match(r.stderr, /: cancelling/);
        assert.ok(!existsSync(lockPath), `no lock left after ${how}`);
        assert.ok(existsSync(`${f}.journal`), 'the journal is kept for --resume');
      });
    });

  it('a lock held on another host, or one that cannot be read, is refused (exit 4); a dry run needs none', async () => {
    const f = file('foreign.caseed.json', bulkText(2));
    const lockPath = `${f}.journal.lock`;
    await withEmulator({}, async (em) => {
      writeFileSync(
        lockPath,
        lockText({
          pid: process.pid,
          host: 'build-agent-7',
          started: '2026-12-01T10:00:00.000Z',
          by: 'caseed send',
          nonce: 'n',
        }),
      );
      const args = ['send', f, '--base-url', em.url];
      const r = await start(args).done;
      assert.equal(r.status, 4);
      assert.match(
        r.stderr,
        /^caseed: another send \(caseed send, process \d+ on build-agent-7, started 2026-12-01T10:00:00\.000Z\) of foreign\.caseed\.json is running and writes its journal; it runs on another host, so caseed cannot tell whether it is still alive: wait for it, or remove [^\n]+\.lock if you know it stopped\n$/,
      );
      writeFileSync(lockPath, '');
      const torn = await start(args).done;
      assert.equal(torn.status, 4);
      assert.match(torn.stderr, /its lock [^\n]+ cannot be read yet/);
      const dry = await start([...args, '--dry-run']).done;
      assert.equal(dry.status, 0, dry.stderr);
      assert.equal(em.received.length, 0);
      rmSync(lockPath);
      const ok = await start(args).done;
      assert.equal(ok.status, 0, ok.stderr);
    });
  });
});

describe('the lock and the journal file, in process', () => {
  it('judges a lock: held (alive here), stale (gone here), elsewhere, unreadable', () => {
    const lock = { pid: 42, host: 'h', started: 's', by: 'caseed send', nonce: 'n' };
    const alive = (yes: boolean) => ({ host: 'h', alive: () => yes });
    assert.equal(judgeLock(lock, alive(true)), 'held');
    assert.equal(judgeLock(lock, alive(false)), 'stale');
    assert.equal(judgeLock({ ...lock, host: 'other' }, alive(false)), 'elsewhere');
    assert.equal(judgeLock(readLock('{"pid":42'), alive(false)), 'unreadable');
    assert.equal(readLock(lockText(lock))?.nonce, 'n');
  });

  it('a release removes only its own lock (not one taken over since)', () => {
    const p = join(dir, 'own.lock');
    const a = acquireSendLock(p, 'own', 'caseed send');
    assert.throws(() => acquireSendLock(p, 'own', 'VS Code'), /another send \(caseed send/);
    // Someone took it over meanwhile (a stale-lock takeover by another process).
    const theirs = lockText({ pid: 1, host: hostname(), started: 's', by: 'VS Code', nonce: 'x' });
    writeFileSync(p, theirs);
    a.release();
    assert.equal(readFileSync(p, 'utf8'), theirs, 'not removed: no longer ours');
    // Process 1 is alive: held. A dead pid: stale, taken over.
    assert.throws(() => acquireSendLock(p, 'own', 'caseed send'), /process 1 on /);
    const b = acquireSendLock(p, 'own', 'caseed send', { alive: () => false });
    assert.match(b.tookOver ?? '', /ended without releasing its lock \(killed\?\): taking it over/);
    b.release();
    assert.ok(!existsSync(p));
  });

  it('the journal is appended, never rewritten; continuing it cuts a torn last line', () => {
    const p = join(dir, 'append.journal');
    const f = JournalFile.create(p);
    const w = new JournalWriter(f, () => 'T');
    void w.start({
      file: 'x.caseed.json',
      size: 1,
      sha256: 'ab',
      path: '/v2/bulkseeds',
      target: 'http://127.0.0.1:1',
      maxUsers: 1,
      maxBytes: 1024,
      users: 3,
      requests: 3,
    });
    void w.hooks.sending({ index: 0, users: [0] });
    const before = readFileSync(p, 'utf8');
    void w.hooks.done({
      index: 0,
      users: [0],
      outcome: 'accepted',
      status: 202,
      message: 'accepted',
    } as Parameters<typeof w.hooks.done>[0]);
    const after1 = readFileSync(p, 'utf8');
    assert.ok(after1.startsWith(before), 'appended');
    assert.equal(after1.split('\n').length, 4);
    f.close();
    assert.ok(f.syncs >= 1, 'flushed to the disk at least at open and close');
    // A process died in the middle of a record: the next run cuts it before appending.
    appendFileSync(p, '{"t":"sent","r":1,"torn');
    const c = JournalFile.continue(p);
    void new JournalWriter(c, () => 'T').resume();
    c.close();
    const text = readFileSync(p, 'utf8');
    assert.ok(text.startsWith(after1) && !text.includes('torn'), text);
    const read = readJournal(text);
    assert.ok(read.ok);
    assert.equal(read.state.runs, 2);
    assert.equal(read.state.states[0], 1, 'request 1 accepted');
  });
});

/**
 * Sends that survive anything, as a user meets them: the built CLI in a child process, the emulator
 * on loopback. A bulk send killed with SIGKILL at random points and resumed each time ends with
 * every user accepted, none missing, and no more users re-sent than were in flight at the kills;
 * a changed file refuses to resume; a cut 202 body and a connection dropped after the request was
 * stored end as "outcome unknown" and are sent again on resume; SIGTERM still prints the summary;
 * pacing by X-mp-rate-limit-percentage-used; the journal and every output free of the secret.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readJournal } from '../../core/send/journal';
import type { FaultOptions } from '../../emulator/faults';
import { ensureBuilt } from '../server/build';
import type { Run, Started } from './cliProcess';
import { startCli } from './cliProcess';
import { BIG_MPID, KEY, SECRET, bulkText, userText, waitFor, withEmulator } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'caseed-resume-'));
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
const outputs: string[] = [];
const journals: string[] = [];

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const start = (args: string[]): Started => startCli(args, outputs);

const caseed = (args: string[]): Promise<Run> => start(args).done;

/** Keeps a journal's text for the secret check at the end. */
function keepJournal(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  journals.push(text);
  return text;
}

/** A seeded generator (mulberry32), so a failing run can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

before(() => ensureBuilt());
after(() => rmSync(dir, { recursive: true, force: true }));
after(() => {
  const all = outputs.join('\n') + journals.join('\n');
  for (const s of [SECRET, TOKEN, `${KEY}:${SECRET}`])
    assert.ok(!all.includes(s), 'a secret was printed or journaled');
});

describe('caseed send: resume after SIGKILL', () => {
  it('killed at random points and resumed each time: every user accepted, none missing, re-sent ≤ in flight at the kills', async () => {
    const users = 30_000;
    const text = bulkText(users);
    const f = file('big.caseed.json', text);
    const journalPath = `${f}.journal`;
    const seed = Number(process.env.CASEED_KILL_SEED ?? Date.now() % 100_000);
    const random = seeded(seed);
    const why = `seed ${seed} (rerun with CASEED_KILL_SEED=${seed})`;
    await withEmulator({ counting: true, faults: { delayMs: 1 } }, async (em) => {
      const args = ['send', f, '--base-url', em.url, '--max-users', '25', '--concurrency', '4'];
      const requests = users / 25;
      let inFlightAtKills = 0;
      let kills = 0;
      for (let run = 0; run < 6; run++) {
        // Alternate the in-memory plan and the streaming reader: both cut the same requests.
        const runArgs = [
          ...args,
          ...(run > 0 ? ['--resume'] : []),
          ...(run % 2 === 1 ? ['--stream'] : []),
        ];
        const before = em.counts.acceptedRequests;
        const p = start(runArgs);
        const target = before + 10 + Math.floor(random() * 150);
        let finished = false;
        void p.done.then(() => (finished = true));
        await waitFor(
          () => finished || em.counts.acceptedRequests >= target,
          `${target} accepted requests (${why})`,
          60_000,
        );
        if (finished || run === 5) {
          const r = await p.done;
          if (run === 5 && !finished) {
            assert.equal(r.status, 0, `${r.stdout}${r.stderr} ${why}`);
          }
          break;
        }
        p.child.kill('SIGKILL');
        const r = await p.done;
        assert.equal(r.signal, 'SIGKILL', why);
        kills++;
        const journal = keepJournal(journalPath);
        assert.ok(journal !== undefined, `the journal survives a kill (${why})`);
        const read = readJournal(journal);
        assert.ok(read.ok, why);
        for (const req of read.state.inFlightAtEnd) inFlightAtKills += read.state.userCount[req];
        // The journal names requests and users by position: no payload, no mpid, no seed.
        assert.ok(!journal.includes('"mpid"') && !journal.includes('LTV'), why);
      }
      assert.ok(kills >= 3, `killed ${kills} times (${why})`);
      // The last run may have been left running: finish it with one more resume if needed.
      if (existsSync(journalPath)) {
        keepJournal(journalPath);
        const last = await caseed([...args, '--resume']);
        assert.equal(last.status, 0, `${last.stdout}${last.stderr} ${why}`);
        assert.match(last.stdout, /^Resuming \(run \d+/m);
      }
      assert.ok(!existsSync(journalPath), 'the journal is removed once every user is accepted');
      const counts = em.counts.perUser;
      assert.equal(counts.size, users, `every user accepted at least once, none missing (${why})`);
      for (let i = 0; i < users; i++) {
        assert.ok((counts.get(`mpid:${1000 + i}`) ?? 0) >= 1, `user ${i + 1} missing (${why})`);
      }
      const resent = em.counts.acceptedUsers - users;
      assert.ok(
        resent <= inFlightAtKills,
        `re-sent ${resent} users, in flight at the kills ${inFlightAtKills} (${why})`,
      );
      assert.ok(em.counts.acceptedRequests >= requests);
    });
  });
});

describe('caseed send: journal, outcomes and summary', () => {
  it('refuses to resume a changed file, with one clear line', async () => {
    const f = file('changed.caseed.json', bulkText(6));
    await withEmulator(
      { faults: { failFirst: 1000, failStatus: 503, retryAfter: 0 } },
      async (em) => {
        const r = await caseed([
          'send',
          f,
          '--base-url',
          em.url,
          '--max-users',
          '2',
          '--max-attempts',
          '1',
        ]);
        assert.equal(r.status, 3, r.stdout + r.stderr);
        assert.match(r.stdout, /^ {2}not sent: 6 — users 1–6/m);
        assert.match(r.stdout, /caseed send --resume /);
        keepJournal(`${f}.journal`);
        writeFileSync(f, bulkText(6).replace('"value": 3', '"value": 4'));
        const again = await caseed(['send', f, '--base-url', em.url, '--resume']);
        assert.equal(again.status, 2, again.stdout + again.stderr);
        assert.match(
          again.stderr,
          /^caseed: cannot resume: changed\.caseed\.json changed since the interrupted send \([^\n]*\): resuming would skip or repeat the wrong users\.[^\n]*\n$/,
        );
        const none = await caseed([
          'send',
          file('never.caseed.json', bulkText(1)),
          '--base-url',
          em.url,
          '--resume',
        ]);
        assert.equal(none.status, 2);
        assert.match(none.stderr, /^caseed: no interrupted send of [^\n]+ to resume/);
      },
    );
  });

  it('a cut 202 body and a connection dropped after storing: "outcome unknown", named, sent again on resume', async () => {
    const f = file('unknown.caseed.json', bulkText(8));
    const faults: FaultOptions = { cutBodyEvery: 2 };
    await withEmulator({ faults, counting: true }, async (em) => {
      const args = ['send', f, '--base-url', em.url, '--max-users', '2', '--concurrency', '1'];
      const r = await caseed([...args, '--max-attempts', '1']);
      assert.equal(r.status, 3, r.stdout + r.stderr);
      // Request 2's 202 was cut short: the server stored it, the client cannot know.
      assert.match(
        r.stdout,
        /request 2\/4 \(users 3–4\): gave up after 1 attempts; last: HTTP 202 with its body cut[^\n]*outcome unknown/,
      );
      assert.match(r.stdout, /^ {2}accepted: 2 — users 1–2$/m);
      assert.match(r.stdout, /^ {2}outcome unknown: 2 — users 3–4 \(sent, no answer/m);
      assert.match(r.stdout, /^ {2}not sent: 4 — users 5–8$/m);
      assert.equal(em.counts.perUser.size, 4, 'the server stored the unknown one');
      const journal = keepJournal(`${f}.journal`)!;
      assert.match(journal, /"outcome":"unknown"/);
      assert.ok(
        !journal.includes('"mpid"') && !journal.includes('LTV'),
        'no payload in the journal',
      );
      delete faults.cutBodyEvery;
      const again = await caseed([...args, '--resume']);
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.match(
        again.stdout,
        /1 of 4 requests \(2 users\) accepted earlier are skipped; 1 with outcome unknown \(sent again: a resend overwrites, so it is safe\), 2 not sent yet/,
      );
      assert.match(again.stdout, /^ {2}accepted: 8 — users 1–8 \(2 in earlier runs\)$/m);
      assert.equal(em.counts.perUser.size, 8);
      assert.equal(em.counts.acceptedUsers, 8 + 2, 'only the unknown one went twice');

      faults.dropAfterStoreEvery = 1;
      const one = file('dropped.caseed.json', userText(0, { mpid: BIG_MPID }));
      const d = await caseed(['send', one, '--base-url', em.url, '--max-attempts', '1']);
      assert.equal(d.status, 3, d.stdout + d.stderr);
      assert.match(
        d.stdout,
        /request 1\/1 \(user 1\): gave up after 1 attempts; last: connection failed[^\n]*outcome unknown/,
      );
      assert.match(d.stdout, /^ {2}outcome unknown: 1 — user 1 /m);
      assert.equal(em.counts.perUser.get(`mpid:${BIG_MPID}`), 1, 'stored although unanswered');
      assert.ok(!keepJournal(`${one}.journal`)!.includes(BIG_MPID));
    });
  });

  for (const [signal, said] of [
    ['SIGTERM', 'terminated'],
    ['SIGINT', 'interrupted'],
  ] as const)
    it(`${signal} stops the send and still prints the summary naming the users of each outcome`, async () => {
      const f = file(`${signal}.caseed.json`, bulkText(40));
      await withEmulator({ faults: { delayMs: 300 } }, async (em) => {
        const p = start([
          'send',
          f,
          '--base-url',
          em.url,
          '--max-users',
          '2',
          '--concurrency',
          '2',
        ]);
        await waitFor(() => em.received.length >= 3, 'a few requests answered');
        p.child.kill(signal);
        const r = await p.done;
        assert.equal(r.status, 3, r.stdout + r.stderr);
        assert.match(r.stderr, new RegExp(`caseed: ${said}: cancelling`));
        assert.match(r.stdout, /^Cancelled: \d+ of 20 requests accepted/m);
        assert.match(r.stdout, /^ {2}accepted: \d+ — users 1–\d+/m);
        assert.match(r.stdout, /^ {2}outcome unknown: \d+ — users /m);
        assert.match(r.stdout, /^ {2}not sent: \d+ — users \d+–40/m);
        assert.match(r.stdout, /caseed send --resume /);
        keepJournal(`${f}.journal`);
      });
    });

  it('paces by X-mp-rate-limit-percentage-used: one request at a time before the 429s come', async () => {
    const f = file('paced.caseed.json', bulkText(12));
    // The server allows one request at a time: retries and new requests overlapping are throttled.
    await withEmulator(
      { faults: { rateLimitUsed: 91, throttleInFlight: 0, delayMs: 50 } },
      async (em) => {
        const r = await caseed([
          'send',
          f,
          '--base-url',
          em.url,
          '--max-users',
          '1',
          '--concurrency',
          '4',
        ]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(
          r.stderr,
          /pacing: 91% of the rate limit used: one request at a time, 200 ms apart/,
        );
        const throttled = em.received.filter((q) => q.status === 429).length;
        // Only the first wave (sent before any answer said how much was used) can be throttled.
        assert.ok(throttled <= 3, `${throttled} requests throttled`);
      },
    );
  });

  it('an NDJSON seed file is sent streaming, one user per line, batched into bulk requests', async () => {
    const lines = [userText(0, { mpid: BIG_MPID }), userText(1), userText(2)].map((u) =>
      u.replace(/\s*\n\s*/g, ' '),
    );
    const f = file('lines.caseed.ndjson', `${lines.join('\n')}\n`);
    await withEmulator({}, async (em) => {
      const r = await caseed(['send', f, '--base-url', em.url, '--max-users', '2']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /\(streaming\)/);
      // Not a terminal: plain progress lines (no bar, no control characters).
      assert.match(r.stderr, /^progress: 3 of 3 users \(100%\), [\d,]+ users\/s, ETA 0 s$/m);
      assert.ok(!r.stderr.includes('\r') && !r.stderr.includes('\x1b'));
      assert.equal(em.accepted.length, 2);
      assert.ok(
        em.accepted[0].body.startsWith(`[{"environment":"development","mpid":${BIG_MPID},`),
      );
      const bad = file(
        'bad.caseed.ndjson',
        `${lines[0]}\n${lines[1].replace('"sum"', '"summ"')}\n`,
      );
      const b = await caseed(['send', bad, '--base-url', em.url]);
      assert.equal(b.status, 1);
      assert.match(b.stderr, /bad\.caseed\.ndjson:2:\d+ error /);
    });
  });
});

/**
 * The pure pieces of a streaming, resumable send: the splitter (any chunking gives the same users
 * and positions; structure errors positioned), the streaming cut (the same requests and bodies as
 * planSend), user ranges, the journal reader (a torn last line ignored, a damaged one refused) and
 * the resume refusal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJournal, resumeRefusal, journalLine } from '../../core/send/journal';
import type { JournalStart } from '../../core/send/journal';
import { paceFor, parsePercentUsed } from '../../core/send/pacing';
import { progressBar, progressLine } from '../../core/send/progress';
import { UserRanges, describeRanges } from '../../core/send/ranges';
import type { SplitUser } from '../../core/send/split';
import { UserSplitter } from '../../core/send/split';
import type { StreamedRequest } from '../../core/send/stream';
import { StreamCheck, StreamCutter } from '../../core/send/stream';
import { StreamValidator } from '../../core/stream/validate';
import { BIG_MPID, bulkText, planOf, userText } from './helpers';

function split(
  text: string,
  format: 'json' | 'ndjson',
  chunk: number,
): UserSplitter & { got: SplitUser[] } {
  const got: SplitUser[] = [];
  const s = new UserSplitter(format, (u) => got.push(u)) as UserSplitter & { got: SplitUser[] };
  for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk));
  s.end();
  s.got = got;
  return s;
}

describe('UserSplitter', () => {
  const text = bulkText(5, { mpid: BIG_MPID }).replace('"LTV"', '"L]T{V\\"x"');

  it('gives the same users, texts and positions however the text is chunked', () => {
    const whole = split(text, 'json', text.length);
    assert.equal(whole.problem, undefined);
    assert.equal(whole.got.length, 5);
    assert.equal(whole.shape, 'bulk');
    for (const u of whole.got) {
      assert.equal(text.slice(u.offset, u.offset + u.text.length), u.text);
      const lines = text.slice(0, u.offset).split('\n');
      assert.equal(u.line, lines.length - 1);
      assert.equal(u.character, lines[lines.length - 1].length);
    }
    for (const chunk of [1, 2, 7, 64, 1000]) {
      const s = split(text, 'json', chunk);
      assert.deepEqual(s.got, whole.got, `chunks of ${chunk}`);
    }
  });

  it('reads a single-object file as one user, and NDJSON one user per line', () => {
    const one = split(`\n  ${userText(0)}\n`, 'json', 3);
    assert.equal(one.shape, 'single');
    assert.equal(one.got.length, 1);
    const lines = `${userText(0).replace(/\s*\n\s*/g, ' ')}\r\n\n  ${userText(1).replace(/\s*\n\s*/g, ' ')}\n`;
    const nd = split(lines, 'ndjson', 5);
    assert.equal(nd.got.length, 2);
    assert.deepEqual(
      nd.got.map((u) => [u.line, u.character]),
      [
        [0, 0],
        [2, 2],
      ],
    );
    assert.ok(!nd.got[0].text.endsWith('\r'));
  });

  it('positions structure errors: a missing comma, a trailing comma, an unclosed array, text after the end', () => {
    const cases: Array<[string, RegExp, number, number]> = [
      ['[{"a":1}\n {"b":2}]', /comma is missing/, 1, 1],
      ['[{"a":1},\n]', /comma before "\]"/, 1, 0],
      ['[{"a":1}', /not closed/, 0, 8],
      ['{"a":1} x', /after the end/, 0, 8],
      ['[{"a":"x]', /ends inside a user/, 0, 1],
    ];
    for (const [t, message, line, character] of cases) {
      const s = split(t, 'json', 2);
      assert.ok(s.problem !== undefined, t);
      assert.match(s.problem.message, message, t);
      assert.deepEqual([s.problem.line, s.problem.character], [line, character], t);
    }
  });
});

describe('streaming cut', () => {
  it('cuts the same requests, bodies and attribute offsets as planSend', () => {
    const text = bulkText(23, { padding: 300 });
    for (const [maxUsers, maxBytes] of [
      [5, 262_144],
      [100, 4000],
      [3, 2000],
    ]) {
      const plan = planOf(text, { maxUsers, maxBytes });
      const got: StreamedRequest[] = [];
      const cutter = new StreamCutter(true, (r) => got.push(r), maxUsers, maxBytes);
      // The first pass counts the validator's users; the second cuts the splitter's.
      const check = new StreamCheck({ maxUsers, maxBytes });
      let errors = 0;
      const validator = new StreamValidator({
        onDiagnostic: (d) => (errors += d.severity === 'error' ? 1 : 0),
        onUser: (u) => check.user(u.node, u.text, u.index, u.start.line),
      });
      const s = new UserSplitter('json', (u) => cutter.user(u));
      for (let i = 0; i < text.length; i += 777) {
        s.push(text.slice(i, i + 777));
        validator.push(text.slice(i, i + 777));
      }
      s.end();
      cutter.end();
      validator.end();
      assert.equal(got.length, plan.requests.length);
      assert.equal(check.requests, plan.requests.length);
      assert.equal(check.bytes, plan.bytes);
      assert.equal(errors, 0);
      assert.equal(check.users, 23);
      for (let k = 0; k < got.length; k++) {
        assert.deepEqual(got[k].users, plan.requests[k].users);
        assert.equal(got[k].body, plan.requests[k].body);
        assert.equal(got[k].bytes, plan.requests[k].bytes);
        assert.deepEqual(got[k].attributes, plan.requests[k].attributes);
      }
      const a = got[got.length - 1].attributes[0];
      const pos = got[got.length - 1].positionOf(a.offset)!;
      const before = text.slice(0, a.offset).split('\n');
      assert.deepEqual(
        [pos.line, pos.character],
        [before.length - 1, before[before.length - 1].length],
      );
    }
  });
});

describe('user ranges, pacing and progress', () => {
  it('merges ranges added in any order and names them', () => {
    const r = new UserRanges();
    r.add(10, 5);
    r.add(0, 5);
    r.add(5, 5);
    r.add(30, 1);
    r.add(12, 10);
    assert.deepEqual(r.ranges, [
      [0, 22],
      [30, 31],
    ]);
    assert.equal(r.total, 23);
    assert.equal(describeRanges(r), 'users 1–22, 31');
    assert.deepEqual(r.complement(40).ranges, [
      [22, 30],
      [31, 40],
    ]);
    assert.ok(r.has(21) && !r.has(22) && r.has(30));
  });

  it('paces from the percentage used, before a 429', () => {
    assert.equal(parsePercentUsed(' 91.5 '), 91.5);
    assert.equal(parsePercentUsed('lots'), undefined);
    assert.deepEqual(paceFor(50, 8), { cap: undefined, gapMs: 0 });
    assert.deepEqual(paceFor(75, 8), { cap: 4, gapMs: 0 });
    assert.deepEqual(paceFor(91, 8), { cap: 1, gapMs: 200 });
  });

  it('says users/s and the time left', () => {
    const p = { done: 4500, doneThisRun: 2500, total: 10_000, elapsedMs: 2000 };
    assert.equal(progressLine(p), 'progress: 4,500 of 10,000 users (45%), 1,250 users/s, ETA 4 s');
    assert.match(
      progressBar(p, 10),
      /^████░░░░░░ 45% 4,500\/10,000 users, 1,250 users\/s, ETA 4 s$/,
    );
  });
});

describe('journal', () => {
  const start: JournalStart = {
    t: 'start',
    v: 1,
    file: 'f.caseed.json',
    size: 100,
    sha256: 'a'.repeat(64),
    path: '/v2/bulkcalculatedattributes',
    target: 'http://127.0.0.1:1',
    maxUsers: 2,
    maxBytes: 1000,
    users: 6,
    requests: 3,
    at: '2026-12-01T00:00:00Z',
  };
  const lines = [
    journalLine(start),
    journalLine({ t: 'sent', r: 0, first: 0, count: 2 }),
    journalLine({ t: 'sent', r: 1, first: 2, count: 2 }),
    journalLine({ t: 'done', r: 0, outcome: 'accepted', status: 202 }),
  ].join('');

  it('reads the outcomes; a request sent without an outcome was in flight; a torn last line is ignored', () => {
    const r = readJournal(`${lines}{"t":"done","r":1,"outc`);
    assert.ok(r.ok);
    assert.deepEqual(r.state.inFlightAtEnd, [1]);
    assert.equal(r.state.states[0], 1);
    const damaged = readJournal(`${lines}{"t":"do\n${journalLine({ t: 'resume', at: 'x' })}`);
    assert.ok(!damaged.ok);
    assert.match(damaged.reason, /damaged at line 5/);
  });

  it('refuses a changed file, another target or another cut', () => {
    const same = {
      size: 100,
      sha256: 'a'.repeat(64),
      path: start.path,
      target: start.target,
      maxUsers: 2,
      maxBytes: 1000,
    };
    assert.equal(resumeRefusal(start, same), undefined);
    assert.match(
      resumeRefusal(start, { ...same, sha256: 'b'.repeat(64) })!,
      /changed since the interrupted send/,
    );
    assert.match(
      resumeRefusal(start, { ...same, target: 'https://x' })!,
      /went to http:\/\/127\.0\.0\.1:1/,
    );
    assert.match(resumeRefusal(start, { ...same, maxUsers: 3 })!, /at most 2 users/);
  });
});

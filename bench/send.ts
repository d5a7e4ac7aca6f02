/**
 * `npm run bench:send`: how fast `caseed send` gets a big bulk file accepted, and in how much memory.
 * For each size (default 100,000 and 1,000,000 users) it writes a bulk `.caseed.json` file, starts
 * `caseed emulator --counting` (per-user counts, no payloads) in its own process, and runs
 * `caseed send --stream` in another, measured by `/usr/bin/time` (peak RSS). It reports users/s
 * end to end (validation pass included) and as a ratio to a floor measured in the same run: a bare
 * undici client posting ready-made 100-user bodies to the same emulator at the same concurrency (what
 * the loopback HTTP and the emulator allow at best). Target: peak RSS under 200 MB at any size.
 * Afterwards the emulator's counts are checked: every user accepted exactly once.
 *
 * With `--file F --users N` it sends that file instead (the import benchmark passes the NDJSON seed
 * file `caseed import` wrote, so export → import → send is measured end to end).
 *
 * Usage: node dist/bench-send.js [--sizes 100000,1000000] [--concurrency 8] [--file F --users N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'undici';

const KEY = 'bench-key';
const SECRET = 'bench-secret-not-printed';
const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin', 'caseed.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One user, compact and realistic: a 19-digit mpid (as text), three seeds, one user attribute. */
function user(i: number): string {
  const mpid = `7346244611${String(12968789 + i).padStart(9, '0')}`;
  return `{"environment":"development","mpid":${mpid},"user_attributes":{"workspace":[{"attribute_name":"Tier","attribute_value":"${i % 3 === 0 ? 'Gold' : 'Free'}"}]},"calculated_attributes":{"workspace":[{"attribute_name":"LTV","calculation_type":"sum","cutoff_date":"2019-12-01","seed":{"value":${100 + (i % 997)}.5}},{"attribute_name":"Orders","calculation_type":"count","cutoff_date":"2019-12-01","seed":{"value":${i % 50}}},{"attribute_name":"Last Seen","calculation_type":"last_occurrence_timestamp","cutoff_date":"2019-12-01","seed":{"value":${1582589378000 + i}}}]}}`;
}

/** Writes a bulk file of `n` users, a few at a time (the bench holds no file in memory either). */
function writeBulk(path: string, n: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, '[\n');
    const batch: string[] = [];
    for (let i = 0; i < n; i++) {
      batch.push(`  ${user(i)}${i === n - 1 ? '' : ','}`);
      if (batch.length === 1000 || i === n - 1) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch.length = 0;
      }
    }
    writeSync(fd, ']\n');
  } finally {
    closeSync(fd);
  }
}

interface Emulator {
  url: string;
  stop(): Promise<void>;
}

async function startEmulator(): Promise<Emulator> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--counting', '--quiet'], {
    env: { ...process.env, MPARTICLE_API_KEY: KEY, MPARTICLE_API_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((res, rej) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) res(m[1]);
    });
    child.on('exit', () => rej(new Error(`the emulator stopped: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((res) => {
        child.on('close', () => res());
        child.kill('SIGTERM');
      }),
  };
}

const AUTH = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

async function counts(url: string): Promise<{ users: number; acceptedUsers: number }> {
  const pool = new Pool(url);
  try {
    const res = await pool.request({
      path: '/emulator/counts',
      method: 'GET',
      headers: { authorization: AUTH },
    });
    return (await res.body.json()) as { users: number; acceptedUsers: number };
  } finally {
    await pool.close();
  }
}

/** The floor: ready-made 100-user bodies posted by a bare undici client at the same concurrency. */
async function floor(url: string, users: number, concurrency: number): Promise<number> {
  const body = `[${Array.from({ length: 100 }, (_, i) => user(i)).join(',')}]`;
  const pool = new Pool(url, { connections: concurrency });
  const requests = Math.ceil(users / 100);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const res = await pool.request({
          path: '/v2/bulkcalculatedattributes',
          method: 'POST',
          headers: { authorization: AUTH, 'content-type': 'application/json' },
          body,
        });
        await res.body.text();
        if (res.statusCode !== 202) throw new Error(`floor: HTTP ${res.statusCode}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return (requests * 100) / seconds;
}

async function main(): Promise<void> {
  const sizes = (arg('--sizes') ?? '100000,1000000').split(',').map(Number);
  const concurrency = Number(arg('--concurrency') ?? '8');
  const dir = join(tmpdir(), 'caseed-bench-send');
  mkdirSync(dir, { recursive: true });
  console.log(`caseed send benchmark (concurrency ${concurrency}, 100 users per request)\n`);
  console.log(
    '| users | file MB | floor users/s | caseed send users/s | ratio | peak RSS MB | all accepted once |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
  const given = arg('--file');
  const runsOf: Array<{ n: number; file: string; owned: boolean }> =
    given !== undefined
      ? [{ n: Number(arg('--users')), file: resolve(given), owned: false }]
      : sizes.map((n) => ({ n, file: join(dir, `bench-${n}.caseed.json`), owned: true }));
  for (const { n, file, owned } of runsOf) {
    if (owned) writeBulk(file, n);
    const mb = statSync(file).size / 1024 / 1024;
    const floorEm = await startEmulator();
    const floorRate = await floor(floorEm.url, Math.min(n, 200_000), concurrency);
    await floorEm.stop();
    const em = await startEmulator();
    const start = performance.now();
    const r = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'peak-rss-kb %M',
        process.execPath,
        CLI,
        'send',
        file,
        '--base-url',
        em.url,
        '--stream',
        '--concurrency',
        String(concurrency),
      ],
      {
        env: { ...process.env, MPARTICLE_API_KEY: KEY, MPARTICLE_API_SECRET: SECRET },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - start) / 1000;
    const rss = /peak-rss-kb (\d+)/.exec(r.stderr);
    const c = await counts(em.url);
    await em.stop();
    if (owned) rmSync(file, { force: true });
    rmSync(`${file}.journal`, { force: true });
    if (r.status !== 0) {
      console.log(
        `send of ${n} users failed (exit ${r.status}): ${r.stdout.slice(-500)} ${r.stderr.slice(-500)}`,
      );
      continue;
    }
    const rate = n / seconds;
    const once = c.users === n && c.acceptedUsers === n;
    console.log(
      `| ${n} | ${mb.toFixed(0)} | ${floorRate.toFixed(0)} | ${rate.toFixed(0)} | ${(rate / floorRate).toFixed(2)} | ${rss ? (Number(rss[1]) / 1024).toFixed(0) : '?'} | ${once ? 'yes' : `no (${c.users} users, ${c.acceptedUsers} accepted)`} |`,
    );
  }
}

void main();

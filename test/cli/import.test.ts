/**
 * `caseed import` as a user runs it (the built CLI, real files): the shipped example with its bad
 * row, the accounting (rows read = users written + rows rejected, by reason), CSV / .csv.gz /
 * NDJSON / Parquet exports, --init, positioned mapping errors (exit 2, one line), the mpid digits
 * from the CSV cell to the bytes the API receives, and no secret anywhere in the output.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { AUTH, KEY, SECRET, withEmulator } from '../send/helpers';
import { CLI, ROOT, caseed, oneLine, tempTree } from './run';

const SECRET_ENV = { MPARTICLE_API_KEY: KEY, MPARTICLE_API_SECRET: SECRET };
const outputs: string[] = [];
const EXAMPLE = join(ROOT, 'examples', 'import');
const DEFS = join(ROOT, 'examples', 'emulator', 'caseed.definitions.json');

/** The CLI with the API secret in its environment (import must never print it). */
function run(args: string[], cwd = ROOT): ReturnType<typeof caseed> {
  process.env.MPARTICLE_API_KEY = KEY;
  process.env.MPARTICLE_API_SECRET = SECRET;
  try {
    const r = caseed(args, cwd);
    outputs.push(r.stdout, r.stderr);
    return r;
  } finally {
    delete process.env.MPARTICLE_API_KEY;
    delete process.env.MPARTICLE_API_SECRET;
  }
}

function readAll(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

before(() => ensureBuilt());
after(() => {
  const all = outputs.join('\n');
  assert.ok(!all.includes(SECRET), 'the secret was printed or written');
  assert.ok(!all.includes(Buffer.from(`${KEY}:${SECRET}`).toString('base64')));
});

const MAP = {
  environment: 'development',
  mpid: 'mpid',
  calculated_attributes: [
    { name: 'Purchase count', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'n' },
  ],
};

describe('caseed import', () => {
  it('the shipped example: 5 rows = 4 users + 1 rejected (invalid-mpid), exit 1; the result validates', () => {
    const dir = tempTree({});
    const out = join(dir, 'out');
    const r = run([
      'import',
      join(EXAMPLE, 'export.csv'),
      '--map',
      join(EXAMPLE, 'export.caseed-map.json'),
      '--definitions',
      DEFS,
      '--out-dir',
      out,
    ]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /rows read: 5 = users written: 4 \+ rows rejected: 1\n/);
    assert.match(r.stdout, /rejected by reason: invalid-mpid 1/);
    assert.match(
      r.stdout,
      /"user_identities\.CustomerId" → identities\.customer_id \(CSV import spelling\)/,
    );
    assert.match(r.stdout, /"first_seen_s" read as epoch seconds, converted to epoch milliseconds/);
    const rejects = readFileSync(join(out, 'export.rejects.ndjson'), 'utf8').trim().split('\n');
    assert.equal(rejects.length, 1);
    const rej = JSON.parse(rejects[0]) as {
      row: number;
      reason: string;
      record: Record<string, string>;
    };
    assert.equal(rej.row, 4);
    assert.equal(rej.reason, 'invalid-mpid');
    assert.equal(rej.record.MPID, '73462446110129x8791');
    const files = readdirSync(out).filter((f) => f.endsWith('.caseed.json'));
    assert.deepEqual(files, ['export-00001.caseed.json']);
    const v = run(['validate', '--definitions', DEFS, join(out, files[0])]);
    assert.equal(v.status, 0, v.stdout);
    outputs.push(readAll(out));
  });

  it('accounts for every row, by reason, in row order; the same with and without worker threads', () => {
    const rows = ['mpid,n'];
    const expected: Array<[number, string]> = [];
    for (let i = 1; i <= 5000; i++) {
      if (i % 97 === 0) {
        rows.push(`x${i},1`);
        expected.push([i, 'invalid-mpid']);
      } else if (i % 89 === 0) {
        rows.push(`${i},-3`);
        expected.push([i, 'invalid-count']);
      } else if (i % 83 === 0) {
        rows.push(`${i},1,extra`);
        expected.push([i, 'column-count']);
      } else rows.push(`${i},${i % 7}`);
    }
    const dir = tempTree({
      'e.csv': `${rows.join('\n')}\n`,
      'm.caseed-map.json': JSON.stringify(MAP),
    });
    const results = ['0', '2'].map((workers) => {
      const out = join(dir, `w${workers}.caseed.ndjson`);
      const r = run([
        'import',
        join(dir, 'e.csv'),
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--out',
        out,
        '--workers',
        workers,
        '--no-definitions',
      ]);
      assert.equal(r.status, 1, r.stderr);
      const users = readFileSync(out, 'utf8').trim().split('\n');
      const rejects = readFileSync(out.replace('.caseed.ndjson', '.rejects.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { row: number; reason: string });
      assert.deepEqual(
        rejects.map((x) => [x.row, x.reason]),
        expected,
      );
      assert.equal(users.length + rejects.length, 5000);
      const m = /rows read: (\d+) = users written: (\d+) \+ rows rejected: (\d+)/.exec(r.stdout);
      assert.deepEqual(m?.slice(1).map(Number), [5000, users.length, rejects.length]);
      const byReason = expected.reduce<Record<string, number>>(
        (acc, [, why]) => ({ ...acc, [why]: (acc[why] ?? 0) + 1 }),
        {},
      );
      for (const [why, n] of Object.entries(byReason))
        assert.match(r.stdout, new RegExp(`${why} ${n}`));
      return users;
    });
    assert.deepEqual(results[0], results[1]);
  });

  it('a clean import exits 0 and writes no rejects file; bulk files hold at most --per-file users', () => {
    const rows = ['mpid,n', ...Array.from({ length: 25 }, (_, i) => `${i + 1},1`)];
    const dir = tempTree({ 'e.csv': rows.join('\r\n'), 'm.caseed-map.json': JSON.stringify(MAP) });
    const r = run([
      'import',
      join(dir, 'e.csv'),
      '--map',
      join(dir, 'm.caseed-map.json'),
      '--out-dir',
      join(dir, 'o'),
      '--per-file',
      '10',
      '--no-definitions',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(join(dir, 'o'));
    assert.deepEqual(files, ['e-00001.caseed.json', 'e-00002.caseed.json', 'e-00003.caseed.json']);
    const counts = files.map(
      (f) => (JSON.parse(readFileSync(join(dir, 'o', f), 'utf8')) as unknown[]).length,
    );
    assert.deepEqual(counts, [10, 10, 5]);
  });

  it('reads .csv.gz, NDJSON (numbers keep their digits) and Parquet (INT64 as digits) alike', async () => {
    const csv = 'mpid,n\n7346244611012968789,4\n';
    const dir = tempTree({
      'e.csv.gz': gzipSync(csv),
      'e.ndjson':
        '{"mpid": 7346244611012968789, "n": 4}\n\n{"mpid": 9223372036854775807, "n": "5"}\n',
      'm.caseed-map.json': JSON.stringify(MAP),
    });
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'mpid', data: [7346244611012968789n, -9223372036854775808n], type: 'INT64' },
        { name: 'n', data: [4, 6], type: 'INT32' },
      ],
    });
    writeFileSync(join(dir, 'e.parquet'), Buffer.from(buf));
    const expect: Record<string, string[]> = {
      'e.csv.gz': ['7346244611012968789'],
      'e.ndjson': ['7346244611012968789', '9223372036854775807'],
      'e.parquet': ['7346244611012968789', '-9223372036854775808'],
    };
    for (const [name, mpids] of Object.entries(expect)) {
      const out = join(dir, `${name}.caseed.ndjson`);
      const r = run([
        'import',
        join(dir, name),
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--out',
        out,
        '--no-definitions',
      ]);
      assert.equal(r.status, 0, `${name}: ${r.stdout}${r.stderr}`);
      const got = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => /"mpid":(-?\d+),/.exec(l)?.[1]);
      assert.deepEqual(got, mpids, name);
    }
  });

  it('a broken NDJSON line is a rejected row with its line number, never skipped', () => {
    const dir = tempTree({
      'e.ndjson': '{"mpid": 1, "n": 4}\n{"mpid": 2, "n": \n{"mpid": 3, "n": 5}\n',
      'm.caseed-map.json': JSON.stringify(MAP),
    });
    const out = join(dir, 'o.caseed.ndjson');
    const r = run([
      'import',
      join(dir, 'e.ndjson'),
      '--map',
      join(dir, 'm.caseed-map.json'),
      '--out',
      out,
      '--no-definitions',
    ]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /rows read: 3 = users written: 2 \+ rows rejected: 1\n/);
    const rej = JSON.parse(readFileSync(join(dir, 'o.rejects.ndjson'), 'utf8')) as {
      row: number;
      reason: string;
      message: string;
    };
    assert.equal(rej.row, 2);
    assert.equal(rej.reason, 'unreadable-row');
    assert.match(rej.message, /line 2 is not valid JSON/);
  });

  it('--init writes a mapping skeleton from the header', () => {
    const dir = tempTree({
      'e.csv': 'MPID,user_identities.email,Environment,purchases\n1,a@b.c,development,3\n',
    });
    const r = run(['import', '--init', join(dir, 'e.csv')]);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout) as { mpid: string; identities: string[] };
    assert.equal(m.mpid, 'MPID');
    assert.deepEqual(m.identities, ['user_identities.email']);
  });

  it('exit 2, one line, for usage errors; a mapping with errors is listed file:line:col first', () => {
    const dir = tempTree({
      'e.csv': 'mpid,n\n1,2\n',
      'bad.caseed-map.json':
        '{\n  "environment": "development",\n  "mpid": "mpid",\n  "calculated_attributes": [\n    { "name": "A", "calculation_type": "count", "cutoff_date": "2019-12-01", "column": "m" }\n  ]\n}\n',
      'm.caseed-map.json': JSON.stringify(MAP),
    });
    const e = join(dir, 'e.csv');
    const bad = run([
      'import',
      e,
      '--map',
      join(dir, 'bad.caseed-map.json'),
      '--out',
      join(dir, 'o.caseed.ndjson'),
      '--no-definitions',
    ]);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stdout,
      /bad\.caseed-map\.json:5:88 error invalid-mapping The export has no column "m"/,
    );
    assert.ok(oneLine(bad.stderr), bad.stderr);
    for (const args of [
      ['import'],
      [
        'import',
        join(dir, 'missing.csv'),
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--out',
        'x.caseed.ndjson',
      ],
      ['import', e, '--out', join(dir, 'o.caseed.ndjson')],
      ['import', e, '--map', join(dir, 'm.caseed-map.json')],
      ['import', e, '--map', join(dir, 'm.caseed-map.json'), '--out', join(dir, 'o.json')],
      [
        'import',
        join(dir, 'm.caseed-map.json'),
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--out',
        join(dir, 'o.caseed.ndjson'),
      ],
      [
        'import',
        e,
        '--map',
        join(dir, 'm.caseed-map.json'),
        '--out',
        join(dir, 'o.caseed.ndjson'),
        '--bogus',
      ],
    ]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.ok(oneLine(r.stderr), r.stderr);
    }
  });

  it('the mpid digits go from the CSV cell to the bytes the API receives', async () => {
    const mpids = [
      '7346244611012968789',
      '9223372036854775807',
      '-9223372036854775808',
      '9007199254740993',
    ];
    const dir = tempTree({
      'e.csv': `mpid,n\n${mpids.map((m) => `${m},1`).join('\n')}\n`,
      'm.caseed-map.json': JSON.stringify(MAP),
    });
    const r = run([
      'import',
      join(dir, 'e.csv'),
      '--map',
      join(dir, 'm.caseed-map.json'),
      '--out-dir',
      join(dir, 'o'),
      '--no-definitions',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const seed = join(dir, 'o', 'e-00001.caseed.json');
    await withEmulator({}, async (emulator) => {
      const sent = await new Promise<{ status: number | null; out: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, 'send', seed, '--base-url', emulator.url, '--yes', '--no-definitions'],
          {
            env: { ...process.env, ...SECRET_ENV, CASEED_DEBUG: '' },
          },
        );
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (status) => resolve({ status, out }));
      });
      outputs.push(sent.out);
      assert.equal(sent.status, 0, sent.out);
      const body = emulator.accepted.map((a) => a.body).join('\n');
      for (const m of mpids)
        assert.ok(body.includes(`"mpid":${m}`), `${m} in ${body.slice(0, 200)}`);
      const seeds = await fetch(`${emulator.url}/emulator/seeds`, { headers: AUTH }).then((x) =>
        x.text(),
      );
      for (const m of mpids) assert.ok(seeds.includes(m));
    });
  });
});

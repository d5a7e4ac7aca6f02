/**
 * `caseed definitions pull` end to end: the real CLI (a child process) against the emulator's
 * Platform API over real loopback HTTP — token, list, 401, 403, 404, 5xx retry, a malformed body,
 * both data point spellings — and then `validate` / `send` reading what was written. Every output,
 * file and log of these runs is grepped for the client secret and the tokens.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parseDefinitions } from '../../core/definitions/parse';
import { serializeDefinitions } from '../../core/definitions/platform';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import { startEmulator } from '../../emulator/server';
import type { PlatformOptions } from '../../emulator/platform';
import { DEFS_TEXT, loadDefinitions, seedEntry, seedUser } from '../core/definitions/helpers';
import { CLI, oneLine, tempTree } from './run';

const CLIENT_ID = 'client-id-1';
const CLIENT_SECRET = 'pl4tf0rm-SeCrEt-never-print-me';
const API_KEY = 'us1-emu-key';
const API_SECRET = 'emu-api-secret-xyz';
const DEFS = loadDefinitions();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Everything printed, written and logged in this file's runs: grepped for secrets at the end. */
const seen: string[] = [];
const tokens: string[] = [];
const dirs: string[] = [];

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: {
        ...process.env,
        CASEED_DEBUG: '',
        MPARTICLE_CLIENT_ID: CLIENT_ID,
        MPARTICLE_CLIENT_SECRET: CLIENT_SECRET,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => {
      seen.push(stdout, stderr);
      resolve({ status, stdout, stderr });
    });
  });
}

async function withPlatform<T>(
  platform: Partial<PlatformOptions>,
  work: (em: Emulator, dir: string) => Promise<T>,
  extra: Partial<EmulatorOptions> = {},
): Promise<T> {
  const logs: string[] = [];
  const em = await startEmulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    platform: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, definitions: DEFS, ...platform },
    log: (l) => logs.push(l),
    ...extra,
  });
  const dir = tempTree({});
  dirs.push(dir);
  try {
    return await work(em, dir);
  } finally {
    await em.close();
    tokens.push(...em.platformTokens);
    seen.push(...logs);
    for (const r of em.received) seen.push(r.body);
    for (const f of readdirSync(dir)) seen.push(readFileSync(join(dir, f), 'utf8'));
  }
}

function pullArgs(em: Emulator, out = 'caseed.definitions.json', workspace = '4321'): string[] {
  return [
    'definitions',
    'pull',
    '--workspace',
    workspace,
    '--out',
    out,
    '--api-url',
    em.url,
    '--token-url',
    `${em.url}/oauth/token`,
  ];
}

after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('caseed definitions pull (against the emulator over loopback)', () => {
  test('token, list, both data point spellings: the file written equals the snapshot served', async () => {
    await withPlatform({}, async (em, dir) => {
      const r = await run(pullArgs(em), dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(
        r.stdout,
        '3 calculated attributes of workspace 4321 written to caseed.definitions.json\n',
      );
      const text = readFileSync(join(dir, 'caseed.definitions.json'), 'utf8');
      const back = parseDefinitions(text, 'x');
      assert.deepEqual(back.diagnostics, []);
      // Both spellings were served (alternating) and both were read into data_point.
      const listBody = JSON.stringify(em.received.map((q) => q.path));
      assert.match(listBody, /calculatedattributes/);
      for (const def of DEFS.calculated_attributes) {
        const got = back.definitions?.byName.get(def.name);
        assert.deepEqual(got?.data_point, def.data_point, def.name);
        assert.equal(got?.cutoff_date, def.cutoff_date, def.name);
        assert.equal(
          got?.last_modified,
          def.last_modified,
          `${def.name}: zoneless time read as UTC`,
        );
      }
      // Stable: everything but pulled_at/pulled_from is the fixture's text.
      const strip = (s: string): string => s.replace(/^ {2}"pulled_(at|from)": .*\n/gm, '');
      assert.equal(strip(text), strip(serializeDefinitions(DEFS)));
      assert.deepEqual(
        em.received.map((q) => `${q.method} ${q.path} ${q.status}`),
        ['POST /oauth/token 200', 'GET /platform/v2/workspaces/4321/calculatedattributes 200'],
      );
      const again = await run(pullArgs(em), dir);
      assert.match(again.stdout, /\(no changes since the last pull\)/);
      assert.deepEqual(
        readdirSync(dir),
        ['caseed.definitions.json'],
        'the atomic write leaves no temporary file',
      );
    });
  });

  test('datapoint-only and data_point-only answers read the same', async () => {
    const texts: string[] = [];
    for (const spelling of ['datapoint', 'data_point'] as const) {
      await withPlatform({ dataPointSpelling: spelling }, async (em, dir) => {
        const r = await run(pullArgs(em), dir);
        assert.equal(r.status, 0, r.stderr);
        texts.push(
          readFileSync(join(dir, 'caseed.definitions.json'), 'utf8').replace(/"pulled_.*\n/g, ''),
        );
      });
    }
    assert.equal(texts[0], texts[1]);
    assert.match(texts[0], /"event_name": "Purchase"/);
  });

  test('401: wrong client secret is one line, exit 1, nothing written', async () => {
    await withPlatform({}, async (em, dir) => {
      const r = await run(pullArgs(em), dir, { MPARTICLE_CLIENT_SECRET: 'wrong-secret-value' });
      assert.equal(r.status, 1);
      assert.ok(oneLine(r.stderr), r.stderr);
      assert.match(r.stderr, /refused the client id and secret \(HTTP 401\)/);
      assert.deepEqual(readdirSync(dir), []);
    });
  });

  test('403 and 404 are one line each, exit 1, and are not retried', async () => {
    await withPlatform({ listFaults: [403] }, async (em, dir) => {
      const r = await run(pullArgs(em), dir);
      assert.equal(r.status, 1);
      assert.ok(oneLine(r.stderr), r.stderr);
      assert.match(r.stderr, /no access to workspace 4321 \(HTTP 403\)/);
      assert.equal(em.received.filter((q) => q.method === 'GET').length, 1);
    });
    await withPlatform({}, async (em, dir) => {
      const r = await run(pullArgs(em, 'caseed.definitions.json', '999'), dir);
      assert.equal(r.status, 1);
      assert.ok(oneLine(r.stderr), r.stderr);
      assert.match(r.stderr, /workspace 999 was not found/);
    });
  });

  test('5xx is retried with backoff, then succeeds; persistent 5xx gives up with exit 3', async () => {
    await withPlatform({ listFaults: [503, 502] }, async (em, dir) => {
      const r = await run(pullArgs(em), dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /HTTP 503; retrying in \d+ ms \(attempt 2 of 4\)/);
      assert.deepEqual(
        em.received.filter((q) => q.method === 'GET').map((q) => q.status),
        [503, 502, 200],
      );
      assert.equal(em.received.filter((q) => q.path === '/oauth/token').length, 1, 'one token');
    });
    await withPlatform({ listFaults: [500, 500, 500, 500] }, async (em, dir) => {
      const r = await run(pullArgs(em), dir);
      assert.equal(r.status, 3);
      assert.match(
        r.stderr,
        /caseed: the Platform API answered HTTP 500 for workspace 4321 after 4 attempts/,
      );
      assert.deepEqual(readdirSync(dir), []);
    });
  });

  test('a malformed body is refused and an existing file is kept as it was', async () => {
    await withPlatform({ malformedList: true }, async (em, dir) => {
      writeFileSync(join(dir, 'caseed.definitions.json'), DEFS_TEXT);
      const r = await run(pullArgs(em), dir);
      assert.equal(r.status, 1);
      assert.ok(oneLine(r.stderr), r.stderr);
      assert.match(r.stderr, /is not JSON .*nothing was written/);
      assert.equal(readFileSync(join(dir, 'caseed.definitions.json'), 'utf8'), DEFS_TEXT);
    });
  });

  test('plain http is refused for a non-loopback host; missing credentials are a usage error', async () => {
    const dir = tempTree({});
    dirs.push(dir);
    const r = await run(
      ['definitions', 'pull', '--workspace', '1', '--api-url', 'http://api.example.com'],
      dir,
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /plain http/);
    const noCreds = await run(['definitions', 'pull', '--workspace', '1'], dir, {
      MPARTICLE_CLIENT_SECRET: '',
    });
    assert.equal(noCreds.status, 2);
    assert.ok(oneLine(noCreds.stderr));
  });
});

describe('validate and send with the pulled definitions', () => {
  test('validate finds the nearest definitions file; send refuses a mismatch; the emulator answers NOT FOUND', async () => {
    await withPlatform(
      {},
      async (em, dir) => {
        assert.equal((await run(pullArgs(em), dir)).status, 0);
        const good = seedUser(seedEntry('LTV', 'sum', '2019-12-01', '{ "value": 5 }'));
        const bad = seedUser(seedEntry('LTVV', 'sum', '2019-12-01', '{ "value": 5 }'));
        writeFileSync(join(dir, 'good.caseed.json'), good);
        writeFileSync(join(dir, 'bad.caseed.json'), bad);
        const v = await run(['validate', '.'], dir);
        assert.equal(v.status, 1);
        assert.match(
          v.stdout,
          /^definitions: caseed.definitions.json \(workspace 4321, 3 calculated attributes, pulled less than a minute ago\)\n/,
        );
        assert.match(
          v.stdout,
          /bad.caseed.json:6:27 error unknown-calculated-attribute No calculated attribute "LTVV" in workspace 4321.*Did you mean "LTV"\?/,
        );
        assert.doesNotMatch(v.stdout, /good.caseed.json/);
        const none = await run(['validate', '--no-definitions', 'bad.caseed.json'], dir);
        assert.equal(none.status, 0, 'without definitions the rule is silent');

        const env = { MPARTICLE_API_KEY: API_KEY, MPARTICLE_API_SECRET: API_SECRET };
        const refused = await run(
          ['send', 'bad.caseed.json', '--base-url', em.url, '--yes'],
          dir,
          env,
        );
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /unknown-calculated-attribute/);
        assert.equal(em.accepted.length, 0);
        // Without the definitions the seed goes out, and the emulator answers the documented 400.
        const notFound = await run(
          ['send', 'bad.caseed.json', '--no-definitions', '--base-url', em.url, '--yes'],
          dir,
          env,
        );
        assert.equal(notFound.status, 1);
        assert.match(notFound.stdout, /LTVV: No matching calculated attribute definition found/);
        const sent = await run(
          ['send', 'good.caseed.json', '--base-url', em.url, '--yes'],
          dir,
          env,
        );
        assert.equal(sent.status, 0, sent.stderr + sent.stdout);
        assert.equal(em.accepted.length, 1);
      },
      {
        definitions: DEFS.calculated_attributes.map((d) => ({
          name: d.name,
          calculation_type: d.calculation_type,
        })),
      },
    );
  });

  test('send: NOT FOUND for a CA changed minutes ago says that mParticle has not cached it yet', async () => {
    const fresh = new Date(Date.now() - 60_000).toISOString();
    const defsText = `{ "calculated_attributes": [ { "name": "Fresh", "calculation_type": "sum", "last_modified": "${fresh}" } ] }`;
    await withPlatform(
      {},
      async (em, dir) => {
        writeFileSync(join(dir, 'defs.json'), defsText);
        writeFileSync(
          join(dir, 'fresh.caseed.json'),
          seedUser(seedEntry('Fresh', 'sum', '2019-12-01', '{ "value": 5 }')),
        );
        const env = { MPARTICLE_API_KEY: API_KEY, MPARTICLE_API_SECRET: API_SECRET };
        const args = ['send', 'fresh.caseed.json', '--base-url', em.url, '--yes'];
        const r = await run([...args, '--definitions', 'defs.json'], dir, env);
        assert.equal(r.status, 1);
        assert.match(r.stdout, /Fresh: No matching calculated attribute definition found/);
        assert.match(
          r.stderr,
          /caseed: "Fresh" changed 1 minute ago \(defs.json\): mParticle takes up to five minutes to cache a change/,
        );
        // A CA changed long ago gets no such note.
        writeFileSync(join(dir, 'defs.json'), defsText.replace(fresh, '2020-01-01T00:00:00Z'));
        const stale = await run([...args, '--definitions', 'defs.json'], dir, env);
        assert.equal(stale.status, 1);
        assert.doesNotMatch(stale.stderr, /five minutes/);
      },
      { definitions: [{ name: 'LTV', calculation_type: 'sum' }] },
    );
  });

  test('a broken definitions file is reported as a file of its own; seeds are checked without it', async () => {
    const dir = tempTree({
      'caseed.definitions.json':
        '{ "calculated_attributes": [ { "name": "LTV", "calculation_type": "summ" } ] }',
      'a.caseed.json': seedUser(seedEntry('Nope', 'sum', '2019-12-01', '{ "value": 5 }')),
    });
    dirs.push(dir);
    const v = await run(['validate', 'a.caseed.json'], dir);
    assert.equal(v.status, 1);
    assert.match(
      v.stdout,
      /caseed.definitions.json:1:\d+ error invalid-definitions .*did you mean "sum"\?/,
    );
    assert.doesNotMatch(v.stdout, /unknown-calculated-attribute/);
    const s = await run(['send', 'a.caseed.json', '--dry-run'], dir);
    assert.equal(s.status, 1);
    assert.match(s.stderr, /the definitions file caseed.definitions.json is broken/);
  });
});

describe('secrets', () => {
  test('neither the client secret nor any token appears in any output, file, log or body kept', () => {
    assert.ok(tokens.length >= 5, `tokens were issued (${tokens.length})`);
    const all = seen.join('\n');
    assert.ok(all.length > 1000);
    assert.ok(!all.includes(CLIENT_SECRET), 'client secret leaked');
    for (const t of tokens) assert.ok(!all.includes(t), 'a token leaked');
  });
});

// `npm start` (after the build): start the local emulator (seeding API + Platform API, serving the
// workspace in examples/emulator/caseed.definitions.json), pull that workspace's definitions from
// it with `caseed definitions pull`, validate examples/ against them (one example seeds a CA the
// workspace does not have), send every example that has no errors with `caseed send`, then print
// what the emulator received. The whole loop with no account needed. Demo credentials only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join('bin', 'caseed.js');
const env = {
  ...process.env,
  MPARTICLE_API_KEY: 'us1-demo-key',
  MPARTICLE_API_SECRET: 'demo-secret',
  MPARTICLE_CLIENT_ID: 'demo-client-id',
  MPARTICLE_CLIENT_SECRET: 'demo-client-secret',
};
const WORKSPACE_DEFS = join('examples', 'emulator', 'caseed.definitions.json');
const pulledDir = mkdtempSync(join(tmpdir(), 'caseed-start-'));
const DEFS = join(pulledDir, 'caseed.definitions.json');
// `let`-free: the imported bulk files are pushed onto this list once written.
const examples = existsSync('examples')
  ? readdirSync('examples')
      .filter((f) => f.endsWith('.caseed.json'))
      .sort()
      .map((f) => join('examples', f))
  : [];

console.log(`── caseed emulator --port 0 --definitions ${WORKSPACE_DEFS}`);
const emulator = spawn(
  process.execPath,
  [CLI, 'emulator', '--port', '0', '--definitions', WORKSPACE_DEFS],
  {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let log = '';
emulator.stdout.on('data', (c) => (log += c.toString()));
const deadline = Date.now() + 10_000;
while (!/listening on (http:\/\/127\.0\.0\.1:\d+)/.test(log)) {
  if (Date.now() > deadline || emulator.exitCode !== null) {
    console.error('caseed: the emulator did not start');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 20));
}
const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)[1];
console.log(`emulator at ${url}`);

const pullArgs = ['definitions', 'pull', '--workspace', '4321', '--out', DEFS];
pullArgs.push('--api-url', url, '--token-url', `${url}/oauth/token`);
console.log(`\n── caseed ${pullArgs.join(' ')}`);
const pulled = spawnSync(process.execPath, [CLI, ...pullArgs], { env, stdio: 'inherit' });
if (pulled.status !== 0) {
  console.error('caseed: pulling the definitions from the emulator failed');
  emulator.kill('SIGTERM');
  process.exit(1);
}

// A warehouse export (examples/import/export.csv, one row per user, one row broken on purpose)
// through its mapping into a bulk seed file: the broken row lands in the rejects file.
const IMPORTED = join(pulledDir, 'imported');
const importArgs = ['import', join('examples', 'import', 'export.csv')];
importArgs.push('--map', join('examples', 'import', 'export.caseed-map.json'));
importArgs.push('--definitions', DEFS, '--out-dir', IMPORTED);
console.log(`\n── caseed ${importArgs.join(' ')}`);
spawnSync(process.execPath, [CLI, ...importArgs], { stdio: 'inherit' });
const rejectsFile = join(IMPORTED, 'export.rejects.ndjson');
if (existsSync(rejectsFile)) {
  console.log(`\n── ${rejectsFile}`);
  process.stdout.write(readFileSync(rejectsFile, 'utf8'));
}
const imported = existsSync(IMPORTED)
  ? readdirSync(IMPORTED)
      .filter((f) => f.endsWith('.caseed.json'))
      .sort()
      .map((f) => join(IMPORTED, f))
  : [];
examples.push(...imported);

console.log(`\n── caseed validate --definitions ${DEFS} examples/ ${imported.join(' ')}`);
spawnSync(process.execPath, [CLI, 'validate', '--definitions', DEFS, 'examples/', ...imported], {
  stdio: 'inherit',
});
const valid = examples.filter(
  (f) =>
    spawnSync(process.execPath, [CLI, 'validate', '--definitions', DEFS, f], { stdio: 'ignore' })
      .status === 0,
);

let failed = 0;
for (const f of valid) {
  console.log(`\n── caseed send ${f} --definitions … --base-url ${url} --yes`);
  const r = await new Promise((resolve) => {
    const args = ['send', f, '--definitions', DEFS, '--base-url', url, '--yes'];
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: 'inherit',
    });
    child.on('close', resolve);
  });
  if (r !== 0) failed++;
}

console.log(`\n── GET ${url}/emulator/seeds`);
// The inspection endpoint takes the same Basic credentials as the API.
const authorization = `Basic ${Buffer.from(`${env.MPARTICLE_API_KEY}:${env.MPARTICLE_API_SECRET}`).toString('base64')}`;
const seeds = await fetch(`${url}/emulator/seeds`, { headers: { authorization } }).then((res) =>
  res.json(),
);
for (const r of seeds.requests) {
  const users = r.users.map((u) => (u.mpid !== undefined ? `mpid ${u.mpid}` : 'by identities'));
  console.log(`${r.path}: ${r.users.length} user(s) [${users.join(', ')}], ${r.body.length} bytes`);
}
emulator.kill('SIGTERM');
await new Promise((r) => emulator.on('close', r));
rmSync(pulledDir, { recursive: true, force: true });
console.log(`\n${valid.length - failed} of ${valid.length} valid example(s) sent and accepted.`);
process.exit(failed > 0 ? 1 : 0);

// `npm start` (after the build): validate examples/, start the local emulator, send every example
// that has no errors to it with `caseed send`, then print what the emulator received. A full
// validate-and-send run with no account needed. Demo credentials only; never real ones.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join('bin', 'caseed.js');
const env = {
  ...process.env,
  MPARTICLE_API_KEY: 'us1-demo-key',
  MPARTICLE_API_SECRET: 'demo-secret',
};
const examples = existsSync('examples')
  ? readdirSync('examples')
      .filter((f) => f.endsWith('.caseed.json'))
      .sort()
      .map((f) => join('examples', f))
  : [];

console.log('── caseed validate examples/');
spawnSync(process.execPath, [CLI, 'validate', 'examples/'], { stdio: 'inherit' });
const valid = examples.filter(
  (f) => spawnSync(process.execPath, [CLI, 'validate', f], { stdio: 'ignore' }).status === 0,
);

console.log('\n── caseed emulator --port 0');
const emulator = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
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

let failed = 0;
for (const f of valid) {
  console.log(`\n── caseed send ${f} --base-url ${url} --yes`);
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'send', f, '--base-url', url, '--yes'], {
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
console.log(`\n${valid.length - failed} of ${valid.length} valid example(s) sent and accepted.`);
process.exit(failed > 0 ? 1 : 0);

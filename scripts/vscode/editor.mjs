// `npm run editor`: try the extension in a browser without installing VS Code. Packages the .vsix,
// installs it into a private code-server, starts `caseed emulator` on loopback with demo
// credentials, points the extension at it, opens examples/, and prints the URL. Stays up until
// Ctrl+C, then stops everything it started.
//   node scripts/vscode/editor.mjs [--port N]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  installSignalHandlers,
  installVsix,
  isStopping,
  packageVsix,
  startCodeServer,
  startEmulatorProcess,
  stopAll,
  tempDir,
  workbenchUrl,
} from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { option } from './args.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEMO_KEY = 'demo-key';
const DEMO_SECRET = 'demo-secret';

async function main() {
  const root = tempDir('caseed-editor-');
  process.stderr.write('editor: installing tools if missing, building and packaging…\n');
  ensureTools();
  const vsix = packageVsix({ repo, root });
  const extensionsDir = installVsix({ repo, root, vsix });
  const emulator = await startEmulatorProcess({ repo, apiKey: DEMO_KEY, apiSecret: DEMO_SECRET });
  const port = option('--port') === undefined ? undefined : Number(option('--port'));
  const folder = join(repo, 'examples');
  const server = await startCodeServer({
    root,
    folder,
    extensionsDir,
    port: port ?? (await freePort()),
    settings: { 'caseed.send.dataCenter': 'custom', 'caseed.send.baseUrl': emulator.url },
  });
  console.log(`
caseed in code-server: ${workbenchUrl(server.url, folder)}

  Open that URL in a browser (it listens on 127.0.0.1 only). Try examples/broken.caseed.json:
  problems, hovers, quick fixes (Ctrl+.), completion (Ctrl+Space), Format Document.
  Sending goes to the local emulator at ${emulator.url}: run "caseed: Set Credentials" with
  API key "${DEMO_KEY}" and secret "${DEMO_SECRET}", then "caseed: Send Seed File".
  What the emulator accepted: ${emulator.url}/emulator/seeds (user ${DEMO_KEY}, password ${DEMO_SECRET})

  Ctrl+C stops code-server and the emulator.`);
  await server.exited;
  if (isStopping()) return new Promise(() => undefined); // the signal handler exits
  throw new Error(`code-server stopped (log: ${server.logFile})`);
}

installSignalHandlers();
try {
  await main();
} catch (err) {
  console.error(`editor: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll();
  process.exit(1);
}

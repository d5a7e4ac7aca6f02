/**
 * `caseed emulator`: the local Calculated Attributes Seeding API (emulator/server.ts) on loopback,
 * for demos, `npm start` and tests. Prints its URL, logs one line per request (never credentials),
 * and stops cleanly on SIGINT/SIGTERM.
 */
import type { DefinitionsFile } from '../core/definitions/model';
import { parseDefinitions } from '../core/definitions/parse';
import { LineIndex } from '../core/positions';
import type { Definition } from '../emulator/check';
import type { FaultOptions } from '../emulator/faults';
import { startEmulator } from '../emulator/server';
import { parseArgs } from './args';
import { CliError, EXIT } from './exitCodes';
import type { Io } from './io';
import { readText } from './readText';
import { EMULATOR_USAGE } from './sendUsage';

export const DEFAULT_EMULATOR_PORT = 8787;

const NUMERIC_FAULTS: Record<string, keyof FaultOptions> = {
  'fail-first': 'failFirst',
  'fail-status': 'failStatus',
  'retry-after': 'retryAfter',
  'status-503-every': 'status503Every',
  'delay-ms': 'delayMs',
  'drop-every': 'dropEvery',
  'cut-body-every': 'cutBodyEvery',
  'drop-after-store-every': 'dropAfterStoreEvery',
  'rate-limit-used': 'rateLimitUsed',
  'throttle-in-flight': 'throttleInFlight',
};

function nonNegative(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31) {
    throw new CliError(`--${name} must be a non-negative integer (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}

/** Reads a definitions file (caseed.definitions.json, the one format); broken → one-line error. */
export function readDefinitions(path: string): DefinitionsFile {
  const r = parseDefinitions(readText(path), path);
  if (r.definitions === undefined) {
    const first = r.diagnostics[0];
    const at =
      first === undefined
        ? ''
        : `:${new LineIndex(readText(path)).positionAt(first.offset).line + 1}`;
    throw new CliError(
      `${path}${at}: not a valid definitions file: ${first?.message ?? 'unreadable'} (run \`caseed validate --definitions ${path}\` on a seed file for every problem)`,
    );
  }
  return r.definitions;
}

export async function runEmulator(argv: readonly string[], io: Io): Promise<number> {
  const specs = {
    port: { type: 'string' },
    definitions: { type: 'string' },
    'fail-status': { type: 'string' },
    'rate-limit-exceeded': { type: 'string' },
    cors: { type: 'boolean' },
    counting: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(Object.keys(NUMERIC_FAULTS).map((k) => [k, { type: 'string' }])),
  } as const;
  const { options, positionals } = parseArgs(argv, specs, 'emulator');
  if (options.help === true) {
    io.out(EMULATOR_USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
  const port =
    options.port === undefined ? DEFAULT_EMULATOR_PORT : nonNegative(String(options.port), 'port');
  if (port > 65535) throw new CliError('--port must be at most 65535');
  const faults: FaultOptions = {};
  for (const [flag, key] of Object.entries(NUMERIC_FAULTS)) {
    const v = options[flag];
    if (typeof v === 'string') (faults as Record<string, number>)[key] = nonNegative(v, flag);
  }
  if (typeof options['rate-limit-exceeded'] === 'string')
    faults.rateLimitExceeded = options['rate-limit-exceeded'];
  const file =
    typeof options.definitions === 'string' ? readDefinitions(options.definitions) : undefined;
  const definitions: Definition[] | undefined = file?.calculated_attributes.map((d) => ({
    name: d.name,
    calculation_type: d.calculation_type,
  }));
  const clientId = process.env.MPARTICLE_CLIENT_ID ?? '';
  const clientSecret = process.env.MPARTICLE_CLIENT_SECRET ?? '';
  const platform =
    file !== undefined && clientId !== '' && clientSecret !== ''
      ? { clientId, clientSecret, definitions: file }
      : undefined;
  const apiKey = process.env.MPARTICLE_API_KEY ?? '';
  const apiSecret = process.env.MPARTICLE_API_SECRET ?? '';
  if (apiKey === '' || apiSecret === '') {
    throw new CliError(
      'set MPARTICLE_API_KEY and MPARTICLE_API_SECRET: the emulator checks Basic auth against them',
    );
  }
  let emulator;
  try {
    emulator = await startEmulator({
      port,
      apiKey,
      apiSecret,
      definitions,
      platform,
      faults,
      cors: options.cors === true,
      counting: options.counting === true,
      log: options.quiet === true ? undefined : (line) => io.out(`${line}\n`),
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `port ${port} is in use (try --port 0)`
        : `cannot listen: ${String(err)}`,
    );
  }
  const running = emulator;
  io.out(`caseed emulator listening on ${running.url}\n`);
  if (file !== undefined) {
    const ws = file.workspace_id === undefined ? '' : ` of workspace ${file.workspace_id}`;
    io.out(`  ${file.calculated_attributes.length} calculated attribute definitions${ws} loaded\n`);
    io.out(
      platform === undefined
        ? '  Platform API off: set MPARTICLE_CLIENT_ID and MPARTICLE_CLIENT_SECRET to serve it\n'
        : `  Platform API: token ${running.url}/oauth/token, list ${running.url}/platform/v2/workspaces/${file.workspace_id ?? 'ID'}/calculatedattributes\n`,
    );
  }
  const active = Object.entries(faults).map(([k, v]) => `${k}=${String(v)}`);
  if (active.length > 0) io.out(`  faults: ${active.join(', ')}\n`);
  if (options.cors === true) io.out('  answering CORS: browsers may send from any origin\n');
  if (options.counting === true)
    io.out(`  counting mode: per-user counts only (GET ${running.url}/emulator/counts)\n`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => {
        io.out('caseed emulator stopped\n');
        resolve(EXIT.OK);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

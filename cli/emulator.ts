/**
 * `caseed emulator`: the local Calculated Attributes Seeding API (emulator/server.ts) on loopback,
 * for demos, `npm start` and tests. Prints its URL, logs one line per request (never credentials),
 * and stops cleanly on SIGINT/SIGTERM.
 */
import { parse } from '../core/parser';
import { getString } from '../core/ast';
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
};

function nonNegative(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31) {
    throw new CliError(`--${name} must be a non-negative integer (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}

/** Reads a definitions file: a JSON array of {name, calculation_type}. */
export function readDefinitions(path: string): Definition[] {
  const { root, diagnostics } = parse(readText(path));
  if (diagnostics.some((d) => d.severity === 'error') || root?.type !== 'array') {
    throw new CliError(`${path}: expected a JSON array of {"name", "calculation_type"}`);
  }
  return root.items.map((item, i) => {
    const name = getString(item, 'name');
    const type = getString(item, 'calculation_type');
    if (name === undefined || type === undefined) {
      throw new CliError(`${path}: item ${i + 1} needs "name" and "calculation_type" strings`);
    }
    return { name, calculation_type: type };
  });
}

export async function runEmulator(argv: readonly string[], io: Io): Promise<number> {
  const specs = {
    port: { type: 'string' },
    definitions: { type: 'string' },
    'fail-status': { type: 'string' },
    'rate-limit-exceeded': { type: 'string' },
    cors: { type: 'boolean' },
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
  const definitions =
    typeof options.definitions === 'string' ? readDefinitions(options.definitions) : undefined;
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
      faults,
      cors: options.cors === true,
      log: (line) => io.out(`${line}\n`),
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
  if (definitions !== undefined)
    io.out(`  ${definitions.length} calculated attribute definitions loaded\n`);
  const active = Object.entries(faults).map(([k, v]) => `${k}=${String(v)}`);
  if (active.length > 0) io.out(`  faults: ${active.join(', ')}\n`);
  if (options.cors === true) io.out('  answering CORS: browsers may send from any origin\n');
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

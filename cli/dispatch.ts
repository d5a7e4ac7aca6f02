/**
 * The CLI's command table and dispatch: one file per command; every error ends as one line on
 * stderr and a documented exit code (cli/exitCodes.ts), never a stack trace (set CASEED_DEBUG=1 to
 * see one).
 */
import { version } from '../package.json';
import { redact, secretsOf } from '../core/send/redact';
import { CliError, EXIT } from './exitCodes';
import type { Io } from './io';
import { processIo } from './io';
import { MAIN_USAGE } from './usage';

/** A command: an exit code, a promise of one, or `undefined` when it keeps running (lsp). */
type Command = (
  argv: readonly string[],
  io: Io,
  version: string,
) => number | undefined | Promise<number | undefined>;

/**
 * Each command is loaded when it is run (the bundle initialises a module on first import), so
 * `caseed validate` does not pay at start-up for the HTTP client, the language server or ajv's
 * compilation of what it does not use.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.js')).runValidate,
  lsp: async () => (await import('./lsp.js')).runLsp,
  send: async () => (await import('./send.js')).runSend,
  emulator: async () => (await import('./emulator.js')).runEmulator,
  definitions: async () => (await import('./definitionsPull.js')).runDefinitions,
  import: async () => (await import('./import.js')).runImportCommand,
};

/** The first line of an unexpected error, with the API secret (if set) redacted. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return redactEnvSecret(text);
}

/** `text` with the API key/secret from the environment (in every encoding) redacted. */
export function redactEnvSecret(text: string): string {
  const env = process.env;
  const secrets = secretsOf(env.MPARTICLE_API_KEY ?? '', env.MPARTICLE_API_SECRET ?? '');
  if ((env.MPARTICLE_CLIENT_SECRET ?? '') !== '') secrets.push(env.MPARTICLE_CLIENT_SECRET ?? '');
  return redact(text, secrets);
}

export async function dispatch(
  argv: readonly string[],
  io: Io = processIo,
): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(MAIN_USAGE);
    return EXIT.USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(MAIN_USAGE);
    return EXIT.OK;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.out(`${version}\n`);
    return EXIT.OK;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (load === undefined) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command ${first}`;
    io.err(`caseed: ${what} (see \`caseed --help\`)\n`);
    return EXIT.USAGE;
  }
  try {
    const command = await load();
    return await command(rest, io, version);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`caseed: ${err.message}\n`);
      return err.code;
    }
    io.err(`caseed: internal error: ${describe(err)}\n`);
    if (process.env.CASEED_DEBUG === '1' && err instanceof Error)
      io.err(`${redactEnvSecret(err.stack ?? '')}\n`);
    return EXIT.USAGE;
  }
}

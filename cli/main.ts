/**
 * `caseed` (dist/cli.js, run by bin/caseed.js): wire the process to the dispatcher. Anything that
 * escapes still ends as one line on stderr and exit code 2, never a stack trace, with the API
 * secret from the environment redacted.
 */
import { dispatch, redactEnvSecret } from './dispatch';
import { EXIT } from './exitCodes';
import { writeFully } from './io';

function fatal(err: unknown): void {
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  writeFully(2, `caseed: internal error: ${redactEnvSecret(reason)}\n`);
  process.exit(EXIT.USAGE);
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
dispatch(process.argv.slice(2)).then((code) => {
  if (code !== undefined) process.exitCode = code;
}, fatal);

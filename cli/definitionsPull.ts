/**
 * `caseed definitions pull --workspace ID [--out FILE] [--api-url URL] [--token-url URL]`: the
 * workspace's calculated attribute definitions from the Platform API, written atomically (a
 * temporary file renamed over the target) in the stable form, so a re-pull diffs well in git.
 * Credentials: MPARTICLE_CLIENT_ID / MPARTICLE_CLIENT_SECRET (Platform API, not seeding). Nothing
 * printed or written ever holds the client secret or the token.
 * Exit 0 written, 1 refused by the API (401/403/404, malformed answer), 2 bad usage or unwritable
 * file, 3 gave up (5xx after retries, network).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFINITIONS_FILE_NAME } from '../core/definitions/model';
import { DEFAULT_API_URL, DEFAULT_TOKEN_URL, pullDefinitions } from '../core/definitions/pull';
import { redact } from '../core/send/redact';
import { createUndiciTransport } from '../transport/undici';
import { parseArgs } from './args';
import { CliError, EXIT } from './exitCodes';
import type { Io } from './io';

export const DEFINITIONS_USAGE = `Usage: caseed definitions pull --workspace ID [--out FILE] [--api-url URL] [--token-url URL]

Pulls the calculated attribute definitions of an mParticle workspace from the Platform API and
writes them to ${DEFINITIONS_FILE_NAME} (sorted and pretty, so it diffs well in git). The
language server, \`caseed validate\`, \`caseed send\` and \`caseed emulator\` read that file.
Credentials come from MPARTICLE_CLIENT_ID and MPARTICLE_CLIENT_SECRET: a Platform API client
(OAuth client credentials, role calculated_attributes:view), not the seeding key and secret.
Neither the secret nor the token is ever printed or written.

Options:
  --workspace ID     the workspace id (required)
  --out FILE         where to write (default ./${DEFINITIONS_FILE_NAME})
  --api-url URL      the Platform API (default ${DEFAULT_API_URL}); https, or http on loopback
  --token-url URL    the OAuth token endpoint (default ${DEFAULT_TOKEN_URL})
  -h, --help         show this help

Exit codes: 0 written, 1 refused by the API (401, 403, 404, a malformed answer), 2 bad usage or
a file that cannot be written, 3 gave up (5xx after retries, network failure).
`;

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as { code?: string }).code;
    throw new CliError(
      `cannot write ${path}: ${code ?? (err instanceof Error ? err.message : String(err))}`,
    );
  }
}

function withoutPulledAt(text: string): string {
  return text.replace(/^ {2}"pulled_at": .*\n/m, '');
}

export async function runDefinitions(
  argv: readonly string[],
  io: Io,
  version: string,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.err : io.out)(DEFINITIONS_USAGE);
    return sub === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (sub !== 'pull')
    throw new CliError(`unknown definitions command ${sub} (see \`caseed definitions --help\`)`);
  const { options, positionals } = parseArgs(
    rest,
    {
      workspace: { type: 'string' },
      out: { type: 'string' },
      'api-url': { type: 'string' },
      'token-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'definitions pull',
  );
  if (options.help === true) {
    io.out(DEFINITIONS_USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
  if (typeof options.workspace !== 'string')
    throw new CliError('definitions pull needs --workspace ID (see `caseed definitions --help`)');
  const clientId = process.env.MPARTICLE_CLIENT_ID ?? '';
  const clientSecret = process.env.MPARTICLE_CLIENT_SECRET ?? '';
  if (clientId === '' || clientSecret === '')
    throw new CliError(
      'set MPARTICLE_CLIENT_ID and MPARTICLE_CLIENT_SECRET (a Platform API client) to pull',
    );
  const secrets = [clientSecret];
  const out = resolve(typeof options.out === 'string' ? options.out : DEFINITIONS_FILE_NAME);
  const undici = createUndiciTransport({ connections: 1 });
  try {
    const r = await pullDefinitions({
      workspaceId: options.workspace,
      clientId,
      clientSecret,
      apiUrl: typeof options['api-url'] === 'string' ? options['api-url'] : undefined,
      tokenUrl: typeof options['token-url'] === 'string' ? options['token-url'] : undefined,
      transport: (req) =>
        undici.transport({
          ...req,
          headers: { ...req.headers, 'user-agent': `caseed/${version}` },
        }),
      log: (line) => io.err(`${redact(line, secrets)}\n`),
    });
    if (!r.ok) {
      io.err(`caseed: ${redact(r.reason, secrets)}\n`);
      return r.kind === 'usage'
        ? EXIT.USAGE
        : r.kind === 'network'
          ? EXIT.SEND_FAILED
          : EXIT.PROBLEMS;
    }
    let before: string | undefined;
    try {
      before = readFileSync(out, 'utf8');
    } catch {
      before = undefined;
    }
    writeAtomically(out, r.text);
    const n = r.file.calculated_attributes.length;
    const same = before !== undefined && withoutPulledAt(before) === withoutPulledAt(r.text);
    io.out(
      `${n} calculated attribute${n === 1 ? '' : 's'} of workspace ${options.workspace} written to ${typeof options.out === 'string' ? options.out : DEFINITIONS_FILE_NAME}${same ? ' (no changes since the last pull)' : ''}\n`,
    );
    if (r.skipped.length > 0)
      io.out(`  skipped (no definition or an unknown calculation type): ${r.skipped.join(', ')}\n`);
    return EXIT.OK;
  } finally {
    await undici.close();
  }
}

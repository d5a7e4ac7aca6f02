/** The CLI's help texts (`caseed --help`, `caseed <command> --help`). */
import { POD_IDS } from '../core/vocabulary';

const PODS = POD_IDS.join('|');

export const MAIN_USAGE = `caseed: check mParticle Calculated Attributes Seeding API payloads (*.caseed.json)

Usage:
  caseed validate [--format text|json|sarif] [--definitions FILE] <files|dirs|globs>...
  caseed definitions pull --workspace ID [--out FILE] [--api-url URL] [--token-url URL]
  caseed import <export> --map FILE (--out FILE.caseed.ndjson | --out-dir DIR) | --init <export>
  caseed lsp --stdio
  caseed send <file> [--pod ${PODS}] [--base-url URL] [--dry-run] [--yes] ...
  caseed emulator [--port N] [--definitions FILE] [fault options]
  caseed --help | --version

Commands:
  validate   Check seed files; exit 0 when no file has an error, 1 when one does.
  definitions pull
             Write the workspace's calculated attribute definitions to caseed.definitions.json
             (Platform API credentials from MPARTICLE_CLIENT_ID/SECRET).
  import     Turn a warehouse export (CSV, NDJSON, Parquet) into seed files through a mapping
             file; rejected rows go to a rejects file (exit 1 when there are any).
  lsp        Serve the caseed language server over stdio (Neovim, Helix, Emacs, …).
  send       Validate, split and send a seed file (credentials from MPARTICLE_API_KEY/SECRET).
  emulator   Run a local emulator of the seeding API on 127.0.0.1 (for tests and demos).

Exit codes:
  0  no errors (warnings alone do not fail)
  1  at least one file has an error
  2  bad usage, or a file that cannot be read or is not UTF-8 text
  3  send: gave up after retries, network failure, or cancelled (1 also means the API rejected a request)

Run \`caseed <command> --help\` for a command's options.
`;

export const VALIDATE_USAGE = `Usage: caseed validate [--format text|json|sarif] [--definitions FILE] <files|dirs|globs>...

Checks each seed file with the same rules as the editor. Seeds are also checked against the
workspace's calculated attribute definitions: the nearest caseed.definitions.json up from each
seed file (like tsconfig.json), or the file given with --definitions. Files are read as a stream,
in constant memory however large; *.caseed.ndjson files hold one user per line.
  <file>   a file, whatever its name
  <dir>    every *.caseed.json and *.caseed.ndjson below it (recursively; node_modules and
           hidden folders are skipped)
  <glob>   a quoted pattern: * ? [abc] {a,b} and ** for any number of folders,
           e.g. 'seeds/**/*.caseed.json'

Options:
  --format text   file:line:col severity code message, then a summary (default)
  --format json   {"files":[{"file","diagnostics":[{"severity","code","message","range"}]}]},
                  0-based LSP positions
  --format sarif  SARIF 2.1.0, for code-scanning tools
  --definitions FILE  check every seed against this definitions file
  --no-definitions    do not look for a definitions file
  -h, --help      show this help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;

export const LSP_USAGE = `Usage: caseed lsp --stdio

Serves the caseed language server (diagnostics, completion, hover, quick fixes, symbols,
formatting) over stdin/stdout for any LSP client, e.g. in Neovim:
  vim.lsp.start({ name = 'caseed', cmd = { 'caseed', 'lsp', '--stdio' } })

Options:
  --stdio     speak LSP over stdin/stdout (required)
  -h, --help  show this help
`;

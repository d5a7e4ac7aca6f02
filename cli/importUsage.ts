/** `caseed import --help`. */
export const IMPORT_USAGE = `Usage: caseed import <export> --map FILE.caseed-map.json (--out FILE.caseed.ndjson | --out-dir DIR [--per-file N])
                     [--rejects FILE] [--definitions FILE | --no-definitions] [--workers N] [--validate-all]
       caseed import --init <export> [--out FILE.caseed-map.json] [--definitions FILE]

Turns a warehouse export (one row per user) into seed files, streaming, in constant memory:
  <export>  CSV with a header (RFC 4180; .csv.gz too), NDJSON (.ndjson, .jsonl) or Parquet (.parquet)
What each column means comes from the mapping file (format: schemas/caseed-map.schema.json;
\`--init\` writes a skeleton from the export's header). Identity columns are recognised in the
seeding API's, mParticle CSV import's (user_identities.customerid, device_info.ios_idfv) and
Warehouse Sync's spellings, case-insensitively; each mapping made is said. mpids are copied as
digits, never through a number. Every user is validated by the same rules as \`caseed validate\`:
the parts the mapping fixes once, on probe users; each row's values as they are converted — a user
whose every value passes is written at once, any other is validated by the core in full. A row that
cannot become a valid user goes to the rejects file (NDJSON: its row number, its cells and the
reason), and the summary adds up: rows read = users written + rows rejected.

Options:
  --map FILE        the mapping file (*.caseed-map.json)
  --out FILE        write one NDJSON seed file (*.caseed.ndjson, one user per line)
  --out-dir DIR     write bulk seed files (*.caseed.json) of --per-file users each (default 10000)
  --rejects FILE    where rejected rows go (default: beside the output, *.rejects.ndjson);
                    written only when a row is rejected
  --definitions FILE  the workspace definitions (default: the nearest caseed.definitions.json up
                    from the mapping file); calculation types and cutoff dates may then be left out
  --no-definitions  do not look for a definitions file
  --workers N       validation threads when every user is validated in full (default: CPUs - 1,
                    at most 4; 0: none)
  --validate-all    validate every user in full with the core, also those whose values all pass
                    (slower; the same result)
  --init            write a mapping skeleton from the export's header (to --out or stdout)
  -h, --help        show this help

Exit codes: 0 every row imported, 1 some rows rejected, 2 bad usage, a mapping with errors, or an
export that cannot be read.
`;

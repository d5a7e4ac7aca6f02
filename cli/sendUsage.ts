/** Help texts of `caseed send` and `caseed emulator`. */
import { POD_IDS } from '../core/vocabulary';

const PODS = POD_IDS.join('|');

export const SEND_USAGE = `Usage: caseed send <file> [options]

Validates a seed file, splits a bulk file into requests, and sends it to the Calculated Attributes
Seeding API with retries (429, 503, 5xx, dropped connections; Retry-After honoured) and pacing
(X-mp-rate-limit-percentage-used: slower from 70%, one at a time from 90%). Credentials
come from the environment: MPARTICLE_API_KEY and MPARTICLE_API_SECRET. The secret and the
Authorization header are never printed.

Every request is journaled (which users, its outcome; no secret, no payload) before it leaves and
once it has its outcome. Each ends accepted, rejected (with the API's reason), outcome unknown (it
left, no answer came back: the server may have stored it) or not sent; the summary names the users
of each — also on Ctrl+C and SIGTERM. Resume an interrupted send with --resume (also one
started in VS Code: both keep <file>.journal). One send of a file at a time: a second one, while
the first runs, is refused (its lock, <journal>.lock, names the process; a lock left by a killed
send is taken over).

Options:
  --pod ${PODS}  data center (default: suggested by the key's prefix, else us1)
  --base-url URL         a custom base URL (https, or http only for loopback such as the emulator)
  --dry-run              validate, split and print the plan; send nothing (no credentials needed)
  -y, --yes              send production records without asking (required without a terminal)
  --max-users N          at most N users per request (default 100)
  --max-bytes N          at most N bytes per request (default 262144)
  --concurrency N        requests in flight at once (default 4)
  --max-attempts N       attempts per request, the first included (default 6)
  --resume               continue an interrupted send from its journal: requests accepted
                         earlier are skipped, every other one is sent (again); refused when the
                         file, the target or the cut changed since
  --journal FILE         where the journal is kept (default: <file>.journal, next to the file)
  --stream               read the file streaming, in constant memory (automatic for
                         .caseed.ndjson files and files over 64 MB)
  --deadline S           give up after S seconds in all (default 600)
  --verbose              log every request and retry to stderr (redacted)
  --definitions FILE     check the seeds against this definitions file (default: the nearest
                         caseed.definitions.json up from the seed file); a mismatch refuses the send
  --no-definitions       do not look for a definitions file
  -h, --help             show this help

Exit codes: 0 all accepted, 1 rejected by validation or the API (4xx), 2 bad usage or a refused
--resume, 3 gave up after retries, network failure, outcome unknown or cancelled (resume it),
4 another send of the same file is running.
`;

export const EMULATOR_USAGE = `Usage: caseed emulator [--port N] [--definitions FILE] [--cors] [fault options]

Runs a local emulator of the Calculated Attributes Seeding API on http://127.0.0.1:PORT.
It checks Basic auth against MPARTICLE_API_KEY / MPARTICLE_API_SECRET (401 without a header, 403
wrong), answers 400 with the documented error body for malformed JSON, missing fields, non-numeric
seeds and — with --definitions — unknown attributes, 202 otherwise (all-or-nothing per request).
With --definitions it also serves the Platform API (POST /oauth/token, checked against
MPARTICLE_CLIENT_ID / MPARTICLE_CLIENT_SECRET, and GET /platform/v2/workspaces/ID/calculatedattributes,
checking the bearer token), for \`caseed definitions pull --api-url URL --token-url URL/oauth/token\`.
GET /emulator/seeds (same credentials) lists what it accepted. Only a loopback Host is answered.
Stop it with Ctrl+C.

Options:
  --port N                   port on 127.0.0.1 (default 8787; 0 = any free port)
  --definitions FILE         a caseed.definitions.json: the workspace's calculated attributes
  --cors                     answer CORS preflights, so VS Code for the Web (a browser) can send here
Fault injection:
  --fail-first N             answer the first N seeding requests with --fail-status
  --fail-status S            status for --fail-first (default 429)
  --retry-after S            Retry-After seconds on injected 429/503
  --rate-limit-exceeded X    X-mp-rate-limit-exceeded on injected 429 (e.g. acceleration)
  --status-503-every N       answer every Nth seeding request 503
  --delay-ms N               delay every answer by N ms
  --drop-every N             drop the connection of every Nth seeding request (nothing stored)
  --drop-after-store-every N store every Nth seeding request, then drop its connection unanswered
  --cut-body-every N         store every Nth seeding request, then cut its 202 answer short
  --rate-limit-used P        send X-mp-rate-limit-percentage-used: P with every 202
  --throttle-in-flight N     answer 429 to a request arriving while more than N are in flight
Other:
  --counting                 keep per-user counts, not payloads (sends of millions of users);
                             GET /emulator/counts (same credentials) reports them
  --quiet                    no line per request
  -h, --help                 show this help
`;

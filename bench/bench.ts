/**
 * `npm run bench`: how fast the core validates bulk seed files, as ratios to a floor measured in the
 * same run (`JSON.parse` of the same text), since these machines are shared and noisy.
 *
 * For 1,000, 10,000 and 100,000 users (valid, and a variant with 1% invalid users) it reports:
 * - the core's full validation (every diagnostic positioned) ÷ JSON.parse, timed in this process;
 * - the same for vscode-json-languageservice validating against schemas/caseed.schema.json (what
 *   VS Code's own JSON support would do), skipped at 100,000 users where it needs gigabytes;
 * - peak RSS of a fresh process doing only that work (a child per measurement, so one
 *   measurement's garbage does not count against another).
 *
 * - the CLI: `caseed validate` as a whole process at 10,000 users against a process that only reads
 *   and JSON.parses the file, and its peak RSS on a generated 1 GB file (bench/cli.ts).
 *
 * Then the language server over JSON-RPC at each size (see keystroke.ts): keystroke to diagnostics
 * with the debounce at 0, structural edits, completion and hover, the server's RSS.
 *
 * Usage: node dist/bench.js [--sizes 1000,10000,100000] [--live-sizes 1000,10000,100000] [--runs N]
 *   [--only cli] [--big-mb 1024] [--no-peer] [--no-rss] [--no-cli]
 * (an empty list skips that part: `--sizes ''` runs only the language server rows; `--no-peer`,
 * `--no-rss` and `--no-cli` skip the peer's column, the RSS columns and the CLI rows)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBench } from './cli';
import { coreValidate } from './coreValidate';
import { generateBulk } from './generate';
import { liveServer } from './keystroke';
import { jsonLanguageServiceValidate } from './peer';

type Task = 'json' | 'core' | 'peer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function runTask(task: Task, text: string): Promise<number> {
  if (task === 'json') {
    JSON.parse(text);
    return 0;
  }
  if (task === 'core') return coreValidate(text);
  return jsonLanguageServiceValidate(text);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times the tasks interleaved (json, core, peer, json, core, …) so that noise hits all alike. */
async function timeTasks(text: string, tasks: Task[], runs: number): Promise<Map<Task, number>> {
  const samples = new Map<Task, number[]>(tasks.map((t) => [t, []]));
  // Warm up the JIT: each task at least 3 times and for at least half a second.
  for (const t of tasks) {
    const until = performance.now() + 500;
    for (let k = 0; k < 3 || (performance.now() < until && k < 50); k++) await runTask(t, text);
  }
  for (let r = 0; r < runs; r++) {
    for (const t of tasks) {
      const start = performance.now();
      await runTask(t, text);
      samples.get(t)!.push(performance.now() - start);
    }
  }
  return new Map(tasks.map((t) => [t, median(samples.get(t)!)]));
}

/** Peak RSS (MB) of a fresh process that reads the file and runs one task once. */
function peakRss(file: string, task: Task): number | string {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', __filename, '--child', task, file],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  if (r.status !== 0)
    return `failed (${(r.stderr || r.signal || '').toString().trim().split('\n')[0]})`;
  return Number(r.stdout.trim());
}

async function child(task: Task, file: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  await runTask(task, text);
  // maxRSS is in kilobytes.
  process.stdout.write(String(Math.round(process.resourceUsage().maxRSS / 1024)));
}

function fmt(x: number | string, digits = 1): string {
  return typeof x === 'number' ? x.toFixed(digits) : x;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as Task, process.argv[4]);
  const sizes = (arg('--sizes') ?? '1000,10000,100000')
    .split(',')
    .filter((x) => x !== '')
    .map(Number);
  const runs = Number(arg('--runs') ?? 9);
  const dir = join(tmpdir(), 'caseed-bench');
  mkdirSync(dir, { recursive: true });
  console.log(
    `caseed benchmark — node ${process.version}, median of ${runs} interleaved runs after warm-up`,
  );
  console.log(
    'ratio = time ÷ JSON.parse of the same text in this run; RSS = peak of a fresh process\n',
  );
  const header = [
    'users',
    'variant',
    'MB',
    'JSON.parse ms',
    'core ×',
    'peer ×',
    'RSS JSON.parse',
    'RSS core',
    'RSS peer',
    'core errors',
  ];
  const rows: string[][] = [header];
  const cliOnly = arg('--only') === 'cli';
  const noPeer = process.argv.includes('--no-peer');
  const noRss = process.argv.includes('--no-rss');
  const rss = (file: string, task: Task): string =>
    noRss ? 'skipped' : fmt(peakRss(file, task), 0);
  for (const users of cliOnly ? [] : sizes) {
    for (const invalidRate of [0, 0.01]) {
      const text = generateBulk({ users, invalidRate });
      const file = join(dir, `bulk-${users}-${invalidRate}.caseed.json`);
      writeFileSync(file, text);
      const withPeer = users <= 10_000 && !noPeer;
      // The core and the peer are each timed against their own JSON.parse floor, in separate phases,
      // so that the peer's garbage is not collected on the core's time.
      const n = users >= 100_000 ? Math.min(runs, 3) : runs;
      const core = await timeTasks(text, ['json', 'core'], n);
      const floor = core.get('json')!;
      const coreRatio = core.get('core')! / floor;
      let peerRatio: number | undefined;
      if (withPeer) {
        const peer = await timeTasks(text, ['json', 'peer'], n);
        peerRatio = peer.get('peer')! / peer.get('json')!;
      }
      const errors = coreValidate(text);
      rows.push([
        String(users),
        invalidRate === 0 ? 'valid' : '1% invalid',
        fmt(text.length / 1e6),
        fmt(floor),
        fmt(coreRatio, 2),
        peerRatio !== undefined ? fmt(peerRatio, 1) : 'skipped',
        rss(file, 'json'),
        rss(file, 'core'),
        withPeer ? rss(file, 'peer') : 'skipped',
        String(errors),
      ]);
      console.log(rows[rows.length - 1].join('\t'));
    }
  }
  if (!cliOnly) console.log('\n' + toMarkdown(rows));

  console.log('');
  if (process.argv.includes('--no-cli') && !cliOnly) {
    await live(arg('--live-sizes') ?? sizes.join(','), runs);
    return;
  }
  const cli = cliBench(dir, runs, 10_000, Number(arg('--big-mb') ?? 1024));
  for (const line of cli.lines) console.log(line);
  if (cliOnly) return;

  await live(arg('--live-sizes') ?? sizes.join(','), runs);
}

/**
 * The language server over JSON-RPC at each size (1% invalid users), debounce 0: keystroke to
 * diagnostics, structural edits, completion and hover, the server's RSS against the document's size.
 */
async function live(list: string, runs: number): Promise<void> {
  const sizes = list
    .split(',')
    .filter((x) => x !== '')
    .map(Number);
  if (sizes.length === 0) return;
  const rows: string[][] = [
    [
      'users',
      'MB',
      'JSON.parse ms',
      'open → diagnostics ms',
      'keystroke p50 ms',
      'keystroke p90 ms',
      'p90 × JSON.parse',
      'server p50 ms',
      'structural p50 ms',
      'structural p90 ms',
      'completion p50/p90 ms',
      'hover p50/p90 ms',
      'RSS open MB (÷ size)',
      'RSS after edits MB (÷ size)',
      'RSS settled MB (÷ size)',
      'peak RSS MB',
    ],
  ];
  for (const users of sizes) {
    const text = generateBulk({ users, invalidRate: 0.01 });
    const floor = (
      await timeTasks(text, ['json'], Math.min(runs, users >= 100_000 ? 3 : runs))
    ).get('json')!;
    const r = await liveServer(text, { keystrokes: 200, requests: 50 });
    const mb = text.length / 1e6;
    const pair = (p: { p50: number; p90: number } | undefined): string =>
      p === undefined ? 'n/a' : `${fmt(p.p50)} / ${fmt(p.p90)}`;
    rows.push([
      String(users),
      fmt(mb),
      fmt(floor),
      fmt(r.openMs, 0),
      fmt(r.keystrokes.p50),
      fmt(r.keystrokes.p90),
      fmt(r.keystrokes.p90 / floor, 2),
      fmt(r.serverMedianMs),
      fmt(r.structural.p50, 0),
      fmt(r.structural.p90, 0),
      pair(r.completion),
      pair(r.hover),
      r.openRssMB === undefined ? 'n/a' : `${fmt(r.openRssMB, 0)} (${fmt(r.openRssMB / mb, 2)})`,
      r.rssMB === undefined ? 'n/a' : `${fmt(r.rssMB, 0)} (${fmt(r.rssMB / mb, 2)})`,
      r.settledRssMB === undefined
        ? 'n/a'
        : `${fmt(r.settledRssMB, 0)} (${fmt(r.settledRssMB / mb, 2)})`,
      r.peakRssMB === undefined ? 'n/a' : fmt(r.peakRssMB, 0),
    ]);
    console.log(rows[rows.length - 1].join('\t'));
  }
  console.log(
    '\nLanguage server over JSON-RPC (stdio), debounce 0, 1% invalid users: ' +
      `keystroke = ${200} one-character edits spread over the file (typed into an attribute name, then deleted), ` +
      'timed from didChange to the publishDiagnostics of that version; structural = a comma between users ' +
      'removed and restored, a user pasted and removed (4 each, full passes); completion and hover = 50 ' +
      'requests each on users spread over the file; RSS = the server process (VmRSS) once the file is ' +
      'open and validated, right after all the edits (the full passes of the structural edits leave ' +
      'garbage V8 has not collected yet), and settled (the lowest of one sample a second over 10 s ' +
      'of idleness after the edits); peak = VmHWM (the open message is held as bytes and as text ' +
      'while it is parsed). Keystroke times include publishing every problem (up to ' +
      'validate.maxProblems, 1,000; no fixes in them): at 100,000 users with 1% invalid that is ' +
      '~350 KB of JSON per keystroke.\n',
  );
  console.log(toMarkdown(rows));
}

function toMarkdown(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

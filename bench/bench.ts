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
 * Usage: node dist/bench.js [--sizes 1000,10000,100000] [--runs N] [--only cli] [--big-mb 1024]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineIndex } from '../core/positions';
import { validate } from '../core/validate';
import { cliBench } from './cli';
import { generateBulk } from './generate';
import { keystrokeToDiagnostics } from './keystroke';
import { jsonLanguageServiceValidate } from './peer';

type Task = 'json' | 'core' | 'peer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The core's full validation, every diagnostic given its line/character range. */
function coreValidate(text: string): number {
  const { diagnostics, lineStarts } = validate(text, { keepTree: false, today: '2026-01-01' });
  const lines = new LineIndex(text, lineStarts);
  let errors = 0;
  for (const d of diagnostics) {
    lines.rangeOf(d.offset, d.length);
    if (d.severity === 'error') errors++;
  }
  return errors;
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
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
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
  for (const users of cliOnly ? [] : sizes) {
    for (const invalidRate of [0, 0.01]) {
      const text = generateBulk({ users, invalidRate });
      const file = join(dir, `bulk-${users}-${invalidRate}.caseed.json`);
      writeFileSync(file, text);
      const withPeer = users <= 10_000;
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
        fmt(peakRss(file, 'json'), 0),
        fmt(peakRss(file, 'core'), 0),
        withPeer ? fmt(peakRss(file, 'peer'), 0) : 'skipped',
        String(errors),
      ]);
      console.log(rows[rows.length - 1].join('\t'));
    }
  }
  if (!cliOnly) console.log('\n' + toMarkdown(rows));

  console.log('');
  const cli = cliBench(dir, runs, 10_000, Number(arg('--big-mb') ?? 1024));
  for (const line of cli.lines) console.log(line);
  if (cliOnly) return;

  const text = generateBulk({ users: 1000, invalidRate: 0.01 });
  const floor = (await timeTasks(text, ['json'], runs)).get('json')!;
  const k = await keystrokeToDiagnostics(text);
  console.log(
    `\nKeystroke to diagnostics, 1,000 users (${(text.length / 1e6).toFixed(1)} MB), language server over JSON-RPC, ` +
      `${k.keystrokes} one-character edits, debounce ${k.debounceMs} ms included: median ${k.medianMs.toFixed(0)} ms ` +
      `(${(k.medianMs / floor).toFixed(1)}× JSON.parse of the text), p90 ${k.p90Ms.toFixed(0)} ms; ` +
      `the server's validation itself: median ${k.serverMedianMs.toFixed(0)} ms (${(k.serverMedianMs / floor).toFixed(1)}× JSON.parse)`,
  );
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

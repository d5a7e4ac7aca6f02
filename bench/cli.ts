/**
 * The CLI rows of `npm run bench`: `caseed validate` as a whole process (start-up, reading,
 * validation, output), against a floor measured in the same run — a process that only reads the
 * file and `JSON.parse`s it — and its peak RSS on a generated bulk file of about 1 GB (read as a
 * stream: memory must not grow with the file; no JSON.parse floor exists there, a 1 GB string does
 * not fit in V8).
 *
 * Every process is a fresh `node` with a preloaded hook that writes its peak RSS and CPU time on
 * exit; wall time is taken around the spawn (the same spawn cost for both sides).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { generateBulk } from './generate';

const CLI = resolve(__dirname, '..', 'bin', 'caseed.js');

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMB: number;
  status: number | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `node -r <probe> ...args` once. */
function run(dir: string, args: string[]): Sample {
  const probe = join(dir, 'probe.js');
  const out = join(dir, 'probe.json');
  writeFileSync(
    probe,
    `process.on('exit', () => { const c = process.cpuUsage(); require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ rss: process.resourceUsage().maxRSS, cpu: (c.user + c.system) / 1000 })); });\n`,
  );
  rmSync(out, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 1_800_000,
  });
  const wallMs = performance.now() - start;
  let rssMB = NaN;
  let cpuMs = NaN;
  try {
    const p = JSON.parse(readFileSync(out, 'utf8')) as { rss: number; cpu: number };
    rssMB = p.rss / 1024;
    cpuMs = p.cpu;
  } catch {
    // The process died before its exit hook (reported by its status).
  }
  return { wallMs, cpuMs, rssMB, status: r.status };
}

/** Writes a bulk file of about `mb` megabytes, block by block (never whole in memory). */
export function writeBigBulk(file: string, mb: number): number {
  const block = generateBulk({ users: 1000 }).trim().slice(1, -1).trim();
  const fd = openSync(file, 'w');
  let bytes = writeSync(fd, '[\n');
  for (let b = 0; bytes < mb * 1024 * 1024; b++) {
    // Ids of their own in each block, so no two users of the file are alike.
    const users = block
      .replace(/73462446110/g, `7346244${String(b % 10000).padStart(4, '0')}`)
      .replace(/cust-/g, `cust-${b}-`);
    bytes += writeSync(fd, b === 0 ? users : `,\n${users}`);
  }
  bytes += writeSync(fd, '\n]\n');
  closeSync(fd);
  return bytes;
}

export interface CliRows {
  lines: string[];
}

/**
 * `users`-user file: median wall and CPU time of `caseed validate` ÷ a read+JSON.parse process,
 * interleaved `runs` times; then peak RSS on a `bigMB` file.
 */
export function cliBench(dir: string, runs: number, users: number, bigMB: number): CliRows {
  const lines: string[] = [];
  const file = join(dir, `cli-${users}.caseed.json`);
  writeFileSync(file, generateBulk({ users }));
  const mb = statSync(file).size / 1e6;
  const floorArgs = [
    '-e',
    `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`,
  ];
  const cliArgs = [CLI, 'validate', file];
  const empty = ['-e', '0'];
  // Warm the file cache and the disk once each.
  run(dir, floorArgs);
  run(dir, cliArgs);
  const floor: Sample[] = [];
  const cli: Sample[] = [];
  const bare: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(run(dir, floorArgs));
    cli.push(run(dir, cliArgs));
    bare.push(run(dir, empty));
  }
  const bad = cli.find((s) => s.status !== 0);
  if (bad !== undefined)
    lines.push(`caseed validate exited ${bad.status} on the ${users}-user file`);
  const w = (xs: Sample[]): number => median(xs.map((s) => s.wallMs));
  const c = (xs: Sample[]): number => median(xs.map((s) => s.cpuMs));
  const r = (xs: Sample[]): number => median(xs.map((s) => s.rssMB));
  lines.push(
    `caseed validate as a whole process, ${users.toLocaleString('en')} users (${mb.toFixed(1)} MB), median of ${runs} interleaved runs:`,
    `  wall ${w(cli).toFixed(0)} ms = ${(w(cli) / w(floor)).toFixed(2)}× a process that reads and JSON.parses the file (${w(floor).toFixed(0)} ms; target ≤ 2.5×); an empty node process: ${w(bare).toFixed(0)} ms`,
    `  CPU ${c(cli).toFixed(0)} ms = ${(c(cli) / c(floor)).toFixed(2)}× (${c(floor).toFixed(0)} ms); peak RSS ${r(cli).toFixed(0)} MB vs ${r(floor).toFixed(0)} MB`,
  );

  const big = join(dir, 'cli-big.caseed.json');
  const bytes = writeBigBulk(big, bigMB);
  const s = run(dir, [CLI, 'validate', big]);
  rmSync(big, { force: true });
  lines.push(
    `caseed validate on a generated ${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB bulk file (read as a stream): peak RSS ${s.rssMB.toFixed(0)} MB (target < 250 MB), ` +
      `${(s.wallMs / 1000).toFixed(1)} s wall (${(bytes / 1e6 / (s.wallMs / 1000)).toFixed(0)} MB/s), exit ${s.status}`,
  );
  return { lines };
}

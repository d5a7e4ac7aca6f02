/**
 * A/B benchmark of the core's full validation (what `bench.ts` times as `core ×`): this build's
 * `validate` against another build's (`--old`, a bundle exporting `coreValidate`, e.g. made from an
 * earlier commit with `--emit-old`), both against `JSON.parse` of the same text, alternating in one
 * process (json, old, new, json, old, new, …) so that the machine's noise hits all three alike.
 * Reports the median CPU time (user + system of the process) and wall time of each, and the least
 * CPU time (the least disturbed run, on a loaded machine), as ratios to `JSON.parse`, per round. Not a test: nothing is asserted.
 *
 * Usage: node dist/abValidate.js [--old dist-old/abCore.js] [--users 10000] [--rounds 3]
 *   [--runs 9] [--variants valid,invalid] [--text generated|file|both]
 *
 * `--text file` times the text as a file read gives it (one flat string, as `caseed validate`, the
 * language server and `readFileSync` have it); `generated` the generator's own string (built by
 * concatenation: V8 keeps it as a rope, every character read through one more indirection).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as CoreValidate from './coreValidate';
import { coreValidate } from './coreValidate';
import { generateBulk } from './generate';

export { coreValidate } from './coreValidate';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Sample {
  cpu: number;
  wall: number;
}

function time(f: () => unknown): Sample {
  const c = process.cpuUsage();
  const w = performance.now();
  f();
  const wall = performance.now() - w;
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall };
}

function main(): void {
  const oldPath = arg('--old');
  const users = Number(arg('--users') ?? 10_000);
  const rounds = Number(arg('--rounds') ?? 3);
  const runs = Number(arg('--runs') ?? 9);
  const variants = (arg('--variants') ?? 'valid,invalid').split(',');
  const kinds = arg('--text') === 'both' ? ['generated', 'file'] : [arg('--text') ?? 'file'];
  const old =
    oldPath === undefined ? undefined : (createRequire(__filename)(oldPath) as typeof CoreValidate);
  const tasks: Array<[string, (text: string) => unknown]> = [['json', (t) => JSON.parse(t)]];
  if (old !== undefined) tasks.push(['old', (t) => old.coreValidate(t)]);
  tasks.push(['new', (t) => coreValidate(t)]);
  console.log(
    `A/B full validation, ${users} users, node ${process.version}, ${rounds} rounds × median of ${runs}`,
  );
  for (const kind of kinds)
    for (const variant of variants) {
      const generated = generateBulk({ users, invalidRate: variant === 'valid' ? 0 : 0.01 });
      const text = kind === 'file' ? Buffer.from(generated, 'utf8').toString('utf8') : generated;
      if (old !== undefined && old.coreValidate(text) !== coreValidate(text))
        console.log('  (old and new disagree on the error count!)');
      for (const [, f] of tasks) for (let k = 0; k < 5; k++) f(text);
      for (let r = 0; r < rounds; r++) {
        const samples = new Map<string, Sample[]>(tasks.map(([n]) => [n, []]));
        for (let i = 0; i < runs; i++)
          for (const [n, f] of tasks) samples.get(n)!.push(time(() => f(text)));
        const cpu = (n: string): number => median(samples.get(n)!.map((s) => s.cpu));
        const wall = (n: string): number => median(samples.get(n)!.map((s) => s.wall));
        const best = (n: string): number => Math.min(...samples.get(n)!.map((s) => s.cpu));
        const parts = tasks
          .filter(([n]) => n !== 'json')
          .map(
            ([n]) =>
              `${n} cpu ${(cpu(n) / cpu('json')).toFixed(2)}× wall ${(wall(n) / wall('json')).toFixed(2)}× min ${(best(n) / best('json')).toFixed(2)}×`,
          );
        const load = readLoad();
        console.log(
          `${variant.padEnd(8)} ${kind.padEnd(9)} round ${r + 1}: json cpu ${cpu('json').toFixed(1)} ms wall ${wall('json').toFixed(1)} ms | ${parts.join(' | ')} | load ${load}`,
        );
      }
    }
}

function readLoad(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

if (require.main === module) main();

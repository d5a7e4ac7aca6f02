/**
 * The built CLI as a real child process with the test credentials in its environment (the way a
 * user runs `caseed send`), its output collected, and every output kept in `seen` for the tests'
 * closing check that no secret appears anywhere.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { KEY, SECRET } from './helpers';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'caseed.js');

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Run>;
  /** What it wrote to stderr so far. */
  err(): string;
  /** What it wrote to stdout and stderr so far. */
  out(): string;
}

/** `env` overrides the test environment (e.g. an empty secret). */
export function startCli(
  args: readonly string[],
  seen: string[],
  env: Record<string, string> = {},
): Started {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      MPARTICLE_API_KEY: KEY,
      MPARTICLE_API_SECRET: SECRET,
      CASEED_DEBUG: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      seen.push(stdout, stderr);
      resolveRun({ status, signal, stdout, stderr });
    });
  });
  return { child, done, err: () => stderr, out: () => stdout + stderr };
}

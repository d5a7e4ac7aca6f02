/** Run the real CLI (`node bin/caseed.js …`) as a user would, capturing exit code and output. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'caseed.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'shells');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function caseed(args: string[], cwd = ROOT, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CASEED_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseed-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** stderr is exactly one line and carries no stack trace. */
export function oneLine(stderr: string): boolean {
  return /^caseed: [^\n]+\n$/.test(stderr) && !/\n\s+at /.test(stderr);
}

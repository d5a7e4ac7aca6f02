/** Runs a node script of the repository to its end for the integration wrappers, with a deadline. */
import { spawn } from 'node:child_process';

/** Run a node script to its end, killing it if it outlives `timeoutMs`. */
export function runScript(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    let forced: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGTERM');
      // The runners stop what they started on SIGTERM (each step bounded); one that does not
      // exit within the grace period is killed outright, so this never waits forever.
      forced = setTimeout(() => child.kill('SIGKILL'), 60_000);
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(forced);
      resolve({ code, output });
    });
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** What the serve bench and the three-instance end-to-end test share: `rolecall serve` processes and the rate check. */

const CLI = join(import.meta.dirname, '../cli/rolecall.mjs');

/** Starts `rolecall serve` in a child process with `env` over this one's; `ready` resolves once it listens. */
export function startServeProcess(env: Record<string, string>): {
  child: ChildProcess;
  ready: Promise<void>;
} {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    const look = (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('Server listening')) resolve();
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out.slice(-500)}`)));
  });
  return { child, ready };
}

/** The most requests inside any 10-second window, given their times in milliseconds. */
export function busiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 10_000) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

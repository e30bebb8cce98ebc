import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROLECALL_BIN = join(import.meta.dirname, '../../src/cli/rolecall.mjs');

export interface SpawnedCli {
  child: ChildProcess;
  /** Resolves when the process has exited and its output is closed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `rolecall ARGS` as a separate process, the way a user runs it (so it can be killed mid-run). */
export function spawnRolecall(args: string[], env: Record<string, string> = {}): SpawnedCli {
  const child = spawn(process.execPath, [ROLECALL_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

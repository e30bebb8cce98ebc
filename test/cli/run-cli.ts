import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, vi } from 'vitest';
import { classifyJsonl } from '../../src/cli/classify-stream.ts';
import { main } from '../../src/cli/main.ts';

export interface Captured {
  /** Everything written to stdout since the test began. */
  readonly out: string;
  /** Everything written to stderr since the test began. */
  readonly err: string;
  clear(): void;
}

/**
 * Captures stdout and stderr for every test of the calling file (restored after each, with
 * process.exitCode). Call once at the top level of a test file.
 */
export function captureOutput(): Captured {
  let out = '';
  let err = '';
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    clear() {
      out = '';
      err = '';
    },
  };
}

/** Runs `rolecall ...args` in this process and returns its exit code. */
export function rolecall(...args: string[]): Promise<number> {
  return main(['node', 'rolecall', ...args]);
}

/** `rolecall classify --jsonl` over `input`, in this process: its output lines, parsed. */
export async function jsonl(input: string): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await classifyJsonl(Readable.from([input]), output);
  output.end();
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSandbox } from '../../src/cli/commands/sandbox.ts';
import { CliError } from '../../src/cli/errors.ts';

const root = join(import.meta.dirname, '../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-sandbox-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const run = (args: string[]) => {
  const program = new Command('rolecall').exitOverride();
  registerSandbox(program);
  return program.parseAsync(['node', 'rolecall', 'sandbox', ...args]);
};

/** Runs the command in a child process (it serves until SIGINT), through the command module itself. */
function child(args: string[]) {
  const code = `import { Command } from 'commander';
import { registerSandbox } from './src/cli/commands/sandbox.ts';
const program = new Command('rolecall');
registerSandbox(program);
await program.parseAsync(process.argv);`;
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code, 'x', 'sandbox', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

describe('rolecall sandbox', () => {
  it('prints the base URL and a token, serves, and stops cleanly on Ctrl-C, saving with --save', async () => {
    const file = join(dir, 'saved.jsonl');
    const proc = child(['--contacts', '50', '--port', '0', '--json', '--save', file]);
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      proc.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${baseUrl}/crm/v3/objects/contacts?limit=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    const saved = await readFile(file, 'utf8');
    const kinds = saved
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => (JSON.parse(l) as { t: string }).t);
    expect(kinds.filter((t) => t === 'c')).toHaveLength(50);
    expect(kinds.filter((t) => t === 'o')).toHaveLength(5);
    expect(kinds.filter((t) => t === 'd')).toHaveLength(5); // one deal per ten contacts by default
  }, 30_000);

  it('saves a dataset and exits with --once', async () => {
    const file = join(dir, 'once.jsonl');
    await run(['--contacts', '30', '--companies', '3', '--deals', '0', '--save', file, '--once']);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1 + 30 + 3);
  });

  it('names the fix for bad options', async () => {
    await expect(run(['--rate', 'gold'])).rejects.toThrow(/--rate must be one of free, starter, pro/);
    await expect(run(['--contacts', '-5'])).rejects.toThrow(CliError);
    await expect(run(['--once'])).rejects.toThrow(/--once needs --save/);
    await expect(run(['--webhook-url', 'http://x'])).rejects.toThrow(/go together/);
    await expect(run(['--webhook-url', 'x', '--webhook-secret', 's'])).rejects.toThrow(
      /must start with http/,
    );
    await expect(run(['--data', join(dir, 'missing.jsonl'), '--port', '0'])).rejects.toThrow(/No dataset at/);
  });
});

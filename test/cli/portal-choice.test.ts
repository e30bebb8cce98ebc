import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { captureOutput, rolecall } from './run-cli.ts';

const io = captureOutput();
let dir = '';
let db = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-portal-'));
  db = join(dir, 'rolecall.db');
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', '');
  return () => vi.unstubAllEnvs();
});

/** The command a line of output tells people to run next, as argv. */
function nextCommand(label: string): string[] {
  const line = io.out.split('\n').find((l) => l.startsWith(`${label}: rolecall `));
  if (!line) throw new Error(`no "${label}:" line in:\n${io.out}`);
  return line.slice(`${label}: rolecall `.length).split(' ');
}

describe('commands that write to a portal never pretend', () => {
  it.each([
    ['setup', []],
    ['tag', []],
    ['tag', ['--dry-run']],
    ['undo', ['some-run']],
  ])('%s %j without a token or --sandbox exits 2 with the fix and touches nothing', async (command, args) => {
    expect(await rolecall(command, ...args, '--db', db)).toBe(2);
    expect(io.err).toMatch(/HUBSPOT_ACCESS_TOKEN is not set/);
    expect(io.err).toMatch(/export HUBSPOT_ACCESS_TOKEN=pat-…".*or add --sandbox/);
    expect(io.out).toBe('');
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dir, 'sandbox.json'))).toBe(false);
  });

  it('--base-url without a token is a usage error naming the token', async () => {
    expect(await rolecall('setup', '--base-url', 'http://127.0.0.1:9', '--db', db)).toBe(2);
    expect(io.err).toMatch(/--base-url http:\/\/127\.0\.0\.1:9 needs a token: set HUBSPOT_ACCESS_TOKEN/);
  });

  it('--sandbox and --base-url together are a usage error', async () => {
    expect(await rolecall('tag', '--sandbox', '--base-url', 'http://127.0.0.1:9', '--db', db)).toBe(2);
    expect(io.err).toMatch(/--base-url.*cannot be used with.*--sandbox/);
  });

  it('--filter with a bare property name is a usage error before anything connects', async () => {
    expect(await rolecall('tag', '--filter', 'lifecyclestage', '--dry-run', '--db', db)).toBe(2);
    expect(io.err).toContain(
      '--filter "lifecyclestage" has no operator: write lifecyclestage=<value> (like --filter lifecyclestage=lead)',
    );
    expect(io.err).not.toMatch(/HUBSPOT_ACCESS_TOKEN/);
    expect(existsSync(db)).toBe(false);
  });

  it('an unknown option exits 2 (usage), not 1', async () => {
    expect(await rolecall('tag', '--no-such-flag')).toBe(2);
    expect(io.err).toMatch(/unknown option '--no-such-flag'/);
  });

  it.each(['setup', 'tag', 'undo'])('%s --help names the environment and shows examples', async (command) => {
    expect(await rolecall(command, '--help')).toBe(0);
    expect(io.out).toMatch(/Environment:\n\s+HUBSPOT_ACCESS_TOKEN/);
    expect(io.out).toMatch(/Examples:\n\s+\$ .*rolecall /);
    expect(io.out).toMatch(/--sandbox/);
  });

  const backend = ['ROLECALL_PUBLIC_URL', 'HUBSPOT_CLIENT_SECRET'];
  it.each([
    ['setup', ['HUBSPOT_ACCESS_TOKEN', ...backend]],
    ['tag', ['HUBSPOT_ACCESS_TOKEN', ...backend]],
    ['undo', ['HUBSPOT_ACCESS_TOKEN']],
    ['deals', ['HUBSPOT_ACCESS_TOKEN']],
    ['insights', ['HUBSPOT_ACCESS_TOKEN']],
    ['playbook pull', backend],
    ['playbook push', backend],
  ])('%s --help lists every variable it reads (%j) in its Environment section', async (command, names) => {
    expect(await rolecall(...command.split(' '), '--help')).toBe(0);
    const environment = io.out.split('Environment:\n')[1]?.split('\n\n')[0] ?? '';
    const listed = [...environment.matchAll(/^ {2}([A-Z_]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(names);
    const examples = io.out.split('Examples:\n')[1]?.trim().split('\n') ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect(example).toMatch(new RegExp(`^\\s*\\$ .*rolecall ${command} `));
  });

  it('serve --help lists the variables it reads', async () => {
    expect(await rolecall('serve', '--help')).toBe(0);
    for (const name of [
      'HUBSPOT_ACCESS_TOKEN',
      'HUBSPOT_CLIENT_SECRET',
      'ROLECALL_PUBLIC_URL',
      'ROLECALL_DB_PATH',
    ])
      expect(io.out).toContain(name);
    expect(io.out).toMatch(/Examples:/);
  });
});

describe('run failures and what a run prints', () => {
  it('a run the portal refuses exits 1, names the fix and never prints the token', async () => {
    const sandbox = await startSandbox({ contacts: 10, rateLimit: false });
    try {
      vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-not-the-right-one');
      expect(await rolecall('tag', '--dry-run', '--base-url', sandbox.baseUrl, '--db', db)).toBe(1);
      expect(io.err).toMatch(/HUBSPOT_ACCESS_TOKEN/);
      expect(`${io.out}${io.err}`).not.toContain('pat-na1-not-the-right-one');
    } finally {
      await sandbox.close();
    }
  });

  it('a run prints where its report is and the exact undo command', async () => {
    expect(await rolecall('setup', '--sandbox', '--db', db)).toBe(0);
    io.clear();
    expect(await rolecall('tag', '--sandbox', '--db', db)).toBe(0);
    const report = io.out.match(/^ {2}report: (\S+\.html)$/m)?.[1] ?? '';
    expect(existsSync(report)).toBe(true);
    const undo = nextCommand('Undo');
    expect(undo[0]).toBe('undo');
    expect(report).toContain(undo[1]);
    expect(undo.slice(2)).toEqual(['--db', db, '--sandbox']);
  }, 120_000);
});

describe('--sandbox: dry run, the printed apply command, the printed undo command', () => {
  it('each step prints the exact next command, and running it works', async () => {
    expect(await rolecall('setup', '--sandbox', '--db', db)).toBe(0);
    expect(io.err).toMatch(
      /--sandbox: a local sandbox with 3000 sample contacts .*nothing is written to HubSpot/,
    );

    io.clear();
    expect(await rolecall('tag', '--dry-run', '--sandbox', '--db', db)).toBe(0);
    const apply = nextCommand('Next');
    expect(apply.slice(0, 2)).toEqual(['tag', '--apply']);
    expect(apply[2]).toMatch(/plan-.*\.json$/);
    expect(existsSync(apply[2] ?? '')).toBe(true);
    expect(apply.slice(3)).toEqual(['--db', db, '--sandbox']);

    io.clear();
    expect(await rolecall(...apply)).toBe(0);
    expect(io.err).toMatch(/the local sandbox saved in/);
    const applyReport = io.out.match(/^ {2}report: (\S+\.html)$/m)?.[1] ?? '';
    expect(existsSync(applyReport)).toBe(true);
    const undo = nextCommand('Undo');
    expect(undo[0]).toBe('undo');
    expect(undo.slice(2)).toEqual(['--db', db, '--sandbox']);
    expect(applyReport).toContain(undo[1]);

    io.clear();
    expect(await rolecall(...undo)).toBe(0);
    expect(io.out).toMatch(/restored [1-9]\d* values/);
  }, 120_000); // four commands end to end, each loading its modules the first time
});

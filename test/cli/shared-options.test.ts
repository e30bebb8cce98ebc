import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PLAYBOOK_YAML } from '../../src/playbook/load-file.ts';
import { captureOutput, rolecall } from './run-cli.ts';

const io = captureOutput();
let dir = '';
let playbook = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-options-'));
  // The shipped YAML still says it is an example: loading it as a file gives a warning.
  playbook = join(dir, 'team.yaml');
  copyFileSync(DEFAULT_PLAYBOOK_YAML, playbook);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', '');
  return () => vi.unstubAllEnvs();
});

describe('--playbook <file>: one loader, warnings shown by every command', () => {
  it.each([
    ['classify', ['CFO']],
    ['card', ['CFO']],
    ['tag', ['--csv', 'in.csv', '--out', 'out.csv']],
    ['setup', ['--sandbox', '--dry-run']],
  ])('%s shows the playbook warnings on stderr', async (command, args) => {
    writeFileSync(join(dir, 'in.csv'), 'Record ID,Job Title\n1,CFO\n');
    const resolved = args.map((arg) => (arg.endsWith('.csv') ? join(dir, arg) : arg));
    const db = command === 'setup' ? ['--db', join(dir, 'rolecall.db')] : [];
    await rolecall(command, ...resolved, '--playbook', playbook, ...db);
    expect(io.err).toMatch(/⚠ .*team\.yaml/);
  });

  it('a broken file stops every command the same way, before anything connects', async () => {
    writeFileSync(playbook, 'version: 1\npersonas: nope\n');
    for (const command of ['classify', 'tag']) {
      io.clear();
      expect(
        await rolecall(command, ...(command === 'classify' ? ['CFO'] : []), '--playbook', playbook),
      ).toBe(1);
      expect(io.err).toMatch(/team\.yaml is not a valid playbook \(\d+ problem\(s\)\):\n {2}✖ /);
      expect(io.err).toMatch(/Fix them, then run "rolecall playbook check .*team\.yaml"/);
      expect(io.err).not.toMatch(/HUBSPOT_ACCESS_TOKEN/);
    }
  });
});

describe('shared options read the same in every command', () => {
  it.each(['setup', 'tag', 'undo', 'runs', 'report', 'deals', 'insights'])(
    '%s --help: --db <path>',
    async (c) => {
      await rolecall(c, '--help');
      expect(io.out).toMatch(/--db <path> +audit log/);
    },
  );

  it.each(['classify', 'card', 'setup', 'tag', 'report', 'deals', 'insights'])(
    '%s --help: --playbook <file>',
    async (c) => {
      await rolecall(c, '--help');
      expect(io.out).toMatch(/--playbook <file> /);
    },
  );
});

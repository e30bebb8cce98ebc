import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../cli/run-cli.ts';
import { baseData, DEFAULT_YAML } from './base.ts';

const io = captureOutput();
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-playbook-'));
});

const run = (...args: string[]) => main(['node', 'rolecall', ...args]);

describe('rolecall playbook check', () => {
  it('passes the shipped default', async () => {
    expect(await run('playbook', 'check')).toBe(0);
    expect(io.out).toMatch(/playbook 2026\.\d+\.\d+ is valid \(5 personas, 4 customer, 2 negative/);
    // The example still carries templates, and the check says so for each one.
    expect(io.out).toMatch(/⚠ .*personas\[0\]\.painPoints\[0\]: template quote still in place/);
  });

  it('exits 1 with the precise error list for a broken file', async () => {
    const data = baseData();
    data.personas[2].match.functions = ['sales_ops'];
    data.roleRules[1].id = data.roleRules[0].id;
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, stringify(data));
    expect(await run('playbook', 'check', path)).toBe(1);
    expect(io.err).toContain(`${path}: 2 error(s)`);
    expect(io.err).toContain(
      `✖ ${path} › personas[2].match.functions[0]: "sales_ops" is not a function; did you mean "sales"?`,
    );
    expect(io.err).toContain(
      `✖ ${path} › roleRules[1].id: duplicate rule id "not-in-a-role" (first used at roleRules[0].id)`,
    );
    expect(io.err).toContain(`rolecall playbook check ${path}`);
  });

  it('exits 1 for a missing file and for garbage, without a stack trace', async () => {
    expect(await run('playbook', 'check', join(dir, 'nope.yaml'))).toBe(1);
    expect(io.err).toContain('no such file');
    const garbage = join(dir, 'garbage.yaml');
    writeFileSync(garbage, '\u0000\u0001: [');
    expect(await run('playbook', 'check', garbage)).toBe(1);
    expect(io.err).not.toContain('Unexpected error');
  });
});

describe('rolecall playbook init', () => {
  it('writes the commented default and refuses to overwrite without --force', async () => {
    const path = join(dir, 'mine.yaml');
    expect(await run('playbook', 'init', path)).toBe(0);
    const written = readFileSync(path, 'utf8');
    expect(written).toContain('# yaml-language-server: $schema=/');
    expect(written.replace(/\$schema=\S+/, '')).toBe(DEFAULT_YAML.replace(/\$schema=\S+/, ''));
    const schemaPath = /\$schema=(\S+)/.exec(written)?.[1] ?? '';
    expect(JSON.parse(readFileSync(schemaPath, 'utf8')).type).toBe('object');
    expect(await run('playbook', 'init', path)).toBe(1);
    expect(io.err).toContain('already exists; pass --force');
    expect(await run('playbook', 'init', path, '--force')).toBe(0);
    expect(await run('playbook', 'check', path)).toBe(0);
  });
});

describe('rolecall playbook show', () => {
  it('lists personas, prints one card, and suggests a close id', async () => {
    expect(await run('playbook', 'show')).toBe(0);
    expect(io.out).toContain('student_or_job_seeker');
    io.clear();
    expect(await run('playbook', 'show', 'finance_leader')).toBe(0);
    expect(io.out).toContain('Finance Leader (finance_leader)');
    expect(io.out).toContain('Economic buyer:');
    expect(io.out).toContain('Discovery questions:');
    io.clear();
    expect(await run('playbook', 'show', 'gatekeeper')).toBe(0);
    expect(io.out).toContain('Talking points (any persona):');
    expect(await run('playbook', 'show', 'finance_lead')).toBe(1);
    expect(io.err).toContain('did you mean "finance_leader"?');
  });

  it('reads another playbook with --playbook and rejects a broken one', async () => {
    const data = baseData();
    data.personas[0].name = 'Founder & CEO';
    const path = join(dir, 'custom.yaml');
    writeFileSync(path, stringify(data));
    expect(await run('playbook', 'show', 'executive_leader', '--playbook', path)).toBe(0);
    expect(io.out).toContain('Founder & CEO (executive_leader)');
    data.personas[0].name = '';
    writeFileSync(path, stringify(data));
    expect(await run('playbook', 'show', '--playbook', path)).toBe(1);
    expect(io.err).toContain('personas[0].name: must not be empty');
  });
});

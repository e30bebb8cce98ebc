import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from './run-cli.ts';

const io = captureOutput();
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-flags-'));
});

const run = (...args: string[]) => main(['node', 'rolecall', 'classify', ...args]);

describe('rolecall classify: flags that would be ignored are errors', () => {
  it('--out without --csv writes nothing and says --out needs --csv', async () => {
    const target = join(dir, 'x.csv');
    expect(await run('CEO', '--out', target)).toBe(2);
    expect(io.err).toMatch(/--out needs --csv/);
    expect(io.out).toBe('');
    expect(existsSync(target)).toBe(false);
  });

  it('two inputs at once ask for one', async () => {
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, 'Job Title\nCFO\n');
    expect(await run('--jsonl', '--csv', csv)).toBe(2);
    expect(io.err).toMatch(/choose one input: a title, --jsonl or --csv/i);
    io.clear();
    expect(await run('CEO', '--csv', csv)).toBe(2);
    expect(io.err).toMatch(/choose one input/i);
    expect(io.out).toBe('');
  });

  it('company flags and --json with a stream name where the fact goes instead', async () => {
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, 'Job Title\nCFO\n');
    expect(await run('--jsonl', '--employees', '500')).toBe(2);
    expect(io.err).toMatch(/--employees is for a single title; with --jsonl, give "company.employees"/);
    io.clear();
    expect(await run('--csv', csv, '--industry', 'BANKING')).toBe(2);
    expect(io.err).toMatch(/--industry is for a single title; with --csv, put it in a "Industry" column/);
    io.clear();
    expect(await run('--csv', csv, '--json')).toBe(2);
    expect(io.err).toMatch(/--json is for a single title.*Drop --json/);
    io.clear();
    expect(await run('CEO', '--title-column', 'Role')).toBe(2);
    expect(io.err).toMatch(/--title-column needs --csv/);
    expect(io.out).toBe('');
  });

  it('still accepts the valid combinations', async () => {
    expect(await run('CEO', '--json', '--employees', '15', '--industry', 'SOFTWARE')).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ title: 'CEO', seniority: 'c_level' });
    const csv = join(dir, 'in.csv');
    const target = join(dir, 'out.csv');
    writeFileSync(csv, 'Role\nCFO\n');
    expect(await run('--csv', csv, '--out', target, '--title-column', 'Role')).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSince } from '../../src/cli/commands/insights.ts';
import { main } from '../../src/cli/main.ts';
import { generateDealHistory } from '../../src/sandbox/seed/deal-history.ts';
import { captureOutput } from '../cli/run-cli.ts';
import { analyzeHistory, NOW } from './history.ts';

const io = captureOutput();
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-suggest-'));
});

const run = (...args: string[]) => main(['node', 'rolecall', ...args]);

describe('rolecall playbook suggest', () => {
  it('writes the commented diff from a saved analysis and leaves the playbook alone', async () => {
    const from = join(dir, 'insights.json');
    writeFileSync(
      from,
      JSON.stringify(analyzeHistory(generateDealHistory({ deals: 600, seed: 7, now: NOW }))),
    );
    const target = join(dir, 'suggestions.yaml');
    expect(await run('playbook', 'suggest', '--from', from, '--out', target)).toBe(0);
    expect(io.out).toMatch(/wrote .*suggestions\.yaml: \d+ suggested change\(s\), none applied/);
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/# finance_leader engaged on \d+ % of won deals vs \d+ % of lost, 600 deals/);
    expect((parse(text) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
  });

  it('names the fix for a missing or foreign file (exit 2)', async () => {
    expect(await run('playbook', 'suggest', '--from', join(dir, 'nope.json'))).toBe(2);
    expect(io.err).toContain('rolecall insights --out');
    const foreign = join(dir, 'other.json');
    writeFileSync(foreign, '{"hello": 1}');
    expect(await run('playbook', 'suggest', '--from', foreign)).toBe(2);
    expect(io.err).toContain('is not a rolecall insights file');
  });
});

describe('rolecall insights flags', () => {
  it('reads --since periods and refuses others with exit 2', async () => {
    expect(parseSince('365d')).toBe(365);
    expect(parseSince('6m')).toBe(180);
    expect(parseSince('2y')).toBe(730);
    expect(parseSince('26w')).toBe(182);
    expect(await run('insights', '--since', 'last year')).toBe(2);
    expect(io.err).toContain('give a period like 365d');
    expect(await run('insights', '--min-deals', '0')).toBe(2);
    expect(io.err).toContain('--min-deals 0');
  });
});

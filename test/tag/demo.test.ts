import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('rolecall demo (npm start)', () => {
  it('runs sandbox + setup + tag + report with no account and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-demo-'));
    const env = { ...process.env };
    delete env.HUBSPOT_ACCESS_TOKEN;
    const run = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '../../src/cli/rolecall.mjs'), 'demo', '--contacts', '400', '--dir', dir],
      { encoding: 'utf8', env, timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('400 contacts read');
    const reportLine = run.stdout.split('\n').find((line) => line.trim().endsWith('.html'));
    expect(reportLine).toBeDefined();
    const report = reportLine!.trim();
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  });
});

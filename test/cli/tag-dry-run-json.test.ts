import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { captureOutput, rolecall } from './run-cli.ts';

const io = captureOutput();

describe('rolecall tag --dry-run --json', () => {
  it('counts the planned deal labels (dealLabelsPlanned); --no-deals plans none', async () => {
    vi.stubEnv('HUBSPOT_ACCESS_TOKEN', '');
    const db = join(mkdtempSync(join(tmpdir(), 'rolecall-dry-json-')), 'rolecall.db');
    try {
      expect(await rolecall('setup', '--sandbox', '--db', db)).toBe(0);
      io.clear();
      expect(await rolecall('tag', '--dry-run', '--sandbox', '--json', '--db', db)).toBe(0);
      const withDeals = JSON.parse(io.out) as {
        dealLabelsPlanned?: number;
        deals?: { labelsWritten: number };
      };
      expect(withDeals.dealLabelsPlanned).toBeGreaterThan(0);
      expect(withDeals.dealLabelsPlanned).toBe(withDeals.deals?.labelsWritten);
      io.clear();
      expect(await rolecall('tag', '--dry-run', '--sandbox', '--json', '--no-deals', '--db', db)).toBe(0);
      const without = JSON.parse(io.out) as Record<string, unknown>;
      expect(without.dealLabelsPlanned).toBeUndefined();
      expect(without.deals).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  }, 120_000);
});

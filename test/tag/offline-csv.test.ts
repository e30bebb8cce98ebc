import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../src/hubspot/values.ts';
import { runOfflineCsv } from '../../src/tag/offline-csv.ts';
import { engineIdsIn } from '../card/engine-ids.ts';

async function offline(lines: string[]): Promise<Array<Record<string, string>>> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-offline-'));
  const csv = join(dir, 'export.csv');
  const out = join(dir, 'import.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const result = await runOfflineCsv({ csv, out });
  if (!result.ok) throw new Error(result.message);
  return parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

describe('offline mode writes what a person reads in labels', () => {
  it('fills rolecall_reasons in the import file with the card why line, never engine ids', async () => {
    const rows = await offline([
      '"Record ID","Job Title","Number of Employees","Industry"',
      '1,Senior Procurement Manager,800,COMPUTER_SOFTWARE',
    ]);
    const reasons = rows[0]?.rolecall_reasons ?? '';
    expect(reasons).toMatch(
      /^"Senior Procurement Manager" · 800 employees · Computer software → no persona fits, /,
    );
    expect(engineIdsIn(reasons)).toEqual([]);
  });
});

describe('offline mode reads HubSpot export labels', () => {
  it('keeps a Blocker and skips rows a person set, when the export writes labels', async () => {
    const rows = await offline([
      '"Record ID","Job Title","Buying Role","Set by (rolecall)"',
      '1,VP Sales,Blocker,',
      '2,VP Sales,,A person (never overwritten)',
      '3,VP Sales,"Champion;Budget Holder",',
    ]);
    const byId = new Map(rows.map((row) => [row['Record ID'], row]));
    expect(byId.get('1')?.hs_buying_role).toBe('');
    expect(byId.has('2')).toBe(false);
    expect(byId.get('3')?.hs_buying_role).not.toMatch(/Champion|Budget Holder/);
  });

  it('reads sizes with thousands separators and currency like classify does', async () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('$5,000,000')).toBe(5_000_000);
    expect(parseCount('€ 2.5e6')).toBe(2_500_000);
    expect(parseCount('51-200')).toBe(126);
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount('€5.000.000')).toBe(5_000_000);
    expect(parseCount('1.200,50')).toBe(1200.5);
    expect(parseCount('2.5')).toBe(2.5);
    expect(parseCount('lots')).toBeNull();
    const header = '"Record ID","Job Title","Number of Employees","Annual Revenue"';
    const plain = await offline([header, '1,Head of Sales,1200,5000000']);
    const written = await offline([header, '1,Head of Sales,"1,200","$5,000,000"']);
    const strip = (row: Record<string, string> | undefined) => ({ ...row, rolecall_classified_at: '' });
    expect(strip(written[0])).toEqual(strip(plain[0]));
  });
});

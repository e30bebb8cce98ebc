import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/tag/plan-file.ts';

describe('the plan file', () => {
  it('writes the reasons once per contact in the CSV, and one compact JSON line per contact', async () => {
    const base = join(mkdtempSync(join(tmpdir(), 'rolecall-plan-')), 'plan');
    const file = new PlanFile(base);
    const why = '"VP Sales" → Revenue leader, decision maker. VPs of a target function choose the solution.';
    for (const id of ['1', '2']) {
      await file.add({
        id,
        skipped: null,
        protectedProperties: [],
        why,
        changes: [
          { property: 'rolecall_seniority', before: null, after: 'vp' },
          { property: 'rolecall_function', before: null, after: 'sales' },
          { property: 'hs_buying_role', before: 'OTHER', after: 'DECISION_MAKER' },
        ],
      });
    }
    await file.close();
    const rows = parse(readFileSync(file.csvPath, 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => row.reasons)).toEqual([why, '', '', why, '', '']);
    const json = readFileSync(file.jsonPath, 'utf8');
    expect(JSON.parse(json)).toHaveLength(2);
    expect(json.trim().split('\n')).toHaveLength(4);
  });
});

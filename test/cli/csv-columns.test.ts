import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCsv } from '../../src/cli/classify-stream.ts';

describe('rolecall classify --csv on a file classified before', () => {
  it('updates the columns it already has in place and appends the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-csv-'));
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(input, 'seniority,Job Title,Note\nold,CFO,x\n');
    expect(await classifyCsv(input, output)).toBe(1);
    const [header, row] = readFileSync(output, 'utf8').trim().split('\n');
    const columns = header?.split(',') ?? [];
    expect(columns.slice(0, 4)).toEqual(['seniority', 'Job Title', 'Note', 'function']);
    expect(columns.filter((c) => c === 'seniority')).toHaveLength(1);
    expect(row).toMatch(/^c_level,CFO,x,finance,/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLine, toCount } from '../../src/cli/classify-line.ts';
import { classifyCsv } from '../../src/cli/classify-stream.ts';
import { jsonl } from '../cli/run-cli.ts';

describe('rolecall classify --jsonl', () => {
  it('writes one line per input line, in order, title fields first', async () => {
    const out = await jsonl(
      '{"title":"VP Sales","company":{"employees":500}}\n{"title":"Einkaufsleiterin"}\n{"title":"Head of Data"}\n',
    );
    expect(out.map((line) => line.title)).toEqual(['VP Sales', 'Einkaufsleiterin', 'Head of Data']);
    expect(Object.keys(out[0] ?? {}).slice(0, 7)).toEqual([
      'title',
      'seniority',
      'function',
      'secondaryFunctions',
      'confidence',
      'rules',
      'reasons',
    ]);
    expect(out[1]).toMatchObject({ seniority: 'head', function: 'procurement' });
  });

  it('answers a malformed line with an error that names the fix, and goes on', async () => {
    const out = await jsonl('not json\n{"title":42}\n\n{"company":"x","title":"CFO"}\n{"title":"CFO"}\n');
    expect(out).toHaveLength(5);
    expect(out[0]?.error).toMatch(/line 1 is not valid JSON.*\{"title": "VP Sales"/);
    expect(out[1]?.error).toMatch(/line 2 at "title"/);
    expect(out[2]?.error).toMatch(/line 3 is empty/);
    expect(out[3]?.error).toMatch(/line 4 at "company"/);
    expect(out[4]).toMatchObject({ seniority: 'c_level', function: 'finance' });
    expect(out[4]?.error).toBeUndefined();
  });

  it('reads numbers written as text and a bare string as a title', () => {
    expect(toCount('1,500')).toBe(1500);
    expect(toCount('51-200')).toBe(126);
    expect(toCount('many')).toBeNull();
    expect(classifyLine('Gründer & CTO', 1)).toMatchObject({ seniority: 'owner', function: 'engineering' });
  });
});

describe('rolecall classify --csv', () => {
  it('reads a HubSpot export and appends the reading to each row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-csv-'));
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(
      input,
      'First Name,Job Title,Number of Employees\nAnn,"Responsable Achats",40\nBob,"VP, Sales",5000\n',
    );
    expect(await classifyCsv(input, output)).toBe(2);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(
      /^First Name,Job Title,Number of Employees,seniority,function,secondary_functions,confidence,reasons(,|$)/,
    );
    expect(lines[1]).toMatch(/^Ann,Responsable Achats,40,head,procurement,/);
    expect(lines[2]).toMatch(/^Bob,"VP, Sales",5000,vp,sales,/);
  });

  it('names the fix when the title column is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-csv-'));
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'Name,Role\nAnn,CFO\n');
    await expect(classifyCsv(input, join(dir, 'out.csv'))).rejects.toThrow(/--title-column/);
  });
});

describe('rolecall classify (the command)', () => {
  it('prints one JSON object with --json', () => {
    const run = spawnSync(
      process.execPath,
      ['src/cli/rolecall.mjs', 'classify', 'VP of Sales', '--employees', '500', '--json'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      title: 'VP of Sales',
      seniority: 'vp',
      function: 'sales',
    });
  });
});

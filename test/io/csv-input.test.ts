import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyCsv } from '../../src/cli/classify-stream.ts';
import { detectDelimiter, parseDelimiter } from '../../src/io/csv-delimiter.ts';
import { openCsv } from '../../src/io/csv-input.ts';
import { InputError } from '../../src/io/errors.ts';
import { runOfflineCsv } from '../../src/tag/offline-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'rolecall-csv-input-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function rowsOf(path: string, delimiter?: ',' | ';' | '\t' | '|') {
  const csv = await openCsv(path, { delimiter });
  const rows = [];
  for await (const row of csv.rows) rows.push(row);
  return { headers: csv.headers, delimiter: csv.delimiter, rows };
}

describe('the separator is read from the header line (issue 12.3)', () => {
  for (const [name, sep] of [
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
    ['comma', ','],
  ] as const) {
    it(`${name}-separated exports are read`, async () => {
      const path = file(
        `${name}.csv`,
        `${['Record ID', 'Job Title', 'Number of Employees'].join(sep)}\n1${sep}CFO${sep}1.200\n`,
      );
      const read = await rowsOf(path);
      expect(read.delimiter).toBe(sep);
      expect(read.rows).toEqual([{ 'Record ID': '1', 'Job Title': 'CFO', 'Number of Employees': '1.200' }]);
    });
  }

  it('counts only separators outside quotes', () => {
    expect(detectDelimiter('"Name, full";"Job Title";"Company"', 'x.csv')).toBe(';');
    expect(detectDelimiter('Job Title', 'x.csv')).toBe(',');
  });

  it('a tie asks for --delimiter, which then decides', async () => {
    const path = file('tie.csv', 'Job Title;Company,Inc\nCFO;Acme,x\n');
    await expect(openCsv(path)).rejects.toThrow(/cannot tell the separator.*--delimiter/);
    const read = await rowsOf(path, ';');
    expect(read.headers).toEqual(['Job Title', 'Company,Inc']);
    expect(parseDelimiter('tab')).toBe('\t');
    expect(parseDelimiter('semicolon')).toBe(';');
    expect(() => parseDelimiter('x')).toThrow(InputError);
  });

  it('classify --csv and tag --csv both classify a semicolon export', async () => {
    const path = file('euro.csv', 'Record ID;Job Title;Number of Employees\n7;CFO;1.200\n');
    const out = join(dir, 'euro-out.csv');
    expect(await classifyCsv(path, out)).toBe(1);
    const [header, row] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header?.startsWith('Record ID;Job Title;Number of Employees;seniority;function')).toBe(true);
    expect(row).toMatch(/^7;CFO;1\.200;c_level;finance;/);
    const tagged = await runOfflineCsv({ csv: path, out: join(dir, 'euro-import.csv') });
    expect(tagged).toMatchObject({ ok: true, counts: { rows: 1, changed: 1 } });
  });

  it('reads a header from stdin ("-") without losing the rest', async () => {
    const stdin = Readable.from([Buffer.from('Job Title\tCompany'), Buffer.from('\nCFO\tAcme\nCTO\tB\n')]);
    const csv = await openCsv('-', { stdin });
    const rows = [];
    for await (const row of csv.rows) rows.push(row);
    expect(csv.delimiter).toBe('\t');
    expect(rows).toEqual([
      { 'Job Title': 'CFO', Company: 'Acme' },
      { 'Job Title': 'CTO', Company: 'B' },
    ]);
  });
});

describe('a UTF-8 byte-order mark (issue 12.4)', () => {
  it('is not part of the first CSV header', async () => {
    const path = file('bom.csv', '\uFEFFRecord ID;Job Title\n1;CFO\n');
    const read = await rowsOf(path);
    expect(read.headers).toEqual(['Record ID', 'Job Title']);
    expect(read.rows[0]).toEqual({ 'Record ID': '1', 'Job Title': 'CFO' });
  });
});

describe('one CSV column table for classify --csv and tag --csv (issue 13.6)', () => {
  it('headers classify --csv reads are read by tag --csv too', async () => {
    const path = file(
      'aliases.csv',
      'hs_object_id,Position,Company,Employees,Revenue\n5,Chief Financial Officer,Acme,5000,1e9\n',
    );
    const out = join(dir, 'aliases-out.csv');
    expect(await classifyCsv(path, out)).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/Chief Financial Officer,Acme,5000,1e9,c_level,finance/);
    const imported = join(dir, 'aliases-import.csv');
    expect(await runOfflineCsv({ csv: path, out: imported })).toMatchObject({
      ok: true,
      counts: { changed: 1 },
    });
    expect(readFileSync(imported, 'utf8')).toMatch(/^5,.*c_level/m);
  });
});

import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

// Measured on the fixtures when the lexicon was last tuned: 99.9% seniority, 100% function (3,816 rows).
const MIN_ACCURACY = 0.97;

describe('title fixtures (test/fixtures/titles)', () => {
  const rows = readFixtureRows('titles');

  it('has fixture rows to check', () => {
    expect(rows.length).toBeGreaterThan(1500);
  });

  it(`reads at least ${MIN_ACCURACY * 100}% of seniorities and of functions right, listing every miss`, () => {
    const misses: string[] = [];
    const perFile = new Map<string, { rows: number; seniority: number; fn: number }>();
    let seniority = 0;
    let fn = 0;
    for (const row of rows) {
      const result = readTitle(row.title, row.company);
      const file = row.source.split(':')[0] ?? '';
      const tally = perFile.get(file) ?? { rows: 0, seniority: 0, fn: 0 };
      tally.rows += 1;
      const okSeniority = result.seniority === row.seniority;
      const okFunction = result.function === row.function;
      seniority += Number(okSeniority);
      tally.seniority += Number(okSeniority);
      fn += Number(okFunction);
      tally.fn += Number(okFunction);
      perFile.set(file, tally);
      if (!okSeniority || !okFunction) {
        misses.push(
          `${row.source} | ${row.title} | want ${row.seniority}/${row.function} | got ${result.seniority}/${result.function} | ${result.reasons.join('; ')}`,
        );
      }
    }
    const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
    const table = [...perFile].map(
      ([file, t]) =>
        `  ${file.padEnd(18)} ${String(t.rows).padStart(5)} rows  seniority ${pct(t.seniority, t.rows)}  function ${pct(t.fn, t.rows)}`,
    );
    process.stdout.write(
      `title fixtures: ${rows.length} rows, seniority ${pct(seniority, rows.length)}, function ${pct(fn, rows.length)}\n${table.join('\n')}\n`,
    );
    const report = `misses (${misses.length}):\n${misses.join('\n')}`;
    expect(seniority / rows.length, report).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(fn / rows.length, report).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
});

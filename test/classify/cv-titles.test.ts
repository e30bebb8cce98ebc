import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

/**
 * CV-style titles (test/fixtures/titles-cv): the shapes people write on LinkedIn and in CVs, mostly German and
 * English, labelled before the reader was run on them. Rules were then written from the misses on these rows, so
 * this is a development set, not a held-out one (held-out figures: holdout.test.ts, esco-holdout.test.ts). It is a
 * target, not a regression list: the test reports accuracy and fails only below the floors, which sit just under
 * the last measurement. `SHOW_MISSES=1 npx vitest run test/classify/cv-titles.test.ts` prints the misses.
 * Measured on 848 rows: seniority 99.3%, function 98.8%, placed 92.9% (on first reading, before any rule was
 * written from them: 94.7%, 94.8%, 91.6%). Placed counts rows with both seniority and function known; about 5% of
 * the rows are bare ranks or statuses labelled `unknown` on purpose.
 */
const MIN_SENIORITY = 0.985;
const MIN_FUNCTION = 0.98;
const MIN_PLACED = 0.92;

describe('CV-style titles (test/fixtures/titles-cv)', () => {
  const rows = readFixtureRows('titles-cv');

  it('reads CV-style titles at least as well as measured', () => {
    expect(rows.length).toBeGreaterThan(300);
    let seniority = 0;
    let fn = 0;
    let placed = 0;
    const misses: string[] = [];
    for (const row of rows) {
      const result = readTitle(row.title, row.company);
      const okSeniority = result.seniority === row.seniority;
      const okFunction = result.function === row.function;
      seniority += Number(okSeniority);
      fn += Number(okFunction);
      placed += Number(result.seniority !== 'unknown' && result.function !== 'unknown');
      if (!okSeniority || !okFunction)
        misses.push(
          `${row.source} | ${row.title} | want ${row.seniority}/${row.function} | got ${result.seniority}/${result.function}${result.abstain ? ` (${result.abstain})` : ''} | ${result.reasons.join('; ')}`,
        );
    }
    const share = (n: number) => n / rows.length;
    const pct = (n: number) => `${(share(n) * 100).toFixed(1)}%`;
    process.stdout.write(
      `CV-style titles: ${rows.length} rows, seniority ${pct(seniority)}, function ${pct(fn)}, placed ${pct(placed)}\n`,
    );
    if (process.env.SHOW_MISSES) process.stdout.write(`${misses.join('\n')}\n`);
    expect(share(seniority)).toBeGreaterThanOrEqual(MIN_SENIORITY);
    expect(share(fn)).toBeGreaterThanOrEqual(MIN_FUNCTION);
    expect(share(placed)).toBeGreaterThanOrEqual(MIN_PLACED);
  });
});

import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

// The held-out rows are never printed or tuned on: this test reports one number per axis and nothing else.
// Last measured: seniority 97.9%, function 91.8% on 473 rows (94.5% / 88.2% before ESCO occupation words and place-word rules; 92.0% / 81.6% before the da/no/pl round); the floor is the 80% the brief asks for.
const MIN_SENIORITY = 0.8;
const MIN_FUNCTION = 0.8;

describe('held-out titles (test/fixtures/titles-holdout)', () => {
  const rows = readFixtureRows('titles-holdout');

  it.skipIf(rows.length === 0)('reads held-out titles at least as well as measured', () => {
    let seniority = 0;
    let fn = 0;
    for (const row of rows) {
      const result = readTitle(row.title, row.company);
      if (result.seniority === row.seniority) seniority += 1;
      if (result.function === row.function) fn += 1;
    }
    const pct = (n: number) => `${((n / rows.length) * 100).toFixed(1)}%`;
    process.stdout.write(
      `held-out titles: ${rows.length} rows, seniority ${pct(seniority)}, function ${pct(fn)}\n`,
    );
    expect(seniority / rows.length).toBeGreaterThanOrEqual(MIN_SENIORITY);
    expect(fn / rows.length).toBeGreaterThanOrEqual(MIN_FUNCTION);
  });
});

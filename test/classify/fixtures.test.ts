import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

/**
 * The floor is what is measured: the rows read wrong today, by id (file:line) with their title. Any other
 * miss fails, and so does a listed row that now passes, so the list only shrinks. After a change that
 * fixes rows (or, reviewed, moves them), regenerate it from a run:
 * `UPDATE_KNOWN_MISSES=1 npx vitest run test/classify/fixtures.test.ts`.
 */
const KNOWN_MISSES_FILE = join(import.meta.dirname, '..', 'fixtures', 'titles-known-misses.json');
interface KnownMiss {
  row: string;
  title: string;
  want: string;
  got: string;
}
const knownMisses = (): KnownMiss[] => JSON.parse(readFileSync(KNOWN_MISSES_FILE, 'utf8'));

describe('title fixtures (test/fixtures/titles)', () => {
  const rows = readFixtureRows('titles');

  it('has fixture rows to check', () => {
    expect(rows.length).toBeGreaterThan(1500);
  });

  it('misses no row outside the known misses, and every known miss still misses', () => {
    const misses: string[] = [];
    const found: KnownMiss[] = [];
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
        found.push({
          row: row.source,
          title: row.title,
          want: `${row.seniority}/${row.function}`,
          got: `${result.seniority}/${result.function}`,
        });
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
    if (process.env.UPDATE_KNOWN_MISSES === '1')
      writeFileSync(KNOWN_MISSES_FILE, `${JSON.stringify(found, null, 2)}\n`);
    const key = (miss: { row: string; title: string }) => `${miss.row} ${miss.title}`;
    const known = new Set(knownMisses().map(key));
    const missed = new Set(found.map(key));
    const fresh = misses.filter((_line, index) => !known.has(key(found[index] as KnownMiss)));
    const fixed = [...known].filter((miss) => !missed.has(miss));
    expect(fresh, `new misses (${fresh.length}):\n${fresh.join('\n')}`).toEqual([]);
    expect(
      fixed,
      'these known misses now pass: remove them from test/fixtures/titles-known-misses.json (or regenerate it)',
    ).toEqual([]);
  });
});

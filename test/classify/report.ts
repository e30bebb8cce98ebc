/**
 * Reads fixture files the way the catalogue and CV tests do and prints one report per file, so a batch's first
 * reading is a repository command rather than a one-off script:
 *   npx tsx test/classify/report.ts test/fixtures/titles-catalogue/catalogue-9.jsonl [more.jsonl …] [--misses]
 * Balanced seniority is the mean, over the rungs the labels use, of the share of each rung read right, so a batch of
 * mostly staff titles cannot hide a rung the reader never finds.
 */
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureFile, type TitleRow } from './rows.ts';

interface Tally {
  rows: number;
  fn: number;
  seniority: number;
  placed: number;
}

const empty = (): Tally => ({ rows: 0, fn: 0, seniority: 0, placed: 0 });
const pct = (n: number, of: number) => (of === 0 ? '-' : `${((n / of) * 100).toFixed(1)}%`);

function report(path: string, rows: TitleRow[], showMisses: boolean): string {
  const total = empty();
  const byLang = new Map<string, Tally>();
  const byRung = new Map<string, { rows: number; right: number }>();
  const misses: string[] = [];
  for (const row of rows) {
    const result = readTitle(row.title, row.company);
    const okSeniority = result.seniority === row.seniority;
    const okFunction = result.function === row.function;
    const placed = result.seniority !== 'unknown' && result.function !== 'unknown';
    const lang = byLang.get(row.lang ?? '?') ?? empty();
    byLang.set(row.lang ?? '?', lang);
    for (const tally of [total, lang]) {
      tally.rows += 1;
      tally.fn += Number(okFunction);
      tally.seniority += Number(okSeniority);
      tally.placed += Number(placed);
    }
    const rung = byRung.get(row.seniority) ?? { rows: 0, right: 0 };
    rung.rows += 1;
    rung.right += Number(okSeniority);
    byRung.set(row.seniority, rung);
    if (!okSeniority || !okFunction)
      misses.push(
        `  ${row.source} ${row.lang ?? '?'} | ${row.title} | want ${row.seniority}/${row.function} | got ${result.seniority}/${result.function} | ${result.reasons.join('; ')}`,
      );
  }
  const rungs = [...byRung.values()];
  const balanced = rungs.reduce((sum, r) => sum + r.right / r.rows, 0) / (rungs.length || 1);
  const english = byLang.get('en') ?? empty();
  const others = [...byLang]
    .filter(([lang]) => lang !== 'en')
    .reduce(
      (sum, [, t]) => ({ rows: sum.rows + t.rows, fn: sum.fn + t.fn, seniority: 0, placed: 0 }),
      empty(),
    );
  const lines = [
    `${path}: ${total.rows} rows, function ${pct(total.fn, total.rows)} (English ${pct(english.fn, english.rows)}, non-English ${pct(others.fn, others.rows)}), seniority ${pct(total.seniority, total.rows)} (balanced over ${rungs.length} rungs ${pct(balanced, 1)}), placed ${pct(total.placed, total.rows)}`,
    ...[...byLang]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([lang, t]) =>
          `  ${lang}: ${t.rows} rows, function ${pct(t.fn, t.rows)}, seniority ${pct(t.seniority, t.rows)}, placed ${pct(t.placed, t.rows)}`,
      ),
    `  rungs: ${[...byRung].map(([name, r]) => `${name} ${r.right}/${r.rows}`).join(', ')}`,
  ];
  if (showMisses) lines.push(`  misses (${misses.length}):`, ...misses);
  return lines.join('\n');
}

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length === 0) {
  process.stderr.write('usage: npx tsx test/classify/report.ts <fixture.jsonl> [more.jsonl …] [--misses]\n');
  process.exit(2);
}
for (const file of files)
  process.stdout.write(`${report(file, readFixtureFile(file), args.includes('--misses'))}\n`);

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CompanyFacts } from '../../src/taxonomy.ts';

/** One expected reading of a title, from a fixture file or from a rule's examples. */
export interface TitleRow {
  title: string;
  company: CompanyFacts;
  seniority: string;
  function: string;
  source: string;
  /** The row's language, when the fixture gives one. */
  lang?: string;
}

const root = join(import.meta.dirname, '..', 'fixtures');

/** Every row of every `*.jsonl` in a fixture folder; a malformed line fails loudly with its place. */
export function readFixtureRows(
  folder: 'titles' | 'titles-holdout' | 'titles-cv' | 'titles-catalogue',
): TitleRow[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => readFixtureFile(join(dir, file)));
}

/** Every row of one `*.jsonl` fixture file; a malformed line fails loudly with its place. */
export function readFixtureFile(path: string): TitleRow[] {
  const file = basename(path);
  const rows: TitleRow[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${index + 1} is not valid JSON`);
      }
      rows.push({
        title: String(row.title ?? ''),
        company: {
          employees: typeof row.employees === 'number' ? row.employees : null,
          industry: typeof row.industry === 'string' ? row.industry : null,
        },
        seniority: String(row.seniority),
        function: String(row.function),
        source: `${file}:${index + 1}`,
        ...(typeof row.lang === 'string' ? { lang: row.lang } : {}),
      });
    });
  return rows;
}

/** Parses a rule example: `Title [@employees] [#INDUSTRY] => seniority function`. */
export function parseExample(example: string, source: string): TitleRow {
  const [left = '', right = ''] = example.split(' => ');
  const [seniority = '', fn = ''] = right.split(' ');
  const employees = /\s@(\d+)/.exec(left)?.[1];
  const industry = /\s#(\S+)/.exec(left)?.[1];
  const title = left.replace(/\s[@#]\S+/g, '').trim();
  return {
    title,
    company: { employees: employees ? Number(employees) : null, industry: industry ?? null },
    seniority,
    function: fn,
    source,
  };
}

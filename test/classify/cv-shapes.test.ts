import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { readFixtureRows } from './rows.ts';

/**
 * The shapes CV and LinkedIn titles come in never change a reading: the same title in lower or upper case, with a
 * German gender tag, a working-time note, or the employer after "bei", "at", "@", "|", "-" or a comma reads as the
 * title alone. Run over the German, English and CV-style fixture titles (no company facts). Measured: no title
 * changes under any shape. `npx vitest run test/classify/cv-shapes.test.ts`
 */
const SHAPES: Record<string, (title: string) => string> = {
  'lower case': (t) => t.toLowerCase(),
  'upper case': (t) => t.toUpperCase(),
  '(m/w/d)': (t) => `${t} (m/w/d)`,
  '(Vollzeit)': (t) => `${t} (Vollzeit)`,
  'bei … GmbH': (t) => `${t} bei Müller Logistik GmbH`,
  'at …': (t) => `${t} at Acme Corp`,
  '| …': (t) => `${t} | Siemens AG`,
  '@ …': (t) => `${t} @ Zalando SE`,
  '- …': (t) => `${t} - Acme`,
  ', …': (t) => `${t}, Acme`,
};

describe('CV title shapes', () => {
  const rows = [...readFixtureRows('titles'), ...readFixtureRows('titles-cv')].filter(
    (row) => row.company.employees == null && !row.company.industry && /^(de|en|cv)\.jsonl:/.test(row.source),
  );

  it.each(Object.keys(SHAPES))('%s never changes a reading', (shape) => {
    const reshape = SHAPES[shape] ?? ((t: string) => t);
    const changed: string[] = [];
    for (const row of rows) {
      const plain = readTitle(row.title);
      const shaped = readTitle(reshape(row.title));
      if (plain.seniority !== shaped.seniority || plain.function !== shaped.function)
        changed.push(
          `${reshape(row.title)}: ${plain.seniority}/${plain.function} → ${shaped.seniority}/${shaped.function}`,
        );
    }
    expect(rows.length).toBeGreaterThan(1500);
    expect(changed).toEqual([]);
  });
});

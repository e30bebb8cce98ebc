import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementOf } from '../../src/build/agreement.ts';
import { leadsOthers } from '../../src/build/occupation-words.ts';
import { readTitle } from '../../src/classify/index.ts';
import type { Seniority } from '../../src/taxonomy.ts';

/**
 * One ESCO occupation in ten (all its labels, in twelve languages) is left out of the occupation words the reader
 * ships (npm run build:occupations). These are titles nobody tuned on: their functions come from the reviewed
 * ISCO-08 mapping. ESCO covers every trade, so this set is far harder than CRM titles.
 */
interface HeldOut {
  uri: string;
  isco: string;
  function: string;
  labels: Record<string, string[]>;
}

const file = join(import.meta.dirname, '..', 'fixtures', 'esco-holdout', 'occupations.jsonl');
const occupations: HeldOut[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

// Measured when the occupation words were last built (npm run build:occupations); a floor a few points lower.
// Last measured at 405032f: function 65.2%, placed 92.3%, precision 70.7%, cross-lingual agreement 73.6%
// (64.7%, 91.8%, 70.5%, 72.9% at f04746f; 62.1%, 91.2%, 68.0%, 71.6% at e92dbc4).
// How alike the SAME occupation reads across languages on the occupations the build learns from (never these held-out
// ones) is a dev script, not a test, as it needs the ESCO folder: node --import tsx src/bench/esco-agreement.ts --esco
// <dir> prints per language the share of preferred labels reading as the English label and as the ISCO function, and
// with --out a file of the disagreements grouped by what decided them (--plural: each label in the plural against its
// singular; --by-english: grouped by what read the English label; --lang xx: one language's misses).
const MIN_FUNCTION = 0.4;
const MIN_PREFERRED = 0.4;
const MIN_AGREEMENT = 0.55;
/** Leaders read as leaders 80.9%, the rest as individual contributors 90.4%, balanced 85.6% at 405032f (80.8 / 90.1 / 85.5 at f04746f; 77.5 / 89.1 / 83.3 at 82b44de). */
const MIN_LEADERS = 0.78;
const MIN_CONTRIBUTORS = 0.87;
const MIN_BALANCED_SENIORITY = 0.82;

describe('ESCO held-out occupations (test/fixtures/esco-holdout)', () => {
  it('reads their functions by language, and the same occupation alike across languages', () => {
    const table = new Map<
      string,
      {
        labels: number;
        right: number;
        placed: number;
        answered: number;
        preferred: number;
        prefRight: number;
        model: number;
        modelRight: number;
      }
    >();
    let agreement = 0;
    let unanimous = 0;
    for (const occupation of occupations) {
      const preferred: string[] = [];
      for (const [lang, labels] of Object.entries(occupation.labels)) {
        const row = table.get(lang) ?? {
          labels: 0,
          right: 0,
          placed: 0,
          answered: 0,
          preferred: 0,
          prefRight: 0,
          model: 0,
          modelRight: 0,
        };
        labels.forEach((label, i) => {
          const result = readTitle(label);
          row.labels += 1;
          row.right += Number(result.function === occupation.function);
          row.placed += Number(!result.abstained);
          row.answered += Number(result.function !== 'unknown');
          if (result.rules.includes('esco-nearest')) {
            row.model += 1;
            row.modelRight += Number(result.function === occupation.function);
          }
          if (i === 0) {
            row.preferred += 1;
            row.prefRight += Number(result.function === occupation.function);
            preferred.push(result.function);
          }
        });
        table.set(lang, row);
      }
      // Agreement with the most frequent known function; an unknown never agrees.
      const alike = agreementOf(preferred);
      agreement += alike.share;
      unanimous += Number(alike.unanimous);
    }
    const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`.padStart(6);
    let labels = 0;
    let right = 0;
    let placed = 0;
    let answered = 0;
    let model = 0;
    let modelRight = 0;
    let preferredRight = 0;
    let preferredAll = 0;
    const lines = [...table].map(([lang, row]) => {
      labels += row.labels;
      right += row.right;
      placed += row.placed;
      answered += row.answered;
      model += row.model;
      modelRight += row.modelRight;
      preferredRight += row.prefRight;
      preferredAll += row.preferred;
      return `  ${lang}  ${String(row.labels).padStart(5)} labels  function ${pct(row.right, row.labels)}  preferred labels ${pct(row.prefRight, row.preferred)}  placed ${pct(row.placed, row.labels)}  precision ${pct(row.right, row.answered)}  word model ${pct(row.model, row.labels)} of labels, ${pct(row.modelRight, row.model)} right`;
    });
    const share = agreement / occupations.length;
    process.stdout.write(
      `ESCO held-out occupations: ${occupations.length} occupations, ${labels} labels, function ${pct(right, labels)}, placed ${pct(placed, labels)}, precision ${pct(right, answered)}; the ESCO word model decided ${pct(model, labels)} of labels, ${pct(modelRight, model)} right\n${lines.join('\n')}\n` +
        `  cross-lingual agreement (preferred labels, share agreeing with the occupation's most frequent known function): ${pct(agreement, occupations.length)}; all languages agree on ${pct(unanimous, occupations.length)} of occupations\n`,
    );
    expect(occupations.length).toBeGreaterThan(200);
    expect(right / labels).toBeGreaterThanOrEqual(MIN_FUNCTION);
    expect(preferredRight / preferredAll).toBeGreaterThanOrEqual(MIN_PREFERRED);
    expect(share).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  });

  // ESCO gives no seniority, but ISCO-08 does tell who leads: managers (major group 1) and supervisors (312, 3341,
  // 5151, 5222). Their labels should read as a manager or above, every other occupation's as an individual
  // contributor (entry, senior or intern); the balanced figure is the mean of the two recalls, as a catalogue of
  // mostly staff occupations needs. An unknown seniority counts as wrong on both sides.
  it('reads leaders as leaders and the other occupations as individual contributors', () => {
    const leading = new Set<Seniority>(['owner', 'partner', 'c_level', 'vp', 'head', 'director', 'manager']);
    const contributing = new Set<Seniority>(['senior', 'entry', 'intern']);
    const tally = new Map<string, { leaders: number; led: number; others: number; contributed: number }>();
    for (const occupation of occupations) {
      const leads = leadsOthers(occupation.isco);
      for (const [lang, labels] of Object.entries(occupation.labels)) {
        const row = tally.get(lang) ?? { leaders: 0, led: 0, others: 0, contributed: 0 };
        for (const label of labels) {
          const { seniority } = readTitle(label);
          if (leads) {
            row.leaders += 1;
            row.led += Number(leading.has(seniority));
          } else {
            row.others += 1;
            row.contributed += Number(contributing.has(seniority));
          }
        }
        tally.set(lang, row);
      }
    }
    const all = { leaders: 0, led: 0, others: 0, contributed: 0 };
    const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
    const lines = [...tally].map(([lang, row]) => {
      all.leaders += row.leaders;
      all.led += row.led;
      all.others += row.others;
      all.contributed += row.contributed;
      const leaders = row.led / row.leaders;
      const others = row.contributed / row.others;
      return `  ${lang}  leaders ${pct(leaders)} of ${row.leaders}, others ${pct(others)} of ${row.others}, balanced ${pct((leaders + others) / 2)}`;
    });
    const leaders = all.led / all.leaders;
    const others = all.contributed / all.others;
    const balanced = (leaders + others) / 2;
    process.stdout.write(
      `ESCO held-out seniority: leaders read as manager or above ${pct(leaders)} of ${all.leaders} labels, others as individual contributors ${pct(others)} of ${all.others}, balanced ${pct(balanced)}\n${lines.join('\n')}\n`,
    );
    expect(all.leaders).toBeGreaterThan(1000);
    expect(leaders).toBeGreaterThanOrEqual(MIN_LEADERS);
    expect(others).toBeGreaterThanOrEqual(MIN_CONTRIBUTORS);
    expect(balanced).toBeGreaterThanOrEqual(MIN_BALANCED_SENIORITY);
  });
});

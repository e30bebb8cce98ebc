import type { CompiledLexicon, Ruleset } from '../classify/lexicon.ts';
import { compileOccupationModel, type OccupationModelData } from '../classify/nearest.ts';
import { ESCO_WORD_MODEL_RULE } from '../classify/rule-names.ts';
import { createTitleReader } from '../classify/title-reader.ts';
import { FUNCTIONS, type KnownFunction } from '../taxonomy.ts';
import { deriveWordTable, type EscoOccupation, hash, wordOccurrences } from './occupation-words.ts';

/** One training occupation in ten (by a second hash) tunes the model's thresholds; it is never the held-out set. */
export function isTuning(uri: string): boolean {
  return hash(`tuning:${uri}`) % 10 === 0;
}

/** Words that stand for no occupation: digits, too short. Place words and stopwords are dropped upstream. */
const MIN_WORD = 4;

export interface Thresholds {
  minShare: number;
  minEvidence: number;
  minScore: number;
  minSimilarity: number;
}

/** Every word of the occupations' labels with its per-function occupation counts, grouped by those counts. */
export function deriveModel(
  occupations: readonly EscoOccupation[],
  lexicon: CompiledLexicon,
  meta: { source: string; inputs: string; tuning: string },
  thresholds: Thresholds,
): OccupationModelData {
  const seen = wordOccurrences(occupations, lexicon);
  const groups = new Map<string, string[]>();
  for (const [word, byFunction] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (word.length < MIN_WORD) continue;
    const signature = FUNCTIONS.flatMap((fn, i) => {
      const count = byFunction.get(fn)?.size ?? 0;
      return count > 0 ? [`${i}:${count}`] : [];
    }).join(' ');
    const list = groups.get(signature) ?? [];
    list.push(word);
    groups.set(signature, list);
  }
  const sorted = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...meta,
    ...thresholds,
    groups: Object.fromEntries(sorted.map(([signature, words]) => [signature, words.join(' ')])),
  };
}

/** Lower end of the 95% Wilson interval of a proportion: a threshold must be right often enough with confidence. */
export function wilsonLower(right: number, of: number): number {
  const z = 1.96;
  const p = right / of;
  const centre = p + (z * z) / (2 * of);
  const spread = z * Math.sqrt((p * (1 - p)) / of + (z * z) / (4 * of * of));
  return (centre - spread) / (1 + (z * z) / of);
}

interface Answer {
  share: number;
  evidence: number;
  right: boolean;
}

export interface TuningReport {
  thresholds: Thresholds;
  /** Labels of the tuning occupations the reader left without a function before the model. */
  unplaced: number;
  answered: number;
  right: number;
  summary: string;
}

/**
 * Chooses the thresholds on the tuning occupations: the word table and the model are built without them, and
 * among the settings whose answers are right at least `minPrecision` of the time (the lower end of the 95% Wilson
 * interval, so a lucky setting is not chosen), the one that answers most.
 */
export function tuneThresholds(
  occupations: readonly EscoOccupation[],
  ruleset: Ruleset,
  lexicon: CompiledLexicon,
  minPrecision: number,
): TuningReport {
  const train = occupations.filter((occupation) => !isTuning(occupation.uri));
  const tuning = occupations.filter((occupation) => isTuning(occupation.uri));
  const table = deriveWordTable(train, lexicon, 'tuning').data;
  const withoutModel = createTitleReader(ruleset, table);
  const labels: { label: string; function: KnownFunction; unplaced: boolean }[] = [];
  for (const occupation of tuning)
    for (const list of Object.values(occupation.labels))
      for (const label of list ?? [])
        labels.push({
          label,
          function: occupation.function,
          unplaced: withoutModel(label).function === 'unknown',
        });
  const unplaced = labels.filter((label) => label.unplaced);

  const meta = { source: 'tuning', inputs: '', tuning: '' };
  let best: TuningReport | undefined;
  for (const minSimilarity of [0.5, 0.6]) {
    const open = { minShare: 0, minEvidence: 0, minScore: 0, minSimilarity };
    const model = compileOccupationModel(deriveModel(train, lexicon, meta, open));
    const reader = createTitleReader(ruleset, table, () => model);
    // Every label the model decides: those the rules left without a function, and those where it overrode a
    // weak hint ("technician").
    const answers: Answer[] = [];
    for (const { label, function: fn } of labels) {
      const reading = reader(label);
      if (!reading.rules.includes(ESCO_WORD_MODEL_RULE)) continue;
      const share = Number(/share (\d\.\d+)/.exec(reading.reasons.join(' '))?.[1] ?? 0);
      const evidence = Number(/evidence (\d+\.\d+)/.exec(reading.reasons.join(' '))?.[1] ?? 0);
      answers.push({ share, evidence, right: reading.function === fn });
    }
    for (const minShare of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
      for (const minEvidence of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8])
        for (const minScore of [0, 0.15, 0.2, 0.22, 0.25, 0.3]) {
          let answered = 0;
          let right = 0;
          for (const answer of answers) {
            if (
              answer.share < minShare ||
              answer.evidence < minEvidence ||
              answer.share * answer.evidence < minScore
            )
              continue;
            answered += 1;
            right += Number(answer.right);
          }
          if (answered === 0 || wilsonLower(right, answered) < minPrecision) continue;
          if (best && (answered < best.answered || (answered === best.answered && right <= best.right)))
            continue;
          const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
          best = {
            thresholds: { minShare, minEvidence, minScore, minSimilarity },
            unplaced: unplaced.length,
            answered,
            right,
            summary:
              `tuning split: ${tuning.length} occupations held out of the tuning build, ${labels.length} labels, ` +
              `${unplaced.length} left without a function by the rules; the model decides ${answered} labels ` +
              `(${pct(answered, labels.length)} of all: the unplaced and those with only a weak hint), ` +
              `${pct(right, answered)} right (target: at least ${pct(minPrecision, 1)} at 95% confidence)`,
          };
        }
  }
  if (!best) throw new Error(`no threshold reaches ${minPrecision} precision on the tuning split`);
  return best;
}

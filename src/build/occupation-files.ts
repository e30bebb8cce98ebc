import { join } from 'node:path';
import iscoData from '../classify/data/isco-functions.json' with { type: 'json' };
import { compileRuleset } from '../classify/lexicon.ts';
import { loadDefaultRuleset } from '../classify/ruleset.ts';
import { escoFiles, hashFiles, loadEsco, RULE_INPUTS } from './esco.ts';
import { deriveModel, tuneThresholds } from './occupation-model.ts';
import { deriveWordTable, ESCO_LANGUAGES, isHeldOut } from './occupation-words.ts';

/**
 * The model's answers on the tuning split must be right this often, at 95% confidence: more often than the
 * rules' own answers are on ESCO's occupations (about 60%), so an answer from the model is never a worse bet
 * than one from the rules; below it the reader abstains (`no_evidence`).
 */
export const MIN_PRECISION = 0.6;

export interface OccupationFiles {
  /** Path from the repository root → file content. */
  files: Record<string, string>;
  log: string[];
}

/**
 * Everything `npm run build:occupations` writes, computed from ESCO (`dir`) and the rule files in `root`:
 * the occupation words (src/classify/data/occupations.json), the ESCO word model with thresholds tuned on its
 * own split (src/classify/data/occupation-model.json), and the held-out occupations
 * (test/fixtures/esco-holdout/occupations.jsonl). Deterministic: the same inputs give the same bytes.
 */
export function buildOccupationFiles(dir: string, root: string): OccupationFiles {
  const { occupations: all, harmonised } = loadEsco(dir, iscoData);
  const ruleset = loadDefaultRuleset();
  const lexicon = compileRuleset(ruleset);
  const training = all.filter((occupation) => !isHeldOut(occupation.uri));
  const heldOut = all.filter((occupation) => isHeldOut(occupation.uri));
  const inputs =
    `esco ${hashFiles(escoFiles(dir), escoFiles('esco'))}, ` +
    `rules ${hashFiles(
      RULE_INPUTS.map((file) => join(root, file)),
      RULE_INPUTS,
    )}`;
  const source =
    'ESCO occupation labels (© European Union, https://esco.ec.europa.eu; reuse authorised under Commission Decision 2011/833/EU), ' +
    `${training.length} of ${all.length} occupations in ${ESCO_LANGUAGES.length} languages; see NOTICE`;
  const table = deriveWordTable(training, lexicon, source);
  const tuning = tuneThresholds(training, ruleset, lexicon, MIN_PRECISION);
  const model = deriveModel(training, lexicon, { source, inputs, tuning: tuning.summary }, tuning.thresholds);
  const holdout = heldOut
    .map((o) =>
      JSON.stringify({ uri: o.uri.split('/').pop(), isco: o.isco, function: o.function, labels: o.labels }),
    )
    .join('\n');
  const modelWords = Object.values(model.groups).reduce((n, words) => n + words.split(' ').length, 0);
  return {
    files: {
      'src/classify/data/occupations.json': `${JSON.stringify({ ...table.data, inputs }, null, 2)}\n`,
      'src/classify/data/occupation-model.json': `${JSON.stringify(model, null, 2)}\n`,
      'test/fixtures/esco-holdout/occupations.jsonl': `${holdout}\n`,
    },
    log: [
      `src/classify/data/occupations.json: ${table.words} words from ${training.length} occupations ` +
        `(${Object.entries(table.perFunction)
          .map(([fn, n]) => `${fn} ${n}`)
          .join(', ')}); ${table.ambiguous} ambiguous words`,
      `  ${harmonised} occupations take the hand lexicon's reading of their English name`,
      `src/classify/data/occupation-model.json: ${modelWords} words; thresholds ${JSON.stringify(tuning.thresholds)}`,
      `  ${tuning.summary}`,
      `test/fixtures/esco-holdout/occupations.jsonl: ${heldOut.length} held-out occupations`,
      `inputs: ${inputs}`,
    ],
  };
}

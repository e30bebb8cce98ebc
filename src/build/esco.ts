import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IscoMappingSchema, iscoFunction } from '../classify/isco.ts';
import { compileRuleset } from '../classify/lexicon.ts';
import { matchWords } from '../classify/match-words.ts';
import { compileOccupations } from '../classify/occupations.ts';
import { prepare } from '../classify/prepare.ts';
import { loadDefaultRuleset } from '../classify/ruleset.ts';
import { readerOver } from '../classify/title-reader.ts';
import { ESCO_LANGUAGES, type EscoOccupation, splitGendered } from './occupation-words.ts';

/** The rule files whose content decides what the ESCO build produces (lemmas, harmonisation, ISCO mapping). */
export const RULE_INPUTS = [
  'src/classify/data/isco-functions.json',
  'src/classify/data/context-rules.json',
  'src/classify/data/lexicon.json',
  'src/classify/data/morphology.json',
] as const;

export class EscoInputError extends Error {}

function rows(file: string): string[][] {
  if (!existsSync(file)) throw new EscoInputError(`${file} is missing`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

/** The ESCO files the build reads, in a fixed order. */
export function escoFiles(dir: string): string[] {
  return [join(dir, 'occupations.tsv'), ...ESCO_LANGUAGES.map((lang) => join(dir, 'labels', `${lang}.tsv`))];
}

/** sha256 of files' contents (12 hex digits), in order, each preceded by its name as given. */
export function hashFiles(files: readonly string[], names: readonly string[] = files): string {
  const hash = createHash('sha256');
  files.forEach((file, i) => {
    hash.update(`${names[i]}\n`);
    hash.update(readFileSync(file));
  });
  return hash.digest('hex').slice(0, 12);
}

export interface EscoData {
  occupations: EscoOccupation[];
  harmonised: number;
}

/**
 * Reads ESCO's occupations and labels, gives each occupation its function from the reviewed ISCO-08 mapping,
 * and, where the hand lexicon reads an occupation's whole English name, that reading instead, so
 * "Business Analyst" and "Geschäftsanalytiker" agree. Sorted by URI.
 */
export function loadEsco(dir: string, iscoData: unknown): EscoData {
  const mapping = IscoMappingSchema.parse(iscoData);
  const occupations = new Map<string, EscoOccupation>();
  for (const [uri = '', isco = '', label = ''] of rows(join(dir, 'occupations.tsv'))) {
    const decision = iscoFunction(mapping.rules, isco, label);
    if (!decision)
      throw new EscoInputError(
        `no rule in src/classify/data/isco-functions.json covers ISCO ${isco} (${label})`,
      );
    occupations.set(uri, { uri, isco, label, function: decision.function, labels: {} });
  }
  for (const lang of ESCO_LANGUAGES) {
    const preferred = new Map<string, string[]>();
    const alternative = new Map<string, string[]>();
    for (const [uri = '', kind = '', label = ''] of rows(join(dir, 'labels', `${lang}.tsv`))) {
      if (!occupations.has(uri) || !label) continue;
      const into = kind === 'preferred' ? preferred : alternative;
      into.set(uri, [...(into.get(uri) ?? []), ...splitGendered(label)]);
    }
    for (const [uri, occupation] of occupations) {
      const labels = [...new Set([...(preferred.get(uri) ?? []), ...(alternative.get(uri) ?? [])])];
      if (labels.length > 0) occupation.labels[lang] = labels;
    }
  }

  // One compiled lexicon for both: the hand lexicon's words, and its reading with no occupation table behind it.
  const lexicon = compileRuleset(loadDefaultRuleset());
  const lexiconOnly = readerOver(lexicon, compileOccupations(undefined));
  let harmonised = 0;
  for (const occupation of occupations.values()) {
    const english = occupation.labels.en?.[0];
    if (!english) continue;
    const matched = matchWords(prepare(english, null, lexicon).tokens, lexicon);
    const reading = lexiconOnly(english);
    if (
      matched.unexplained.length > 0 ||
      reading.function === 'unknown' ||
      reading.function === occupation.function
    )
      continue;
    occupation.function = reading.function;
    harmonised += 1;
  }
  const sorted = [...occupations.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  return { occupations: sorted, harmonised };
}

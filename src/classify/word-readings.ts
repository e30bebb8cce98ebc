import type { CompiledPhrase } from './lexicon.ts';
import { type BoundedMemo, boundedMemo } from './memo.ts';

/** What the matcher needs of a written word, looked up once: a stopword?, its lexicon words, their phrase lists. */
export interface WordReading {
  stop: boolean;
  /** An organisation noun ("Bank", "Energieversorger"): a clause it opens or ends may name the employer. */
  organisation: boolean;
  parts: readonly string[];
  phrases: readonly (readonly CompiledPhrase[] | undefined)[];
}

export type WordReadings = BoundedMemo<WordReading>;

const MAX_READINGS = 50_000;

/**
 * One per lexicon, made with its canonicalizer (lexicon.ts withDerivedTables), so reading a title costs the matcher
 * one probe per written word.
 */
export function createWordReadings(
  lexicon: {
    stopwords: ReadonlySet<string>;
    byFirstToken: ReadonlyMap<string, readonly CompiledPhrase[]>;
  },
  canonical: (word: string) => readonly string[],
  employerNoun: (word: string) => boolean,
): WordReadings {
  const { stopwords, byFirstToken } = lexicon;
  return boundedMemo({
    compute: (word) => {
      const parts = canonical(word);
      return {
        stop: stopwords.has(word),
        organisation: employerNoun(word),
        parts,
        phrases: parts.map((part) => byFirstToken.get(part)),
      };
    },
    limit: MAX_READINGS,
  });
}

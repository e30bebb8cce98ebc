import type { CompiledPhrase } from './lexicon.ts';
import { type BoundedMemo, boundedMemo } from './memo.ts';

/** What the matcher needs of a written word, looked up once: a stopword?, its lexicon words, their phrase lists. */
export interface WordReading {
  stop: boolean;
  parts: readonly string[];
  phrases: readonly (readonly CompiledPhrase[] | undefined)[];
}

/** Each written word's reading, by the lexicon's canonicalizer (canonical.ts), passed in as the context. */
export type WordReadings = BoundedMemo<WordReading, (word: string) => readonly string[]>;

const MAX_READINGS = 50_000;

/** One per lexicon (compileRuleset), so reading a title costs the matcher one probe per written word. */
export function createWordReadings(lexicon: {
  stopwords: ReadonlySet<string>;
  byFirstToken: ReadonlyMap<string, readonly CompiledPhrase[]>;
}): WordReadings {
  const { stopwords, byFirstToken } = lexicon;
  return boundedMemo({
    compute: (word, canonical) => {
      const parts = canonical(word);
      return { stop: stopwords.has(word), parts, phrases: parts.map((part) => byFirstToken.get(part)) };
    },
    limit: MAX_READINGS,
  });
}

import { FUNCTIONS, type KnownFunction } from '../taxonomy.ts';
import { fold } from './fold.ts';
import type { Word } from './match-words.ts';
import { boundedMemo } from './memo.ts';
import type { OccupationData } from './schema.ts';

/**
 * The occupation words derived from ESCO at build time (`npm run build:occupations`, see NOTICE): for each
 * function, the words (folded and lemmatised like title words) whose ESCO occupations almost all map to it,
 * and the words spread over several functions. Used only for words the hand lexicon did not explain.
 * Checked by OccupationDataSchema (schema.ts) where it is read: this module stays free of zod.
 */
export type { OccupationData };

/** What the occupation words of a title say, when the hand lexicon named no function. */
export interface OccupationReading {
  function?: KnownFunction;
  /** The title word as written, and the ESCO word it met (a compound's last part: "strategieeinkäuferin" → "einkaufer"). */
  raw?: string;
  via?: string;
  /** A free word ESCO knows, but spread over several functions. */
  ambiguous: boolean;
}

export interface OccupationTable {
  readonly size: number;
  read(free: readonly Word[]): OccupationReading;
  /** Whether ESCO has this very word (folded, lemmatised), not only a last part of it. */
  knows(word: string): boolean;
}

/** Compounds shorter than this are not split; a matched last part has at least MIN_TAIL letters. */
const MIN_COMPOUND = 8;
const MIN_TAIL = 5;
/** Shorter words are not looked up: "mar", "art" and "bau" say too little. */
const MIN_WORD = 4;
/** Letters a lemma trims from a word's end at most ("jueces" → "juec"): more, and the word was a compound's part. */
const MAX_TRIMMED = 3;
const NONE: OccupationReading = { ambiguous: false };
const MAX_LOOKED = 20_000;

/** The function an ESCO word names (null: spread over several) and the ESCO word met. */
interface Found {
  fn: KnownFunction | null;
  via: string;
}

/**
 * The singular of a plural word, when the given test knows it (lemma.singularOf with the morphology's plural rules):
 * catalogues name groups ("Sjöfartsinstruktörer", "Physiologen"), ESCO names one person.
 */
export type Singular = (word: string, known: (stem: string) => boolean) => string | undefined;

/**
 * Builds the lookup once; reading a title is a few map probes per unexplained word. `boundPrefixes`
 * (morphology.json) never stand alone as a compound's first part: "re|solution", "tras|mission". With `singular`,
 * a word or last part ESCO does not hold is tried as a plural of one it holds.
 */
export function compileOccupations(
  data: OccupationData | undefined,
  boundPrefixes: readonly string[] = [],
  singular?: Singular,
): OccupationTable {
  const bound = new Set(boundPrefixes);
  const words = new Map<string, KnownFunction | null>();
  if (data) {
    for (const fn of FUNCTIONS) {
      const list = data.functions[fn];
      if (!list) continue;
      for (const word of list.split(' ')) if (word) words.set(word, fn);
    }
    for (const word of data.ambiguous.split(' ')) if (word && !words.has(word)) words.set(word, null);
  }
  const held = (stem: string) => words.has(stem);
  /**
   * The ESCO word a word or a last part stands for: itself, or the singular of its plural, read from the word as
   * written (lemmas trim the endings the plural rules need: "jueces" → "juec", not "juez").
   */
  const find = (text: string, written: string): string | undefined =>
    words.has(text) ? text : singular?.(written, held);
  // Each word's lookup once (a compound is tried at every cut, each part as a plural too): the same words recur.
  // The key is the word, and its written form after a NUL when that differs.
  const looked = boundedMemo<Found | null, string>({
    compute: (key, text) =>
      search(text, key.length === text.length ? text : key.slice(text.length + 1)) ?? null,
    limit: MAX_LOOKED,
  });
  const lookup = (text: string, written: string): Found | undefined =>
    looked.get(written === text ? text : `${text}\u0000${written}`, text) ?? undefined;
  const search = (text: string, written: string): Found | undefined => {
    if (text.length < MIN_WORD) return undefined;
    const direct = find(text, written);
    if (direct !== undefined) return { fn: words.get(direct) ?? null, via: direct };
    if (text.length < MIN_COMPOUND) return undefined;
    // The longest known last part decides, even when it is ambiguous ("hersteller", not its tail "ersteller").
    for (let cut = 2; cut <= text.length - MIN_TAIL; cut++) {
      if (bound.has(text.slice(0, cut))) continue;
      const tail = find(text.slice(cut), written.slice(cut));
      if (tail !== undefined && tail.length >= MIN_TAIL) return { fn: words.get(tail) ?? null, via: tail };
    }
    return undefined;
  };
  /**
   * The word as written (folded) when its lemma only trimmed an ending ("jueces" → "juec"); for a compound's part
   * ("gjuteri" of "gjuterichefer") or an alias, the lemma itself.
   */
  const writtenOf = (word: Word): string => {
    if (!singular) return word.text;
    const written = fold(word.raw);
    return written.length - word.text.length <= MAX_TRIMMED && written.startsWith(word.text.slice(0, -2))
      ? written
      : word.text;
  };
  return {
    size: words.size,
    knows: (word) => words.has(word),
    read(free) {
      if (words.size === 0 || free.length === 0) return NONE;
      const votes = new Map<KnownFunction, number>();
      let ambiguous = false;
      let best: { fn: KnownFunction; raw: string; via: string; votes: number } | undefined;
      let lastSource = -1;
      let written = 0;
      let known = 0;
      let previous = -1;
      for (const word of free) {
        if (word.source !== previous) written += 1;
        previous = word.source;
        if (word.source === lastSource) continue; // one vote per written word, even when split
        const found = lookup(word.text, writtenOf(word));
        if (!found) continue;
        lastSource = word.source;
        known += 1;
        if (found.fn === null) {
          ambiguous = true;
          continue;
        }
        const count = (votes.get(found.fn) ?? 0) + 1;
        votes.set(found.fn, count);
        // More votes win; on a tie the later word, the head noun of "Research Chemist".
        if (!best || count >= best.votes)
          best = { fn: found.fn, raw: word.raw, via: found.via, votes: count };
      }
      // At least half the unexplained words must be occupation words: one known word in a phrase is a guess.
      if (known * 2 < written) return NONE;
      if (!best) return ambiguous ? { ambiguous } : NONE;
      return { function: best.fn, raw: best.raw, via: best.via, ambiguous };
    },
  };
}

import type { CompiledLexicon } from '../classify/lexicon.ts';
import type { OccupationData } from '../classify/occupations.ts';
import { tokenize } from '../classify/tokenize.ts';
import { oneSlip, rankWords } from '../classify/typo.ts';
import type { KnownFunction } from '../taxonomy.ts';
import { FUNCTIONS } from '../taxonomy.ts';

export const ESCO_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'nl',
  'it',
  'sv',
  'da',
  'no',
  'pl',
  'cs',
] as const;
export type EscoLanguage = (typeof ESCO_LANGUAGES)[number];

export interface EscoOccupation {
  uri: string;
  isco: string;
  label: string;
  function: KnownFunction;
  /** Per language: the preferred label first, then the alternatives. */
  labels: Partial<Record<EscoLanguage, string[]>>;
}

/** A word is kept when this share of the occupations it appears in map to one function. */
export const MIN_PURITY = 0.75;
/** A word seen in one occupation only must be at least this long (a specific noun, not "art" or "bau"). */
const MIN_SINGLE_LENGTH = 6;
/** Words spread over functions and seen in at least this many occupations are marked ambiguous. */
const MIN_AMBIGUOUS = 3;

/** FNV-1a: a stable hash of the occupation URI, so the held-out share never depends on file order. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One occupation in ten (by URI hash) never enters the word table: it is the ESCO held-out set. */
export function isHeldOut(uri: string): boolean {
  return hash(uri) % 10 === 0;
}

/**
 * "Einkäufer/Einkäuferin" → both forms; a slash between unrelated words ("ICT/network engineer") stays.
 * Gendered pairs share their first three letters.
 */
export function splitGendered(label: string): string[] {
  const parts = label.split('/').map((part) => part.trim());
  if (parts.length !== 2) return [label];
  const [a = '', b = ''] = parts;
  return a.length >= 4 && b.length >= 4 && a.slice(0, 3).toLowerCase() === b.slice(0, 3).toLowerCase()
    ? [a, b]
    : [label];
}

export interface WordTable {
  data: OccupationData;
  words: number;
  perFunction: Partial<Record<KnownFunction, number>>;
  ambiguous: number;
}

/**
 * ISCO-08 groups of occupations that lead others: managers (major group 1) and supervisors (mining, manufacturing
 * and construction 312, office 3341, cleaning 5151, shop 5222). Their labels name the work they oversee
 * ("superviseur de carreleurs"), so the words there describe the area, not the occupation.
 */
const LEADING_GROUPS = ['1', '312', '3341', '5151', '5222'];

export function leadsOthers(isco: string): boolean {
  return LEADING_GROUPS.some((group) => isco.startsWith(group));
}

type Votes = Map<string, Map<KnownFunction, Set<number>>>;

/** Records that occupation `index`, of function `fn`, uses `word`. */
function vote(votes: Votes, word: string, fn: KnownFunction, index: number): void {
  const byFunction = votes.get(word) ?? new Map<KnownFunction, Set<number>>();
  const set = byFunction.get(fn) ?? new Set<number>();
  set.add(index);
  byFunction.set(fn, set);
  votes.set(word, byFunction);
}

/**
 * Each word of the occupations' labels (folded, lemmatised like title words) → function → occupations using it.
 * A word counts the occupations it names as a job first: the votes of managers and supervisors of that work count
 * only for words no other occupation uses, so "carreleur" is the tiler's word (other) even though ESCO files the
 * tilers' supervisor under construction supervisors (operations).
 */
export function wordOccurrences(occupations: readonly EscoOccupation[], lexicon: CompiledLexicon): Votes {
  const place = new Set(lexicon.morphology.placeWords.map((word) => lexicon.lemma(word)));
  const doing: Votes = new Map();
  const leading: Votes = new Map();
  occupations.forEach((occupation, index) => {
    const seen = leadsOthers(occupation.isco) ? leading : doing;
    for (const labels of Object.values(occupation.labels)) {
      for (const label of labels ?? []) {
        for (const token of tokenize(label)) {
          if (token.sep || token.text.length < 4 || /\d/.test(token.text)) continue;
          if (lexicon.stopwords.has(token.text)) continue;
          const word = lexicon.lemma(token.text);
          if (place.has(word) || word.length < 4) continue;
          vote(seen, word, occupation.function, index);
        }
      }
    }
  });
  for (const [word, byFunction] of leading) if (!doing.has(word)) doing.set(word, byFunction);
  // One letter off a rank word ("manger": ESCO's own "aftersales manger", and "garde manger") is read as that
  // rank word's slip in a title, so it never becomes an occupation word that would stop the correction.
  const ranks = rankWords(lexicon);
  for (const word of doing.keys()) {
    if (ranks.has(word)) continue;
    for (const rank of ranks)
      if (oneSlip(word, rank)) {
        doing.delete(word);
        break;
      }
  }
  return doing;
}

/**
 * Words that are the whole of one of an occupation's labels ("wever", "biodlare"), with the functions of the
 * occupations they name outright. An occupation's own one-word name is its word, even when it is short or another
 * occupation's label uses it as a part ("biodlare, slungning").
 */
export function wholeLabelWords(occupations: readonly EscoOccupation[], lexicon: CompiledLexicon): Votes {
  const whole: Votes = new Map();
  occupations.forEach((occupation, index) => {
    if (leadsOthers(occupation.isco)) return;
    for (const labels of Object.values(occupation.labels)) {
      for (const label of labels ?? []) {
        for (const form of splitGendered(label)) {
          const words = tokenize(form).filter((token) => !token.sep);
          const [only] = words;
          if (words.length !== 1 || !only || /\d/.test(only.text)) continue;
          const word = lexicon.lemma(only.text);
          if (word.length < 4 || lexicon.stopwords.has(only.text)) continue;
          vote(whole, word, occupation.function, index);
        }
      }
    }
  });
  return whole;
}

/** The function most of the occupations vote for, with its share of all votes. */
function topFunction(byFunction: Map<KnownFunction, Set<number>>): {
  top?: KnownFunction;
  share: number;
  total: number;
} {
  let total = 0;
  let top: KnownFunction | undefined;
  let topCount = 0;
  for (const [fn, set] of byFunction) {
    total += set.size;
    if (set.size > topCount) {
      top = fn;
      topCount = set.size;
    }
  }
  return { top, share: total ? topCount / total : 0, total };
}

/** The words of every training occupation's labels, read like title words, with the functions they stand for. */
export function deriveWordTable(
  occupations: readonly EscoOccupation[],
  lexicon: CompiledLexicon,
  source: string,
): WordTable {
  const seen = wordOccurrences(occupations, lexicon);
  const named = wholeLabelWords(occupations, lexicon);
  const lists = new Map<KnownFunction, string[]>();
  const ambiguous: string[] = [];
  for (const [word, byFunction] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const own = named.get(word);
    let { top, share, total } = topFunction(byFunction);
    // Two occupations split over two functions say nothing, unless one of them is named by the word alone: Dutch
    // "wever" is the hand weaver's name (other), while the weaving-machine operator's label only uses it. Wider
    // splits stay ambiguous.
    if (own && share < MIN_PURITY && total < MIN_AMBIGUOUS) {
      const byName = topFunction(own);
      if (byName.top && byName.share >= MIN_PURITY)
        ({ top, share } = { top: byName.top, share: byName.share });
    }
    if (!top) continue;
    // A short word seen once is kept when it is an occupation's whole name ("wever"), not a part of one ("bau").
    if (share >= MIN_PURITY && (total >= 2 || word.length >= MIN_SINGLE_LENGTH || own)) {
      const list = lists.get(top) ?? [];
      list.push(word);
      lists.set(top, list);
    } else if (total >= MIN_AMBIGUOUS && share < MIN_PURITY) ambiguous.push(word);
  }
  const functions: Partial<Record<KnownFunction, string>> = {};
  const perFunction: Partial<Record<KnownFunction, number>> = {};
  let words = 0;
  for (const fn of FUNCTIONS) {
    const list = lists.get(fn);
    if (!list) continue;
    functions[fn] = list.join(' ');
    perFunction[fn] = list.length;
    words += list.length;
  }
  return {
    data: { source, functions, ambiguous: ambiguous.join(' ') },
    words,
    perFunction,
    ambiguous: ambiguous.length,
  };
}

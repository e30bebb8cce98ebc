import type { CompiledLexicon, CompiledPhrase } from './lexicon.ts';
import type { Matched } from './match-words.ts';
import { boundedMemo } from './memo.ts';
import type { OccupationTable } from './occupations.ts';
import type { Token } from './tokenize.ts';

/** Shorter written words are corrected only to a rank word ("Manger" → manager): "Texter" is a word of its own. */
const MIN_WORD = 7;
const MIN_RANK_WORD = 6;
const RANKS = new Set(['manager', 'head', 'director', 'vp', 'c_level']);
/** A lexicon word (or compound part) this long may be the target of a correction. */
const MIN_TARGET = 6;
const MAX_CACHE = 20_000;

/**
 * A typing slip: one letter added or dropped, or two neighbours swapped, never in the first letter. A changed
 * letter is not read as a slip: it is how languages spell one word ("syndicus"/"syndikus", "revisor"/"reviser"),
 * and "drainer" is not "trainer".
 */
export function oneSlip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Neighbouring keys on QWERTY and QWERTZ keyboards: a letter typed next to the one meant. */
const KEYBOARD = ['qwertyuiop', 'qwertzuiop', 'asdfghjkl', 'zxcvbnm', 'yxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
for (const row of KEYBOARD)
  for (let i = 0; i < row.length; i++) {
    const key = row.charAt(i);
    NEIGHBOURS.set(key, (NEIGHBOURS.get(key) ?? '') + row.charAt(i - 1) + row.charAt(i + 1));
  }

/** The spellings one neighbouring key away: "vetrieb" is also "betrieb" with b typed as v. */
function neighbourKeys(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++)
    for (const key of NEIGHBOURS.get(word.charAt(i)) ?? '')
      out.push(word.slice(0, i) + key + word.slice(i + 1));
  return out;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** A one-word rank of manager or above ("manager", "leiter", "direktor"): what a short slip may become. */
function isRankPhrase(phrase: CompiledPhrase): boolean {
  return phrase.tokens.length === 1 && RANKS.has(phrase.term.seniority ?? '');
}

/** The lexicon's one-word ranks of manager or above, the words a short slip is read as ("manger" → manager). */
export function rankWords(lexicon: CompiledLexicon): Set<string> {
  const ranks = new Set<string>();
  for (const [word, phrases] of lexicon.byFirstToken) if (phrases.some(isRankPhrase)) ranks.add(word);
  return ranks;
}

export interface TypoFix {
  matched: Matched;
  /** "'markting' read as 'marketing' (one letter off)", one per corrected word. */
  notes: string[];
}

/**
 * Reads one-letter typos of the lexicon's long words, for words nothing else explains: "Markting Manager",
 * "Geschäftsfüherer", "Projektmanger" (a compound whose last part is off by one), "Sales Manger". A word is
 * corrected only when it is at least MIN_WORD letters (MIN_RANK_WORD when it becomes a rank word), ESCO's
 * occupation words do not know it, and the readings that fit all mean the same, so a real word the lexicon lacks
 * is left alone rather than guessed. The index (each long lexicon word and its
 * one-letter deletions) is built on first use.
 */
export function createTypoFixer(lexicon: CompiledLexicon) {
  const { vocabulary, lemma, canonical } = lexicon;
  let index: Map<string, string[]> | undefined;

  const build = (): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    const add = (key: string, word: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [word]);
      else if (!list.includes(word)) list.push(word);
    };
    for (const word of vocabulary) {
      if (word.length < MIN_TARGET || !/^[a-z]+$/.test(word)) continue;
      add(word, word);
      for (const key of deletions(word)) add(key, word);
    }
    return map;
  };

  /** Lexicon words one slip from `word`. */
  const near = (word: string): string[] => {
    index ??= build();
    const found: string[] = [];
    for (const key of [word, ...deletions(word)])
      for (const target of index.get(key) ?? [])
        if (!found.includes(target) && oneSlip(word, target)) found.push(target);
    return found;
  };

  const reads = (candidate: string): boolean => canonical(candidate).every((part) => vocabulary.has(part));
  /** The lexicon terms a spelling stands for, by its parts: "vertrieb+leiter" vs "betrieb+leiter" differ. */
  const meaning = (candidate: string): string =>
    canonical(candidate)
      .map(
        (part) =>
          lexicon.byFirstToken.get(part)?.find((phrase) => phrase.tokens.length === 1)?.term.id ?? part,
      )
      .join('+');

  const isRank = (word: string): boolean => lexicon.byFirstToken.get(word)?.some(isRankPhrase) ?? false;

  /** The spelling the options agree on: several that mean the same ("recruiter", Swedish "rekruter") are one. */
  const pick = (options: ReadonlySet<string>): string | undefined => {
    const fits = [...options].filter(reads).sort();
    return fits.length > 0 && new Set(fits.map(meaning)).size === 1 ? fits[0] : undefined;
  };

  /** The one corrected spelling of a folded word that the lexicon reads in full, or undefined. */
  const search = (word: string): string | undefined => {
    const stem = lemma(word);
    const options = new Set<string>();
    for (const target of near(stem)) if (word.length >= MIN_WORD || isRank(target)) options.add(target);
    if (word.length < MIN_WORD) return pick(options);
    // A compound with one part off by one: "projekt|manger", "vetrieb|sleiter" (the part before a linking -s).
    for (let cut = 3; cut <= stem.length - MIN_TARGET + 1 && options.size < 3; cut++) {
      const head = stem.slice(0, cut);
      const tail = stem.slice(cut);
      if (tail.length >= MIN_TARGET && reads(head))
        for (const target of near(tail)) options.add(head + target);
      if (head.length >= MIN_TARGET && vocabulary.has(lemma(tail)))
        for (const target of near(head)) options.add(target + tail);
      if (head.length > MIN_TARGET && head.endsWith('s') && vocabulary.has(lemma(tail))) {
        const part = head.slice(0, -1);
        const targets = near(part);
        for (const target of targets) options.add(`${target}s${tail}`);
        // A first part that is also another word with one neighbouring key changed has two readings ("vetrieb":
        // Vertrieb with r dropped, or Betrieb with b typed as v): then none is chosen.
        if (targets.length > 0)
          for (const other of neighbourKeys(part)) if (vocabulary.has(other)) options.add(`${other}s${tail}`);
      }
    }
    return pick(options);
  };
  const corrections = boundedMemo({ compute: (word) => search(word) ?? null, limit: MAX_CACHE });
  const correct = (word: string): string | undefined => corrections.get(word) ?? undefined;

  /**
   * The title read again with its unexplained long words corrected, one word at a time, each kept only when it
   * explains more words ("Custmer Success": the fixed "customer" also explains "success", which stays as written).
   */
  return (
    tokens: readonly Token[],
    matched: Matched,
    occupations: OccupationTable,
    match: (tokens: readonly Token[]) => Matched,
  ): TypoFix | undefined => {
    let current = tokens;
    let best = matched;
    const notes: string[] = [];
    const tried = new Set<number>();
    // Only words the reader left a part of unexplained: "industrie|meister" is read, whatever "industrie" is, but
    // "persnal|referentin" has a part nothing explains.
    const open = new Set(matched.free.map((word) => word.source));
    for (const word of matched.words) if (!word.sep && !open.has(word.source)) tried.add(word.source);
    // A short word becomes only a rank word ("Manger"); beside a rank word already read ("Grants Manager"), a second
    // one from a slip would be a guess, so short words are left alone.
    const ranked = matched.hits.some((hit) => !hit.term.modifier && RANKS.has(hit.term.seniority ?? ''));
    for (const word of matched.free) {
      const token = tokens[word.source];
      if (
        !token ||
        tried.has(word.source) ||
        token.text.length < MIN_RANK_WORD ||
        (ranked && token.text.length < MIN_WORD) ||
        !/^[a-z]+$/.test(token.text)
      )
        continue;
      tried.add(word.source);
      // A word ESCO has is left alone; one ESCO reads only by a last part ("softwareentwicker" → "wicker") may be a slip.
      if (occupations.knows(word.text)) continue;
      const fixed = correct(token.text);
      if (!fixed) continue;
      const next = current.map((each, i) => (i === word.source ? { ...each, text: fixed } : each));
      const again = match(next);
      if (again.unexplained.length >= best.unexplained.length) continue;
      current = next;
      best = again;
      notes.push(`'${token.raw}' read as '${fixed}' (one letter off)`);
    }
    return notes.length > 0 ? { matched: best, notes } : undefined;
  };
}

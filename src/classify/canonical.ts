import type { CompiledLexicon } from './lexicon.ts';
import { PATTERNS } from './patterns.ts';

const MAX_CACHE = 50_000;
/** Shorter words are not split: "tienda" is not "ti" + "enda"; "säljchef" (8) still is. */
const MIN_COMPOUND = 8;
/** A known last part this long is a job word of its own ("disponent", "einkaufer"). */
const LONG_TAIL = 7;

/**
 * Maps each written word to the lexicon words it stands for, memoised per lexicon: abbreviations expand
 * ("mgr" → manager), inflected forms meet their stem ("leiterin" → leiter, "directora" → director) and
 * compounds split ("vertriebsleiterin" → vertrieb + leiter, "inköpschef" → inkop + chef).
 */
export function createCanonicalizer(lexicon: CompiledLexicon): (word: string) => readonly string[] {
  const { vocabulary, morphology, lemma } = lexicon;
  const aliases = new Map(
    Object.entries(morphology.aliases).map(([from, to]) => [from, to.split(' ').map((part) => lemma(part))]),
  );
  const heads = new Set(morphology.compoundHeads.map((head) => lemma(head)));
  const cache = new Map<string, readonly string[]>();

  const known = (part: string): string | undefined => {
    const stem = lemma(part);
    return vocabulary.has(stem) ? stem : undefined;
  };

  const modifier = (part: string): string | undefined => {
    const direct = known(part);
    if (direct) return direct;
    for (const link of morphology.linking) {
      if (part.length - link.length >= 2 && part.endsWith(link)) {
        const stem = known(part.slice(0, part.length - link.length));
        if (stem) return stem;
      }
    }
    return undefined;
  };

  const split = (word: string, depth: number): readonly string[] | undefined => {
    let fallback: readonly string[] | undefined;
    for (let cut = 2; cut <= word.length - 3; cut++) {
      const tail = word.slice(cut);
      const head = known(tail);
      const isHead = head !== undefined && heads.has(head);
      if (!head || (tail.length < 4 && !isHead)) continue;
      const part = word.slice(0, cut);
      const mod = modifier(part);
      if (mod) return [mod, head];
      if (depth > 0) {
        const inner = split(part, depth - 1);
        if (inner) return [...inner, head];
      } else if (tail.length >= 5) {
        return [part, head]; // inner part of a longer compound: "gesamt" + "vertrieb(s)" in "gesamtvertriebsleiter"
      }
      // A known rank word, or a long known job word, ends the compound even after an unknown first part:
      // "materialdisponentin" → material + disponent.
      if ((isHead || tail.length >= LONG_TAIL) && part.length >= 3 && !fallback) fallback = [part, head];
    }
    return fallback;
  };

  /** A known word, its compound parts, or nothing. Unknown words are retried with umlauts ("ae" → "a"). */
  const read = (word: string): readonly string[] | undefined => {
    const stem = known(word);
    if (stem) return [stem];
    return word.length >= MIN_COMPOUND ? split(word, 1) : undefined;
  };

  return (word: string) => {
    const cached = cache.get(word);
    if (cached) return cached;
    const plain = word.replace(PATTERNS.spelledUmlaut, '$1');
    const result = aliases.get(word) ??
      read(word) ??
      (plain === word ? undefined : read(plain)) ?? [lemma(word)];
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, result);
    return result;
  };
}

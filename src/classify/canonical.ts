import { singularOf } from './lemma.ts';
import type { LexiconTables } from './lexicon.ts';
import { boundedMemo } from './memo.ts';
import { PATTERNS } from './patterns.ts';

const MAX_CACHE = 50_000;
/** Shorter words are not split: "tienda" is not "ti" + "enda"; "säljchef" (8) still is. */
const MIN_COMPOUND = 8;
/** A known job noun this long ends a compound after an unknown first part ("disponent", "einkaufer"). */
const LONG_TAIL = 7;
/** A known last part shorter than this splits a compound only when it is a rank word ("chef"): "prez|iose" is not "iOS". */
const SHORT_TAIL = 5;
const MIN_FREE_PART = 6;

/**
 * Maps each written word to the lexicon words it stands for, memoised per lexicon: abbreviations expand
 * ("mgr" → manager), inflected forms meet their stem ("leiterin" → leiter, "directora" → director) and
 * compounds split ("vertriebsleiterin" → vertrieb + leiter, "inköpschef" → inkop + chef). Made once per lexicon, with
 * its derived tables (lexicon.ts withDerivedTables), so every memo of word readings agrees with it.
 */
export function createCanonicalizer(
  lexicon: Pick<LexiconTables, 'vocabulary' | 'morphology' | 'lemma' | 'byFirstToken'>,
): (word: string) => readonly string[] {
  const { vocabulary, morphology, lemma } = lexicon;
  const aliases = new Map(
    Object.entries(morphology.aliases).map(([from, to]) => [from, to.split(' ').map((part) => lemma(part))]),
  );
  const heads = new Set(morphology.compoundHeads.map((head) => lemma(head)));
  // A word that means something else as a compound's last part: "Personal" alone is HR, "Kassapersonal" is staff.
  const tailAliases = new Map(
    Object.entries(morphology.compoundTails ?? {}).map(([from, to]) => [lemma(from), lemma(to)]),
  );
  const bound = new Set(morphology.boundPrefixes ?? []);
  // One-word job nouns (a rank or a job: "disponent", "mechaniker"). An area word ends a compound whose first
  // part is unknown only after a first part of MIN_FREE_PART letters ("online|marketing"): "aqua|culture" and
  // "horti|culture" are one word, not HR's "culture".
  const jobNouns = new Set<string>();
  for (const [first, phrases] of lexicon.byFirstToken)
    if (phrases.some((phrase) => phrase.size === 1 && phrase.tokens.length === 1 && phrase.term.seniority))
      jobNouns.add(first);
  const plurals = morphology.plurals ?? [];
  /**
   * The lexicon word a part stands for: itself, or the singular of a plural person noun ("ekonomer" → ekonom).
   * Only a job noun: "presser" is not "press", "producten" not "product".
   */
  const known = (part: string): string | undefined => {
    const stem = lemma(part);
    if (vocabulary.has(stem)) return stem;
    return singularOf(part, plurals, lemma, (singular) => jobNouns.has(singular));
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
    // A first part has three letters at least: two-letter words (ti, hr, ux) are abbreviations, not compound parts.
    for (let cut = 3; cut <= word.length - 3; cut++) {
      const part = word.slice(0, cut);
      if (bound.has(part)) continue;
      const tail = word.slice(cut);
      const found = known(tail) ?? (tailAliases.has(lemma(tail)) ? lemma(tail) : undefined);
      const head = found === undefined ? undefined : (tailAliases.get(found) ?? found);
      const isHead = head !== undefined && heads.has(head);
      if (!head || (tail.length < SHORT_TAIL && !isHead)) continue;
      const mod = modifier(part);
      if (mod) return [mod, head];
      if (depth > 0) {
        // A longer known job noun already found ends the compound: "skogs|maskinförare" is a machine operator,
        // not "skog|maskin" + "förare" (a driver).
        const inner = fallback ? undefined : split(part, depth - 1);
        if (inner) return [...inner, head];
      } else if (tail.length >= 5) {
        return [lemma(part), head]; // inner part of a longer compound: "gesamt" + "vertrieb(s)" in "gesamtvertriebsleiter"
      }
      // A known rank word, or a long known job word, ends the compound even after an unknown first part:
      // "materialdisponentin" → material + disponent.
      if (
        (isHead || (tail.length >= LONG_TAIL && (jobNouns.has(head) || part.length >= MIN_FREE_PART))) &&
        part.length >= 3 &&
        !fallback
      )
        fallback = [lemma(part), head]; // an unknown part is read like an unknown word: "apoteks" → apotek
    }
    return fallback;
  };

  /** A known word, its compound parts, or nothing. Unknown words are retried with umlauts ("ae" → "a"). */
  const read = (word: string): readonly string[] | undefined => {
    const stem = known(word);
    if (stem) return [stem];
    return word.length >= MIN_COMPOUND ? split(word, 1) : undefined;
  };

  const canonical = (word: string): readonly string[] => {
    const plain = word.replace(PATTERNS.spelledUmlaut, '$1');
    return aliases.get(word) ?? read(word) ?? (plain === word ? undefined : read(plain)) ?? [lemma(word)];
  };
  const cache = boundedMemo({ compute: canonical, limit: MAX_CACHE });
  return (word: string) => cache.get(word);
}

import { boundedMemo } from './memo.ts';
import type { Morphology } from './schema.ts';

const MAX_PASSES = 3;
const MAX_LEMMAS = 50_000;

type SuffixRule = Morphology['lemmaRules'][number];

/**
 * The word with the rule's suffix replaced, when the rule applies: the word is long enough (default 4), ends in
 * the suffix, and the letter before it is one the rule allows. Shared by the lemma rules and the plural rules.
 */
export function applySuffixRule(word: string, rule: SuffixRule): string | undefined {
  if (word.length < (rule.minLength ?? 4) || !word.endsWith(rule.suffix)) return undefined;
  const stem = word.slice(0, word.length - rule.suffix.length);
  if (rule.after && !rule.after.includes(stem.at(-1) ?? '')) return undefined;
  return stem + rule.replace;
}

/**
 * The singular a plural names, by the plural rules (morphology.json `plurals`), when `accept` knows it: the word with
 * a rule's ending replaced, lemmatised, and only when the written singular begins with that stem ("steur" is not
 * "stor"). Shared by the lexicon's job nouns and the ESCO occupation words.
 */
export function singularOf(
  word: string,
  plurals: readonly SuffixRule[],
  lemma: (word: string) => string,
  accept: (stem: string) => boolean,
): string | undefined {
  for (const rule of plurals) {
    const written = applySuffixRule(word, rule);
    if (written === undefined) continue;
    const singular = lemma(written);
    if (accept(singular) && written.startsWith(singular)) return singular;
  }
  return undefined;
}

/** Builds the stemmer shared by titles and lexicon: rules from morphology.json, applied until stable. */
export function createLemmatizer(morphology: Morphology): (word: string) => string {
  const keep = new Set(morphology.lemmaKeep);
  // Each word's lemma once: the rules are tried in turn, up to three passes, and the same words recur.
  const lemmas = boundedMemo({ compute: stem, limit: MAX_LEMMAS });
  return (word: string) => lemmas.get(word);

  function stem(word: string): string {
    let current = word;
    for (let pass = 0; pass < MAX_PASSES && !keep.has(current); pass++) {
      let changed = false;
      for (const rule of morphology.lemmaRules) {
        const next = applySuffixRule(current, rule);
        if (next === undefined || next.length < 3) continue;
        current = next;
        changed = true;
        break;
      }
      if (!changed) break;
    }
    return current;
  }
}

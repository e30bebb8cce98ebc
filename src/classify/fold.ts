import morphology from './data/morphology.json' with { type: 'json' };
import { PATTERNS } from './patterns.ts';

const FOLD = new Map(Object.entries(morphology.fold));

/** Words with accents are folded once: decomposing them is the costly part of reading one. */
const folded = new Map<string, string>();
const MAX_FOLDED = 20_000;
const MAX_FOLDED_LENGTH = 40;

/** Lowercases and strips accents: "Geschäftsführer" → "geschaftsfuhrer", "Straße" → "strasse". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (PATTERNS.ascii.test(lower)) return lower;
  const known = folded.get(lower);
  if (known !== undefined) return known;
  let out = '';
  for (const char of lower.normalize('NFD').replace(PATTERNS.combiningMarks, '')) {
    out += FOLD.get(char) ?? char;
  }
  if (lower.length <= MAX_FOLDED_LENGTH) {
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(lower, out);
  }
  return out;
}

/** Both spellings of a German word with umlauts: "führer" → ["fuhrer", "fuehrer"]. */
export function foldVariants(text: string, umlauts: Readonly<Record<string, string>>): string[] {
  const lower = text.toLowerCase();
  let written = '';
  for (const char of lower) written += umlauts[char] ?? char;
  const variants = new Set([fold(lower), fold(written)]);
  return [...variants];
}

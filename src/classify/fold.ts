import morphology from './data/morphology.json' with { type: 'json' };
import { PATTERNS } from './patterns.ts';

const FOLD = new Map(Object.entries(morphology.fold));

/** Lowercases and strips accents: "Geschäftsführer" → "geschaftsfuhrer", "Straße" → "strasse". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (PATTERNS.ascii.test(lower)) return lower;
  let out = '';
  for (const char of lower.normalize('NFD').replace(PATTERNS.combiningMarks, '')) {
    out += FOLD.get(char) ?? char;
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

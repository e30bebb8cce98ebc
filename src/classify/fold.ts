import morphology from './data/morphology.json' with { type: 'json' };
import { boundedMemo } from './memo.ts';
import { PATTERNS } from './patterns.ts';

const FOLD = new Map(Object.entries(morphology.fold));

function stripAccents(lower: string): string {
  let out = '';
  for (const char of lower.normalize('NFD').replace(PATTERNS.combiningMarks, '')) {
    out += FOLD.get(char) ?? char;
  }
  return out;
}

/** Words with accents are folded once: decomposing them is the costly part of reading one. */
const folded = boundedMemo({ compute: stripAccents, limit: 20_000, maxKeyLength: 40 });

/** Lowercases and strips accents: "Geschäftsführer" → "geschaftsfuhrer", "Straße" → "strasse". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return PATTERNS.ascii.test(lower) ? lower : folded.get(lower);
}

/** Both spellings of a German word with umlauts: "führer" → ["fuhrer", "fuehrer"]. */
export function foldVariants(text: string, umlauts: Readonly<Record<string, string>>): string[] {
  const lower = text.toLowerCase();
  let written = '';
  for (const char of lower) written += umlauts[char] ?? char;
  const variants = new Set([fold(lower), fold(written)]);
  return [...variants];
}

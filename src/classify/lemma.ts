import type { Morphology } from './schema.ts';

const MAX_PASSES = 3;

/** Builds the stemmer shared by titles and lexicon: rules from morphology.json, applied until stable. */
export function createLemmatizer(morphology: Morphology): (word: string) => string {
  const keep = new Set(morphology.lemmaKeep);
  const rules = morphology.lemmaRules.map((rule) => ({ ...rule, minLength: rule.minLength ?? 4 }));
  return (word: string) => {
    let current = word;
    for (let pass = 0; pass < MAX_PASSES && !keep.has(current); pass++) {
      let changed = false;
      for (const rule of rules) {
        if (current.length < rule.minLength || !current.endsWith(rule.suffix)) continue;
        const stem = current.slice(0, current.length - rule.suffix.length);
        if (stem.length + rule.replace.length < 3) continue;
        if (rule.after && !rule.after.includes(stem.at(-1) ?? '')) continue;
        current = stem + rule.replace;
        changed = true;
        break;
      }
      if (!changed) break;
    }
    return current;
  };
}

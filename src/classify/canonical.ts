import type { CompiledLexicon } from './lexicon.ts';

const MAX_CACHE = 50_000;

/**
 * Maps each written word to the lexicon words it stands for, memoised per lexicon: known words stay,
 * abbreviations expand ("mgr" → manager), inflected forms reduce ("leiterin" → leiter, "directora" →
 * director) and compounds split ("vertriebsleiterin" → vertrieb + leiter, "inköpschef" → inkop + chef).
 */
export function createCanonicalizer(lexicon: CompiledLexicon): (word: string) => readonly string[] {
  const { vocabulary, morphology } = lexicon;
  const aliases = new Map(Object.entries(morphology.aliases).map(([from, to]) => [from, to.split(' ')]));
  const heads = new Set(morphology.compoundHeads);
  const cache = new Map<string, readonly string[]>();

  const inflect = (word: string): string | undefined => {
    if (vocabulary.has(word)) return word;
    for (const { suffix, replace } of morphology.inflections) {
      if (word.length - suffix.length < 2 || !word.endsWith(suffix)) continue;
      const candidate = word.slice(0, word.length - suffix.length) + replace;
      if (vocabulary.has(candidate)) return candidate;
    }
    return undefined;
  };

  const modifier = (part: string): string | undefined => {
    const known = inflect(part);
    if (known) return known;
    for (const link of morphology.linking) {
      if (part.length - link.length >= 2 && part.endsWith(link)) {
        const stem = inflect(part.slice(0, part.length - link.length));
        if (stem) return stem;
      }
    }
    return undefined;
  };

  const split = (word: string, depth: number): readonly string[] | undefined => {
    let fallback: readonly string[] | undefined;
    for (let cut = 2; cut <= word.length - 3; cut++) {
      const tail = word.slice(cut);
      const head = inflect(tail);
      const isHead = heads.has(tail) || (head !== undefined && heads.has(head));
      if (!head || (tail.length < 4 && !isHead)) continue;
      const part = word.slice(0, cut);
      const mod = modifier(part);
      if (mod) return [mod, head];
      if (depth > 0) {
        const inner = split(part, depth - 1);
        if (inner) return [...inner, head];
      }
      if (isHead && !fallback) fallback = [part, head];
    }
    return fallback;
  };

  return (word: string) => {
    const cached = cache.get(word);
    if (cached) return cached;
    let result: readonly string[] = vocabulary.has(word) ? [word] : (aliases.get(word) ?? []);
    if (result.length === 0) {
      const known = inflect(word);
      result = known ? [known] : (split(word, 1) ?? [word]);
    }
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, result);
    return result;
  };
}

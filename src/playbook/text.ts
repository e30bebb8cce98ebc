/** Text helpers shared by the loader and the engine: no regex is built from playbook data. */

/** Lowercase ASCII-ish words: accents stripped, anything but letters and digits splits. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** True when `needle` occurs in `haystack` as consecutive whole words. */
export function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

/** An industry as an id: "Computer Software" and "COMPUTER_SOFTWARE" both become "computer_software". */
export function industryId(industry: string | null | undefined): string | null {
  if (typeof industry !== 'string') return null;
  const id = words(industry).join('_');
  return id.length > 0 ? id : null;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate, or null when nothing is plausibly what was meant. */
export function didYouMean(value: string, candidates: readonly string[]): string | null {
  const lower = value.toLowerCase();
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const prefix = lower.startsWith(candidate) || candidate.startsWith(lower);
    const score = prefix ? 0.5 : editDistance(lower, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const limit = Math.max(2, Math.floor(lower.length / 3));
  return bestScore <= limit ? best : null;
}

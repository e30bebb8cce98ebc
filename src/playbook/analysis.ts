import { FUNCTIONS, SENIORITIES, SIZE_BANDS } from '../taxonomy.ts';
import type { CompiledMatch } from './compile-match.ts';
import { containsWords } from './text.ts';

/** Static reasoning over compiled matches, for the loader's cross-checks. Errs towards "no" for covers. */

function superset<T>(outer: ReadonlySet<T> | null, inner: ReadonlySet<T> | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return [...inner].every((value) => outer.has(value));
}

function intersects<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (a === null || b === null) return true;
  return [...a].some((value) => b.has(value));
}

/** Every title containing `specific` also contains `general`. */
const implies = (specific: readonly string[], general: readonly string[]) => containsWords(specific, general);

/** True when every input matching `inner` also matches `outer` (so a later `inner` rule is unreachable). */
export function covers(outer: CompiledMatch, inner: CompiledMatch): boolean {
  if (!superset(outer.seniorities, inner.seniorities)) return false;
  if (!superset(outer.functions, inner.functions)) return false;
  if (!superset(outer.bands, inner.bands)) return false;
  return coversRest(outer, inner);
}

/** `covers` for everything but the three finite dimensions (industries, keywords, ICP fit). */
function coversRest(outer: CompiledMatch, inner: CompiledMatch): boolean {
  if (!superset(outer.industries, inner.industries)) return false;
  for (const excluded of outer.industriesOut) {
    const innerAvoids =
      inner.industriesOut.has(excluded) || (inner.industries && !inner.industries.has(excluded));
    if (!innerAvoids) return false;
  }
  if (outer.keywords) {
    if (!inner.keywords) return false;
    const everyImplied = inner.keywords.every((kw) =>
      outer.keywords?.some((general) => implies(kw, general)),
    );
    if (!everyImplied) return false;
  }
  for (const excluded of outer.keywordsOut) {
    if (!inner.keywordsOut.some((innerOut) => implies(excluded, innerOut))) return false;
  }
  if (outer.customer !== null && outer.customer !== inner.customer) return false;
  return outer.icpFit === null || outer.icpFit === inner.icpFit;
}

/** True when some input could match both (keywords are assumed combinable unless excluded). */
export function overlaps(a: CompiledMatch, b: CompiledMatch): boolean {
  if (!intersects(a.seniorities, b.seniorities)) return false;
  if (!intersects(a.functions, b.functions)) return false;
  if (!intersects(a.bands, b.bands)) return false;
  if (!industriesMeet(a, b)) return false;
  if (keywordsExcluded(a, b) || keywordsExcluded(b, a)) return false;
  if (a.customer !== null && b.customer !== null && a.customer !== b.customer) return false;
  return a.icpFit === null || b.icpFit === null || a.icpFit === b.icpFit;
}

function industriesMeet(a: CompiledMatch, b: CompiledMatch): boolean {
  const allowed = (id: string) => !a.industriesOut.has(id) && !b.industriesOut.has(id);
  if (a.industries && b.industries)
    return [...a.industries].some((id) => b.industries?.has(id) && allowed(id));
  const only = a.industries ?? b.industries;
  return only === null || [...only].some(allowed);
}

/** `a` needs a keyword that `b` excludes, for every keyword `a` accepts. */
function keywordsExcluded(a: CompiledMatch, b: CompiledMatch): boolean {
  if (!a.keywords || b.keywordsOut.length === 0) return false;
  return a.keywords.every((kw) => b.keywordsOut.some((out) => implies(kw, out)));
}

function meet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): ReadonlySet<T> | null {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((value) => b.has(value)));
}

/**
 * The inputs matching both (an over-approximation: when both need keywords, only `a`'s are kept), used to
 * ask whether earlier rules already take everything a later rule shares with a persona.
 */
export function intersect(a: CompiledMatch, b: CompiledMatch): CompiledMatch {
  return {
    seniorities: meet(a.seniorities, b.seniorities),
    functions: meet(a.functions, b.functions),
    bands: meet(a.bands, b.bands),
    industries: meet(a.industries, b.industries),
    industriesOut: new Set([...a.industriesOut, ...b.industriesOut]),
    keywords: a.keywords ?? b.keywords,
    keywordsOut: [...a.keywordsOut, ...b.keywordsOut],
    icpFit: a.icpFit ?? b.icpFit,
    customer: a.customer ?? b.customer,
  };
}

/** Alternatives (persona `match` plus `alsoMatch`): `outer` covers when each inner alternative is covered. */
export const coversAny = (outer: readonly CompiledMatch[], inner: readonly CompiledMatch[]) =>
  inner.every((alt) => outer.some((candidate) => covers(candidate, alt)));

export const overlapsAny = (a: readonly CompiledMatch[], b: readonly CompiledMatch[]) =>
  a.some((x) => b.some((y) => overlaps(x, y)));

const SENIORITY_VALUES = [...SENIORITIES, 'unknown'] as const;
const FUNCTION_VALUES = [...FUNCTIONS, 'unknown'] as const;
const BAND_VALUES = [...SIZE_BANDS, 'unknown'] as const;

/**
 * The earlier matches that together take every input of `region`, or null when some input escapes.
 * Splits the region into seniority × function × size cells (at most 1,463) so unions of rules count.
 */
export function coveringMatches(
  earlier: readonly CompiledMatch[],
  region: CompiledMatch,
): CompiledMatch[] | null {
  const single = earlier.find((candidate) => covers(candidate, region));
  if (single) return [single];
  const used = new Set<CompiledMatch>();
  const usable = earlier.filter((candidate) => coversRest(candidate, region));
  const has = <T>(set: ReadonlySet<T> | null, value: T) => set === null || set.has(value);
  for (const seniority of region.seniorities ?? SENIORITY_VALUES) {
    for (const fn of region.functions ?? FUNCTION_VALUES) {
      for (const band of region.bands ?? BAND_VALUES) {
        const taker = usable.find(
          (c) => has(c.seniorities, seniority) && has(c.functions, fn) && has(c.bands, band),
        );
        if (!taker) return null;
        used.add(taker);
      }
    }
  }
  return [...used];
}

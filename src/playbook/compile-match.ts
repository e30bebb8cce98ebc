import {
  FUNCTIONS,
  type JobFunction,
  SENIORITIES,
  type Seniority,
  SIZE_BANDS,
  type SizeBand,
} from '../taxonomy.ts';
import type { Match, Playbook, ProductGroupId } from './schema.ts';
import { containsWords, industryId, words } from './text.ts';

/** A match compiled to sets; `null` means "any value, including unknown". */
export interface CompiledMatch {
  seniorities: ReadonlySet<Seniority> | null;
  functions: ReadonlySet<JobFunction> | null;
  bands: ReadonlySet<SizeBand> | null;
  industries: ReadonlySet<string> | null;
  industriesOut: ReadonlySet<string>;
  keywords: readonly (readonly string[])[] | null;
  keywordsOut: readonly (readonly string[])[];
  icpFit: boolean | null;
  customer: boolean | null;
}

/** The facts a match is tested against, already read from title and company. */
export interface MatchFacts {
  seniority: Seniority;
  function: JobFunction;
  band: SizeBand;
  industry: string | null;
  titleWords: readonly string[];
  /** False only when known facts put the company outside the ICP. */
  icpFit: boolean;
  /** The contact's lifecycle stage is one of the playbook's customer stages. */
  customer: boolean;
}

const ALL_SENIORITIES: readonly Seniority[] = [...SENIORITIES, 'unknown'];
const ALL_FUNCTIONS: readonly JobFunction[] = [...FUNCTIONS, 'unknown'];
const ALL_BANDS: readonly SizeBand[] = [...SIZE_BANDS, 'unknown'];

function ranged<T extends string>(order: readonly T[], from: number, to: number): T[] {
  return order.slice(Math.max(0, from), to + 1);
}

/** A set over a closed universe; the full universe collapses to null so "any" compares equal. */
function closed<T>(values: readonly T[] | null, universe: readonly T[]): ReadonlySet<T> | null {
  if (values === null) return null;
  const set = new Set(values);
  return universe.every((value) => set.has(value)) ? null : set;
}

function seniorities(match: Match): Seniority[] | null {
  if (match.seniority) return match.seniority;
  if (!match.seniorityMin && !match.seniorityMax) return null;
  // SENIORITIES runs high to low: seniorityMin is the lowest rung still allowed.
  const high = match.seniorityMax ? SENIORITIES.indexOf(match.seniorityMax) : 0;
  const low = match.seniorityMin ? SENIORITIES.indexOf(match.seniorityMin) : SENIORITIES.length - 1;
  return ranged(SENIORITIES, high, low);
}

function bands(match: Match): SizeBand[] | null {
  if (match.sizeBands) return match.sizeBands;
  if (!match.sizeMin && !match.sizeMax) return null;
  const low = match.sizeMin ? SIZE_BANDS.indexOf(match.sizeMin) : 0;
  const high = match.sizeMax ? SIZE_BANDS.indexOf(match.sizeMax) : SIZE_BANDS.length - 1;
  return ranged(SIZE_BANDS, low, high);
}

/** Expands a product-context selector (user, budget, …) to the functions the product names. */
export function productFunctions(playbook: Pick<Playbook, 'product'>, group: ProductGroupId): JobFunction[] {
  const { product } = playbook;
  const lists = {
    user: product.userFunctions,
    budget: product.budgetFunctions,
    technical: product.technicalFunctions,
    gate: product.gateFunctions,
  };
  return lists[group];
}

function functions(match: Match, playbook: Pick<Playbook, 'product'>): JobFunction[] | null {
  if (!match.functions && !match.productFunctions) return null;
  const fromGroups = (match.productFunctions ?? []).flatMap((group) => productFunctions(playbook, group));
  return [...(match.functions ?? []), ...fromGroups];
}

const ids = (values: readonly string[] | undefined) =>
  values ? new Set(values.map((value) => industryId(value) ?? value)) : null;

/** Compiles a rule's match once so matching, coverage and overlap all read the same sets. */
export function compileMatch(match: Match, playbook: Pick<Playbook, 'product'>): CompiledMatch {
  return {
    seniorities: closed(seniorities(match), ALL_SENIORITIES),
    functions: closed(functions(match, playbook), ALL_FUNCTIONS),
    bands: closed(bands(match), ALL_BANDS),
    industries: ids(match.industries),
    industriesOut: ids(match.industriesOut) ?? new Set(),
    keywords: match.titleKeywords ? match.titleKeywords.map(words) : null,
    keywordsOut: (match.titleKeywordsOut ?? []).map(words),
    icpFit: match.icpFit ?? null,
    customer: match.customer ?? null,
  };
}

const inSet = <T>(set: ReadonlySet<T> | null, value: T) => set === null || set.has(value);

/** True when every condition of the match holds for these facts. */
export function matches(match: CompiledMatch, facts: MatchFacts): boolean {
  if (!inSet(match.seniorities, facts.seniority)) return false;
  if (!inSet(match.functions, facts.function)) return false;
  if (!inSet(match.bands, facts.band)) return false;
  if (match.industries && (facts.industry === null || !match.industries.has(facts.industry))) return false;
  if (facts.industry !== null && match.industriesOut.has(facts.industry)) return false;
  if (match.keywords && !match.keywords.some((keyword) => containsWords(facts.titleWords, keyword))) {
    return false;
  }
  if (match.keywordsOut.some((keyword) => containsWords(facts.titleWords, keyword))) return false;
  if (match.customer !== null && match.customer !== facts.customer) return false;
  return match.icpFit === null || match.icpFit === facts.icpFit;
}

/** A persona's alternatives: its `match` and each `alsoMatch`. */
export function compilePersona(
  persona: { match: Match; alsoMatch: readonly Match[] },
  playbook: Pick<Playbook, 'product'>,
): CompiledMatch[] {
  return [persona.match, ...persona.alsoMatch].map((match) => compileMatch(match, playbook));
}

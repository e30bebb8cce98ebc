import { type JobFunction, type KnownFunction, SENIORITIES, type Seniority } from '../taxonomy.ts';
import type { CompiledTerm } from './lexicon.ts';
import type { Hit } from './match-words.ts';

/** The reason given when the lexicon found nothing at all. */
export const NO_WORD = 'no word in the title names a rank or a job area';

const STRENGTH = { strong: 3, weak: 2, default: 1 } as const;

/** What the lexicon alone says about a title, before company size and industry are considered. */
export interface Resolved {
  seniority: Seniority;
  seniorityTerm?: CompiledTerm;
  seniorityStrength: number;
  function: JobFunction;
  functionTerm?: CompiledTerm;
  functionWeight: number;
  secondary: KnownFunction[];
  tags: ReadonlySet<string>;
  rules: string[];
  reasons: string[];
  multiplier: number;
}

function lower(rung: Seniority): Seniority {
  const index = SENIORITIES.indexOf(rung as (typeof SENIORITIES)[number]);
  return index < 0 ? rung : (SENIORITIES[Math.min(index + 1, SENIORITIES.length - 1)] ?? rung);
}

function rank(rung: Seniority | undefined): number {
  const index = SENIORITIES.indexOf(rung as (typeof SENIORITIES)[number]);
  return index < 0 ? -1 : SENIORITIES.length - index;
}

function rungOf(hit: Hit, lowered: ReadonlyMap<Hit, Hit>): Seniority {
  const rung = hit.term.seniority ?? 'unknown';
  return lowered.has(hit) ? lower(rung) : rung;
}

/** Most terms have no tag: their readings share one empty set instead of making one each. */
const NO_TAGS: ReadonlySet<string> = new Set();

function withTags(tags: Set<string> | undefined, more: ReadonlySet<string>): Set<string> | undefined {
  if (more.size === 0) return tags;
  const out = tags ?? new Set<string>();
  for (const tag of more) out.add(tag);
  return out;
}

function unknown(rules: string[], reasons: string[]): Resolved {
  return {
    seniority: 'unknown',
    seniorityStrength: 0,
    function: 'unknown',
    functionWeight: 0,
    secondary: [],
    tags: NO_TAGS,
    rules,
    reasons,
    multiplier: 1,
  };
}

/** Whether `a` names the function rather than `b`: the heavier term, unless one holds against the other's area. */
function outweighs(a: Hit, b: Hit): boolean {
  const fa = a.term.function as KnownFunction;
  const fb = b.term.function as KnownFunction;
  if (b.term.holdsAgainst.includes(fa)) return false;
  if (a.term.holdsAgainst.includes(fb)) return true;
  return a.term.weight > b.term.weight;
}

function strongest(hits: readonly Hit[]): Hit | undefined {
  let primary: Hit | undefined;
  for (const hit of hits) if (!primary || outweighs(hit, primary)) primary = hit;
  return primary;
}

/**
 * The primary function: in "Geschäftsführer / Vertriebsleiter" the part holding the top rank names it; when
 * that part says little ("Founder & CTO", "Co-founder / Head of Product"), the strongest area anywhere does.
 */
function primaryFunction(all: readonly Hit[], best: Hit | undefined): Hit | undefined {
  // The employer's words ("Consultant – Bank") decide only when no other word names more than a weak hint.
  const functional =
    all.some((hit) => hit.employer) && all.some((hit) => !hit.employer && hit.term.weight > 1)
      ? all.filter((hit) => !hit.employer)
      : all;
  if (best) {
    const own = strongest(functional.filter((hit) => hit.segment === best.segment));
    if (own && own.term.weight >= 1.5) return own;
  }
  return strongest(functional);
}

const NO_BOSSES: ReadonlySet<Hit> = new Set();

/**
 * The rank hits that name someone's boss: the first rank after "Assistant to" / "Assistenz der" / "Office of the" in
 * its role ("Assistant to the CEO & Office Manager": the CEO is the boss, the Office Manager is the person).
 */
function bossHits(current: readonly Hit[]): ReadonlySet<Hit> {
  // Most titles name no boss: no set is made for them.
  if (!current.some((hit) => hit.term.tags.has('names-boss'))) return NO_BOSSES;
  const bosses = new Set<Hit>();
  for (const marker of current) {
    if (!marker.term.tags.has('names-boss')) continue;
    const end = marker.positions.at(-1) ?? Number.MAX_SAFE_INTEGER;
    let boss: Hit | undefined;
    for (const hit of current) {
      const at = hit.positions[0] ?? 0;
      if (
        hit === marker ||
        !hit.term.seniority ||
        hit.term.modifier ||
        hit.segment !== marker.segment ||
        at <= end
      )
        continue;
      if (!boss || at < (boss.positions[0] ?? 0)) boss = hit;
    }
    if (boss) bosses.add(boss);
  }
  return bosses;
}

/**
 * Keeps hits that describe a current role: "Former VP Sales" describes none; a later role starts afresh, and so
 * does a role after a word saying it is the current one ("ehem. Geschäftsführer, jetzt Berater").
 */
function currentHits(hits: readonly Hit[]): { current: readonly Hit[]; former: readonly Hit[] } {
  // Most titles name no former role: every hit is current.
  if (!hits.some((hit) => hit.term.modifier === 'former')) return { current: hits, former: NO_HITS };
  const current: Hit[] = [];
  const former: Hit[] = [];
  let formerSegment = -1;
  for (const hit of hits) {
    if (hit.term.modifier === 'current') {
      formerSegment = -1;
      continue;
    }
    if (hit.term.modifier === 'former') {
      formerSegment = hit.segment;
      former.push(hit);
      continue;
    }
    if (formerSegment >= 0 && hit.segment !== formerSegment && hit.term.seniority) formerSegment = -1;
    if (formerSegment < 0) current.push(hit);
  }
  return { current, former };
}

const NO_HITS: readonly Hit[] = [];

const NONE_LOWERED: ReadonlyMap<Hit, Hit> = new Map();

/** Each rank hit a deputy word lowers, with that word. */
function lowerRanks(ranked: readonly Hit[], lowering: readonly Hit[]): Map<Hit, Hit> {
  const lowered = new Map<Hit, Hit>();
  for (const modifier of lowering) {
    const same = ranked.filter((hit) => hit.segment === modifier.segment && !lowered.has(hit));
    // The deputy word lowers the rank noun it belongs to, before or after it ("Directeur commercial
    // adjoint", "Deputy Head"): the highest rung in its segment, the one after it on a tie.
    const at = modifier.positions[0] ?? 0;
    let target: Hit | undefined;
    for (const hit of same) {
      const gap = rank(hit.term.seniority) - rank(target?.term.seniority);
      if (!target || gap > 0 || (gap === 0 && (target.positions[0] ?? 0) < at)) target = hit;
    }
    if (target) lowered.set(target, modifier);
  }
  return lowered;
}

/** Combines the terms found in a title into one seniority, a primary function and secondary functions. */
export function resolveHits(hits: readonly Hit[]): Resolved {
  const status = hits.find((hit) => hit.term.modifier === 'status');
  if (status) return unknown([status.term.id], [`'${status.raw}' → ${status.term.note} (unknown)`]);
  const { current, former } = currentHits(hits);
  const rules: string[] = [];
  const reasons: string[] = [];
  // One pass sorts the current hits by role, each list in title order.
  const ranked: Hit[] = [];
  const lowering: Hit[] = [];
  const functional: Hit[] = [];
  const keeps: Hit[] = [];
  let junior: Hit | undefined;
  let seniorWord = false;
  const bosses = bossHits(current);
  for (const hit of current) {
    const { term } = hit;
    if (term.modifier === 'noise') {
      rules.push(term.id);
      reasons.push(`removed '${hit.raw}' (${term.note})`);
    } else if (term.modifier === 'lower') lowering.push(hit);
    else if (term.modifier === 'junior') junior ??= hit;
    else if (term.modifier === 'keep') keeps.push(hit);
    if (term.modifier) continue;
    if (term.seniority && !bosses.has(hit)) ranked.push(hit);
    if (term.function && term.function !== 'unknown') functional.push(hit);
    if (term.strength === 'weak' && term.seniority === 'senior') seniorWord = true;
  }
  const lowered = lowering.length === 0 ? NONE_LOWERED : lowerRanks(ranked, lowering);
  let best: Hit | undefined;
  for (const hit of ranked) {
    if (
      !best ||
      STRENGTH[hit.term.strength] > STRENGTH[best.term.strength] ||
      (STRENGTH[hit.term.strength] === STRENGTH[best.term.strength] &&
        rank(rungOf(hit, lowered)) > rank(rungOf(best, lowered)))
    ) {
      best = hit;
    }
  }
  const primary = primaryFunction(functional, best);

  if (!best && !primary && !junior) {
    const why = former[0] ? [`'${former[0].raw}' → ${former[0].term.note} (unknown)`] : [NO_WORD];
    return unknown([...rules, ...former.map((hit) => hit.term.id)], [...reasons, ...why]);
  }

  let seniority: Seniority = best ? rungOf(best, lowered) : 'unknown';
  let tags: Set<string> | undefined;
  let multiplier = 1;
  if (best) {
    rules.push(best.term.id);
    tags = withTags(tags, best.term.tags);
    multiplier *= best.term.confidence;
    const both = primary?.term === best.term;
    const doubt = best.term.confidence < 1 ? ` (${best.term.note})` : '';
    reasons.push(`'${best.raw}' → ${best.term.seniority}${both ? `, ${best.term.function}` : ''}${doubt}`);
    const modifier = lowered.get(best);
    if (modifier) {
      rules.push(modifier.term.id);
      reasons.push(`'${modifier.raw}' → one rung lower: ${best.term.seniority} → ${seniority}`);
    }
  }
  if (junior && !seniorWord && (seniority === 'unknown' || rank(seniority) <= rank('manager'))) {
    rules.push(junior.term.id);
    tags = withTags(tags, junior.term.tags);
    reasons.push(`'${junior.raw}' → entry${seniority === 'unknown' ? '' : ` (not ${seniority})`}`);
    seniority = 'entry';
  }
  for (const keep of keeps) {
    rules.push(keep.term.id);
    reasons.push(`'${keep.raw}' → ${keep.term.note}`);
  }
  const secondary: KnownFunction[] = [];
  if (primary) {
    tags = withTags(tags, primary.term.tags);
    multiplier *= primary.term === best?.term ? 1 : primary.term.confidence;
    if (primary.term !== best?.term) {
      rules.push(primary.term.id);
      const doubt = primary.term.confidence < 1 ? ` (${primary.term.note})` : '';
      reasons.push(`'${primary.raw}' → ${primary.term.function}${doubt}`);
    }
    for (const hit of functional) {
      const fn = hit.term.function as KnownFunction;
      if (hit === primary || hit.term.weight < 2 || fn === primary.term.function || secondary.includes(fn))
        continue;
      secondary.push(fn);
      rules.push(hit.term.id);
      reasons.push(`'${hit.raw}' → ${fn} (secondary)`);
    }
  }
  return {
    seniority,
    seniorityTerm: best?.term,
    seniorityStrength: best ? STRENGTH[best.term.strength] : junior ? STRENGTH.weak : 0,
    function: primary?.term.function ?? 'unknown',
    functionTerm: primary?.term,
    functionWeight: primary?.term.weight ?? 0,
    secondary,
    tags: tags ?? NO_TAGS,
    rules,
    reasons,
    multiplier,
  };
}

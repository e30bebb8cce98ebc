import type { JobFunction, Seniority, SizeBand } from '../taxonomy.ts';
import { fold } from './fold.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { PATTERNS } from './patterns.ts';
import type { Resolved } from './resolve.ts';
import type { ContextRule } from './schema.ts';

/** The reading after company size and industry rules. */
export interface InContext {
  seniority: Seniority;
  function: JobFunction;
  multiplier: number;
  rules: string[];
  reasons: string[];
}

function industryText(industry: string | null | undefined): string {
  if (typeof industry !== 'string' || industry === '') return '';
  return ` ${fold(industry).replace(PATTERNS.industrySeparators, ' ')} `;
}

/**
 * The rules by the tag each asks of the seniority term, the function term or the reading (one of them, checked
 * first): a reading meets only the rules listed under its tags, so most titles try one rule or none instead of
 * all. Null when some rule asks no tag; then every rule is tried.
 */
export interface RuleIndex {
  bySeniorityTag: ReadonlyMap<string, readonly number[]>;
  byFunctionTag: ReadonlyMap<string, readonly number[]>;
  byTag: ReadonlyMap<string, readonly number[]>;
}

/** Built once per lexicon (compileRuleset). */
export function indexContextRules(rules: readonly ContextRule[]): RuleIndex | null {
  const bySeniorityTag = new Map<string, number[]>();
  const byFunctionTag = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, tag: string, at: number) =>
    map.set(tag, [...(map.get(tag) ?? []), at]);
  let all = true;
  rules.forEach(({ when }, at) => {
    if (when.seniorityTag) add(bySeniorityTag, when.seniorityTag, at);
    else if (when.functionTag) add(byFunctionTag, when.functionTag, at);
    else if (when.tag) add(byTag, when.tag, at);
    else all = false;
  });
  return all ? { bySeniorityTag, byFunctionTag, byTag } : null;
}

function collect(
  out: number[],
  tags: ReadonlySet<string> | undefined,
  by: ReadonlyMap<string, readonly number[]>,
): void {
  if (!tags) return;
  for (const tag of tags) {
    const listed = by.get(tag);
    if (listed) for (const at of listed) out.push(at);
  }
}

/** The rules a reading's tags may meet, in file order (each rule is listed under one tag, so none twice). */
function candidates(resolved: Resolved, index: RuleIndex): number[] {
  const out: number[] = [];
  collect(out, resolved.seniorityTerm?.tags, index.bySeniorityTag);
  collect(out, resolved.functionTerm?.tags, index.byFunctionTag);
  collect(out, resolved.tags, index.byTag);
  return out.length > 1 ? out.sort((a, b) => a - b) : out;
}

/** Applies every matching context rule in file order; each one says why in the reasons. */
export function applyContextRules(
  resolved: Resolved,
  band: SizeBand,
  industry: string | null | undefined,
  lexicon: Pick<CompiledLexicon, 'contextRules' | 'contextIndex'>,
): InContext {
  const { contextRules: rules, contextIndex: index } = lexicon;
  const out: InContext = {
    seniority: resolved.seniority,
    function: resolved.function,
    multiplier: 1,
    rules: [],
    reasons: [],
  };
  const tried = index ? candidates(resolved, index) : rules.map((_, at) => at);
  if (tried.length === 0) return out;
  // The industry's text is folded only when a rule asks for it: most readings meet no industry rule.
  let sector: string | undefined;
  for (const at of tried) {
    const rule = rules[at];
    if (!rule) continue;
    const when = rule.when;
    if (when.seniorityTag && !resolved.seniorityTerm?.tags.has(when.seniorityTag)) continue;
    if (when.functionTag && !resolved.functionTerm?.tags.has(when.functionTag)) continue;
    if (when.tag && !resolved.tags.has(when.tag)) continue;
    if (when.bands && !when.bands.includes(band as never)) continue;
    if (when.industry) {
      sector ??= industryText(industry);
      const text = sector;
      if (!when.industry.some((word) => text.includes(word))) continue;
    }
    if (when.seniority && !when.seniority.includes(out.seniority)) continue;
    if (when.function && !when.function.includes(out.function)) continue;
    if (when.alsoFunction && !when.alsoFunction.some((fn) => resolved.secondary.includes(fn as never)))
      continue;
    if (when.withoutRule?.some((id) => resolved.rules.includes(id))) continue;
    if (when.withRule && !when.withRule.some((id) => resolved.rules.includes(id))) continue;
    if (rule.set.seniority) out.seniority = rule.set.seniority;
    if (rule.set.function) out.function = rule.set.function;
    if (rule.set.functionFromAlso) {
      const named = resolved.secondary.find((fn) => when.alsoFunction?.includes(fn));
      if (named) out.function = named;
    }
    if (rule.set.confidence) out.multiplier *= rule.set.confidence;
    out.rules.push(rule.id);
    out.reasons.push(rule.note);
  }
  return out;
}

import type { JobFunction, Seniority, SizeBand } from '../taxonomy.ts';
import { fold } from './fold.ts';
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

/** Applies every matching context rule in file order; each one says why in the reasons. */
export function applyContextRules(
  resolved: Resolved,
  band: SizeBand,
  industry: string | null | undefined,
  rules: readonly ContextRule[],
): InContext {
  const out: InContext = {
    seniority: resolved.seniority,
    function: resolved.function,
    multiplier: 1,
    rules: [],
    reasons: [],
  };
  const sector = industryText(industry);
  for (const rule of rules) {
    const when = rule.when;
    if (when.seniorityTag && !resolved.seniorityTerm?.tags.has(when.seniorityTag)) continue;
    if (when.functionTag && !resolved.functionTerm?.tags.has(when.functionTag)) continue;
    if (when.tag && !resolved.tags.has(when.tag)) continue;
    if (when.bands && !when.bands.includes(band as never)) continue;
    if (when.industry && !when.industry.some((word) => sector.includes(word))) continue;
    if (when.seniority && !when.seniority.includes(out.seniority)) continue;
    if (when.function && !when.function.includes(out.function)) continue;
    if (when.alsoFunction && !when.alsoFunction.some((fn) => resolved.secondary.includes(fn as never)))
      continue;
    if (when.withoutRule?.some((id) => resolved.rules.includes(id))) continue;
    if (rule.set.seniority) out.seniority = rule.set.seniority;
    if (rule.set.function) out.function = rule.set.function;
    if (rule.set.confidence) out.multiplier *= rule.set.confidence;
    out.rules.push(rule.id);
    out.reasons.push(rule.note);
  }
  return out;
}

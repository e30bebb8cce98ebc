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

/**
 * The tags the rules ask of the seniority term, the function term and the reading, when every rule asks for one:
 * a reading with none of them meets no rule, so most titles skip the loop. Undefined when some rule asks no tag.
 */
interface Gate {
  seniorityTags: ReadonlySet<string>;
  functionTags: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

const gates = new WeakMap<readonly ContextRule[], Gate | null>();

function gateOf(rules: readonly ContextRule[]): Gate | null {
  let gate = gates.get(rules);
  if (gate === undefined) {
    const seniorityTags = new Set<string>();
    const functionTags = new Set<string>();
    const tags = new Set<string>();
    let all = true;
    for (const { when } of rules) {
      if (when.seniorityTag) seniorityTags.add(when.seniorityTag);
      else if (when.functionTag) functionTags.add(when.functionTag);
      else if (when.tag) tags.add(when.tag);
      else all = false;
    }
    gate = all ? { seniorityTags, functionTags, tags } : null;
    gates.set(rules, gate);
  }
  return gate;
}

function meets(have: ReadonlySet<string> | undefined, wanted: ReadonlySet<string>): boolean {
  if (have) for (const tag of have) if (wanted.has(tag)) return true;
  return false;
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
  const gate = gateOf(rules);
  if (
    gate &&
    !meets(resolved.seniorityTerm?.tags, gate.seniorityTags) &&
    !meets(resolved.functionTerm?.tags, gate.functionTags) &&
    !meets(resolved.tags, gate.tags)
  )
    return out;
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
    if (when.withRule && !when.withRule.some((id) => resolved.rules.includes(id))) continue;
    if (rule.set.seniority) out.seniority = rule.set.seniority;
    if (rule.set.function) out.function = rule.set.function;
    if (rule.set.confidence) out.multiplier *= rule.set.confidence;
    out.rules.push(rule.id);
    out.reasons.push(rule.note);
  }
  return out;
}

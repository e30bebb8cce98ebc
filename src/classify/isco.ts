import { z } from 'zod';
import { FUNCTIONS, type KnownFunction } from '../taxonomy.ts';

/**
 * The reviewed ISCO-08 → function mapping (data/isco-functions.json). Build-time only: it decides which
 * function each ESCO occupation's words stand for (npm run build:occupations); the reader never loads it.
 */
export const IscoRuleSchema = z.object({
  isco: z.string().regex(/^\d{1,4}$/, 'an ISCO-08 code or prefix: 1 to 4 digits'),
  labelAny: z.array(z.string().min(2)).min(1).optional(),
  function: z.enum(FUNCTIONS),
  reason: z.string().min(8),
});
export type IscoRule = z.infer<typeof IscoRuleSchema>;
export const IscoMappingSchema = z.object({ about: z.string(), rules: z.array(IscoRuleSchema).min(1) });

export interface IscoDecision {
  function: KnownFunction;
  rule: IscoRule;
}

/** Whole words or phrases of an English label: "account" does not match "accountant". */
function hasPhrase(label: string, phrase: string): boolean {
  return ` ${label.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${phrase.toLowerCase()} `);
}

/**
 * The function of an occupation: rules with `labelAny` that match its English label first, then plain prefix
 * rules; within each kind the longest ISCO prefix wins. Undefined when no rule covers the code.
 */
export function iscoFunction(
  rules: readonly IscoRule[],
  isco: string,
  englishLabel: string,
): IscoDecision | undefined {
  let best: IscoRule | undefined;
  const score = (rule: IscoRule) => (rule.labelAny ? 10 : 0) + rule.isco.length;
  for (const rule of rules) {
    if (!isco.startsWith(rule.isco)) continue;
    if (rule.labelAny && !rule.labelAny.some((phrase) => hasPhrase(englishLabel, phrase))) continue;
    if (!best || score(rule) > score(best)) best = rule;
  }
  return best ? { function: best.function, rule: best } : undefined;
}

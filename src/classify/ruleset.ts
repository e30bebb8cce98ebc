import contextData from './data/context-rules.json' with { type: 'json' };
import lexiconData from './data/lexicon.json' with { type: 'json' };
import morphologyData from './data/morphology.json' with { type: 'json' };
import type { Ruleset } from './lexicon.ts';
import { ContextRulesSchema, LexiconSchema, MorphologySchema } from './schema.ts';

/**
 * The shipped rule data (src/classify/data), checked by the zod schemas: a malformed file fails loudly when read,
 * never mid-run. Apart from lexicon.ts so that restoring the compiled tables (the compiled CLI, see
 * src/build/shipped-data.ts) loads neither the JSON files nor zod.
 */
export function loadDefaultRuleset(): Ruleset {
  const where = (file: string, error: { issues: { path: PropertyKey[]; message: string }[] }) =>
    error.issues
      .map((issue) => `src/classify/data/${file} › ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
  const lexicon = LexiconSchema.safeParse(lexiconData);
  if (!lexicon.success) throw new Error(where('lexicon.json', lexicon.error));
  const context = ContextRulesSchema.safeParse(contextData);
  if (!context.success) throw new Error(where('context-rules.json', context.error));
  const morphology = MorphologySchema.safeParse(morphologyData);
  if (!morphology.success) throw new Error(where('morphology.json', morphology.error));
  const ids = new Set<string>();
  for (const rule of [...lexicon.data.terms, ...context.data.rules]) {
    if (ids.has(rule.id))
      throw new Error(`src/classify/data: rule id "${rule.id}" is used twice; rename one.`);
    ids.add(rule.id);
  }
  return { terms: lexicon.data.terms, contextRules: context.data.rules, morphology: morphology.data };
}

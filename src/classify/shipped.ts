import occupationData from './data/occupations.json' with { type: 'json' };
import { type CompiledLexicon, compileRuleset } from './lexicon.ts';
import type { OccupationData } from './occupations.ts';
import { loadDefaultRuleset } from './ruleset.ts';
import { OccupationDataSchema } from './schema.ts';

/**
 * The shipped rule data, checked and compiled. The compiled CLI replaces this module with the same two
 * answers computed when it is built (src/build/shipped-data.ts), so a start neither checks nor compiles.
 */
export function shippedLexicon(): CompiledLexicon {
  return compileRuleset(loadDefaultRuleset());
}

/** ESCO's occupation words (see NOTICE), checked. */
export function shippedOccupations(): OccupationData {
  return OccupationDataSchema.parse(occupationData);
}

/**
 * The ESCO word model's prebuilt tables (model-snapshot.ts): none from source, where the model builds them on
 * first use; the compiled CLI names the file its build wrote (src/build/shipped-data.ts).
 */
export const shippedModelSnapshot: string | undefined = undefined;

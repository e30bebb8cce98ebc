import type { CompanyFacts, TitleResult } from '../taxonomy.ts';
import occupationData from './data/occupations.json' with { type: 'json' };
import { loadDefaultRuleset } from './lexicon.ts';
import { OccupationDataSchema } from './occupations.ts';
import { createTitleReader, type ReadTitleOptions } from './title-reader.ts';

/**
 * The shipped reader: the hand lexicon plus ESCO's occupation words. The browser core is built with an empty
 * occupation table (src/build/bundles.ts) to stay small; cards show the stored values the backend wrote.
 */
const reader = createTitleReader(loadDefaultRuleset(), OccupationDataSchema.parse(occupationData));

/**
 * Reads seniority and function from a job title (and the company's size and industry, when known).
 * Pure, deterministic and total: any string in, a result with reasons out; never throws.
 */
export function readTitle(
  title: string | null | undefined,
  company?: CompanyFacts | null,
  options?: ReadTitleOptions,
): TitleResult {
  return reader(title, company, options);
}

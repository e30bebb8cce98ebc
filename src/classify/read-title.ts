import type { CompanyFacts, TitleResult } from '../taxonomy.ts';
import { loadDefaultRuleset } from './lexicon.ts';
import { createTitleReader, type ReadTitleOptions } from './title-reader.ts';

const reader = createTitleReader(loadDefaultRuleset());

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

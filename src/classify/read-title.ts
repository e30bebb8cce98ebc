import type { CompanyFacts, TitleResult } from '../taxonomy.ts';
import { type CompiledLexicon, singularReader } from './lexicon.ts';
import { lazyOccupationModel } from './model-file.ts';
import { compileOccupations, type OccupationTable } from './occupations.ts';
import { shippedLexicon, shippedModelSnapshot, shippedOccupations } from './shipped.ts';
import { type ReadTitleOptions, readerOver, type TitleReader } from './title-reader.ts';

/**
 * The occupation table, built the first time a title needs it: most titles are explained by the lexicon
 * alone, so a one-title `rolecall classify "CEO"` never loads ESCO's words.
 */
function lazyOccupations(
  load: () => Parameters<typeof compileOccupations>[0],
  lexicon: CompiledLexicon,
): OccupationTable {
  let table: OccupationTable | undefined;
  const built = () => {
    table ??= compileOccupations(load(), lexicon.morphology.boundPrefixes, singularReader(lexicon));
    return table;
  };
  return {
    get size() {
      return built().size;
    },
    read: (free) => built().read(free),
    knows: (word) => built().knows(word),
  };
}

/**
 * The shipped reader: the hand lexicon plus ESCO's occupation words, built on the first title read, and, for
 * titles neither explains, the ESCO word model (read from disk on first need). The browser core is built with an
 * empty occupation table (src/build/bundles.ts) and has no file system for the model, to stay small; cards show
 * the stored values the backend wrote.
 */
let reader: TitleReader | undefined;

/**
 * Reads seniority and function from a job title (and the company's size and industry, when known).
 * Pure, deterministic and total: any string in, a result with reasons out; never throws.
 */
export function readTitle(
  title: string | null | undefined,
  company?: CompanyFacts | null,
  options?: ReadTitleOptions,
): TitleResult {
  if (!reader) {
    const lexicon = shippedLexicon();
    reader = readerOver(
      lexicon,
      lazyOccupations(shippedOccupations, lexicon),
      lazyOccupationModel(shippedModelSnapshot),
    );
  }
  return reader(title, company, options);
}

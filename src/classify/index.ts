export type { Ruleset } from './lexicon.ts';
export { readTitle } from './read-title.ts';
export { loadDefaultRuleset } from './ruleset.ts';
export { DEFAULT_REVENUE_PER_EMPLOYEE, readSizeBand, type SizeReading, sizeBand } from './size-band.ts';
export {
  createTitleReader,
  MAX_TITLE_CHARS,
  type ReadTitleOptions,
  type TitleReader,
} from './title-reader.ts';

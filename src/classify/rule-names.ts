/**
 * Rule names the reader puts in a result's `rules` when ESCO decided, not the hand lexicon. Tools that count or
 * audit those decisions (the model build, the agreement report, benches) read them from here, so the names are
 * spelt once.
 */
/** The occupation table (ESCO's words for one occupation) named the function. */
export const ESCO_OCCUPATION_RULE = 'esco-occupation';
/** The character n-gram word model (nearest ESCO labels) named the function. */
export const ESCO_WORD_MODEL_RULE = 'esco-nearest';

import { createLemmatizer } from './lemma.ts';
import {
  type CompiledLexicon,
  type CompiledPhrase,
  type CompiledTerm,
  type LexiconTables,
  withDerivedTables,
} from './lexicon.ts';

/**
 * A compiled lexicon as plain JSON, so a build can compile the rule data once and a start only restores it.
 * Phrases name their term by index: restoring keeps one object per term, as `compileRuleset` does.
 */
export interface LexiconSnapshot {
  terms: Array<Omit<CompiledTerm, 'tags'> & { tags: string[] }>;
  byFirstToken: Array<[first: string, phrases: Array<[term: number, tokens: string[], size: number]>]>;
  vocabulary: string[];
  stopwords: string[];
  companyMarkers: string[];
  companySuffixes: string[];
  taglineStarts: string[];
  contextRules: CompiledLexicon['contextRules'];
  morphology: CompiledLexicon['morphology'];
}

/**
 * Every compiled table is listed here, so a new one fails the type check until it is saved. The tables derived from
 * them (lexicon.ts, withDerivedTables) are rebuilt on restore: quick, and the snapshot keeps its format.
 */
type Fields = { [K in keyof LexiconTables]: unknown };

export function snapshotLexicon(lexicon: CompiledLexicon): LexiconSnapshot {
  const snapshot = {
    terms: lexicon.terms.map((term) => ({ ...term, tags: [...term.tags] })),
    byFirstToken: [...lexicon.byFirstToken].map(([first, phrases]) => [
      first,
      phrases.map((phrase) => [phrase.term.index, [...phrase.tokens], phrase.size]),
    ]),
    vocabulary: [...lexicon.vocabulary],
    stopwords: [...lexicon.stopwords],
    lemma: undefined, // rebuilt from the morphology
    companyMarkers: [...lexicon.companyMarkers],
    companySuffixes: [...lexicon.companySuffixes],
    taglineStarts: [...lexicon.taglineStarts],
    contextRules: lexicon.contextRules,
    morphology: lexicon.morphology,
  } satisfies Fields as LexiconSnapshot & { lemma?: undefined };
  const { lemma: _, ...plain } = snapshot;
  return plain;
}

export function restoreLexicon(snapshot: LexiconSnapshot): CompiledLexicon {
  const terms: CompiledTerm[] = snapshot.terms.map((term) => ({ ...term, tags: new Set(term.tags) }));
  const byFirstToken = new Map<string, CompiledPhrase[]>();
  for (const [first, phrases] of snapshot.byFirstToken) {
    byFirstToken.set(
      first,
      phrases.map(([index, tokens, size]) => {
        const term = terms[index];
        if (!term) throw new Error(`lexicon snapshot: phrase of "${first}" names missing term ${index}`);
        return { term, tokens, size };
      }),
    );
  }
  return withDerivedTables({
    terms,
    byFirstToken,
    vocabulary: new Set(snapshot.vocabulary),
    stopwords: new Set(snapshot.stopwords),
    lemma: createLemmatizer(snapshot.morphology),
    companyMarkers: new Set(snapshot.companyMarkers),
    companySuffixes: new Set(snapshot.companySuffixes),
    taglineStarts: new Set(snapshot.taglineStarts),
    contextRules: snapshot.contextRules,
    morphology: snapshot.morphology,
  } satisfies Fields);
}

import type { JobFunction, Seniority } from '../taxonomy.ts';
import { createCanonicalizer } from './canonical.ts';
import { indexContextRules, type RuleIndex } from './context.ts';
import { foldVariants } from './fold.ts';
import { createLemmatizer, singularOf } from './lemma.ts';
import { type NoiseWords, noiseWordsOf } from './prepare.ts';
import type { ContextRule, Morphology, Term } from './schema.ts';
import { tokenize } from './tokenize.ts';
import { createWordReadings, type WordReadings } from './word-readings.ts';

/** The rule data the engine reads: swap any part to test a variant (e.g. one rule removed). */
export interface Ruleset {
  terms: readonly Term[];
  contextRules: readonly ContextRule[];
  morphology: Morphology;
}

export const GAP = '\u0000gap';
/** `..`: a gap of words only, crossing no separator ("assistant .. manager" is not "Assistant & Sales Manager"). */
export const WORD_GAP = '\u0000wordgap';
export const START = '\u0000start';
export const END = '\u0000end';

/** A term ready for matching: defaults filled in. */
export interface CompiledTerm {
  index: number;
  id: string;
  seniority?: Seniority;
  strength: 'strong' | 'weak' | 'default';
  function?: JobFunction;
  weight: number;
  /** Functions whose areas never outweigh this term (a civil engineer in construction is still an engineer). */
  holdsAgainst: readonly JobFunction[];
  modifier?: Term['modifier'];
  tags: ReadonlySet<string>;
  confidence: number;
  note: string;
}

export interface CompiledPhrase {
  term: CompiledTerm;
  tokens: readonly string[];
  /** Words (not anchors or gaps) in the phrase: longer phrases are tried first. */
  size: number;
}

/** The tables compiled from the rule data, which a snapshot saves (snapshot.ts). */
export interface LexiconTables {
  terms: readonly CompiledTerm[];
  byFirstToken: ReadonlyMap<string, readonly CompiledPhrase[]>;
  vocabulary: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  lemma: (word: string) => string;
  companyMarkers: ReadonlySet<string>;
  companySuffixes: ReadonlySet<string>;
  taglineStarts: ReadonlySet<string>;
  contextRules: readonly ContextRule[];
  morphology: Morphology;
}

/** The lexicon as the reader reads it: its tables, and what prepare, the matcher and the context rules derive from them. */
export interface CompiledLexicon extends LexiconTables, NoiseWords {
  /** The context rules by the tags they ask (context.ts). */
  contextIndex: RuleIndex | null;
  /** The lexicon words each written word stands for (canonical.ts): one canonicalizer per lexicon. */
  canonical: (word: string) => readonly string[];
  /** Each written word's lexicon words and phrase lists, remembered as titles are read (word-readings.ts). */
  wordReadings: WordReadings;
}

/**
 * Whether a written word is an organisation noun (morphology employerNouns): a listed word, or a compound ending in
 * one long enough to end a compound ("Energieversorger"). Asked once per word, through the word readings.
 */
function employerNounOf(morphology: Morphology): (word: string) => boolean {
  const nouns = morphology.employerNouns ?? [];
  const exact = new Set(nouns);
  const tails = nouns.filter((noun) => noun.length >= 5);
  return (word) => exact.has(word) || tails.some((tail) => word.length > tail.length && word.endsWith(tail));
}

/**
 * Adds the derived tables to compiled ones: where a lexicon is compiled, restored from a snapshot, or changed (a test's
 * variant without one rule), so a derived table never describes other tables than its own lexicon's. A changed
 * lexicon's stale derived tables are replaced, as they come first.
 */
export function withDerivedTables(tables: LexiconTables): CompiledLexicon {
  const canonical = createCanonicalizer(tables);
  return {
    ...tables,
    ...noiseWordsOf(tables),
    contextIndex: indexContextRules(tables.contextRules),
    canonical,
    wordReadings: createWordReadings(tables, canonical, employerNounOf(tables.morphology)),
  };
}

/** A phrase's notation, the placeholder word it is written as while the phrase is tokenised, and its marker. */
const NOTATION: readonly (readonly [written: string, placeholder: string, marker: string])[] = [
  ['...', 'zzgapzz', GAP],
  ['..', 'zzwordgapzz', WORD_GAP],
  ['^', 'zzstartzz', START],
  ['$', 'zzendzz', END],
];
const MARKER_OF = new Map(NOTATION.map(([, placeholder, marker]) => [placeholder, marker]));
const MARKERS: ReadonlySet<string> = new Set(MARKER_OF.values());

function phraseTokens(phrase: string, morphology: Morphology, lemma: (word: string) => string): string[][] {
  let marked = phrase;
  for (const [written, placeholder] of NOTATION) marked = marked.replaceAll(written, ` ${placeholder} `);
  return foldVariants(marked, morphology.umlauts).map((variant) =>
    tokenize(variant).map(
      (token) => MARKER_OF.get(token.text) ?? (token.sep ? token.text : lemma(token.text)),
    ),
  );
}

/** The singular of a plural by the lexicon's plural rules, for a test of which singulars count (occupations.ts). */
export function singularReader(
  lexicon: Pick<CompiledLexicon, 'lemma' | 'morphology'>,
): (word: string, known: (stem: string) => boolean) => string | undefined {
  const plurals = lexicon.morphology.plurals ?? [];
  return (word, known) => singularOf(word, plurals, lexicon.lemma, known);
}

/** Turns rule data into lookup tables once, so reading a title never builds a regex or a phrase list. */
export function compileRuleset(ruleset: Ruleset): CompiledLexicon {
  const byFirst = new Map<string, CompiledPhrase[]>();
  const vocabulary = new Set<string>();
  const lemma = createLemmatizer(ruleset.morphology);
  const place = new Set(
    ruleset.morphology.placeWords.flatMap((word) => tokenize(word).map((t) => lemma(t.text))),
  );
  const placeTerm: Term = {
    id: 'place-word',
    match: ruleset.morphology.placeWords,
    modifier: 'noise',
    note: 'a place or organisation word: scope, never a function',
  };
  // First, so a place word wins over any one-word phrase that shares its stem.
  const terms = [placeTerm, ...ruleset.terms].map((term, index): CompiledTerm => {
    const compiled: CompiledTerm = {
      index,
      id: term.id,
      seniority: term.seniority,
      strength: term.strength ?? 'strong',
      function: term.function,
      weight: term.weight ?? 2,
      holdsAgainst: term.holdsAgainst ?? [],
      modifier: term.modifier,
      tags: new Set(term.tags ?? []),
      confidence: term.confidence ?? 1,
      note: term.note,
    };
    // A place word alone never names a function ("Region", "Konzern"); phrases around it still match.
    const areaOnly = term.function !== undefined && !term.seniority && !term.modifier;
    for (const phrase of term.match) {
      for (const tokens of phraseTokens(phrase, ruleset.morphology, lemma)) {
        const words = tokens.filter((token) => !MARKERS.has(token));
        const first = words[0];
        if (!first || (areaOnly && words.every((word) => place.has(word)))) continue;
        for (const word of words) vocabulary.add(word);
        const list = byFirst.get(first) ?? [];
        list.push({ term: compiled, tokens, size: words.length });
        byFirst.set(first, list);
      }
    }
    return compiled;
  });
  for (const list of byFirst.values()) {
    list.sort((a, b) => b.size - a.size || b.tokens.length - a.tokens.length || a.term.index - b.term.index);
  }
  const stopwords = new Set(ruleset.morphology.stopwords);
  return withDerivedTables({
    terms,
    byFirstToken: byFirst,
    vocabulary,
    stopwords,
    lemma,
    companyMarkers: new Set(ruleset.morphology.companyMarkers),
    companySuffixes: new Set(ruleset.morphology.companySuffixes),
    taglineStarts: new Set(ruleset.morphology.taglineStarts),
    contextRules: ruleset.contextRules,
    morphology: ruleset.morphology,
  });
}

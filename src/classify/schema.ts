import { z } from 'zod';
import { FUNCTIONS, SENIORITIES, SIZE_BANDS } from '../taxonomy.ts';

const RuleId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
const Seniority = z.enum([...SENIORITIES, 'unknown']);
const JobFunction = z.enum([...FUNCTIONS, 'unknown']);

/**
 * One lexicon term: phrases (space-separated tokens; `...` is a gap of up to four tokens, `..` one of words only,
 * crossing no separator, `$` the end of a segment) and what they claim. `strength` ranks seniority evidence: a rank word (strong) beats a modifier
 * such as "senior" (weak), which beats the usual level of a job noun (default).
 */
export const TermSchema = z
  .object({
    id: RuleId,
    match: z.array(z.string().min(1)).min(1),
    seniority: Seniority.optional(),
    strength: z.enum(['strong', 'weak', 'default']).optional(),
    function: JobFunction.optional(),
    /** Function evidence weight: 3 job noun, 2 named area, 1.5 generic job noun, 1 weak hint. */
    weight: z.number().min(0).max(4).optional(),
    /** Areas of these functions do not take this job noun's function, whatever their weight ("Bauingenieur"). */
    holdsAgainst: z.array(JobFunction).optional(),
    modifier: z.enum(['lower', 'keep', 'junior', 'former', 'current', 'status', 'noise']).optional(),
    tags: z.array(z.string().min(1)).optional(),
    /** Multiplies the confidence when this term decides the answer (ambiguous words). */
    confidence: z.number().gt(0).max(1).optional(),
    note: z.string().min(3),
    /** "Title => seniority function": rows this term must get right; they also prove it is needed. */
    examples: z.array(z.string().regex(/^.+ => [a-z_]+ [a-z_]+$/)).optional(),
  })
  .refine((term) => term.seniority || term.function || term.modifier, {
    message: 'a term must assign a seniority, a function or a modifier',
  });
export type Term = z.infer<typeof TermSchema>;

export const LexiconSchema = z.object({ terms: z.array(TermSchema).min(1) });

/** A rule applied after the lexicon: company size, industry or ambiguity shifts. */
export const ContextRuleSchema = z.object({
  id: RuleId,
  when: z.object({
    /** A tag carried by the term that decided seniority (or function, for `functionTag`). */
    seniorityTag: z.string().optional(),
    functionTag: z.string().optional(),
    /** A tag carried by any term that shaped the answer (including modifiers such as "associate"). */
    tag: z.string().optional(),
    bands: z.array(z.enum(SIZE_BANDS)).optional(),
    /** Any of these words in the company's industry (folded, `_` read as a space). */
    industry: z.array(z.string().min(2)).optional(),
    seniority: z.array(Seniority).optional(),
    function: z.array(JobFunction).optional(),
    /** One of these is among the secondary functions ("Head of Growth & Revenue"). */
    alsoFunction: z.array(JobFunction).optional(),
    /** None of these rules read the title: "Directeur régional" is scoped by a place word, so not the company head. */
    withoutRule: z.array(RuleId).optional(),
    /** One of these rules read the title, also as a secondary area: "Verkäufer im Einzelhandel" names a shop. */
    withRule: z.array(RuleId).optional(),
  }),
  set: z.object({
    seniority: Seniority.optional(),
    function: JobFunction.optional(),
    /** The function becomes the secondary one `alsoFunction` met ("chef, marknadsföring" → marketing). */
    functionFromAlso: z.boolean().optional(),
    confidence: z.number().gt(0).max(1).optional(),
  }),
  note: z.string().min(10),
  examples: z.array(z.string()).optional(),
});
export type ContextRule = z.infer<typeof ContextRuleSchema>;
export const ContextRulesSchema = z.object({ rules: z.array(ContextRuleSchema) });

const SuffixRuleSchema = z.object({
  suffix: z.string().min(1),
  replace: z.string(),
  /** Only when the letter before the suffix is one of these. */
  after: z.string().optional(),
  /** Only for words at least this long (default 4). */
  minLength: z.number().int().min(3).optional(),
});

export const MorphologySchema = z.object({
  /** Letters folded before matching (after accents are stripped). */
  fold: z.record(z.string().length(1), z.string()),
  /** Umlauts written out ("ä" → "ae"): lexicon words get both spellings. */
  umlauts: z.record(z.string().length(1), z.string()),
  aliases: z.record(z.string(), z.string()),
  /**
   * Words read as another word when they end a compound: "personal" alone is the HR department, "Kassapersonal",
   * "Winkelpersoneel" and "Verkaufspersonal" are the staff of a till, a shop and a sales floor.
   */
  compoundTails: z.record(z.string(), z.string()).optional(),
  /**
   * Suffix rules applied in order, repeatedly, to every word of titles and lexicon alike, so inflected forms
   * meet: "leiterin" → leiter, "directrice"/"directora" → director, "ventas"/"ventes" → vent.
   */
  lemmaRules: z.array(SuffixRuleSchema),
  /**
   * Plural endings that the lemma rules cannot strip safely in every language ("-er" is a plural in Swedish and
   * Danish but ends "Leiter"): tried only on a word the lexicon does not know, and kept only when the stem is a
   * lexicon word ("ekonomer" → ekonom, "undersköterskor" → undersköterska, "commerciaux" → commercial).
   */
  plurals: z.array(SuffixRuleSchema).optional(),
  /** Words that keep their form ("interne" is not "intern"). */
  lemmaKeep: z.array(z.string().min(1)),
  /** Known last parts of compounds ("vertriebsleiter" → "vertrieb" + "leiter"). */
  compoundHeads: z.array(z.string().min(3)),
  /** Linking letters between compound parts ("vertriebs-", "gruppen-"). */
  linking: z.array(z.string().min(1)),
  /**
   * Latin prefixes that are never a compound's first part: "re|solution", "tras|missione", "pre|ziose" are one
   * word, not a modifier and a job word.
   */
  boundPrefixes: z.array(z.string().min(1)).optional(),
  stopwords: z.array(z.string().min(1)),
  /**
   * Words that are a preposition when written in lower case between two words (Italian "ai": "Addetti ai servizi")
   * and a title word otherwise ("AI Engineer", "Head of AI").
   */
  lowercaseLinkers: z.array(z.string().min(1)).optional(),
  /**
   * Words that open a job catalogue's exclusion ("Janitors, Except Maids", "Berufe im Verkauf (ohne
   * Produktspezialisierung)", "Cajeros (excepto bancos)"): the words up to the closing bracket, the next role or the
   * end name who is not meant, and are removed.
   */
  exclusions: z.array(z.string().min(2)).optional(),
  /** Words that introduce the employer: "at", "bei", "chez"... */
  companyMarkers: z.array(z.string().min(1)),
  /** Legal-form words ("GmbH", "Inc"): the words before them up to a known word are the employer's name. */
  companySuffixes: z.array(z.string().min(2)),
  /** First words of a marketing tagline segment ("helping", "passionate"). */
  taglineStarts: z.array(z.string().min(1)),
  /**
   * Place and organisation words (Region, EMEA, DACH, Group, Global): read as scope, never as a function.
   * Longer lexicon phrases that contain them ("Country Manager", "Global Head") still match.
   */
  placeWords: z.array(z.string().min(2)),
  /**
   * Nouns naming a kind of organisation (bank, insurer, supplier, hospital, Energieversorger, fournisseur): a clause of
   * a title ("Consultant – Bank", "Account Manager - Energy Supplier") that opens or ends with one and names no rank
   * is the employer, and its area words decide the function only when nothing else in the title names one. Words of
   * five letters or more also end a compound ("energieversorger", "forsakringsbolag").
   */
  employerNouns: z.array(z.string().min(2)).optional(),
  /** Whole titles that stand for no title at all ("n/a", "tbd", "test"): abstain as junk. */
  placeholders: z.array(z.string().min(1)),
  /**
   * Common first names: two or three words the lexicon does not know, starting with one, read as a person's
   * name ("Jürgen Müller" is not a miller), so the occupation words are not asked.
   */
  firstNames: z.array(z.string().min(2)),
});
export type Morphology = z.infer<typeof MorphologySchema>;

/** The occupation words derived from ESCO (data/occupations.json, see occupations.ts). */
export const OccupationDataSchema = z.object({
  source: z.string(),
  functions: z.partialRecord(z.enum(FUNCTIONS), z.string()),
  ambiguous: z.string(),
  /** Hashes of the ESCO files and rule files it was built from (test/classify/occupation-build.test.ts). */
  inputs: z.string().optional(),
});
export type OccupationData = z.infer<typeof OccupationDataSchema>;

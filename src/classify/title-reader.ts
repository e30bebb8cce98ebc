import type { AbstainReason, CompanyFacts, JobFunction, KnownFunction, TitleResult } from '../taxonomy.ts';
import { applyContextRules } from './context.ts';
import { type CompiledLexicon, compileRuleset, type Ruleset, singularReader } from './lexicon.ts';
import { type Matched, matchWords, type Word } from './match-words.ts';
import type { NearestReading, OccupationModel } from './nearest.ts';
import { compileOccupations, type OccupationData, type OccupationTable } from './occupations.ts';
import { PATTERNS } from './patterns.ts';
import { prepare } from './prepare.ts';
import { NO_WORD, type Resolved, resolveHits } from './resolve.ts';
import { ESCO_OCCUPATION_RULE, ESCO_WORD_MODEL_RULE } from './rule-names.ts';
import { readSizeBand } from './size-band.ts';
import { type Token, tokenize } from './tokenize.ts';
import { createTypoFixer } from './typo.ts';

/** Longer titles are read up to here: real titles are far shorter, and the cost stays bounded. */
export const MAX_TITLE_CHARS = 200;

export interface ReadTitleOptions {
  /** Playbook ratio used to estimate the size band from annual revenue when the head count is missing. */
  revenuePerEmployee?: number;
}

export type TitleReader = (
  title: string | null | undefined,
  company?: CompanyFacts | null,
  options?: ReadTitleOptions,
) => TitleResult;

/** Titles with this many words, most of them unknown, read as a bio rather than a job title. */
const BIO_WORDS = 10;

/** A function read from a hint this weak (technician, analyst, representative) yields to an occupation word. */
const WEAK = 1;

/** Lexicon tag of a role noun whose function is only a default until another word names the area. */
const TAKES_AREA = 'takes-area';

/** Rank words of these levels name a kind of staff ("operator", "Mitarbeiter"), not a rank marker. */
const STAFF: ReadonlySet<string> = new Set(['entry']);

const SENIORITY_SCORE = [0, 0.6, 0.75, 0.9];

function functionScore(weight: number): number {
  if (weight >= 3) return 0.9;
  if (weight >= 2) return 0.85;
  if (weight >= 1.5) return 0.7;
  return weight > 0 ? 0.55 : 0;
}

function secondaryOf(resolved: Resolved, fn: JobFunction): KnownFunction[] {
  if (resolved.secondary.length === 0 && (resolved.function === fn || resolved.function === 'unknown'))
    return [];
  const moved = resolved.function !== fn && resolved.function !== 'unknown' ? [resolved.function] : [];
  return [...moved, ...resolved.secondary].filter((secondary) => secondary !== fn) as KnownFunction[];
}

/** The words of a text, folded, without separators: "N/A" → "n a". */
function wordsOf(text: string | readonly Token[]): string {
  const tokens = typeof text === 'string' ? tokenize(text) : text;
  return tokens
    .filter((token) => !token.sep)
    .map((token) => token.text)
    .join(' ');
}

/** Two or three words the lexicon does not know, the first a common first name: "John Smith", "Jürgen Müller". */
function isPersonName(tokens: readonly Token[], matched: Matched, firstNames: ReadonlySet<string>): boolean {
  if (matched.hits.length > 0 || matched.free.length < 2 || matched.free.length > 3) return false;
  const first = tokens.find((token) => !token.sep);
  return first !== undefined && firstNames.has(first.text);
}

/** A content word that cannot be a job word: no vowel ("xcvb") or one letter repeated ("aaaa"). */
function nonWord(word: string): boolean {
  return !PATTERNS.vowel.test(word) || PATTERNS.repeatedLetter.test(word);
}

/** Why a title that left seniority or function unknown was abstained on. */
function abstainReason(
  text: string,
  tokens: readonly Token[],
  matched: Matched,
  bio: boolean,
  name: boolean,
  ambiguous: boolean,
  placeholders: ReadonlySet<string>,
): AbstainReason {
  if (bio || name) return 'junk';
  let latin = 0;
  let other = 0;
  for (const char of text) {
    if (!PATTERNS.letter.test(char)) continue;
    if (PATTERNS.latinLetter.test(char)) latin += 1;
    else other += 1;
  }
  if (latin === 0 && other === 0) return 'junk';
  if (other > latin) return 'unsupported_script';
  if (placeholders.has(wordsOf(tokens))) return 'junk';
  if (
    matched.hits.length === 0 &&
    matched.free.length > 0 &&
    matched.free.every((word) => nonWord(word.text))
  )
    return 'junk';
  return ambiguous ? 'ambiguous' : 'no_evidence';
}

/** With the occupation table, its reading of the free words becomes the function (ESCO is the source). */
function withOccupation(resolved: Resolved, fn: KnownFunction, raw: string, via: string): Resolved {
  const before = resolved.function === 'unknown' ? '' : `; more specific than the hint ${resolved.function}`;
  return {
    ...resolved,
    function: fn,
    functionTerm: undefined,
    functionWeight: 2,
    rules: [...resolved.rules, ESCO_OCCUPATION_RULE],
    reasons: [
      ...resolved.reasons.filter((reason) => reason !== NO_WORD),
      `'${raw}' → ${fn} (ESCO occupation word '${via}'${before})`,
    ],
  };
}

/**
 * The words the rules read only as a kind of staff ("operator", "Mitarbeiter", "inspecteur"): they name no area to
 * the rules but are occupation words in ESCO ("board saw operator"), so they join the word model's evidence.
 * Rank markers (senior, head, manager) say nothing of the occupation and stay out.
 */
function staffWords(matched: Matched): Word[] {
  const words: Word[] = [];
  for (const hit of matched.hits)
    if (STAFF.has(hit.term.seniority ?? '') && !hit.term.function && !hit.term.modifier)
      for (const at of hit.positions) {
        const word = matched.words[at];
        if (word) words.push(word);
      }
  return words;
}

/**
 * The free words as the ESCO word table reads them. A written compound none of whose parts the rules explained
 * ("magistrados" → mag + trad, "voedingsindustrie" → voeding + industr) is read whole first, as ESCO may know it
 * ("magistrad") or its own last part ("industr"); only when it does not are its parts tried, the last part (the
 * compound's head) first. A fragment the rule vocabulary happened to hold never speaks for the whole word.
 */
function tableWords(
  matched: Matched,
  tokens: readonly Token[],
  lemma: (word: string) => string,
): readonly Word[] {
  const { free, words } = matched;
  let out: Word[] | undefined;
  for (let i = 0; i < free.length; i++) {
    const first = free[i];
    if (!first) continue;
    let end = i + 1;
    while (free[end]?.source === first.source) end++;
    // All the written word's parts are free only when no other word of the title came from it.
    let parts = 0;
    if (end - i >= 2) for (const word of words) if (word.source === first.source) parts++;
    const token = tokens[first.source];
    if (end - i >= 2 && parts === end - i && token) {
      out ??= free.slice(0, i);
      out.push({ ...first, text: lemma(token.text) });
      for (let k = end - 1; k >= i; k--) {
        const part = free[k];
        if (part) out.push(part);
      }
    } else if (out) for (let k = i; k < end; k++) out.push(free[k] as Word);
    i = end - 1;
  }
  return out ?? free;
}

/** With the ESCO word model: the function most of the unexplained words point to, with the words that voted. */
function withNearest(resolved: Resolved, reading: NearestReading): Resolved {
  const before = resolved.function === 'unknown' ? '' : `; more specific than the hint ${resolved.function}`;
  const words = reading.evidence
    .map(({ raw, via, similarity }) =>
      similarity >= 1 ? `'${raw}'` : `'${raw}' ≈ '${via}' (${similarity.toFixed(2)})`,
    )
    .join(', ');
  return {
    ...resolved,
    function: reading.function,
    functionTerm: undefined,
    functionWeight: 1.5,
    rules: [...resolved.rules, ESCO_WORD_MODEL_RULE],
    reasons: [
      ...resolved.reasons.filter((reason) => reason !== NO_WORD),
      `${words} → ${reading.function} (ESCO word model: share ${reading.share.toFixed(2)}, evidence ${reading.strength.toFixed(2)}${before})`,
    ],
  };
}

/**
 * Builds a title reader over a rule set (the shipped one, or a variant in tests) and, optionally, the ESCO
 * occupation words, read only for words the rule set does not explain, and the ESCO word model (loaded on first
 * use), asked only when neither named a function or the rules named one from a weak hint only.
 */
export function createTitleReader(
  ruleset: Ruleset,
  occupationData?: OccupationData,
  occupationModel?: () => OccupationModel | undefined,
): TitleReader {
  const lexicon = compileRuleset(ruleset);
  return readerOver(
    lexicon,
    compileOccupations(occupationData, ruleset.morphology.boundPrefixes, singularReader(lexicon)),
    occupationModel,
  );
}

/** A title reader over an already compiled lexicon and occupation table (the shipped ones, restored). */
export function readerOver(
  lexicon: CompiledLexicon,
  occupations: OccupationTable,
  occupationModel?: () => OccupationModel | undefined,
): TitleReader {
  const fixTypos = createTypoFixer(lexicon);
  const placeholders = new Set(lexicon.morphology.placeholders.map(wordsOf));
  const firstNames = new Set(lexicon.morphology.firstNames.map(wordsOf));
  return (title, company, options) => {
    // Numbers and booleans are read as written; objects ("[object Object]") say nothing.
    const text =
      typeof title === 'string'
        ? title
        : typeof title === 'number' || typeof title === 'boolean'
          ? String(title)
          : '';
    const clipped = text.length > MAX_TITLE_CHARS ? text.slice(0, MAX_TITLE_CHARS) : text;
    const size = readSizeBand(company, options?.revenuePerEmployee);
    const prepared = prepare(clipped, company?.name, lexicon);
    let matched = matchWords(prepared.tokens, lexicon);
    // A sentence or bio, not a title: most words mean nothing here, so any hit would be a guess.
    const bio = matched.contentWords >= BIO_WORDS && matched.unexplained.length > matched.contentWords * 0.6;
    let resolved = resolveHits(bio ? [] : matched.hits);
    // A long word off by one letter from a lexicon word ("Markting"), when nothing else explains it or only a weak
    // hint does ("Markting Coordinator": the coordinator's operations is a hint).
    if (
      !bio &&
      (resolved.seniority === 'unknown' ||
        resolved.function === 'unknown' ||
        resolved.functionWeight <= WEAK) &&
      matched.free.length > 0
    ) {
      const fix = fixTypos(prepared.tokens, matched, occupations, (tokens) => matchWords(tokens, lexicon));
      if (fix) {
        matched = fix.matched;
        const read = resolveHits(matched.hits);
        resolved = { ...read, rules: [...read.rules, 'typo'], reasons: [...fix.notes, ...read.reasons] };
      }
    }
    let ambiguous = false;
    const past = matched.hits.some((hit) => hit.term.modifier === 'former' || hit.term.modifier === 'status');
    const name = isPersonName(prepared.tokens, matched, firstNames);
    // A role noun that takes its area from the words beside it ("Berater", "conseiller") yields to an ESCO
    // occupation word among them ("Jugendberater", "conseiller d'ambassade"), never to the word model's guess.
    const roleNoun = resolved.functionTerm?.tags.has(TAKES_AREA) === true;
    // The employer's words ("Consultor - Seguradora") are no occupation of a title whose other words named an area.
    const asked =
      resolved.functionWeight > WEAK && matched.free.some((word) => word.employer)
        ? { ...matched, free: matched.free.filter((word) => !word.employer) }
        : matched;
    if (!bio && !past && !name && (resolved.functionWeight <= WEAK || roleNoun) && asked.free.length > 0) {
      const free = tableWords(asked, prepared.tokens, lexicon.lemma);
      const occupation = occupations.read(free);
      ambiguous = occupation.ambiguous;
      if (occupation.function && occupation.raw && occupation.via)
        resolved = withOccupation(resolved, occupation.function, occupation.raw, occupation.via);
      else if (occupationModel && !roleNoun && !asked.free.every((word) => nonWord(word.text))) {
        const staff = staffWords(matched);
        const words = staff.length === 0 ? free : [...free, ...staff].sort((a, b) => a.source - b.source);
        const reading = occupationModel()?.read(words, new Set(staff));
        if (reading && reading.function !== resolved.function) resolved = withNearest(resolved, reading);
      }
    }
    // The kind of firm the title names after "at" / "bei" ("Partner at a law firm") is read as the company's industry.
    const industry = prepared.employer
      ? `${company?.industry ?? ''} ${prepared.employer}`
      : company?.industry;
    const context = applyContextRules(resolved, size.band, industry, lexicon);
    // A job noun with no rank word ("Purchaser", "Marktforscherin") is an individual contributor.
    // A past role beside the current one ("Customer Success | ex-Zalando") leaves the current one read: only a status
    // ("Open to work") says the person holds no role now.
    const status = past && matched.hits.some((hit) => hit.term.modifier === 'status');
    const defaulted = context.seniority === 'unknown' && context.function !== 'unknown' && !status;
    if (defaulted) {
      context.seniority = 'entry';
      context.rules.push('seniority-default');
      context.reasons.push('no rank word: an individual contributor (entry)');
    }

    const reasons = prepared.removed.concat(resolved.reasons, context.reasons);
    if (bio) reasons.splice(0, reasons.length, 'reads like a sentence or a bio, not a job title');
    if (name) reasons.splice(0, reasons.length, "reads like a person's name, not a job title");
    if (text.length > MAX_TITLE_CHARS) reasons.unshift(`read only the first ${MAX_TITLE_CHARS} characters`);
    if (text.trim() === '') reasons.splice(0, reasons.length, 'the title is empty');
    if (size.reason) reasons.push(size.reason);

    const { seniority, function: fn } = context;
    let confidence = 0.05;
    if (seniority !== 'unknown' || fn !== 'unknown') {
      const s =
        seniority === 'unknown' ? 0 : defaulted ? 0.5 : (SENIORITY_SCORE[resolved.seniorityStrength] ?? 0.6);
      const f = fn === 'unknown' ? 0 : functionScore(resolved.functionWeight || 2);
      confidence = (s + f) / 2;
      const unexplained = matched.contentWords ? matched.unexplained.length / matched.contentWords : 0;
      confidence *= resolved.multiplier * context.multiplier * (1 - 0.3 * unexplained);
    }
    if (matched.unexplained.length > 0 && (seniority === 'unknown' || fn === 'unknown')) {
      reasons.push(
        `not understood: ${matched.unexplained
          .slice(0, 5)
          .map((word) => `'${word}'`)
          .join(', ')}`,
      );
    }
    const abstained = seniority === 'unknown' || fn === 'unknown';
    const result: Omit<TitleResult, 'sizeBand'> & { sizeBand?: TitleResult['sizeBand'] } = {
      title: text,
      seniority,
      function: fn,
      secondaryFunctions: secondaryOf(resolved, fn),
      confidence: Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100,
      rules: resolved.rules.concat(context.rules),
      reasons,
      abstained,
    };
    // Set one by one, not spread from a second object: the keys keep their order (abstain before sizeBand).
    if (abstained)
      result.abstain = abstainReason(text, prepared.tokens, matched, bio, name, ambiguous, placeholders);
    result.sizeBand = size.band;
    return result as TitleResult;
  };
}

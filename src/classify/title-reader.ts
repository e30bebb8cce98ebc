import type { CompanyFacts, JobFunction, KnownFunction, TitleResult } from '../taxonomy.ts';
import { createCanonicalizer } from './canonical.ts';
import { applyContextRules } from './context.ts';
import { compileRuleset, type Ruleset } from './lexicon.ts';
import { matchWords } from './match-words.ts';
import { prepare } from './prepare.ts';
import { type Resolved, resolveHits } from './resolve.ts';
import { readSizeBand } from './size-band.ts';

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

const SENIORITY_SCORE = [0, 0.6, 0.75, 0.9];

function functionScore(weight: number): number {
  if (weight >= 3) return 0.9;
  if (weight >= 2) return 0.85;
  if (weight >= 1.5) return 0.7;
  return weight > 0 ? 0.55 : 0;
}

function secondaryOf(resolved: Resolved, fn: JobFunction): KnownFunction[] {
  const moved = resolved.function !== fn && resolved.function !== 'unknown' ? [resolved.function] : [];
  return [...moved, ...resolved.secondary].filter((secondary) => secondary !== fn) as KnownFunction[];
}

/** Builds a title reader over a rule set: the shipped one, or a variant in tests (one rule removed). */
export function createTitleReader(ruleset: Ruleset): TitleReader {
  const lexicon = compileRuleset(ruleset);
  const canonical = createCanonicalizer(lexicon);
  return (title, company, options) => {
    const text = typeof title === 'string' ? title : title == null ? '' : String(title);
    const clipped = text.length > MAX_TITLE_CHARS ? text.slice(0, MAX_TITLE_CHARS) : text;
    const size = readSizeBand(company, options?.revenuePerEmployee);
    const prepared = prepare(clipped, company?.name, lexicon);
    const matched = matchWords(prepared.tokens, lexicon, canonical);
    // A sentence or bio, not a title: most words mean nothing here, so any hit would be a guess.
    const bio = matched.contentWords >= BIO_WORDS && matched.unexplained.length > matched.contentWords * 0.6;
    const resolved = resolveHits(bio ? [] : matched.hits);
    const context = applyContextRules(resolved, size.band, company?.industry, lexicon.contextRules);

    const reasons = [...prepared.removed, ...resolved.reasons, ...context.reasons];
    if (bio) reasons.splice(0, reasons.length, 'reads like a sentence or a bio, not a job title');
    if (text.length > MAX_TITLE_CHARS) reasons.unshift(`read only the first ${MAX_TITLE_CHARS} characters`);
    if (text.trim() === '') reasons.splice(0, reasons.length, 'the title is empty');
    if (size.reason) reasons.push(size.reason);

    const { seniority, function: fn } = context;
    let confidence = 0.05;
    if (seniority !== 'unknown' || fn !== 'unknown') {
      const s = seniority === 'unknown' ? 0 : (SENIORITY_SCORE[resolved.seniorityStrength] ?? 0.6);
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
    return {
      title: text,
      seniority,
      function: fn,
      secondaryFunctions: secondaryOf(resolved, fn),
      confidence: Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100,
      rules: [...resolved.rules, ...context.rules],
      reasons,
      abstained: seniority === 'unknown' || fn === 'unknown',
      sizeBand: size.band,
    };
  };
}

import type { CompiledLexicon } from './lexicon.ts';
import { type Token, tokenize } from './tokenize.ts';

/** Separators that end a company name or a tagline ("&" and "+" may sit inside a name). */
const CLAUSE_ENDS = new Set([',', '|', ';', '(', ')', '[', ']', '-', '/', '·', '•', ':']);

/** A title's words after noise is removed, with what was removed and why. */
export interface Prepared {
  tokens: Token[];
  removed: string[];
  /** The employer written after "at", "@", "bei", "chez" … ("law firm", "VC fund"): what kind of firm, for the context rules. */
  employer: string;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function spanText(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (!token) continue;
    out += token.sep || !out ? token.raw : ` ${token.raw}`;
  }
  return clip(out.trim());
}

/** A separator or a known title word: where an employer's name before "GmbH" or "Inc" stops. */
function meaningful(token: Token | undefined, lexicon: CompiledLexicon): boolean {
  if (!token) return false;
  return (
    token.sep || (lexicon.vocabulary.has(lexicon.lemma(token.text)) && !lexicon.stopwords.has(token.text))
  );
}

/** Where a catalogue's exclusion ("except …", "(ohne …)", "(excepto …)") stops: a bracket, a new role or the end. */
const EXCLUSION_ENDS = new Set([')', ']', '(', '[', '|', ';', '/']);

/** The word lists prepare reads beside the lexicon's own, made once per lexicon (compileRuleset). */
export interface NoiseWords {
  exclusionWords: ReadonlySet<string>;
  /** Every word a pass below acts on: a title with none of them only loses its company name. */
  noiseWords: ReadonlySet<string>;
}

export function noiseWordsOf(
  lexicon: Pick<CompiledLexicon, 'companyMarkers' | 'companySuffixes' | 'taglineStarts' | 'morphology'>,
): NoiseWords {
  const exclusionWords = new Set(lexicon.morphology.exclusions ?? []);
  return {
    exclusionWords,
    noiseWords: new Set([
      ...lexicon.companyMarkers,
      ...(lexicon.morphology.lowercaseLinkers ?? []),
      ...exclusionWords,
      ...lexicon.companySuffixes,
      ...lexicon.taglineStarts,
    ]),
  };
}

function hasAny(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  for (const token of tokens) if (words.has(token.text)) return true;
  return false;
}

/** Whether a word (not a separator) comes before position `at`. */
function wordBefore(tokens: readonly Token[], at: number): boolean {
  for (let i = 0; i < at; i++) if (!tokens[i]?.sep) return true;
  return false;
}

const lowerForms = new Map<string, RegExp>();

/** The word written in lower case as a word of its own (case-sensitive: "ai", not "AI"). */
function writtenLower(word: string): RegExp {
  let pattern = lowerForms.get(word);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u');
    lowerForms.set(word, pattern);
  }
  return pattern;
}

function clauseEnd(tokens: readonly Token[], from: number): number {
  let end = from;
  while (end < tokens.length && !(tokens[end]?.sep && CLAUSE_ENDS.has(tokens[end]?.text ?? ''))) end++;
  return end;
}

/**
 * Removes what is not the job: the employer ("at Acme", "@ Foo", the contact's company name) and
 * marketing taglines ("| Helping teams grow"). Everything removed is named in the reasons.
 */
export function prepare(
  title: string,
  companyName: string | null | undefined,
  lexicon: CompiledLexicon,
): Prepared {
  let tokens = tokenize(title);
  const removed: string[] = [];
  const markers = lexicon.companyMarkers;
  const taglines = lexicon.taglineStarts;
  const { exclusionWords: exclusions, noiseWords: noise } = lexicon;

  const name = companyName ? tokenize(companyName).filter((token) => !token.sep) : [];
  if (name.length > 0) {
    for (let i = 0; i + name.length <= tokens.length; i++) {
      if (!name.every((part, k) => tokens[i + k]?.text === part.text)) continue;
      const alone = (tokens[i - 1]?.sep ?? true) && (tokens[i + name.length]?.sep ?? true);
      if (name.length === 1 && !alone && lexicon.vocabulary.has(name[0]?.text ?? '')) continue;
      removed.push(`removed company name '${spanText(tokens, i, i + name.length)}'`);
      tokens = [...tokens.slice(0, i), ...tokens.slice(i + name.length)];
      i -= 1;
    }
  }

  // Each pass below needs one of its words in the title; most titles have none (removing the name adds none).
  if (!hasAny(tokens, noise)) return { tokens, removed, employer: '' };
  let employer = '';

  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !markers.has(token.text) || !wordBefore(tokens, i)) continue;
    const end = clauseEnd(tokens, i + 1);
    if (end === i + 1) continue;
    removed.push(`removed '${spanText(tokens, i, end)}'`);
    for (let k = i + 1; k < end; k++) if (!tokens[k]?.sep) employer += ` ${tokens[k]?.text}`;
    tokens = [...tokens.slice(0, i), ...tokens.slice(end)];
  }

  // Italian "ai" written in lower case between two words is "to the" ("Addetti ai servizi"), not AI.
  for (const linker of lexicon.morphology.lowercaseLinkers ?? []) {
    if (!tokens.some((token) => token.text === linker) || !writtenLower(linker).test(title)) continue;
    for (let i = 1; i + 1 < tokens.length; i++) {
      if (tokens[i]?.text !== linker || tokens[i - 1]?.sep || tokens[i + 1]?.sep) continue;
      removed.push(`removed '${linker}' (a preposition here)`);
      tokens = [...tokens.slice(0, i), ...tokens.slice(i + 1)];
    }
  }

  // A job catalogue's "except X" names who is not in the group: X never decides the reading.
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.sep || !exclusions.has(token.text) || !wordBefore(tokens, i)) continue;
    let end = i + 1;
    while (end < tokens.length && !(tokens[end]?.sep && EXCLUSION_ENDS.has(tokens[end]?.text ?? ''))) end++;
    removed.push(`removed exclusion '${spanText(tokens, i, end)}'`);
    tokens = [...tokens.slice(0, i), ...tokens.slice(end)];
  }

  const suffixes = lexicon.companySuffixes;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.sep || !suffixes.has(tokens[i]?.text ?? '')) continue;
    let from = i;
    while (from > 0 && (from === i || !meaningful(tokens[from - 1], lexicon)) && !tokens[from - 1]?.sep)
      from--;
    removed.push(`removed company '${spanText(tokens, from, i + 1)}'`);
    tokens = [...tokens.slice(0, from), ...tokens.slice(i + 1)];
    i = from - 1;
  }

  for (let start = 0; start < tokens.length; ) {
    const end = clauseEnd(tokens, start);
    const words = tokens.slice(start, end).filter((t) => !t.sep);
    const first = words[0];
    if (first && words.length >= 3 && taglines.has(first.text)) {
      removed.push(`removed tagline '${spanText(tokens, start, end)}'`);
      tokens = [...tokens.slice(0, start), ...tokens.slice(end)];
      continue;
    }
    start = end + 1;
  }
  return { tokens, removed, employer: employer.trim() };
}

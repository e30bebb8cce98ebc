import {
  type CompiledLexicon,
  type CompiledPhrase,
  type CompiledTerm,
  END,
  GAP,
  START,
  WORD_GAP,
} from './lexicon.ts';
import type { Token } from './tokenize.ts';

/** One lexicon word in the title; compound parts share the written word they came from. */
export interface Word {
  text: string;
  raw: string;
  sep: boolean;
  /** Index of the written token, so compound parts can be told apart from separate words. */
  source: number;
  /** Segment number: separators ("|", ",", "/", "&"...) start a new segment. */
  segment: number;
  stop: boolean;
  /** Written as an organisation noun ("Bank", "Energieversorger"; morphology employerNouns). */
  organisation?: boolean;
  /** In a clause that names the employer ("Consultant – Bank"): see markEmployerClauses. */
  employer?: boolean;
}

/** A term found in the title. */
export interface Hit {
  term: CompiledTerm;
  positions: number[];
  segment: number;
  raw: string;
  /** Found in a clause that names the employer: its area decides only when no other word names one. */
  employer?: boolean;
}

export interface Matched {
  words: Word[];
  hits: Hit[];
  /** Content words that no term explained. */
  unexplained: string[];
  /** The same words as read (folded, lemmatised), for the occupation table. */
  free: Word[];
  contentWords: number;
}

const MAX_GAP = 4;
/**
 * Separators inside one role ("Founder & CTO", "VP, Sales", "Director - Procurement"); the others ("/", "|",
 * ";", brackets) start a new segment, usually another role ("Geschäftsführer / Vertriebsleiter").
 */
const JOINERS = new Set(['&', '+', ',', '-']);

function rawOf(words: readonly Word[], positions: readonly number[]): string {
  if (positions.length === 1) return words[positions[0] ?? 0]?.raw ?? '';
  const parts: string[] = [];
  let lastSource = -1;
  for (const position of positions) {
    const word = words[position];
    if (!word || word.source === lastSource) continue;
    parts.push(word.raw);
    lastSource = word.source;
  }
  return parts.join(' ');
}

/** Positions of the phrase being tried, copied out only when it matches (most tries fail on their second word). */
const scratch: number[] = [];

function tryPhrase(
  phrase: CompiledPhrase,
  words: readonly Word[],
  at: number,
  claimed: Uint8Array,
): number[] | null {
  const { tokens } = phrase;
  // A one-word phrase is listed under its word, which the caller found unclaimed at `at`.
  if (tokens.length === 1 && tokens[0] === words[at]?.text) return [at];
  let count = 0;
  let j = at;
  for (let k = 0; k < tokens.length; k++) {
    const expected = tokens[k];
    if (expected === START) {
      if (j > 0 && !words[j - 1]?.sep) return null;
      continue;
    }
    if (expected === END) {
      if (j < words.length && !words[j]?.sep) return null;
      continue;
    }
    if (expected === GAP || expected === WORD_GAP) {
      const next = tokens[k + 1];
      let found = -1;
      for (let g = j; g < words.length && g <= j + MAX_GAP; g++) {
        const word = words[g];
        if (!word || (word.sep && (expected === WORD_GAP || !JOINERS.has(word.text)))) break;
        if (word.text === next && !claimed[g]) {
          found = g;
          break;
        }
      }
      if (found < 0) return null;
      j = found;
      continue;
    }
    const word = words[j];
    if (!word || word.text !== expected || claimed[j]) return null;
    scratch[count++] = j;
    j++;
  }
  return scratch.slice(0, count);
}

/** Separators that may stand between the parts of a coordination ("Inköps-, logistik- och transportchefer"). */
const COORDINATION = new Set([',', '&', '+']);

/**
 * A hyphenated first part shares the next compound's head: "Försäljnings- och marknadschefer" reads
 * "försäljningschefer" and "marknadschefer", "Bau- und Ausbauberufe" "bauberufe". The head is the shortest ending
 * of the next compound that stands for its last part; without one, the word reads alone.
 */
function sharedHead(
  tokens: readonly Token[],
  at: number,
  { stopwords, canonical }: Pick<CompiledLexicon, 'stopwords' | 'canonical'>,
): { parts: readonly string[]; raw: string } | undefined {
  const word = tokens[at];
  if (!word) return undefined;
  for (let j = at + 1; j < tokens.length; j++) {
    const next = tokens[j];
    if (!next) return undefined;
    if (next.sep) {
      if (COORDINATION.has(next.text)) continue;
      return undefined;
    }
    if (next.dangling || stopwords.has(next.text)) continue;
    const parts = canonical(next.text);
    const head = parts.at(-1);
    if (parts.length < 2 || !head) return undefined;
    for (let length = 3; length <= next.text.length - 2; length++) {
      const tail = next.text.slice(-length);
      const read = canonical(tail);
      if (read.length !== 1 || read[0] !== head) continue;
      const joined = canonical(word.text + tail);
      const written = next.raw.length === next.text.length ? next.raw.slice(-length) : tail;
      return joined.length >= 2 && joined.at(-1) === head
        ? { parts: joined, raw: word.raw + written }
        : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * A slash between two words neither of which is a rank word pairs them inside one role, as "&" does: modules
 * ("SAP FI/CO Berater", "SD/MM"), areas ("Sales/Marketing Manager", "HR/Payroll") and skills ("UX/UI", "Java/Kotlin")
 * share the role noun after them. Between roles ("Geschäftsführer/Vertriebsleiter", "CEO/Founder") it still starts
 * another one, and so it does when no rank word follows in the part after it: "Head of Finance / IT" names its area
 * before the slash, in the part that holds the rank. The words after a joining slash join the segment before it.
 */
function joinSlashPairs(words: Word[], hits: Hit[]): void {
  if (!words.some((word) => word.sep && word.text === '/')) return;
  const rank = new Uint8Array(words.length);
  const ranked = new Set<number>();
  for (const hit of hits)
    if (hit.term.seniority || hit.term.modifier)
      for (const at of hit.positions) {
        rank[at] = 1;
        if (hit.term.seniority && !hit.term.modifier) ranked.add(words[at]?.segment ?? -1);
      }
  // From the end: a slash joins when the part after it holds a rank word or joins one further on (SAP S/4HANA FI/CO Berater).
  const joins = new Set<number>();
  for (let i = words.length - 2; i > 0; i--) {
    const word = words[i];
    const before = words[i - 1];
    const after = words[i + 1];
    if (!word?.sep || word.text !== '/' || !before || !after || before.sep || after.sep) continue;
    if (rank[i - 1] || rank[i + 1] || !ranked.has(after.segment)) continue;
    joins.add(i);
    ranked.add(before.segment);
  }
  if (joins.size === 0) return;
  let shift = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (joins.has(i)) shift += 1;
    if (shift > 0) words[i] = { ...word, segment: word.segment - shift };
  }
  for (const hit of hits) hit.segment = words[hit.positions[0] ?? 0]?.segment ?? hit.segment;
}

/** Separators that do not end a clause: "&" and "+" join words inside one ("Ernst & Young", "Sales & Marketing"). */
const INSIDE_CLAUSE = new Set(['&', '+']);

/**
 * A clause (between dashes, commas, slashes or bars) that opens or ends with an organisation noun and names no rank is
 * the employer, not the job: "Consultant – Bank", "Account Manager - Energy Supplier", "Consultor - Seguradora",
 * "Chargé d'affaires - Fournisseur d'énergie". Its words and hits are marked; only a title of two clauses or more has
 * one, so "Bankkaufmann" and "Direttore di banca" read as before.
 */
function markEmployerClauses(words: Word[], hits: Hit[]): void {
  // Most titles name no organisation: nothing to build for them.
  if (!words.some((word) => word.organisation)) return;
  const clauses: number[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (!word.sep) (clauses.at(-1) as number[]).push(i);
    else if (!INSIDE_CLAUSE.has(word.text) && (clauses.at(-1) as number[]).length > 0) clauses.push([]);
  }
  if (clauses.filter((clause) => clause.length > 0).length < 2) return;
  const employerNoun = (at: number | undefined) => words[at ?? -1]?.organisation === true;
  for (const clause of clauses) {
    const content = clause.filter((at) => !words[at]?.stop);
    if (content.length === 0 || (!employerNoun(content[0]) && !employerNoun(content.at(-1)))) continue;
    const inClause = new Set(clause);
    const ranked = hits.some(
      (hit) => hit.term.seniority && !hit.term.modifier && hit.positions.some((at) => inClause.has(at)),
    );
    if (ranked) continue;
    for (const at of clause) {
      const word = words[at];
      if (word) words[at] = { ...word, employer: true };
    }
    for (const hit of hits) if (inClause.has(hit.positions[0] ?? -1)) hit.employer = true;
  }
}

/** The words a term claimed: one buffer for every call, as each call is done with it before it returns. */
let claimedBuffer = new Uint8Array(64);

/** Finds lexicon terms in the words, longest phrase first, each word claimed by at most one term. */
export function matchWords(tokens: readonly Token[], lexicon: CompiledLexicon): Matched {
  const { byFirstToken, wordReadings } = lexicon;
  const words: Word[] = [];
  // The phrase lists starting at each word, from the word's reading.
  const starts: (readonly CompiledPhrase[] | undefined)[] = [];
  let segment = 0;
  for (let source = 0; source < tokens.length; source++) {
    const token = tokens[source];
    if (!token) continue;
    if (token.sep) {
      if (!JOINERS.has(token.text)) segment += 1;
      words.push({
        text: token.text,
        raw: token.raw,
        sep: true,
        source,
        segment,
        stop: true,
        organisation: false,
      });
      starts.push(byFirstToken.get(token.text));
      continue;
    }
    const reading = wordReadings.get(token.text);
    const { stop, organisation } = reading;
    const shared = token.dangling ? sharedHead(tokens, source, lexicon) : undefined;
    if (shared) {
      for (const text of shared.parts) {
        words.push({ text, raw: shared.raw, sep: false, source, segment, stop, organisation });
        starts.push(byFirstToken.get(text));
      }
      continue;
    }
    for (let k = 0; k < reading.parts.length; k++) {
      words.push({
        text: reading.parts[k] ?? '',
        raw: token.raw,
        sep: false,
        source,
        segment,
        stop,
        organisation,
      });
      starts.push(reading.phrases[k]);
    }
  }
  if (claimedBuffer.length < words.length) claimedBuffer = new Uint8Array(words.length * 2);
  const claimed = claimedBuffer.fill(0, 0, words.length);
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word || claimed[i]) continue;
    const phrases = starts[i];
    if (!phrases) continue;
    for (const phrase of phrases) {
      const positions = tryPhrase(phrase, words, i, claimed);
      if (!positions) continue;
      for (const position of positions) claimed[position] = 1;
      hits.push({ term: phrase.term, positions, segment: word.segment, raw: rawOf(words, positions) });
      break;
    }
  }
  joinSlashPairs(words, hits);
  markEmployerClauses(words, hits);
  const unexplained: string[] = [];
  const free: Word[] = [];
  let contentWords = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word || word.sep || word.stop) continue;
    contentWords += 1;
    if (!claimed[i]) {
      unexplained.push(word.raw);
      free.push(word);
    }
  }
  return { words, hits, unexplained, free, contentWords };
}

import { fold } from './fold.ts';
import { PATTERNS } from './patterns.ts';

/** A word or a separator of a title, with its text as written (lowercased) for the reasons. */
export interface Token {
  /** Folded text: lowercase, no accents. For separators, the separator character. */
  text: string;
  raw: string;
  sep: boolean;
  /** A word written with a hyphen before a conjunction ("Försäljnings- och marknadschefer"): it shares the next head. */
  dangling?: boolean;
}

const SEPARATORS = new Set([
  ',',
  '|',
  '/',
  '\\',
  ';',
  ':',
  '&',
  '+',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '@',
  '·',
  '•',
  '<',
  '>',
]);
const DASHES = new Set(['-', '–', '—', '‒', '−']);

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return PATTERNS.wordChar.test(char);
}

/**
 * Adds a word; "C.E.O." and "V.P." become one word (single letters joined by dots). An ASCII word is already
 * folded (the title was lowercased), so only others go through fold.
 */
function pushWord(tokens: Token[], word: string, ascii: boolean, afterDottedLetter: boolean): void {
  if (!word) return;
  const last = tokens.at(-1);
  if (word.length === 1 && afterDottedLetter && last && !last.sep && last.raw.length <= 4) {
    last.raw += word;
    last.text = fold(last.raw);
  } else tokens.push({ text: ascii ? word : fold(word), raw: word, sep: false });
}

/** The word from `from` (none when negative): cut out once when it ends rather than grown a character at a time. */
function span(chars: string | readonly string[], from: number, to: number): string {
  if (from < 0) return '';
  return typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join('');
}

/**
 * Splits a title into words and separators. Hyphens inside words split without a separator
 * ("IT-Leiter" → it, leiter); a dash after a space separates ("Sales - Director"); "&" between letters
 * stays inside the word ("R&D", "FP&A").
 */
export function tokenize(title: string): Token[] {
  let lower = title.toLowerCase();
  if (PATTERNS.genderMark.test(lower)) lower = lower.replace(PATTERNS.genderSuffix, '');
  // Read by code point; without surrogate pairs the string's own units are the code points, so no array is built.
  const chars: string | readonly string[] = PATTERNS.surrogate.test(lower) ? Array.from(lower) : lower;
  const tokens: Token[] = [];
  let start = -1;
  let ascii = true;
  let dotted = -1;
  const plain = typeof chars === 'string';
  for (let i = 0; i < chars.length; i++) {
    // Most characters are lowercase ASCII letters or digits: known word characters without making a string.
    const code = plain ? chars.charCodeAt(i) : -1;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    const char = chars[i] ?? '';
    if (isWordChar(char)) {
      if (start < 0) start = i;
      if (ascii && char.charCodeAt(0) >= 128) ascii = false;
      continue;
    }
    const word = span(chars, start, i);
    const next = chars[i + 1] ?? ' ';
    if (char === '&' && word && isWordChar(next) && word.length <= 3) continue;
    const single = word.length === 1;
    const wrote = word !== '';
    pushWord(tokens, word, ascii, dotted === i - 2);
    start = -1;
    ascii = true;
    if (wrote && char === '-' && (next.trim() === '' || next === ',')) {
      const last = tokens.at(-1);
      if (last && !last.sep) last.dangling = true;
    }
    if (char === '.' && single) dotted = i;
    if (SEPARATORS.has(char)) tokens.push({ text: char === '\\' ? '/' : char, raw: char, sep: true });
    else if (DASHES.has(char) && ((chars[i - 1] ?? ' ').trim() === '' || char !== '-')) {
      tokens.push({ text: '-', raw: char, sep: true });
    }
  }
  pushWord(tokens, span(chars, start, chars.length), ascii, dotted === chars.length - 2);
  return tokens;
}

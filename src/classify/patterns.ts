/**
 * Every regular expression the title reader uses, as named constants so a test can screen each one for
 * catastrophic backtracking. Lexicon words are matched token by token, never by regex.
 */
export const PATTERNS = {
  /** Titles that need no accent folding (the fast path). */
  ascii: /^[\x00-\x7f]*$/,
  /** Combining marks left after NFD decomposition ("é" → "e" + U+0301). */
  combiningMarks: /[\u0300-\u036f]/g,
  /** One code point that can be part of a word in any script. */
  wordChar: /^[\p{L}\p{M}\p{N}]$/u,
  /** German umlauts written out ("ae", "oe", "ue"), tried on unknown words. */
  spelledUmlaut: /([aou])e/g,
  /**
   * German gender endings written after the word: "Leiter/in", "Berater/-innen", "Kaufmann(in)", "Mitarbeiter*in",
   * and the adjective ending of "Angestellte:r", "Kaufmännische*r", "Auszubildende(r)", "Technische/r" (after "/" only
   * behind an "e" and not before "&": "R&D" stays);
   * job catalogues' "Kaufmann/-frau" and "Sozialpädagoge/-pädagogin" (the feminine tail after "/-"); Romance
   * endings after a word of two letters or more: "Empleado/a", "Vendedor(a)", "Operatore/trice", "Assistente/i",
   * "Trabajador/ora", "Technicien(ne)" ("N/A" and "I/O" stay).
   */
  genderSuffix:
    /(?:\/-?|\(|\*|:|_)(?:in|innen)\b\)?|(?:\*|:|_)r\b|\(r\)|(?<=e)\/-?r(?![a-zà-ÿ0-9&])|(?<=mann)\/-?frau\b|\/-[a-zäöüß]+(?:in|innen)\b|(?<=[a-zà-ÿ]{2})(?:\/(?:a|as|e|es|i|o|os|ora|oras|trice|trici|essa|esse|euse|euses|ne|ère|ere)(?=[\s),;|]|$)|\((?:a|as|e|es|i|o|os|ora|trice|essa|euse|ne|ère|ere)\))/g,
  /** The characters every genderSuffix match starts with: a title without one skips that long pattern. */
  genderMark: /[/(*:_]/,
  /** A UTF-16 surrogate: only such a title needs splitting into code points before it is tokenised. */
  surrogate: /[\ud800-\udfff]/,
  /** A vowel of a folded word (y counts): words without one are not job words ("xcvb"). */
  vowel: /[aeiouy]/,
  /** One letter written four times in a row ("aaaa"). */
  repeatedLetter: /(.)\1{3}/,
  /** A letter of any script, and a Latin one (abstaining on titles in scripts the lexicon does not read). */
  letter: /^\p{L}$/u,
  latinLetter: /^\p{Script=Latin}$/u,
  /** Industry text: anything that is not a letter or digit separates words. */
  industrySeparators: /[^a-z0-9]+/g,
} as const;

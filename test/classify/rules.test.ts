import { describe, expect, it } from 'vitest';
import { createTitleReader, loadDefaultRuleset, type TitleReader } from '../../src/classify/index.ts';
import {
  type CompiledLexicon,
  type CompiledPhrase,
  compileRuleset,
  withDerivedTables,
} from '../../src/classify/lexicon.ts';
import { compileOccupations } from '../../src/classify/occupations.ts';
import { readerOver } from '../../src/classify/title-reader.ts';
import { parseExample, readFixtureRows, type TitleRow } from './rows.ts';

const ruleset = loadDefaultRuleset();
const examples: TitleRow[] = [
  ...ruleset.terms.flatMap((term) => (term.examples ?? []).map((e) => parseExample(e, `lexicon ${term.id}`))),
  ...ruleset.contextRules.flatMap((rule) =>
    (rule.examples ?? []).map((e) => parseExample(e, `context rule ${rule.id}`)),
  ),
];
const rows = [...readFixtureRows('titles'), ...examples];

/** What a reader says about each row, as one comparable string per row. */
function outcomes(read: TitleReader, of: readonly TitleRow[] = rows): string[] {
  return of.map((row) => {
    const r = read(row.title, row.company);
    return `${r.seniority}|${r.function}|${r.secondaryFunctions.join(',')}|${r.confidence}`;
  });
}

describe('title rules', () => {
  it('gets every example written beside a rule right', () => {
    const read = createTitleReader(ruleset);
    const wrong = examples.flatMap((row) => {
      const r = read(row.title, row.company);
      return r.seniority === row.seniority && r.function === row.function
        ? []
        : [
            `${row.source}: "${row.title}" want ${row.seniority}/${row.function}, got ${r.seniority}/${r.function}`,
          ];
    });
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('never writes one phrase into two terms: the later copy would be dead, only the earlier term ever matches it', () => {
    const compiled = compileRuleset(ruleset);
    const shadowed: string[] = [];
    for (const phrases of compiled.byFirstToken.values()) {
      const owner = new Map<string, string>();
      for (const phrase of phrases) {
        const key = phrase.tokens.join(' ');
        const first = owner.get(key);
        if (first === undefined) owner.set(key, phrase.term.id);
        else if (first !== phrase.term.id)
          shadowed.push(
            `'${key}' (as read) is in ${first} and again in ${phrase.term.id}: keep it in one term`,
          );
      }
    }
    expect(shadowed, shadowed.join('\n')).toEqual([]);
  });

  it('needs every rule: removing any one changes the reading of some fixture or example row', () => {
    // One pass records which lexicon words each row asked about; removing a rule can change only the rows
    // that asked about its words (a term) or that it fired on (a context rule), so only those are re-read.
    const compiled = compileRuleset(ruleset);
    const noOccupations = compileOccupations(undefined);
    const asked = rows.map((row) => {
      const traced = tracedLexicon(compiled);
      const reading = readerOver(traced.lexicon, noOccupations)(row.title, row.company);
      return { words: traced.words, everything: traced.everything(), rules: new Set(reading.rules) };
    });
    const baseline = outcomes(readerOver(compiled, noOccupations), rows);
    const changes = (variant: CompiledLexicon, touched: (k: number) => boolean) => {
      const indexes = rows.flatMap((_row, k) => (touched(k) ? [k] : []));
      const read = readerOver(variant, noOccupations);
      const after = outcomes(
        read,
        indexes.map((k) => rows[k] as TitleRow),
      );
      return after.some((outcome, i) => outcome !== baseline[indexes[i] as number]);
    };
    const idle: string[] = [];
    for (const term of ruleset.terms) {
      const variant = withoutTerm(compiled, term.id);
      const words = termWords(compiled, term.id);
      const touched = (k: number) =>
        asked[k]?.everything === true || [...words].some((word) => asked[k]?.words.has(word));
      if (!changes(variant, touched)) idle.push(`lexicon ${term.id}`);
    }
    for (const rule of ruleset.contextRules) {
      const contextRules = compiled.contextRules.filter((r) => r.id !== rule.id);
      const variant = withDerivedTables({ ...compiled, contextRules });
      if (!changes(variant, (k) => asked[k]?.rules.has(rule.id) === true))
        idle.push(`context rule ${rule.id}`);
    }
    expect(idle, `rules no row needs (add an example or remove the rule):\n${idle.join('\n')}`).toEqual([]);
    // Re-reads the rows of every term without it: about 30 s alone, near a minute beside the rest of the suite on
    // two cores. The limit only stops a hang.
  }, 300_000);

  it('removes a term from the compiled tables exactly as compiling the rule set without it does', () => {
    const compiled = compileRuleset(ruleset);
    for (const index of [0, Math.floor(ruleset.terms.length / 2), ruleset.terms.length - 1]) {
      const id = ruleset.terms[index]?.id ?? '';
      const fresh = compileRuleset({ ...ruleset, terms: ruleset.terms.filter((_t, k) => k !== index) });
      const derived = withoutTerm(compiled, id);
      expect(derived.vocabulary, id).toEqual(fresh.vocabulary);
      // Lookups only: the order of the keys does not matter, the order of each key's phrases does.
      const shape = (lexicon: CompiledLexicon) =>
        [...lexicon.byFirstToken]
          .map(([first, phrases]) => [first, phrases.map((p) => [p.term.id, p.tokens])] as const)
          .sort(([a], [b]) => a.localeCompare(b));
      expect(shape(derived), id).toEqual(shape(fresh));
    }
  });
});

/** The compiled tables without one term: its phrases gone, and the words only they brought. */
function withoutTerm(compiled: CompiledLexicon, id: string): CompiledLexicon {
  const byFirstToken = new Map<string, CompiledPhrase[]>();
  const vocabulary = new Set<string>();
  for (const [first, phrases] of compiled.byFirstToken) {
    const kept = phrases.filter((phrase) => phrase.term.id !== id);
    if (kept.length === 0) continue;
    byFirstToken.set(first, kept);
    for (const phrase of kept)
      for (const token of phrase.tokens) if (!token.startsWith('\u0000')) vocabulary.add(token);
  }
  const terms = compiled.terms.filter((term) => term.id !== id);
  return withDerivedTables({ ...compiled, terms, byFirstToken, vocabulary });
}

/** The words a term's phrases put in the tables. */
function termWords(compiled: CompiledLexicon, id: string): Set<string> {
  const words = new Set<string>();
  for (const [first, phrases] of compiled.byFirstToken)
    for (const phrase of phrases)
      if (phrase.term.id === id) {
        words.add(first);
        for (const token of phrase.tokens) if (!token.startsWith('\u0000')) words.add(token);
      }
  return words;
}

/**
 * The compiled lexicon, recording every word a reading looks up. Any other use of the tables (iterating,
 * size) counts as depending on all of them, so a future change to the reader cannot hide a dependency.
 */
function tracedLexicon(compiled: CompiledLexicon) {
  const words = new Set<string>();
  let everything = false;
  class TracedSet extends Set<string> {
    override has(word: string): boolean {
      words.add(word);
      return super.has(word);
    }
    override forEach(...args: Parameters<Set<string>['forEach']>): void {
      everything = true;
      super.forEach(...args);
    }
    override values(): SetIterator<string> {
      everything = true;
      return super.values();
    }
    override [Symbol.iterator](): SetIterator<string> {
      everything = true;
      return super[Symbol.iterator]();
    }
    override get size(): number {
      everything = true;
      return super.size;
    }
  }
  class TracedMap extends Map<string, readonly CompiledPhrase[]> {
    override get(word: string): readonly CompiledPhrase[] | undefined {
      words.add(word);
      return super.get(word);
    }
    override has(word: string): boolean {
      words.add(word);
      return super.has(word);
    }
    override forEach(...args: Parameters<Map<string, readonly CompiledPhrase[]>['forEach']>): void {
      everything = true;
      super.forEach(...args);
    }
    override entries(): MapIterator<[string, readonly CompiledPhrase[]]> {
      everything = true;
      return super.entries();
    }
    override keys(): MapIterator<string> {
      everything = true;
      return super.keys();
    }
    override [Symbol.iterator](): MapIterator<[string, readonly CompiledPhrase[]]> {
      everything = true;
      return super[Symbol.iterator]();
    }
    override get size(): number {
      everything = true;
      return super.size;
    }
  }
  const vocabulary = new TracedSet(compiled.vocabulary);
  const byFirstToken = new TracedMap(compiled.byFirstToken);
  everything = false; // filling them above iterated the originals, not these
  return {
    lexicon: withDerivedTables({ ...compiled, vocabulary, byFirstToken }),
    words,
    everything: () => everything,
  };
}

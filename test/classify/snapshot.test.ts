import { describe, expect, it } from 'vitest';
import { compileRuleset, singularReader } from '../../src/classify/lexicon.ts';
import { compileOccupations } from '../../src/classify/occupations.ts';
import { loadDefaultRuleset } from '../../src/classify/ruleset.ts';
import { shippedOccupations } from '../../src/classify/shipped.ts';
import { restoreLexicon, snapshotLexicon } from '../../src/classify/snapshot.ts';
import { createTitleReader, readerOver } from '../../src/classify/title-reader.ts';
import { readFixtureRows } from './rows.ts';

/** What the compiled CLI ships (src/build/shipped-data.ts): the snapshot after a trip through JSON. */
const compiled = compileRuleset(loadDefaultRuleset());
const restored = restoreLexicon(JSON.parse(JSON.stringify(snapshotLexicon(compiled))));

describe('the lexicon snapshot the compiled CLI starts from', () => {
  it('restores every table the compiler builds', () => {
    // Functions compare by identity: the lemmatizer is checked word by word, the readings by the reading test below.
    const { lemma: _a, canonical: _e, wordReadings: _c, ...want } = compiled;
    const { lemma: _b, canonical: _f, wordReadings: _d, ...got } = restored;
    expect(got).toEqual(want);
    expect(restored.contextIndex).not.toBeNull();
    for (const word of [...compiled.vocabulary].slice(0, 2000))
      expect(restored.lemma(word), word).toBe(compiled.lemma(word));
  });

  it('keeps one object per term, as the reader compares terms by identity', () => {
    for (const phrases of restored.byFirstToken.values())
      for (const phrase of phrases) expect(phrase.term).toBe(restored.terms[phrase.term.index]);
  });

  it('reads every fixture title exactly as the freshly compiled reader does', () => {
    const occupations = shippedOccupations();
    const fresh = createTitleReader(loadDefaultRuleset(), occupations);
    const fromSnapshot = readerOver(
      restored,
      compileOccupations(occupations, restored.morphology.boundPrefixes, singularReader(restored)),
    );
    const differ = readFixtureRows('titles')
      .filter(
        (row) =>
          JSON.stringify(fromSnapshot(row.title, row.company)) !==
          JSON.stringify(fresh(row.title, row.company)),
      )
      .map((row) => row.source);
    expect(differ).toEqual([]);
  });
});

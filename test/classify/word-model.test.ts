import { describe, expect, it } from 'vitest';
import { createTitleReader, loadDefaultRuleset } from '../../src/classify/index.ts';
import { compileOccupationModel, type OccupationModelData } from '../../src/classify/nearest.ts';
import { FUNCTIONS } from '../../src/taxonomy.ts';

/**
 * When the ESCO word model is asked, and which title words vote. A tiny model (one made-up occupation word used
 * by three healthcare occupations) so the test says what the reader does, not what ESCO holds.
 */
const healthcare = FUNCTIONS.indexOf('healthcare');
/** A reader over a made-up model: 'zorbist' used by three healthcare occupations, thresholds as given. */
function readerWith(model: Partial<OccupationModelData>) {
  const compiled = compileOccupationModel({
    source: 'test',
    inputs: '',
    tuning: '',
    minShare: 0,
    minEvidence: 0,
    minSimilarity: 0.5,
    groups: { [`${healthcare}:3`]: 'zorbist' },
    ...model,
  });
  return createTitleReader(loadDefaultRuleset(), undefined, () => compiled);
}
const read = readerWith({ minShare: 0.6, minEvidence: 0.4 });
const withoutModel = createTitleReader(loadDefaultRuleset());

describe('ESCO word model in the reader', () => {
  it('decides a title the rules leave without a function, and says so', () => {
    expect(withoutModel('Zorbist').function).toBe('unknown');
    const result = read('Zorbist');
    expect(result.function).toBe('healthcare');
    expect(result.rules).toContain('esco-nearest');
    expect(result.reasons.join('; ')).toMatch(/'zorbist' → healthcare \(ESCO word model/);
  });

  it('overrides a weak hint (technician), naming the hint it overrode', () => {
    expect(withoutModel('Zorbist technician').function).toBe('engineering');
    const result = read('Zorbist technician');
    expect(result.function).toBe('healthcare');
    expect(result.reasons.join('; ')).toMatch(/more specific than the hint engineering/);
  });

  it('needs one word it knows well: distant neighbours alone are a guess', () => {
    const readDistant = readerWith({
      minSimilarity: 0.1,
      // Other words, so trigrams have a rarity to weigh.
      groups: {
        [`${healthcare}:3`]: 'zorbist',
        [`${FUNCTIONS.indexOf('legal')}:3`]: 'quandle frimpet blorvex wugston',
      },
    });
    expect(readDistant('Zorbistry').function).toBe('healthcare'); // a close neighbour
    expect(readDistant('Zorbaxel').function).toBe('unknown'); // 0.40 alike: it shares a trigram or two, nothing more
  });

  it('never overrides a function the rules name clearly', () => {
    expect(read('Head of Sales Zorbist').function).toBe('sales');
  });

  it('keeps rank with the rules, and rank markers are not strangers among the occupation words', () => {
    expect(read('Senior Zorbist').seniority).toBe('senior');
    expect(read('Senior Zorbist').function).toBe('healthcare');
    expect(read('Zorbist Mitarbeiter').seniority).toBe('entry');
    expect(read('Zorbist Mitarbeiter').function).toBe('healthcare');
  });

  it('answers only when share × evidence reaches the tuned score', () => {
    const strictRead = readerWith({ minScore: 1.5 }); // one clear word: share 1 × evidence 1
    expect(strictRead('Zorbist').function).toBe('unknown');
    expect(strictRead('Zorbist Zorbist').function).toBe('healthcare');
  });

  it('answers only when most of the unexplained words are occupation words', () => {
    expect(read('Zorbist Blorft Quandle').function).toBe('unknown');
    // A staff word alone ("operator") names no occupation: it votes only beside one.
    expect(read('Blorft operator').function).toBe('unknown');
  });
});

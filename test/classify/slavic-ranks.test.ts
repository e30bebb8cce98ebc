import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { compileRuleset } from '../../src/classify/lexicon.ts';
import { loadDefaultRuleset } from '../../src/classify/ruleset.ts';

const { lemma } = compileRuleset(loadDefaultRuleset());

describe('Czech and Polish rank words, Slavic feminine forms, Dutch trainees', () => {
  it('reads the feminine -ka form like the masculine noun', () => {
    for (const [feminine, masculine] of <Array<[string, string]>>[
      ['reditelka', 'reditel'],
      ['manazerka', 'manazer'],
      ['asystentka', 'asystent'],
      ['referentka', 'referent'],
      ['dyrektorka', 'dyrektor'],
    ])
      expect(lemma(feminine), feminine).toBe(lemma(masculine));
    // Short words and -ska adjectives keep their ending.
    expect(lemma('tekniska')).not.toBe('teknis');
    expect(lemma('polka')).not.toBe('pol');
  });

  it.each([
    ['Ředitel prodeje', 'director'],
    ['Ředitelka', 'director'],
    ['Generální ředitel', 'c_level'],
    ['Vedoucí nákupu', 'head'],
    ['Manažerka marketingu', 'manager'],
    ['Dyrektorka finansowa', 'director'],
    ['Arts in opleiding', 'intern'],
  ])('%s → seniority %s', (title, seniority) => {
    expect(readTitle(title).seniority).toBe(seniority);
  });

  it('reads Dutch medical fields as healthcare, not as a customer ("kunde")', () => {
    expect(readTitle('Specialist tropische geneeskunde').function).toBe('healthcare');
    expect(readTitle('Verloskundige').function).not.toBe('customer_success');
  });
});

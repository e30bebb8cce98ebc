import { describe, expect, it } from 'vitest';
import { createTitleReader, loadDefaultRuleset, readTitle } from '../../src/classify/index.ts';

const lexiconOnly = createTitleReader(loadDefaultRuleset());

describe('ESCO occupation words (src/classify/data/occupations.json)', () => {
  it.each([
    ['Purchaser', 'procurement'],
    ['Marktforscherin', 'marketing'], // as the hand lexicon reads 'Market Research Analyst'
    ['Technische Redakteurin', 'engineering'],
    ['Bilanzbuchhalterin', 'finance'],
    ['Lohnbuchhalter', 'finance'],
    ['Inköpsassistent', 'procurement'],
    ['Boekhouder', 'finance'],
    ['Księgowa', 'finance'],
    ['Účetní', 'finance'],
  ])('%s → %s, and the reasons name ESCO as the source', (title, fn) => {
    const result = readTitle(title);
    expect(result.function).toBe(fn);
    if (result.rules.includes('esco-occupation'))
      expect(result.reasons.join('; ')).toMatch(/ESCO occupation word/);
  });

  it('adds what the hand lexicon does not know, and only that', () => {
    expect(lexiconOnly('Purchaser').function).toBe('unknown');
    expect(readTitle('Purchaser').rules).toContain('esco-occupation');
    // The hand lexicon decides whenever it names a function.
    expect(readTitle('Head of Procurement').rules).not.toContain('esco-occupation');
  });

  it('lets an occupation word name the area of a role noun that only defaults it (consultant, adviser)', () => {
    expect(readTitle('Consultant').function).toBe('consulting');
    expect(readTitle('Unternehmensberater').function).toBe('consulting');
    const welfare = readTitle('welfare advisor');
    expect(lexiconOnly('welfare advisor').function).toBe('consulting');
    expect(welfare.function).toBe('other');
    expect(welfare.reasons.join('; ')).toMatch(
      /ESCO occupation word 'welfare?'; more specific than the hint consulting/,
    );
    // An area the rules name still decides: the occupation words are not asked.
    expect(readTitle('Vertrieb Berater').function).toBe('sales');
  });

  it('reads a compound by its longest known last part', () => {
    const result = readTitle('Lebensmitteleinkäuferin');
    expect(result.function).toBe('procurement');
  });

  it('gives a plain occupation noun an individual-contributor level, and keeps rank with the rules', () => {
    expect(readTitle('Marktforscherin').seniority).toBe('entry');
    expect(readTitle('Leiterin Marktforschung').seniority).toBe('head');
    expect(readTitle('Senior Marktforscherin').seniority).toBe('senior');
  });

  it('does not read a person or a company as an occupation', () => {
    for (const title of ['John Smith', 'Jürgen Müller', 'Maria García López', 'Acme Corporation']) {
      const result = readTitle(title);
      expect(result.abstained, title).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';

describe('abstain reason codes', () => {
  it.each([
    ['', 'junk'],
    ['-', 'junk'],
    ['???', 'junk'],
    ['n/a', 'junk'],
    ['TBD', 'junk'],
    ['xcvbnm', 'junk'],
    ['Генеральный директор', 'unsupported_script'],
    ['営業部長', 'unsupported_script'],
    ['Open to work', 'no_evidence'],
    ['Former VP Sales', 'no_evidence'],
    ['Manager', 'no_evidence'],
    ['Vice President EMEA', 'no_evidence'],
  ])('%s → %s', (title, code) => {
    const result = readTitle(title);
    expect(result.abstained).toBe(true);
    expect(result.abstain).toBe(code);
  });

  it('a placed title carries no abstain code', () => {
    const result = readTitle('VP Sales');
    expect(result.abstained).toBe(false);
    expect(result.abstain).toBeUndefined();
  });
});

describe('place and organisation words never decide the function', () => {
  it.each([
    ['Director Central Europe', 'director', 'unknown'],
    ['Leiter Region Süd', 'head', 'unknown'],
    ['Regional Sales Manager, Northern Europe Region', 'manager', 'sales'],
    ['Leiter Einkauf Zentraleuropa', 'head', 'procurement'],
    ['Head of Marketing DACH', 'head', 'marketing'],
    ['Group Financial Controller', 'entry', 'finance'],
    ['Head of Procurement EMEA | Acme Group', 'head', 'procurement'],
  ])('%s → %s %s', (title, seniority, fn) => {
    const result = readTitle(title);
    expect([result.seniority, result.function]).toEqual([seniority, fn]);
  });

  it('phrases around a place word still match', () => {
    expect(readTitle('Country Manager').function).toBe('executive');
    expect(readTitle('Global Head of Data').seniority).toBe('head');
  });
});

describe('a job noun without a rank word', () => {
  it('is an individual contributor, and the reasons say so', () => {
    const result = readTitle('Marketing');
    expect(result.seniority).toBe('entry');
    expect(result.rules).toContain('seniority-default');
    expect(result.reasons.join('; ')).toMatch(/no rank word/);
  });

  it('is one beside a past employer too, but not beside a status', () => {
    for (const title of ['Customer Success | ex-Zalando', 'Vertrieb | ehemals Siemens'])
      expect(readTitle(title).seniority).toBe('entry');
    expect(readTitle('Open to work | Marketing').seniority).toBe('unknown');
  });
});

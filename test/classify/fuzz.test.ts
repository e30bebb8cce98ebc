import { describe, expect, it } from 'vitest';
import { readTitle } from '../../src/classify/index.ts';
import { mulberry32 as random } from '../../src/sandbox/prng.ts';
import { FUNCTIONS, SENIORITIES } from '../../src/taxonomy.ts';

const PIECES = [
  'VP',
  'of',
  'Sales',
  'Leiter',
  'Einkauf',
  'ü',
  'é',
  '&',
  '/',
  '|',
  ',',
  '-',
  '–',
  '(',
  ')',
  '@',
  '.',
  ' ',
  '  ',
  '\u0000',
  '\u0007',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udc00',
  '😀',
  '👩‍💻',
  '🇩🇪',
  'Директор',
  '部长',
  'مدير',
  'שלום',
  'ǅ',
  'İ',
  'ß',
  'ﬁ',
  '\t',
  '\n',
  '\r\n',
  'Chief',
  'Officer',
  '...',
  '$',
  '^',
  'a'.repeat(50),
  '%s',
  '$' + '{x}',
  '\\',
];

const NASTY = [
  '',
  ' ',
  '-',
  'n/a',
  '😀😀😀',
  '\u0000\u0001\u0002',
  '\ud800',
  'x'.repeat(10_000),
  'VP '.repeat(3_000),
  '&&&&////||||',
  '(((((((((',
  'C.E.O.'.repeat(100),
  'Leiterin'.repeat(500),
  'ÄÖÜäöüß'.repeat(200),
];

describe('readTitle on hostile input', () => {
  const next = random(20_260_917);
  const generated = Array.from({ length: 2_000 }, () => {
    const length = Math.floor(next() * 12);
    return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
  });

  it.each([...NASTY, ...generated].map((title) => [title.slice(0, 40), title]))(
    'never throws and answers in the vocabularies: %j',
    (_label, title) => {
      const result = readTitle(title, { employees: 50, industry: title, name: title });
      expect([...SENIORITIES, 'unknown']).toContain(result.seniority);
      expect([...FUNCTIONS, 'unknown']).toContain(result.function);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(readTitle(title, { employees: 50, industry: title, name: title })).toEqual(result);
    },
  );

  it('accepts values that are not strings without throwing', () => {
    for (const value of [null, undefined, 42, {}, [], true] as unknown[]) {
      expect(readTitle(value as string).seniority).toBe('unknown');
    }
  });
});

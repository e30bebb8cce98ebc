import { describe, expect, it } from 'vitest';
import { deriveWordTable, type EscoOccupation, leadsOthers } from '../../src/build/occupation-words.ts';
import { compileRuleset } from '../../src/classify/lexicon.ts';
import { loadDefaultRuleset } from '../../src/classify/ruleset.ts';

const lexicon = compileRuleset(loadDefaultRuleset());

function occupation(uri: string, isco: string, fn: EscoOccupation['function'], fr: string[]): EscoOccupation {
  return { uri, isco, label: fr[0] ?? '', function: fn, labels: { fr } };
}

function table(occupations: EscoOccupation[]) {
  const { data } = deriveWordTable(occupations, lexicon, 'test');
  const of = (word: string) =>
    Object.entries(data.functions).find(([, words]) => (words ?? '').split(' ').includes(word))?.[0] ??
    (data.ambiguous.split(' ').includes(word) ? 'ambiguous' : undefined);
  return of;
}

describe('the ESCO word table (build)', () => {
  it('tells managers and supervisors by their ISCO-08 group', () => {
    expect(leadsOthers('1420')).toBe(true);
    expect(leadsOthers('3123')).toBe(true);
    expect(leadsOthers('5222')).toBe(true);
    expect(leadsOthers('7122')).toBe(false);
    expect(leadsOthers('3119')).toBe(false);
  });

  it("gives a trade word the trade's function, not its supervisors' (carreleur)", () => {
    const of = table([
      occupation('a', '7122', 'other', ['carreleur', 'carreleur chef']),
      occupation('b', '7122', 'other', ['poseur de carreaux carreleur']),
      occupation('c', '3123', 'operations', ['superviseur de carreleurs']),
      occupation('d', '3123', 'operations', ['superviseur de carreleurs terrazzo']),
    ]);
    expect(of('carreleur')).toBe('other');
  });

  it('keeps the votes of managers for words no other occupation uses', () => {
    const of = table([occupation('a', '1324', 'operations', ['directeur entrepôt logistique'])]);
    expect(of('entrepot')).toBe('operations');
  });

  it('drops a word one letter off a rank word, so a title slip ("Manger") is still corrected', () => {
    const of = table([
      occupation('a', '5120', 'other', ['garde manger', 'cuisinier garde manger']),
      occupation('b', '5120', 'other', ['commis garde manger']),
    ]);
    expect(of('manger')).toBeUndefined();
    expect(of('gard')).toBe('other'); // 'garde', lemmatised
  });

  it("lets an occupation's one-word name settle a word two occupations split (tisserand, not its machine)", () => {
    const of = table([
      occupation('a', '7318', 'other', ['tisserand']),
      occupation('b', '8152', 'operations', ['conducteur de métier à tisser tisserand']),
    ]);
    expect(of('tisserand')).toBe('other');
  });

  it('keeps a split word out when neither occupation is named by it alone, and marks wider splits ambiguous', () => {
    const split = table([
      occupation('a', '7318', 'other', ['tisserand main']),
      occupation('b', '8152', 'operations', ['conducteur tisserand']),
    ]);
    expect(split('tisserand')).toBeUndefined();
    const wide = table([
      occupation('a', '7318', 'other', ['tisserand']),
      occupation('b', '8152', 'operations', ['conducteur tisserand']),
      occupation('c', '2163', 'design', ['dessinateur tisserand']),
    ]);
    expect(wide('tisserand')).toBe('ambiguous');
  });

  it('keeps a short word seen once only when it is the whole name of its occupation', () => {
    const of = table([
      occupation('a', '6123', 'other', ['imker']),
      occupation('b', '7318', 'other', ['tapis noue main']),
    ]);
    expect(of('imker')).toBe('other');
    expect(of('noue')).toBeUndefined();
  });
});

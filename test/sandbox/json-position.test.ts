import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '../../src/sandbox/json-position.ts';

const cases: { text: string; offset: number }[] = [
  { text: '{"inputs":}', offset: 10 },
  { text: '{"a":1,,}', offset: 7 },
  { text: '[1, 2', offset: 5 },
  { text: '{"a" 1}', offset: 5 },
  { text: '{"a":"x\\q"}', offset: 8 },
  { text: '{"a":"\\u12G4"}', offset: 8 },
  { text: '{"a":tru}', offset: 5 },
  { text: '{"a":1} x', offset: 8 },
  { text: '{a:1}', offset: 1 },
  { text: '"abc', offset: 4 },
  { text: '{"a":[1,{"b":null}],"c":-1.5e3}', offset: -1 },
  { text: '  [ ]  ', offset: -1 },
];

describe('JSON error offsets', () => {
  it('finds the first bad character, agreeing with JSON.parse on validity', () => {
    const misses = cases.filter(({ text, offset }) => jsonErrorOffset(text) !== offset);
    expect(misses).toEqual([]);
    for (const { text, offset } of cases) {
      const valid = (() => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      })();
      expect(valid, text).toBe(offset === -1);
    }
  });

  it('survives deep nesting and names lines and columns', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
    expect(lineAndColumn('{\n  "a": }', 9)).toBe('line 2, column 8');
  });
});

import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/classify/memo.ts';

/** A memo over a counting compute, so a test sees which lookups computed. */
function counted(options: { limit: number; maxKeyLength?: number }) {
  const computed: string[] = [];
  const memo = boundedMemo<string, string>({
    ...options,
    compute: (key, suffix) => {
      computed.push(key);
      return key + suffix;
    },
  });
  return { memo, computed };
}

describe('boundedMemo', () => {
  it('computes a key once and answers it from memory after', () => {
    const { memo, computed } = counted({ limit: 10 });
    expect(memo.get('vertrieb', '!')).toBe('vertrieb!');
    expect(memo.get('vertrieb', '?')).toBe('vertrieb!');
    expect(computed).toEqual(['vertrieb']);
  });

  it('forgets everything when full, then remembers again', () => {
    const { memo, computed } = counted({ limit: 2 });
    for (const key of ['a', 'b', 'c', 'a', 'c']) memo.get(key, '');
    // "c" found the memo full (a, b) and cleared it; "a" was computed again, "c" was still held.
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
    expect(memo.size).toBe(2);
  });

  it('computes keys longer than maxKeyLength every time without storing them', () => {
    const { memo, computed } = counted({ limit: 10, maxKeyLength: 3 });
    memo.get('long', '');
    memo.get('long', '');
    memo.get('abc', '');
    memo.get('abc', '');
    expect(computed).toEqual(['long', 'long', 'abc']);
    expect(memo.size).toBe(1);
  });

  it('remembers null values, so an answer of nothing is not computed again', () => {
    let calls = 0;
    const memo = boundedMemo<string | null>({
      compute: () => {
        calls += 1;
        return null;
      },
      limit: 10,
    });
    expect(memo.get('xyz')).toBeNull();
    expect(memo.get('xyz')).toBeNull();
    expect(calls).toBe(1);
  });
});

import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../src/classify/patterns.ts';

describe('title reader regular expressions', () => {
  // recheck took 16 s to prove genderSuffix safe on a loaded two-core machine, past the former 10 s; it answers
  // 'unknown' (a failure here) when its own timeout ends first, so both limits leave room for a busy CI runner.
  it.each(Object.entries(PATTERNS))(
    '%s cannot backtrack catastrophically',
    (_name, pattern) => {
      const diagnostics = checkSync(pattern.source, pattern.flags, { timeout: 90_000 });
      expect(diagnostics.status, JSON.stringify(diagnostics)).toBe('safe');
    },
    120_000,
  );
});

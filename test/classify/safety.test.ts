import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../src/classify/patterns.ts';

describe('title reader regular expressions', () => {
  it.each(Object.entries(PATTERNS))('%s cannot backtrack catastrophically', (_name, pattern) => {
    const diagnostics = checkSync(pattern.source, pattern.flags, { timeout: 10_000 });
    expect(diagnostics.status, JSON.stringify(diagnostics)).toBe('safe');
  });
});

import { describe, expect, it } from 'vitest';
import { newcombe, normalQuantile, wilson, zFor } from '../../src/insights/stats.ts';

describe('interval statistics', () => {
  it('normal quantiles match the tables', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 5);
    expect(zFor(0.99)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it("Wilson's interval matches Newcombe (1998) example 81/263", () => {
    const [lo, hi] = wilson(81, 263, 1.959964);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 10, 1.96)[0]).toBe(0);
    expect(wilson(0, 0, 1.96)).toEqual([0, 1]);
  });

  it("Newcombe's method 10 matches his worked example 56/70 vs 48/80", () => {
    const [lo, hi] = newcombe(56, 70, 48, 80, 1.959964);
    expect(lo).toBeCloseTo(0.0524, 4);
    expect(hi).toBeCloseTo(0.3339, 4);
    // Symmetric: swapping the samples mirrors the interval.
    const [lo2, hi2] = newcombe(48, 80, 56, 70, 1.959964);
    expect(lo2).toBeCloseTo(-hi, 10);
    expect(hi2).toBeCloseTo(-lo, 10);
  });
});

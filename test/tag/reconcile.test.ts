import { describe, expect, it } from 'vitest';
import { sameStoredValue } from '../../src/hubspot/values.ts';

describe('sameStoredValue', () => {
  it.each([
    ['CHAMPION;END_USER', 'END_USER;CHAMPION', true],
    ['0.80', '0.8', true],
    ['2026-11-25T18:00:00.000Z', '1795629600000', true],
    ['2026-11-25T18:00:00Z', '2026-11-25T18:00:00.000Z', true],
    [null, '', true],
    [undefined, null, true],
    ['champion', 'CHAMPION', false],
    ['', '0', false],
    ['0.8', '0.81', false],
    [null, 'end_user', false],
  ])('%s vs %s → %s', (current, wanted, same) => {
    expect(sameStoredValue(current, wanted)).toBe(same);
  });
});

import { describe, expect, it } from 'vitest';
import { agreementOf } from '../../src/build/agreement.ts';

describe('cross-lingual agreement of one occupation (agreementOf)', () => {
  it.each([
    { functions: ['sales', 'sales', 'sales'], share: 1, unanimous: true },
    { functions: ['sales', 'sales', 'marketing'], share: 2 / 3, unanimous: false },
    // An unknown never agrees, not even with other unknowns.
    { functions: ['sales', 'unknown', 'unknown'], share: 1 / 3, unanimous: false },
    { functions: ['unknown', 'unknown'], share: 0, unanimous: false },
    { functions: [], share: 0, unanimous: false },
  ])('$functions → $share', ({ functions, share, unanimous }) => {
    const got = agreementOf(functions);
    expect(got.share).toBeCloseTo(share, 10);
    expect(got.unanimous).toBe(unanimous);
  });
});

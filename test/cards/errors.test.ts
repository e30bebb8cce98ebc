import { hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../extensions/app/cards/shared/errors.ts';
import { saveClassification } from '../../extensions/app/cards/shared/saveClient.ts';

afterEach(() => vi.restoreAllMocks());

describe('errorMessages: any error shape to sentences', () => {
  it('reads Errors, strings, function results, HubSpot bodies and nests of them', () => {
    expect(errorMessages(new Error('Timed out.'))).toEqual(['Timed out.']);
    expect(errorMessages('  Missing scope.  ')).toEqual(['Missing scope.']);
    expect(errorMessages({ ok: false, errors: ['One.', 'Two.'] })).toEqual(['One.', 'Two.']);
    expect(errorMessages({ status: 'error', message: 'Property values were not valid' })).toEqual([
      'Property values were not valid',
    ]);
    expect(errorMessages([new Error('A.'), { errors: ['B.'] }])).toEqual(['A.', 'B.']);
  });

  it('never returns nothing, whatever it is given', () => {
    for (const weird of [null, undefined, '', 42, {}, { errors: [] }, { message: '  ' }, Symbol('x')]) {
      const messages = errorMessages(weird);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
    }
  });
});

describe('saveClassification (card side)', () => {
  const request = {
    contactId: 7,
    mode: 'suggestion' as const,
    persona: 'finance_leader',
    buyingRole: 'economic_buyer',
  };

  it('rejects with a readable error when the function answers nothing or something unexpected', async () => {
    for (const answer of [undefined, null, 'ok', { ok: 'yes' }]) {
      vi.spyOn(hubspot, 'serverless').mockResolvedValueOnce(answer);
      await expect(saveClassification(request)).rejects.toEqual({
        errors: ['The save function gave no answer; try again.'],
      });
    }
  });

  it('keeps only strings from a successful answer', async () => {
    vi.spyOn(hubspot, 'serverless').mockResolvedValue({
      ok: true,
      written: ['a', 3],
      protectedProperties: null,
    });
    expect(await saveClassification(request)).toEqual({
      message: 'Saved.',
      written: ['a'],
      protectedProperties: [],
    });
  });
});

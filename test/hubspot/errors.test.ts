import { describe, expect, it } from 'vitest';
import { translateHubSpotError } from '../../src/hubspot/errors.ts';

describe('translateHubSpotError', () => {
  it('names the token variable on 401, without echoing any token', () => {
    const error = translateHubSpotError(
      401,
      { message: 'Authentication credentials not found.' },
      'listing contacts',
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('HUBSPOT_ACCESS_TOKEN');
    expect(error.retryable).toBe(false);
  });

  it('names the missing scopes on 403', () => {
    const body = {
      category: 'MISSING_SCOPES',
      errors: [{ message: 'x', context: { requiredGranularScopes: ['crm.schemas.contacts.write'] } }],
    };
    const error = translateHubSpotError(403, body, 'creating property "rolecall_persona"');
    expect(error.message).toContain('crm.schemas.contacts.write');
  });

  it('names the property and the fix on 400', () => {
    const body = {
      category: 'VALIDATION_ERROR',
      errors: [
        {
          message: 'foo was not one of the allowed options',
          code: 'INVALID_OPTION',
          context: { propertyName: ['rolecall_persona'] },
        },
      ],
    };
    const error = translateHubSpotError(400, body, 'updating 100 contacts');
    expect(error.properties).toEqual(['rolecall_persona']);
    expect(error.message).toContain('rolecall_persona');
    expect(error.message).toContain('rolecall setup');
  });

  it('retries ten-second 429s and 5xx but not the daily limit', () => {
    expect(translateHubSpotError(429, { policyName: 'TEN_SECONDLY_ROLLING' }, 'x', '2')).toMatchObject({
      kind: 'rate_limit',
      retryable: true,
      retryAfterSeconds: 2,
    });
    expect(translateHubSpotError(429, { policyName: 'DAILY' }, 'x').retryable).toBe(false);
    expect(translateHubSpotError(502, undefined, 'x').retryable).toBe(true);
    expect(translateHubSpotError(418, 'not json', 'x').kind).toBe('unexpected');
  });
});

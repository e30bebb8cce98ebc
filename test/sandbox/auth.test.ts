import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../src/hubspot/client.ts';
import { type Harness, harness, keys, raw, sdkError } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({
    contacts: 20,
    tokens: [
      {
        token: 'pat-na1-full',
        scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.write'],
      },
      { token: 'pat-na1-readonly', scopes: ['crm.objects.contacts.read'] },
    ],
  });
});
afterAll(async () => h.sandbox.close());

describe('authentication and scopes', () => {
  it('uses the first configured token as sandbox.token', () => {
    expect(h.sandbox.token).toBe('pat-na1-full');
  });

  it('answers 401 with HubSpot body and headers for a missing, unknown or malformed token', async () => {
    for (const token of [null, 'pat-na1-wrong', '']) {
      const response = await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts', undefined, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(response.headers.get('x-hubspot-auth-failure')).toBe('401 Unauthorized');
      expect(response.headers.get('x-hubspot-correlation-id')).toBe(response.json.correlationId);
      expect(keys(response.json)).toEqual(['category', 'correlationId', 'message', 'status']);
      expect(response.json.category).toBe('INVALID_AUTHENTICATION');
      expect(response.json.message).toMatch(/^Authentication credentials not found\./);
    }
  });

  it('answers 403 MISSING_SCOPES with the required scopes when a scope is missing', async () => {
    const readonly = createHubSpotClient({ accessToken: 'pat-na1-readonly', baseUrl: h.sandbox.baseUrl });
    await expect(readonly.crm.contacts.basicApi.getPage(1)).resolves.toBeDefined();
    const error = await sdkError(
      readonly.crm.contacts.basicApi.update('1001', { properties: { jobtitle: 'x' } }),
    );
    expect(error.code).toBe(403);
    expect(keys(error.body)).toEqual(['category', 'correlationId', 'errors', 'links', 'message', 'status']);
    expect(error.body.category).toBe('MISSING_SCOPES');
    const detail = (error.body.errors as { context: { requiredGranularScopes: string[] } }[])[0];
    expect(detail?.context.requiredGranularScopes).toContain('crm.objects.contacts.write');
    const companies = await sdkError(readonly.crm.companies.basicApi.getPage(1));
    expect(companies.code).toBe(403);
  });

  it('needs a schema write scope to create properties', async () => {
    const readonly = createHubSpotClient({ accessToken: 'pat-na1-readonly', baseUrl: h.sandbox.baseUrl });
    const body = {
      name: 'x_prop',
      label: 'X',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
    };
    const error = await sdkError(readonly.crm.properties.coreApi.create('contacts', body as never));
    expect(error.code).toBe(403);
    await expect(readonly.crm.properties.coreApi.getByName('contacts', 'email')).resolves.toMatchObject({
      name: 'email',
    });
  });
});

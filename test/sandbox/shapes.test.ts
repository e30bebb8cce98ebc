import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, raw } from './helpers.ts';

/**
 * The examples of hubspot-api.md, verbatim (values shortened where marked "…"), compared with what the sandbox
 * sends: every documented key path must be present with the same JSON type (documented nulls match anything).
 */
const DOCUMENTED = {
  unauthorized: {
    status: 'error',
    message: 'Authentication credentials not found. …',
    correlationId: 'f0ee980f-a446-4189-b004-ff06d08bf4e3',
    category: 'INVALID_AUTHENTICATION',
  },
  missingScopes: {
    status: 'error',
    message: "This app hasn't been granted all required scopes to make this call. …",
    correlationId: 'dc49c0a8-9952-4937-aad4-e322b1e5cee0',
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: ['crm.schemas.deals.read'] },
      },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  },
  unknownProperty: {
    status: 'error',
    message: 'Property values were not valid: […]',
    correlationId: '8a3f6c3a-8296-4002-b0a6-2a06fecf7c0c',
    errors: [
      {
        message: 'Property "testproperty" does not exist',
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: ['testproperty'] },
      },
    ],
    category: 'VALIDATION_ERROR',
  },
  notFound: {
    status: 'error',
    message: 'Object not found.  objectId are usually numeric.',
    correlationId: '…',
    context: { id: ['abc'] },
    category: 'OBJECT_NOT_FOUND',
  },
  object: {
    id: '512',
    properties: {
      createdate: '2019-10-30T03:30:17.883Z',
      hs_object_id: '512',
      lastmodifieddate: '2019-12-07T16:50:06.678Z',
    },
    createdAt: '2019-10-30T03:30:17.883Z',
    updatedAt: '2019-12-07T16:50:06.678Z',
    archived: false,
    associations: { companies: { results: [{ id: '900', type: 'contact_to_company' }] } },
  },
  list: {
    results: [{}],
    paging: {
      next: { after: '33452', link: 'https://api.hubapi.com/crm/v3/objects/contacts?limit=1&after=33452' },
    },
  },
  batch207: {
    status: 'COMPLETE',
    results: [{}],
    numErrors: 1,
    errors: [
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message:
          'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
        context: { ids: ['99999'] },
      },
    ],
    startedAt: '…',
    completedAt: '…',
  },
  search: { total: 38, results: [{}], paging: { next: { after: '200' } } },
  associations: {
    status: 'COMPLETE',
    results: [
      {
        from: { id: '33451' },
        to: [
          {
            toObjectId: 5790939450,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }],
          },
        ],
      },
    ],
    startedAt: '2024-10-21T20:22:42.152Z',
    completedAt: '2024-10-21T20:22:42.167Z',
  },
  noAssociations: {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    message: 'No company is associated with contact 1.',
    context: { fromObjectId: ['1'], fromObjectType: ['contact'], toObjectType: ['company'] },
  },
  property: {
    name: 'my_contact_property',
    label: 'My Contact Property',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'contactinformation',
    description: '',
    displayOrder: 2,
    hasUniqueValue: false,
    hidden: false,
    formField: true,
    calculated: false,
    externalOptions: false,
    hubspotDefined: false,
    options: [{ label: 'Option A', value: 'A', displayOrder: 1, hidden: false }],
    modificationMetadata: {
      archivable: true,
      readOnlyDefinition: false,
      readOnlyOptions: false,
      readOnlyValue: false,
    },
    createdAt: '…',
    updatedAt: '…',
    archived: false,
  },
  history: {
    value: 'CHAMPION',
    timestamp: '2025-01-09T07:18:04.947Z',
    sourceType: 'INTEGRATION',
    sourceId: '5670736',
  },
  conflict: {
    status: 'error',
    message: 'Contact already exists. Existing ID: 37765128953',
    correlationId: '…',
    category: 'CONFLICT',
  },
  tenSecondly: {
    status: 'error',
    message: 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: 'c93e06a4-…',
    policyName: 'TEN_SECONDLY_ROLLING',
    groupName: 'publicapi:hapikey-api-calls-ten-secondly:6748263',
  },
  secondly: {
    status: 'error',
    message: 'You have reached your secondly limit.',
    errorType: 'RATE_LIMIT',
    correlationId: '…',
    policyName: 'SECONDLY',
    requestId: '…',
  },
};

/** Every key path with its JSON type; arrays contribute their first element under `[]`. */
function paths(value: unknown, prefix = '$', out = new Map<string, string>()): Map<string, string> {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  out.set(prefix, kind);
  if (Array.isArray(value) && value.length > 0) paths(value[0], `${prefix}[]`, out);
  else if (kind === 'object') {
    for (const [k, v] of Object.entries(value as object)) paths(v, `${prefix}.${k}`, out);
  }
  return out;
}

function missingPaths(documented: unknown, actual: unknown): string[] {
  const have = paths(actual);
  const problems: string[] = [];
  for (const [path, kind] of paths(documented)) {
    const got = have.get(path);
    if (got === undefined) problems.push(`${path} missing`);
    else if (kind !== 'null' && got !== kind) problems.push(`${path}: ${got}, documented ${kind}`);
  }
  return problems;
}

let h: Harness;
let limited: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 300 });
  limited = await harness({ contacts: 5, rateLimit: { perTenSeconds: 1 }, searchPerSecond: 1 });
});
afterAll(async () => Promise.all([h.sandbox.close(), limited.sandbox.close()]));

describe('response shapes match the documented examples', () => {
  it('matches every documented body', async () => {
    const s = h.sandbox;
    const withCompany = s.store.contacts.records.find((r) => r.company > 0);
    const withoutCompany = s.store.contacts.records.find((r) => r.company === 0);
    await raw(s, 'POST', '/crm/v3/properties/contacts', {
      name: 'my_contact_property',
      label: 'My Contact Property',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'contactinformation',
      options: [{ label: 'Option A', value: 'A', displayOrder: 1, hidden: false }],
    });
    await raw(s, 'PATCH', `/crm/v3/objects/contacts/${withCompany?.id}`, {
      properties: { hs_buying_role: 'CHAMPION' },
    });
    const historyRead = await raw(
      s,
      'GET',
      `/crm/v3/objects/contacts/${withCompany?.id}?propertiesWithHistory=hs_buying_role`,
    );
    await raw(limited.sandbox, 'GET', '/crm/v3/objects/contacts');
    const scoped = await harness({ tokens: [{ token: 't', scopes: ['crm.objects.companies.read'] }] });
    const actual: Record<keyof typeof DOCUMENTED, unknown> = {
      unauthorized: (await raw(s, 'GET', '/crm/v3/objects/contacts', undefined, 'nope')).json,
      missingScopes: (await raw(scoped.sandbox, 'GET', '/crm/v3/objects/contacts', undefined, 't')).json,
      unknownProperty: (
        await raw(s, 'PATCH', '/crm/v3/objects/contacts/1001', { properties: { testproperty: 'x' } })
      ).json,
      notFound: (await raw(s, 'GET', '/crm/v3/objects/contacts/abc')).json,
      object: (await raw(s, 'GET', `/crm/v3/objects/contacts/${withCompany?.id}?associations=companies`))
        .json,
      list: (await raw(s, 'GET', '/crm/v3/objects/contacts?limit=1')).json,
      batch207: (
        await raw(s, 'POST', '/crm/v3/objects/contacts/batch/read', {
          inputs: [{ id: '1001' }, { id: '99999' }],
        })
      ).json,
      search: (await raw(s, 'POST', '/crm/v3/objects/contacts/search', { limit: 1 })).json,
      associations: (
        await raw(s, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
          inputs: [{ id: String(withCompany?.id) }],
        })
      ).json,
      noAssociations: (
        (
          await raw(s, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
            inputs: [{ id: String(withoutCompany?.id) }],
          })
        ).json.errors as unknown[]
      )[0],
      property: (await raw(s, 'GET', '/crm/v3/properties/contacts/my_contact_property')).json,
      history: ((historyRead.json.propertiesWithHistory as Record<string, unknown[]>).hs_buying_role ??
        [])[0],
      conflict: (
        await raw(s, 'POST', '/crm/v3/objects/contacts', {
          properties: { email: String(s.store.getContact(withCompany?.id ?? 0)?.properties.email) },
        })
      ).json,
      tenSecondly: (await raw(limited.sandbox, 'GET', '/crm/v3/objects/contacts')).json,
      secondly: await (async () => {
        await raw(limited.sandbox, 'POST', '/crm/v3/objects/contacts/search', {});
        return (await raw(limited.sandbox, 'POST', '/crm/v3/objects/contacts/search', {})).json;
      })(),
    };
    await scoped.sandbox.close();
    const problems = Object.entries(DOCUMENTED).flatMap(([name, documented]) =>
      missingPaths(documented, actual[name as keyof typeof DOCUMENTED]).map((p) => `${name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('leaves category out of 429 bodies and sends no extra keys on auth errors', async () => {
    const body = (await raw(limited.sandbox, 'GET', '/crm/v3/objects/contacts')).json;
    expect(body.policyName).toBe('TEN_SECONDLY_ROLLING');
    expect(Object.keys(body).sort()).toEqual(Object.keys(DOCUMENTED.tenSecondly).sort());
    const unauthorized = (await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts', undefined, 'nope')).json;
    expect(Object.keys(unauthorized).sort()).toEqual(Object.keys(DOCUMENTED.unauthorized).sort());
  });
});

describe('date-based twins', () => {
  it('serves /crm/objects/2026-03 and /crm/properties/2026-09 like v3', async () => {
    const dated = await raw(h.sandbox, 'GET', '/crm/objects/2026-03/contacts?limit=2');
    const v3 = await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts?limit=2');
    expect(dated.json.results).toEqual(v3.json.results);
    const property = await raw(h.sandbox, 'GET', '/crm/properties/2026-09/contacts/hs_buying_role');
    expect(property.json.name).toBe('hs_buying_role');
    const assoc = await raw(h.sandbox, 'POST', '/crm/associations/2026-03/contacts/companies/batch/read', {
      inputs: [{ id: '1001' }],
    });
    expect([200, 207]).toContain(assoc.status);
  });
});

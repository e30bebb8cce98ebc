import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, keys, raw, sdkError } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 250 });
});
afterAll(async () => h.sandbox.close());

describe('contacts and companies (v3 objects)', () => {
  it('lists with limit and after, and leaves out paging on the last page', async () => {
    const first = await h.client.crm.contacts.basicApi.getPage(100);
    expect(first.results).toHaveLength(100);
    expect(first.paging?.next?.after).toBe(String(Number(first.results[99]?.id) + 1));
    const all = await h.client.crm.contacts.getAll(100);
    expect(all).toHaveLength(250);
    expect(new Set(all.map((c) => c.id)).size).toBe(250);
    const last = await raw(h.sandbox, 'GET', `/crm/v3/objects/contacts?limit=100&after=${all[200]?.id}`);
    expect((last.json.results as unknown[]).length).toBe(50);
    expect(last.json.paging).toBeUndefined();
  });

  it('rejects a limit over 100 with a VALIDATION_ERROR', async () => {
    const response = await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts?limit=101');
    expect(response.status).toBe(400);
    expect(response.json.category).toBe('VALIDATION_ERROR');
  });

  it('returns the documented object shape with string values and ISO dates', async () => {
    const page = await raw(
      h.sandbox,
      'GET',
      '/crm/v3/objects/contacts?limit=1&properties=jobtitle,hs_seniority',
    );
    const object = (page.json.results as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(keys(object)).toEqual(['archived', 'createdAt', 'id', 'properties', 'updatedAt']);
    expect(object.archived).toBe(false);
    expect(object.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const props = object.properties as Record<string, unknown>;
    expect(keys(props)).toEqual([
      'createdate',
      'hs_object_id',
      'hs_seniority',
      'jobtitle',
      'lastmodifieddate',
    ]);
    expect(props.hs_object_id).toBe(object.id);
    for (const value of Object.values(props)) expect(value === null || typeof value === 'string').toBe(true);
  });

  it('accepts properties as repeated keys and as a comma list', async () => {
    const a = await raw(
      h.sandbox,
      'GET',
      '/crm/v3/objects/companies/2000000001?properties=name&properties=industry',
    );
    const b = await raw(h.sandbox, 'GET', '/crm/v3/objects/companies/2000000001?properties=name,industry');
    expect(a.json.properties).toEqual(b.json.properties);
    expect(keys(a.json.properties)).toEqual([
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'industry',
      'name',
    ]);
  });

  it('gets by id with associations, once per label', async () => {
    const list = await h.client.crm.contacts.basicApi.getPage(50, undefined, undefined, undefined, [
      'companies',
    ]);
    const withCompany = list.results.find((c) => c.associations?.companies);
    const results = withCompany?.associations?.companies?.results ?? [];
    expect(results.map((r) => r.type).sort()).toEqual(['contact_to_company', 'contact_to_company_unlabeled']);
    const company = await h.client.crm.companies.basicApi.getById(results[0]?.id ?? '', ['name'], undefined, [
      'contacts',
    ]);
    expect(company.associations?.contacts?.results.map((r) => r.id)).toContain(withCompany?.id);
  });

  it('answers 404 OBJECT_NOT_FOUND as JSON for unknown and non-numeric ids', async () => {
    for (const id of ['abc', '999999999']) {
      const error = await sdkError(h.client.crm.contacts.basicApi.getById(id));
      expect(error.code).toBe(404);
      expect(error.body).toMatchObject({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Object not found.  objectId are usually numeric.',
        context: { id: [id] },
      });
      expect(error.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('creates with 201, finds by email via idProperty, and refuses a duplicate email with 409', async () => {
    const created = await h.client.crm.contacts.basicApi.create({
      properties: { email: 'ada@example.org', firstname: 'Ada', jobtitle: 'CTO' },
      associations: [],
    });
    expect(created.properties.jobtitle).toBe('CTO');
    const byEmail = await h.client.crm.contacts.basicApi.getById(
      'ada@example.org',
      ['jobtitle'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(byEmail.id).toBe(created.id);
    const dup = await sdkError(
      h.client.crm.contacts.basicApi.create({ properties: { email: 'ADA@example.org' }, associations: [] }),
    );
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({
      category: 'CONFLICT',
      message: `Contact already exists. Existing ID: ${created.id}`,
    });
  });

  it('updates, archives with 204, and shows archived records only with archived=true', async () => {
    const created = await h.client.crm.companies.basicApi.create({
      properties: { name: 'Tmp GmbH' },
      associations: [],
    });
    const updated = await h.client.crm.companies.basicApi.update(created.id, {
      properties: { numberofemployees: '12' },
    });
    expect(updated.properties.numberofemployees).toBe('12');
    const archived = await raw(h.sandbox, 'DELETE', `/crm/v3/objects/companies/${created.id}`);
    expect(archived.status).toBe(204);
    expect(archived.text).toBe('');
    expect((await sdkError(h.client.crm.companies.basicApi.getById(created.id))).code).toBe(404);
    const back = await h.client.crm.companies.basicApi.getById(
      created.id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(back.archived).toBe(true);
    const page = await h.client.crm.companies.basicApi.getPage(
      100,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(page.results.map((c) => c.id)).toEqual([created.id]);
  });
});

describe('batch endpoints', () => {
  it('reads with 207 and OBJECT_NOT_FOUND for missing ids', async () => {
    const response = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: [{ id: '1001' }, { id: '99999' }],
      properties: ['jobtitle'],
      propertiesWithHistory: [],
    });
    expect(response.status).toBe(207);
    expect(keys(response.json)).toEqual([
      'completedAt',
      'errors',
      'numErrors',
      'results',
      'startedAt',
      'status',
    ]);
    expect(response.json.errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message:
          'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
        context: { ids: ['99999'] },
      },
    ]);
    const ok = await h.client.crm.contacts.batchApi.read({
      inputs: [{ id: '1001' }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(ok.status).toBe('COMPLETE');
    expect(ok.completedAt).toBeInstanceOf(Date);
  });

  it('refuses more than 100 inputs with 400 VALIDATION_ERROR', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(1001 + i) }));
    for (const op of ['read', 'update', 'create', 'upsert', 'archive']) {
      const response = await raw(h.sandbox, 'POST', `/crm/v3/objects/contacts/batch/${op}`, { inputs });
      expect(response.status).toBe(400);
      expect(response.json.category).toBe('VALIDATION_ERROR');
    }
  });

  it('updates with 200, or 207 when some ids do not exist', async () => {
    const ok = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [{ id: '1002', properties: { hs_persona: 'persona_2' } }],
    });
    expect(ok.status).toBe(200);
    const partial = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: '1003', properties: { hs_persona: 'persona_3' } },
        { id: '77', properties: { hs_persona: 'persona_3' } },
      ],
    });
    expect(partial.status).toBe(207);
    expect(partial.json.numErrors).toBe(1);
    expect(h.sandbox.store.getContact('1003')?.properties.hs_persona).toBe('persona_3');
  });

  it('creates with 201, and with objectWriteTraceId reports bad inputs in a 207', async () => {
    const created = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'b1@example.org' } }],
    });
    expect(created.status).toBe(201);
    const traced = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [
        { properties: { email: 'b2@example.org' }, objectWriteTraceId: 't1' },
        { properties: { hs_persona: 'persona_9' }, objectWriteTraceId: 't2' },
      ],
    });
    expect(traced.status).toBe(207);
    const error = (traced.json.errors as Record<string, unknown>[])[0];
    expect(error?.context).toEqual({ objectWriteTraceId: ['t2'] });
    expect(error?.category).toBe('VALIDATION_ERROR');
    const untraced = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'b3@example.org' } }, { properties: { nope: 'x' } }],
    });
    expect(untraced.status).toBe(400);
    expect(h.sandbox.store.contacts.findBy('email', 'b3@example.org')).toBeUndefined();
  });

  it('upserts by email with new: true/false', async () => {
    const result = await h.client.crm.contacts.batchApi.upsert({
      inputs: [
        { id: 'ada@example.org', idProperty: 'email', properties: { jobtitle: 'Chief Technology Officer' } },
        { id: 'new.person@example.org', idProperty: 'email', properties: { jobtitle: 'Buyer' } },
      ],
    });
    const flags = Object.fromEntries(result.results.map((r) => [r.properties.jobtitle, r._new]));
    expect(flags).toEqual({ 'Chief Technology Officer': false, Buyer: true });
  });

  it('archives with 204', async () => {
    const response = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/archive', {
      inputs: [{ id: '1200' }],
    });
    expect(response.status).toBe(204);
    expect(h.sandbox.store.getContact('1200')?.archived).toBe(true);
  });
});

describe('batch writes are all-or-nothing on 400', () => {
  it('leaves every record alone when one upsert input is invalid', async () => {
    const before = h.sandbox.store.getContact('1010')?.properties.jobtitle;
    const response = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { id: '1010', idProperty: 'hs_object_id', properties: { jobtitle: 'Changed' } },
        { id: 'x@example.org', idProperty: 'email', properties: { hs_persona: 'nope' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(h.sandbox.store.getContact('1010')?.properties.jobtitle).toBe(before);
    expect(h.sandbox.store.contacts.findBy('email', 'x@example.org')).toBeUndefined();
  });

  it('creates nothing when an association target does not exist', async () => {
    const count = h.sandbox.store.count('contacts');
    const response = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [
        { properties: { email: 'ok@example.org' } },
        {
          properties: { email: 'bad-assoc@example.org' },
          associations: [
            { to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] },
          ],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(h.sandbox.store.count('contacts')).toBe(count);
  });
});

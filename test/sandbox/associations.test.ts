import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, keys, raw } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 1200 });
});
afterAll(async () => h.sandbox.close());

const contactIds = () => h.sandbox.store.contacts.records.map((r) => String(r.id));

describe('associations v4', () => {
  it('batch-reads contact→company with primary (1) and unlabeled (279) types and a numeric toObjectId', async () => {
    const withCompany = h.sandbox.store.contacts.records.find((r) => r.company > 0);
    const response = await raw(h.sandbox, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
      inputs: [{ id: String(withCompany?.id) }],
    });
    expect(response.status).toBe(200);
    expect(keys(response.json)).toEqual(['completedAt', 'results', 'startedAt', 'status']);
    const result = (response.json.results as Record<string, unknown>[])[0];
    expect(result).toEqual({
      from: { id: String(withCompany?.id) },
      to: [
        {
          toObjectId: withCompany?.company,
          associationTypes: [
            { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
            { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
          ],
        },
      ],
    });
  });

  it('takes 1,000 inputs, reports contacts without a company as NO_ASSOCIATIONS_FOUND in a 207', async () => {
    const ids = contactIds().slice(0, 1000);
    const result = await h.client.crm.associations.v4.batchApi.getPage('contacts', 'companies', {
      inputs: ids.map((id) => ({ id })),
    });
    const without = h.sandbox.store.contacts.records.slice(0, 1000).filter((r) => r.company === 0);
    expect(without.length).toBeGreaterThan(0);
    expect(result.results.length).toBe(1000 - without.length);
    const errors = (
      result as unknown as { errors: { subCategory: string; context: { fromObjectId: string[] } }[] }
    ).errors;
    expect(errors.map((e) => e.context.fromObjectId[0])).toEqual(without.map((r) => String(r.id)));
    expect(errors[0]?.subCategory).toBe('crm.associations.NO_ASSOCIATIONS_FOUND');
    const tooMany = await raw(h.sandbox, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
      inputs: contactIds()
        .slice(0, 1001)
        .map((id) => ({ id })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('lists, adds (default and labeled) and removes associations of one record', async () => {
    const contact = h.sandbox.store.contacts.records.find((r) => r.company === 0);
    const id = String(contact?.id);
    const empty = await raw(h.sandbox, 'GET', `/crm/v4/objects/contacts/${id}/associations/companies`);
    expect(empty.json).toEqual({ results: [] });
    const put = await raw(
      h.sandbox,
      'PUT',
      `/crm/v4/objects/contacts/${id}/associations/default/companies/2000000002`,
    );
    expect(put.status).toBe(200);
    const labeled = await raw(
      h.sandbox,
      'PUT',
      `/crm/v4/objects/contacts/${id}/associations/companies/2000000003`,
      [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }],
    );
    expect(labeled.status).toBe(201);
    const listed = await h.client.crm.associations.v4.basicApi.getPage('contacts', id, 'companies');
    expect(
      listed.results.map((r) => [String(r.toObjectId), r.associationTypes.map((t) => t.typeId)]),
    ).toEqual([
      ['2000000002', [1, 279]],
      ['2000000003', [279]],
    ]);
    const company = await raw(h.sandbox, 'GET', '/crm/v4/objects/companies/2000000003/associations/contacts');
    expect((company.json.results as { toObjectId: number }[]).map((r) => r.toObjectId)).toContain(
      contact?.id,
    );
    const removed = await raw(
      h.sandbox,
      'DELETE',
      `/crm/v4/objects/contacts/${id}/associations/companies/2000000002`,
    );
    expect(removed.status).toBe(204);
    expect(h.sandbox.store.getContact(id)?.companyIds).toEqual(['2000000003']);
  });

  it('creates a contact with a primary company association', async () => {
    const created = await h.client.crm.contacts.basicApi.create({
      properties: { email: 'assoc@example.org' },
      associations: [
        {
          to: { id: '2000000005' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 1 }],
        },
      ],
    });
    expect(h.sandbox.store.getContact(created.id)?.companyIds).toEqual(['2000000005']);
  });
});

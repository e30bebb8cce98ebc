import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { companyFacts, contactFacts, primaryCompany } from '../../src/hubspot/record-input.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

describe('a HubSpot record as classify() input', () => {
  it('trims values, turns blanks into null and reads counts people and exports write', () => {
    expect(contactFacts({ jobtitle: '  VP Sales ', hs_seniority: '', lifecyclestage: ' customer ' })).toEqual(
      {
        jobTitle: 'VP Sales',
        seniorityHint: null,
        lifecycleStage: 'customer',
      },
    );
    expect(contactFacts({})).toEqual({ jobTitle: null, seniorityHint: null, lifecycleStage: null });
    expect(
      companyFacts({ name: 'Acme', numberofemployees: '1,200', industry: ' ', annualrevenue: '€5.000.000' }),
    ).toEqual({ name: 'Acme', employees: 1200, industry: null, annualRevenue: 5_000_000 });
    expect(companyFacts({ numberofemployees: 'many', annualrevenue: null })).toMatchObject({
      employees: null,
      annualRevenue: null,
    });
  });
});

describe("a contact's company: one rule", () => {
  const unlabeled = (id: number) => ({ id, associationTypes: [{ typeId: 279 }] });
  const primary = (id: number) => ({ id, associationTypes: [{ typeId: 279 }, { typeId: 1 }] });

  it('is the primary company wherever it is listed, else the first associated one', () => {
    expect(primaryCompany([unlabeled(7), primary(8)])?.id).toBe(8);
    expect(primaryCompany([unlabeled(7), unlabeled(9)])?.id).toBe(7);
    expect(primaryCompany([])).toBeUndefined();
  });

  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
  });

  it('is the same through the gateway (what tag, serve and the app functions use) as on the card', async () => {
    sandbox = await startSandbox({ contacts: 20, companies: 5, seed: 3, rateLimit: false });
    const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
    const [a, b] = sandbox.store.contacts.records;
    if (!a || !b) throw new Error('seed has contacts');
    const [first, second] = sandbox.store.companies.records.map((company) => company.id);
    if (!first || !second) throw new Error('seed has companies');
    for (const contact of [a, b])
      for (const id of sandbox.store.getContact(contact.id)?.companyIds ?? [])
        sandbox.store.dissociate(contact, Number(id));
    expect(sandbox.store.getContact(a.id)?.companyIds).toEqual([]);
    sandbox.store.associate(a, first, false); // linked, but no primary label
    sandbox.store.associate(b, first, false);
    sandbox.store.associate(b, second, true);

    const read = await gateway.readPrimaryCompanyIds([String(a.id), String(b.id)]);
    expect(read.ok && Object.fromEntries(read.value)).toEqual({
      [String(a.id)]: String(first),
      [String(b.id)]: String(second),
    });
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/functions/buying-group.ts';
import { type Portal, startPortal } from './sandbox-portal.ts';

let portal: Portal;
const env = { ...process.env };

beforeAll(async () => {
  portal = await startPortal();
}, 60_000);
afterAll(async () => {
  await portal?.close();
});
beforeEach(() => {
  process.env.PRIVATE_APP_ACCESS_TOKEN = portal.sandbox.token;
  process.env.ROLECALL_HUBSPOT_BASE_URL = portal.sandbox.baseUrl;
});
afterEach(() => {
  for (const name of ['PRIVATE_APP_ACCESS_TOKEN', 'ROLECALL_HUBSPOT_BASE_URL'] as const) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
});

describe('buying_group against the sandbox', () => {
  it("covers the whole group: saved roles as saved (a person's blocker too), the rest classified", async () => {
    const companyId = await portal.createCompany({ name: 'Globex', numberofemployees: '400' });
    await portal.createContact({ jobtitle: 'Chief Financial Officer' }, companyId);
    await portal.createContact({ jobtitle: 'VP Sales' }, companyId);
    await portal.createContact({ jobtitle: 'IT Manager' }, companyId);
    const manager = await portal.createContact({ jobtitle: 'Sales Manager' }, companyId);
    portal.sandbox.setByPerson('contacts', manager, {
      rolecall_buying_role: 'blocker',
      rolecall_source: 'manual',
    });
    await portal.createContact({ jobtitle: 'Sales Manager' }); // another company's contact: not counted

    const result = await main({ parameters: { companyId: Number(companyId) } });
    expect(result).toMatchObject({ ok: true, members: 4, partial: false });
    if (!result.ok) return;
    expect(result.coverage.missing).toEqual(['champion']);
    expect(result.coverage.score).toBe(0.75);
    expect(result.coverage.counts.blocker).toBe(1);
  });

  it('follows association paging past 500 contacts', async () => {
    const companyId = await portal.createCompany({ name: 'Initech', numberofemployees: '5000' });
    for (let batch = 0; batch < 6; batch += 1) {
      const sent = await portal.gateway.transport.send({
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/create',
        body: {
          inputs: Array.from({ length: 100 }, (_, i) => ({
            properties: { jobtitle: batch === 0 && i === 0 ? 'CFO' : 'Account Executive' },
            associations: [
              {
                to: { id: companyId },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
              },
            ],
          })),
        },
        what: 'creating contacts',
      });
      expect(sent.ok).toBe(true);
    }
    const result = await main({ parameters: { companyId } });
    expect(result).toMatchObject({ ok: true, members: 600, partial: false });
    if (result.ok) expect(result.coverage.counts.economic_buyer).toBe(1);
  }, 30_000);

  it('answers bad input with a sentence that names the fix', async () => {
    const malformed = await main({ parameters: { companyId: 'acme' } });
    expect(!malformed.ok && malformed.errors[0]).toMatch(/malformed.*reload the card/);
    const missing = await main({ parameters: { companyId: 123456789 } });
    expect(!missing.ok && missing.errors[0]).toMatch(/Company 123456789 was not found/);
  });
});

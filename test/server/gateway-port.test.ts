import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { gatewayPort } from '../../src/server/gateway-port.ts';

describe("the server's CRM port over the gateway", () => {
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
  });

  it('lists every contact of a large company across association pages', async () => {
    sandbox = await startSandbox({ contacts: 1200, companies: 1, seed: 5, rateLimit: false });
    const port = gatewayPort(createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }));
    const companyId = sandbox.store.getContact(1001)?.companyIds[0];
    const expected = sandbox.store.contactsOfCompany(Number(companyId)).map(String);
    expect(expected.length).toBeGreaterThan(500); // more than one page of 500
    const listed = await port.contactIdsOfCompany?.(String(companyId));
    expect(listed?.ok && [...listed.value].sort()).toEqual([...expected].sort());

    const companies = await port.readPrimaryCompanies(
      ['1001', '1002', '999999'],
      ['name', 'numberofemployees'],
    );
    expect(companies.ok && companies.value.get('1001')?.id).toBe(String(companyId));
    expect(companies.ok && companies.value.has('999999')).toBe(false);
  });
});

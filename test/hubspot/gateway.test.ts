import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const updatesSent = (s: Sandbox) =>
  s.requestLog.filter((e) => e.path.startsWith('/crm/v3/objects/contacts/batch/update'));

describe('gateway batch updates', () => {
  it('splits a 207: the good ids land, the missing one is reported, nothing is sent twice', async () => {
    sandbox = await startSandbox({ seed: 2, contacts: 30, rateLimit: false });
    const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
    const ids = sandbox.store.contacts.records.slice(0, 5).map((r) => String(r.id));
    const result = await gateway.updateContacts(
      [...ids, '999999999'].map((id) => ({ id, properties: { jobtitle: `Title ${id}` } })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.succeeded.sort()).toEqual([...ids].sort());
    expect(result.value.failed.map((f) => f.id)).toEqual(['999999999']);
    expect(updatesSent(sandbox)).toHaveLength(1);
    expect(sandbox.store.getContact(ids[0]!)?.properties.jobtitle).toBe(`Title ${ids[0]}`);
  });

  it('isolates one invalid value by halving the batch, so the other 99 are written', async () => {
    sandbox = await startSandbox({ seed: 2, contacts: 120, rateLimit: false });
    const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
    const ids = sandbox.store.contacts.records.slice(0, 100).map((r) => String(r.id));
    const bad = ids[37]!;
    const result = await gateway.updateContacts(
      ids.map((id) => ({ id, properties: { hs_buying_role: id === bad ? 'NOT_A_ROLE' : 'CHAMPION' } })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.failed).toHaveLength(1);
    expect(result.value.failed[0]?.id).toBe(bad);
    expect(result.value.failed[0]?.message).toContain('hs_buying_role');
    expect(result.value.succeeded).toHaveLength(99);
    // log2(100) rounds of halving at most, not 100 single calls.
    expect(updatesSent(sandbox).length).toBeLessThanOrEqual(1 + 2 * 7);
  });

  it('reads primary companies through v4 associations', async () => {
    sandbox = await startSandbox({ seed: 2, contacts: 50, rateLimit: false });
    const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
    const contacts = sandbox.store.contacts.records.map((r) => String(r.id));
    const links = await gateway.readPrimaryCompanyIds(contacts);
    expect(links.ok).toBe(true);
    if (!links.ok) return;
    for (const id of contacts) {
      const expected = sandbox.store.getContact(id)?.companyIds[0];
      if (expected) expect(links.value.has(id)).toBe(true);
    }
    expect(links.value.size).toBeGreaterThan(30);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_APP_ID } from '../../src/sandbox/index.ts';
import type { RolecallServer } from '../../src/server/app.ts';
import { freePort, type Sandbox, SECRET, startPortal, startRolecall, until } from './harness.ts';

const writes = (sandbox: Sandbox, id: number) =>
  sandbox.store
    .history('contacts', id, 'rolecall_classified_at')
    .filter((e) => e.sourceType === 'INTEGRATION').length;

describe('webhooks delivered and signed by the sandbox (an independent v3 signer)', () => {
  let sandbox: Sandbox | undefined;
  let server: RolecallServer | undefined;
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('tags contacts a person creates or retitles, and does not loop on its own writes', async () => {
    sandbox = await startPortal({ contacts: 30 });
    const port = await freePort();
    ({ server } = await startRolecall(sandbox, { listenPort: port, appId: String(SANDBOX_APP_ID) }));
    sandbox.webhooks.configure({
      targetUrl: `http://127.0.0.1:${port}/hubspot/webhooks`,
      clientSecret: SECRET,
      subscriptions: [
        { subscriptionType: 'object.creation', objectType: 'contact' },
        { subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'jobtitle' },
        // rolecall never subscribes to its own properties; if it did, its writes must not start a loop.
        {
          subscriptionType: 'object.propertyChange',
          objectType: 'contact',
          propertyName: 'rolecall_persona',
        },
      ],
    });
    const s = sandbox;
    const ids = [1001, 1002, 1003, 1004, 1005];
    for (const id of ids) s.setByPerson('contacts', String(id), { jobtitle: 'Head of Data Engineering' });
    const created = await fetch(`${s.baseUrl}/crm/v3/objects/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { email: 'new@example.com', jobtitle: 'Chief Revenue Officer' } }),
    });
    const newId = Number(((await created.json()) as { id: string }).id);

    await until(() => [...ids, newId].every((id) => writes(s, id) === 1), 15_000, 'tagged from deliveries');
    await until(() => (server?.counters.webhookIgnored ?? 0) >= ids.length, 5_000, 'own writes seen');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([...ids, newId].map((id) => writes(s, id))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(s.store.getContact(newId)?.properties.rolecall_seniority).toBe('c_level');
    expect(server?.counters.signatureRejected).toBe(0);
    expect(s.webhooks.deliveries.every((d) => d.status === 200)).toBe(true);
  });
});

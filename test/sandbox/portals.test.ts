import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A webhook receiver that keeps every event it is sent. */
async function receiver(): Promise<{ url: string; events: Record<string, unknown>[] }> {
  const events: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      events.push(...(JSON.parse(body) as Record<string, unknown>[]));
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubspot/webhooks`, events };
}

async function start(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sandbox = await startSandbox({ rateLimit: false, ...options });
  cleanup.push(() => sandbox.close());
  return sandbox;
}

describe('rolecall sandbox --portals N', () => {
  it('makes every portal a full portal: its own contacts, deals and closed-deal history, from its own seed', async () => {
    const sandbox = await start({
      portals: 3,
      seed: 5,
      contacts: 120,
      deals: 9,
      dealHistory: { deals: 40, now: '2026-06-01T00:00:00.000Z' },
    });
    const stores = sandbox.portals.map((p) => p.store);
    for (const store of stores) {
      expect(store.count('contacts')).toBeGreaterThanOrEqual(120);
      expect(store.count('deals')).toBe(9 + 40);
    }
    // Each portal is seeded from its own seed: the same ids hold different people.
    const titles = stores.map((s) => s.getContact('1001')?.properties.email);
    expect(new Set(titles).size).toBe(3);
    // The deal count follows --deals (and the history), not a fixed number.
    const fewer = await start({ portals: 2, seed: 5, contacts: 120, deals: 3 });
    expect(fewer.portals.map((p) => p.store.count('deals'))).toEqual([3, 3]);
  });

  it('delivers each portal’s webhook events with its own portal id, and never another portal’s', async () => {
    const hooks = await receiver();
    const sandbox = await start({
      portals: 3,
      contacts: 20,
      webhooks: { targetUrl: hooks.url, clientSecret: 'secret', batchWindowMs: 5 },
    });
    const [, second, third] = sandbox.portals;
    second!.store.setProperties(
      'contacts',
      '1002',
      { jobtitle: 'Chief Financial Officer' },
      {
        sourceType: 'CRM_UI',
        sourceId: 'userId:1',
      },
    );
    await second!.webhooks.flush();
    await third!.webhooks.flush();
    await sandbox.webhooks.flush();
    const changes = hooks.events.filter((e) => e.propertyName === 'jobtitle');
    expect(changes.map((e) => [e.portalId, String(e.objectId)])).toEqual([[second!.portalId, '1002']]);
    expect(second!.webhooks.deliveries.length).toBeGreaterThan(0);
    expect(third!.webhooks.deliveries).toEqual([]);
    expect(sandbox.webhooks.deliveries).toEqual([]);
  });
});

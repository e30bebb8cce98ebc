import { afterAll, describe, expect, it } from 'vitest';
import type { RolecallServer } from '../../src/server/app.ts';
import {
  creationEvent,
  type Sandbox,
  signedPost,
  startPortal,
  startRolecall,
  titleChangeEvent,
  until,
} from './harness.ts';

const CONTACTS = 200;
const ids = Array.from({ length: CONTACTS }, (_, i) => 1001 + i);
const writes = (sandbox: Sandbox, id: number) =>
  sandbox.store
    .history('contacts', id, 'rolecall_classified_at')
    .filter((e) => e.sourceType === 'INTEGRATION').length;

describe('a burst of 1,000 webhook events under a tight rate limit', () => {
  let sandbox: Sandbox | undefined;
  let server: RolecallServer | undefined;
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('acknowledges every delivery fast and tags each contact exactly once within the limit', {
    timeout: 90_000,
  }, async () => {
    sandbox = await startPortal({ contacts: CONTACTS, perTenSeconds: 8, deals: 0 }); // the contact path; deal jobs: serve-deal-webhooks;
    const started = await startRolecall(sandbox);
    server = started.server;
    const created = ids.map((id) => creationEvent(id));
    const events = [
      ...created,
      ...ids.map((id) => titleChangeEvent(id, 'unchanged title')),
      ...created.slice(0, 300).map((e) => ({ ...e, attemptNumber: 1 })), // HubSpot redelivers
      ...ids.slice(0, 300).map((id) => ({ ...titleChangeEvent(id, 'x'), propertyName: 'rolecall_persona' })),
    ];
    while (events.length < 1000)
      events.push({ ...titleChangeEvent(ids[0] as number, 'x'), propertyName: 'email' });
    expect(events).toHaveLength(1000);

    const before = sandbox.requestCount();
    const t0 = Date.now();
    const deliveries = Array.from({ length: 10 }, (_, i) => events.slice(i * 100, i * 100 + 100));
    const acks: number[] = [];
    await Promise.all(
      deliveries.map(async (delivery) => {
        const start = Date.now();
        const reply = await signedPost(started.url, '/hubspot/webhooks', delivery);
        expect(reply.status).toBe(200);
        acks.push(Date.now() - start);
      }),
    );
    expect(Math.max(...acks)).toBeLessThan(5_000); // HubSpot's deadline; measured in milliseconds in practice
    expect(server.counters.webhookEvents).toBe(1000);
    expect(server.counters.webhookDuplicates).toBe(CONTACTS);

    const s = sandbox;
    await until(() => ids.every((id) => writes(s, id) >= 1), 60_000, 'every contact tagged');
    await until(
      async () => {
        const c = await server?.queue.counts();
        return c?.pending === 0 && c.inFlight === 0;
      },
      30_000,
      'queue drained',
    );
    const drainedMs = Date.now() - t0;
    expect(ids.filter((id) => writes(s, id) !== 1)).toEqual([]);
    const log = s.requestLog.slice(before);
    const throttled = log.filter((e) => e.status === 429).length;
    const metrics = (await (await fetch(`${started.url}/metrics`)).json()) as { rateLimitWaits: number };
    const waits = metrics.rateLimitWaits;
    expect(waits).toBeGreaterThan(0); // the client-side limiter held back rather than hitting 429s
    expect((await server.queue.counts()).failed).toBe(0);
    console.info(
      `burst: 1000 events, ${CONTACTS} contacts, ${log.length} HubSpot calls, ${throttled} × 429, ` +
        `max ack ${Math.max(...acks)} ms, drained in ${drainedMs} ms at 8 calls / 10 s`,
    );
  });
});

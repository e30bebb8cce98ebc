import { afterEach, describe, expect, it } from 'vitest';
import type { RolecallServer } from '../../src/server/app.ts';
import {
  creationEvent,
  type Sandbox,
  signedPost,
  startPortal,
  startRolecall,
  tempDb,
  until,
} from './harness.ts';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const writes = (sandbox: Sandbox, id: number) =>
  sandbox.store
    .history('contacts', id, 'rolecall_classified_at')
    .filter((e) => e.sourceType === 'INTEGRATION').length;

describe('rolecall serve survives restarts and HubSpot outages', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  it('finishes every queued event after a restart on the same database file', async () => {
    const sandbox = await startPortal({ contacts: 300, deals: 0 }); // contact jobs only: done counts them;
    open.push(sandbox);
    sandbox.faults.latencyMs = 200; // slow HubSpot, so the first server stops mid-queue
    const dbPath = tempDb();
    const first = await startRolecall(sandbox, { dbPath });
    const ids = range(1001, 300);
    for (let i = 0; i < ids.length; i += 50) {
      await signedPost(
        first.url,
        '/hubspot/webhooks',
        ids.slice(i, i + 50).map((id) => creationEvent(id)),
      );
    }
    await until(() => ids.some((id) => writes(sandbox, id) === 1), 20_000, 'first writes');
    await first.server.close();
    const left = first.server.queue;
    await expect(left.counts()).rejects.toThrow(); // closed with the server
    sandbox.faults.latencyMs = 0;

    const second = await startRolecall(sandbox, { dbPath });
    open.push(second.server);
    const queued = await second.server.queue.counts();
    expect(queued.pending + queued.inFlight).toBeGreaterThan(0);
    await until(() => ids.every((id) => writes(sandbox, id) >= 1), 30_000, 'all tagged after restart');
    await until(async () => (await second.server.queue.counts()).done === 300, 10_000, 'queue drained');
    expect(ids.filter((id) => writes(sandbox, id) !== 1)).toEqual([]);
    expect(await second.server.queue.counts()).toMatchObject({
      pending: 0,
      inFlight: 0,
      failed: 0,
      done: 300,
    });
  });

  it('takes over jobs a crashed server left in flight', async () => {
    const sandbox = await startPortal({ contacts: 5 });
    open.push(sandbox);
    const dbPath = tempDb();
    const crashed = await startRolecall(sandbox, { dbPath, worker: false });
    await signedPost(
      crashed.url,
      '/hubspot/webhooks',
      range(1001, 5).map((id) => creationEvent(id)),
    );
    // Leased by a process that then dies: the lease runs out and the next server takes the jobs over.
    const claim = await crashed.server.queue.claim('crashed-process', {
      contacts: 100,
      companies: 0,
      leaseMs: 300,
    });
    expect(claim?.contacts).toHaveLength(5);
    await crashed.server.close();
    const next = await startRolecall(sandbox, { dbPath });
    open.push(next.server);
    await until(() => range(1001, 5).every((id) => writes(sandbox, id) === 1), 10_000, 'taken over');
  });

  it('retries through a spell of 5xx: every contact tagged exactly once, manual values untouched', async () => {
    const sandbox = await startPortal({ contacts: 120, deals: 0 });
    open.push(sandbox);
    sandbox.setByPerson('contacts', '1001', { hs_buying_role: 'BLOCKER' });
    sandbox.setByPerson('contacts', '1002', { rolecall_source: 'manual', rolecall_persona: 'unknown' });
    const manualBefore = sandbox.store.getContact(1002)?.properties;
    const { server, url } = await startRolecall(sandbox);
    open.push(server);
    sandbox.faults.errorRate = 1;
    const ids = range(1001, 120);
    await signedPost(
      url,
      '/hubspot/webhooks',
      ids.map((id) => creationEvent(id)),
    );
    await until(() => (server as RolecallServer).counters.jobsRetried > 0, 10_000, 'a retry');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fiveHundreds = sandbox.requestLog.filter((e) => e.status >= 500).length;
    sandbox.faults.errorRate = 0;
    await until(async () => (await server.queue.counts()).done === 120, 30_000, 'all done');
    expect(fiveHundreds).toBeGreaterThan(1);
    expect((await server.queue.counts()).failed).toBe(0);
    expect(ids.slice(2).filter((id) => writes(sandbox, id) !== 1)).toEqual([]);
    expect(sandbox.store.getContact(1001)?.properties.hs_buying_role).toBe('BLOCKER');
    expect(writes(sandbox, 1001)).toBe(1);
    expect(writes(sandbox, 1002)).toBe(0);
    expect(sandbox.store.getContact(1002)?.properties).toEqual(manualBefore);
  });
});

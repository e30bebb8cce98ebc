import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { CrmPort } from '../../src/server/crm-port.ts';
import { gatewayPort } from '../../src/server/gateway-port.ts';
import { newCounters } from '../../src/server/metrics.ts';
import { staticPorts } from '../../src/server/portal-ports.ts';
import { openStore, type Store } from '../../src/server/store/index.ts';
import { boundClassify } from '../../src/server/tagger.ts';
import { Worker } from '../../src/server/worker.ts';
import { startPortal } from './harness.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('a worker that lost its lease', () => {
  it('does not send its write: the contacts are written once, by the worker that took the lease over', async () => {
    const sandbox = await startPortal({ seed: 4, contacts: 20 });
    cleanup.push(() => sandbox.close());
    let now = 5_000_000;
    const store: Store = await openStore({ dbPath: ':memory:', clock: () => now });
    cleanup.push(() => store.close());
    await store.portals.ensureStatic(7);
    const ids = sandbox.store.contacts.records.slice(0, 5).map((r) => String(r.id));
    await store.queue.enqueue(7, 'contact', ids);

    const live = gatewayPort(createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }));
    // The first worker stalls after reading (a long GC pause, a starved event loop) until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stalled = () => {};
    const inRead = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const slow: CrmPort = {
      ...live,
      async readContacts(...args) {
        const read = await live.readContacts(...args);
        stalled();
        await released;
        return read;
      },
    };
    const worker = (port: CrmPort) =>
      new Worker({
        store,
        ports: staticPorts(port),
        classifyFor: async () => boundClassify(defaultPlaybook),
        counters: newCounters(),
        now: () => new Date(now),
        leaseMs: 60_000,
      });
    const first = worker(slow);
    const second = worker(live);

    const firstRun = first.runOnce();
    await inRead;
    now += 60_001; // the first worker's lease runs out while it is stalled
    expect(await second.runOnce()).toBe(5);
    release();
    expect(await firstRun).toBe(5);

    const writes = sandbox.requestLog.filter((e) =>
      e.path.startsWith('/crm/v3/objects/contacts/batch/update'),
    );
    expect(writes).toHaveLength(1);
    for (const id of ids) {
      const history = sandbox.store
        .history('contacts', Number(id), 'rolecall_classified_at')
        .filter((e) => e.sourceType === 'INTEGRATION');
      expect(history, `contact ${id}`).toHaveLength(1);
    }
    expect(await store.queue.counts()).toEqual({ pending: 0, inFlight: 0, done: 5, failed: 0 });
  });
});

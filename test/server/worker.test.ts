import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { CrmPort, PortFailure } from '../../src/server/crm-port.ts';
import { newCounters } from '../../src/server/metrics.ts';
import { staticPorts } from '../../src/server/portal-ports.ts';
import { openStore, type Store } from '../../src/server/store/index.ts';
import { boundClassify } from '../../src/server/tagger.ts';
import { backoff, Worker } from '../../src/server/worker.ts';

const failingPort = (error: PortFailure): CrmPort => ({
  readContacts: async () => ({ ok: false, error }),
  readPrimaryCompanies: async () => ({ ok: false, error }),
  updateContacts: async () => ({ ok: false, error }),
});

let store: Store | undefined;
afterEach(async () => store?.close());

async function rig(error: PortFailure) {
  let now = 1_000_000;
  store = await openStore({ dbPath: ':memory:', clock: () => now });
  const counters = newCounters();
  const worker = new Worker({
    store,
    ports: staticPorts(failingPort(error)),
    classifyFor: async () => boundClassify(defaultPlaybook),
    counters,
    now: () => new Date(now),
    maxAttempts: 3,
    backoffMs: 10,
    maxBackoffMs: 100,
  });
  await store.portals.ensureStatic(7);
  await store.queue.enqueue(7, 'contact', ['42']);
  const advance = (ms: number) => {
    now += ms;
  };
  return { queue: store.queue, counters, worker, advance };
}

describe('the webhook worker', () => {
  it('gives up after the last attempt when a failure may heal', async () => {
    const { queue, counters, worker, advance } = await rig({
      message: 'HubSpot answered 502',
      retryable: true,
    });
    for (let i = 0; i < 5; i += 1) {
      await worker.runOnce();
      advance(1_000);
    }
    expect(await queue.counts()).toMatchObject({ pending: 0, failed: 1 });
    expect(counters).toMatchObject({ jobsRetried: 2, jobsFailed: 1 });
  });

  it('fails at once when waiting cannot help', async () => {
    const { queue, worker } = await rig({ message: 'missing scope', retryable: false });
    await worker.runOnce();
    expect(await queue.counts()).toMatchObject({ failed: 1 });
  });

  it("keeps deferring through HubSpot's daily limit without using up attempts", async () => {
    const { queue, worker, advance } = await rig({
      message: 'daily limit',
      retryable: true,
      defer: true,
      retryAfterMs: 3_600_000,
    });
    for (let i = 0; i < 10; i += 1) {
      await worker.runOnce();
      expect(await queue.nextDueInMs()).toBeGreaterThanOrEqual(3_600_000);
      advance(3_600_000);
    }
    expect(await queue.counts()).toMatchObject({ pending: 1, failed: 0 });
  });

  it('backs off exponentially, capped, and never sooner than Retry-After', () => {
    expect(backoff(0, 100, 1_000)).toBeGreaterThanOrEqual(80);
    expect(backoff(10, 100, 1_000)).toBeLessThanOrEqual(1_200);
    expect(backoff(0, 100, 1_000, 5_000)).toBe(5_000);
  });
});

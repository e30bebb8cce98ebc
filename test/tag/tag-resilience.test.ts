import { afterEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/hubspot/gateway.ts';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { type Portal, snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

/** How many times rolecall (the app, not a person) wrote the persona of each contact. */
function appWritesPerContact(current: Portal): number[] {
  return [...snapshotContacts(current.sandbox, []).keys()].map(
    (id) =>
      current.sandbox.store
        .history('contacts', id, ROLECALL_PROPERTIES.persona)
        .filter((entry) => entry.sourceType === 'INTEGRATION').length,
  );
}

describe('tagging survives a hostile API', () => {
  it('rides out a 429 storm, 5xx bursts and connection resets, losing nothing', async () => {
    portal = await startPortal({ contacts: 250 });
    const reference = await startPortal({ contacts: 250 });
    const clean = await tagAll(reference);
    const expected = snapshotContacts(reference.sandbox, [
      ROLECALL_PROPERTIES.persona,
      ROLECALL_PROPERTIES.buyingRole,
    ]);
    await reference.close();

    Object.assign(portal.sandbox.faults, { burst429: 6, errorRate: 0.15, resetRate: 0.05 });
    const summary = await tagAll(portal);
    expect(summary.status).toBe('done');
    expect(summary.failed).toBe(0);
    expect(summary.contactsWritten).toBe(clean.contactsWritten);
    const metrics = portal.gateway.metrics();
    expect(metrics.retries).toBeGreaterThan(metrics.rateLimited); // 5xx and resets were retried too
    expect(metrics.rateLimited).toBeGreaterThanOrEqual(6);
    expect(
      snapshotContacts(portal.sandbox, [ROLECALL_PROPERTIES.persona, ROLECALL_PROPERTIES.buyingRole]),
    ).toEqual(expected);
    // Faults hit before the write, so every retry was needed and none doubled a write.
    expect(Math.max(...appWritesPerContact(portal))).toBe(1);
  });

  it('after a crash mid-write, --resume finishes with every contact written exactly once', async () => {
    portal = await startPortal({ contacts: 400 });
    const live = portal.gateway;
    let updates = 0;
    let died: () => void = () => {};
    const dead = new Promise<void>((resolve) => {
      died = resolve;
    });
    // The process "dies" right after HubSpot accepted its third batch: the answer never comes back.
    const dying: Gateway = {
      ...live,
      updateContacts: async (batch) => {
        updates += 1;
        if (updates < 3) return live.updateContacts(batch);
        if (updates === 3) {
          await live.updateContacts(batch);
          died();
        }
        return new Promise(() => {});
      },
    };
    const runId = 'crashing-run';
    const crashed = tagAll(portal, { runId }, dying);
    // Wait for the death itself, not a fixed time: a loaded machine may take longer to get there.
    await dead;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await Promise.race([crashed.then(() => 'finished'), Promise.resolve('hanging')])).toBe('hanging');
    expect(portal.db.pendingWrites(runId).length).toBeGreaterThan(0);
    const cursor = portal.db.getRun(runId)?.cursor ?? undefined;

    const resumed = await tagAll(portal, { runId, resuming: true, ...(cursor ? { cursor } : {}) });
    expect(resumed.status).toBe('done');
    expect(resumed.reconciled?.applied).toBeGreaterThan(0);
    expect(portal.db.pendingWrites(runId)).toHaveLength(0);
    const writes = appWritesPerContact(portal);
    const tagged = writes.filter((n) => n > 0).length;
    expect(Math.max(...writes)).toBe(1);
    expect(tagged).toBeGreaterThan(350);
    // The audit log knows about every write that landed, including those of the crashed batch.
    const logged = portal.db.db
      .prepare(
        `SELECT COUNT(DISTINCT contact_id) AS n FROM writes WHERE run_id = ? AND status = 'applied' AND property = ?`,
      )
      .get(runId, ROLECALL_PROPERTIES.persona) as { n: number };
    expect(logged.n).toBe(tagged);
  });
});

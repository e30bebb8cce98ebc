import { afterEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/hubspot/gateway.ts';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import type { TagProgress } from '../../src/tag/run-tag.ts';
import { snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('a resumed run: the audit log and the summary tell one story (issue 12.9, 13.7)', () => {
  it('contacts written before the crash are "changed" in the audit log and in the summary', async () => {
    portal = await startPortal({ contacts: 400 });
    const live = portal.gateway;
    let updates = 0;
    // Dies right after HubSpot accepted the third batch, before that chunk's checkpoint.
    const dying: Gateway = {
      ...live,
      updateContacts: async (batch) => {
        updates += 1;
        if (updates < 3) return live.updateContacts(batch);
        if (updates === 3) await live.updateContacts(batch);
        return new Promise(() => {});
      },
    };
    const runId = 'resumed-outcomes';
    void tagAll(portal, { runId }, dying);
    // Wait for the crash itself (a fixed sleep raced it on a loaded machine): both chunks in flight hang.
    while (updates < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    const run = portal.db.getRun(runId);
    const cursor = run?.cursor ?? undefined;
    const already = run?.stats ? (JSON.parse(run.stats) as Partial<TagProgress>) : undefined;

    const resumed = await tagAll(portal, {
      runId,
      resuming: true,
      ...(cursor ? { cursor } : {}),
      ...(already ? { already } : {}),
    });
    expect(resumed.status).toBe('done');
    const tagged = [...snapshotContacts(portal.sandbox, []).keys()].filter((id) =>
      portal?.sandbox.store
        .history('contacts', id, ROLECALL_PROPERTIES.persona)
        .some((entry) => entry.sourceType === 'INTEGRATION'),
    ).length;
    const outcomes = Object.fromEntries(
      (
        portal.db.db
          .prepare('SELECT outcome, COUNT(*) AS n FROM seen WHERE run_id = ? GROUP BY outcome')
          .all(runId) as { outcome: string; n: number }[]
      ).map((row) => [row.outcome, row.n]),
    );
    expect(outcomes.changed).toBe(tagged);
    expect(resumed.contactsChanged).toBe(outcomes.changed);
    expect(resumed.skipped.unchanged).toBe(outcomes.unchanged ?? 0);
    expect(resumed.skipped.manual).toBe(outcomes.manual ?? 0);
    expect(resumed.processed).toBe(400);
  });
});

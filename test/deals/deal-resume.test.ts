import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { DealAudit } from '../../src/tag/deals/deal-audit.ts';
import { runDealPhase } from '../../src/tag/deals/deal-phase.ts';
import { loadDealContext, scanDeals } from '../../src/tag/deals/deal-scan.ts';
import { runUndo } from '../../src/tag/undo.ts';
import { type Portal, startPortal, tagAll } from '../tag/helpers.ts';

let portal: (Portal & { classify: Parameters<typeof runDealPhase>[0]['classify'] }) | undefined;
afterEach(async () => portal?.close());

const NOW = Date.now();
const phase = (p: NonNullable<typeof portal>, runId: string) =>
  runDealPhase({
    gateway: p.gateway,
    db: p.db,
    target: 'test',
    runId,
    playbook: defaultPlaybook,
    classify: p.classify,
    now: NOW,
    dryRun: false,
  });

describe('deal labels after a session killed mid-write', () => {
  it('reads pending label writes back on resume: no duplicate, none missing, the landed ones stay rolecall’s', async () => {
    portal = await startPortal({ contacts: 300, deals: 30 });
    const p = portal;
    const store = p.sandbox.store;
    // The run's contact phase finished; its deal phase was killed mid-write.
    expect((await tagAll(p, { runId: 'run-1' })).status).toBe('done');
    const context = await loadDealContext(p.gateway, defaultPlaybook);
    if (!context.ok) throw new Error(context.error.message);
    // What the killed session had planned: the first labels the run would add.
    const planned: Array<{ dealId: string; contactId: string; typeId: number; role: string }> = [];
    for await (const step of scanDeals({
      gateway: p.gateway,
      playbook: defaultPlaybook,
      classify: p.classify,
      context: context.value,
      now: NOW,
    })) {
      if (!step.ok) throw new Error(step.error.message);
      for (const deal of step.value) {
        for (const c of deal.evaluation.contacts) {
          const typeId = c.role ? context.value.labelIds.get(c.role) : undefined;
          if (typeId !== undefined && planned.length < 6)
            planned.push({ dealId: deal.evaluation.id, contactId: c.id, typeId, role: c.role as string });
        }
      }
    }
    expect(planned).toHaveLength(6);
    // It logged six label writes as pending; the batch with the first four reached HubSpot, then the
    // process died before it could settle anything.
    const audit = new DealAudit(p.db.db, 'test');
    const rows = audit.addPending(
      'run-1',
      planned.map((w) => ({
        kind: 'label_add',
        dealId: w.dealId,
        contactId: w.contactId,
        typeId: w.typeId,
        after: w.role,
      })),
    );
    const sent = await p.gateway.createAssociations(
      'contacts',
      'deals',
      planned.slice(0, 4).map((w) => ({
        fromId: w.contactId,
        toId: w.dealId,
        types: [{ category: 'USER_DEFINED', typeId: w.typeId }],
      })),
    );
    expect(sent.ok).toBe(true);
    expect(audit.ownedLabels(planned.map((w) => w.dealId)).size).toBe(0);

    const resumed = await phase(p, 'run-1');
    expect(resumed.error).toBeUndefined();
    expect(resumed.labelsReadBack).toBe(6);
    const status = p.db.db
      .prepare(`SELECT id, status FROM deal_writes WHERE id IN (${rows.join(',')}) ORDER BY id`)
      .all() as Array<{ id: number; status: string }>;
    expect(status.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'failed',
      'failed',
    ]);
    const owned = audit.ownedLabels(planned.map((w) => w.dealId));
    for (const w of planned) {
      // Every planned label is on HubSpot exactly once, and rolecall owns each (the last two written now).
      const types = store.graph.types('contacts', Number(w.contactId), 'deals', Number(w.dealId)) ?? [];
      expect(types.filter((t) => t === w.typeId)).toHaveLength(1);
      expect(owned.has(`${w.dealId}:${w.contactId}:${w.typeId}`)).toBe(true);
    }
    const again = await phase(p, 'run-2');
    expect([again.labelsWritten, again.labelsReadBack]).toEqual([0, 0]);

    // Undo of the run removes the labels the killed session landed too.
    const undo = await runUndo(p.gateway, p.db, 'run-1', 'undo-1');
    expect(undo.status).toBe('done');
    for (const w of planned) {
      const types = store.graph.types('contacts', Number(w.contactId), 'deals', Number(w.dealId)) ?? [];
      expect(types).not.toContain(w.typeId);
    }
  }, 60_000);
});

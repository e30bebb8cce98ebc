import { afterEach, describe, expect, it } from 'vitest';
import { dealRoleLabels } from '../../src/deals/labels.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { runDealPhase } from '../../src/tag/deals/deal-phase.ts';
import { dealReport } from '../../src/tag/report/report-data.ts';
import { runUndo } from '../../src/tag/undo.ts';
import { type Portal, startPortal, tagAll } from '../tag/helpers.ts';

let portal: (Portal & { classify: Parameters<typeof runDealPhase>[0]['classify'] }) | undefined;
afterEach(async () => portal?.close());

const NOW = Date.now();

function phase(p: NonNullable<typeof portal>, runId: string) {
  return runDealPhase({
    gateway: p.gateway,
    db: p.db,
    target: 'test', // the target tagAll records for its runs
    runId,
    playbook: defaultPlaybook,
    classify: p.classify,
    now: NOW,
    dryRun: false,
    chunkSize: 40,
  });
}

/** USER_DEFINED contact→deal type ids on each open deal's contacts, from the sandbox's own store. */
function labelsOnOpenDeals(p: NonNullable<typeof portal>): Map<string, number[]> {
  const store = p.sandbox.store;
  const out = new Map<string, number[]>();
  for (const deal of store.deals.records) {
    if (deal.props.hs_is_closed === 'true') continue;
    for (const [contactId, types] of store.graph.list('deals', deal.id, 'contacts')) {
      out.set(
        `${deal.id}:${contactId}`,
        types.filter((t) => t !== 3).map((t) => store.labels.inverseOf(t) ?? t),
      );
    }
  }
  return out;
}

describe('rolecall tag: deal labels', () => {
  it('labels every associated contact on every open deal; a rerun writes nothing; undo restores', async () => {
    portal = await startPortal({ contacts: 900, deals: 90 });
    const store = portal.sandbox.store;
    const labelIds = new Set(
      store.labels
        .list('contacts', 'deals')
        .filter((l) => l.category === 'USER_DEFINED')
        .map((l) => l.typeId),
    );
    expect(labelIds.size).toBe(dealRoleLabels(defaultPlaybook).length);
    // A person labelled one contact on an open deal "Champion" before rolecall ever ran.
    const openDeal = store.deals.records.find(
      (d) => d.props.hs_is_closed === 'false' && store.graph.ids('deals', d.id, 'contacts').length >= 2,
    )!;
    const [personContact] = store.graph.ids('deals', openDeal.id, 'contacts');
    const champion = store.labels.list('contacts', 'deals').find((l) => l.label === 'Champion')!;
    store.graph.link('contacts', personContact!, 'deals', openDeal.id, [champion.typeId]);

    const run = await tagAll(portal, { runId: 'deal-run' });
    expect(run.status).toBe('done');
    const first = await phase(portal, 'deal-run');
    expect(first.error).toBeUndefined();
    expect(first.labelsWritten).toBeGreaterThan(50);
    expect(first.dealsEvaluated).toBe(
      store.deals.records.filter((d) => d.props.hs_is_closed === 'false').length,
    );

    const after = labelsOnOpenDeals(portal);
    const unlabeled = [...after.entries()].filter(([, types]) => types.length === 0);
    // Contacts without a role (junk titles, "other") are the only ones left without a label.
    expect(unlabeled.length).toBeLessThan(after.size / 3);
    expect(after.get(`${openDeal.id}:${personContact}`)).toEqual([champion.typeId]);
    const deal = store.view('deals', openDeal.id)!;
    expect(Number(deal.properties.rolecall_deal_completeness)).toBeGreaterThanOrEqual(0);
    expect(deal.properties.rolecall_single_threaded).toMatch(/^(true|false)$/);

    const report = dealReport(portal.db, 'deal-run');
    expect(report?.total).toBe(first.dealsEvaluated);
    expect(report?.topSingleThreaded.length).toBe(Math.min(25, report?.singleThreaded ?? 0));
    for (const row of report?.topWithoutEconomicBuyer ?? []) expect(row.missing).toContain('economic_buyer');
    const amounts = (report?.topWithoutEconomicBuyer ?? []).map((r) => r.amount ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

    const rerun = await phase(portal, 'deal-rerun');
    expect([rerun.labelsWritten, rerun.dealPropertiesWritten, rerun.dealsChanged]).toEqual([0, 0, 0]);

    const undo = await runUndo(portal.gateway, portal.db, 'deal-run', 'undo-run');
    expect(undo.status).toBe('done');
    expect(undo.labelsRestored).toBe(first.labelsWritten);
    const restored = labelsOnOpenDeals(portal);
    for (const [key, types] of restored) {
      expect(types, key).toEqual(key === `${openDeal.id}:${personContact}` ? [champion.typeId] : []);
    }
    expect(store.view('deals', openDeal.id)?.properties.rolecall_deal_completeness).toBeUndefined();
  }, 60_000);
});

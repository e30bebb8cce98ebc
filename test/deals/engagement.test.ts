import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { addEngagement } from '../../src/sandbox/index.ts';
import { loadDealContext, scanDeals } from '../../src/tag/deals/deal-scan.ts';
import { type Portal, startPortal } from '../tag/helpers.ts';

let portal: (Portal & { classify: Parameters<typeof scanDeals>[0]['classify'] }) | undefined;
afterEach(async () => portal?.close());

const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

async function contactOn(p: NonNullable<typeof portal>, dealId: number, contactId: number) {
  const context = await loadDealContext(p.gateway, defaultPlaybook);
  if (!context.ok) throw new Error(context.error.message);
  for await (const step of scanDeals({
    gateway: p.gateway,
    playbook: defaultPlaybook,
    classify: p.classify,
    context: context.value,
    now: NOW,
    dealIds: [String(dealId)],
  })) {
    if (!step.ok) throw new Error(step.error.message);
    return step.value[0]?.evaluation.contacts.find((c) => c.id === String(contactId));
  }
  return undefined;
}

describe('engaged on a deal', () => {
  it('comes from the calls, meetings and emails on that deal with that contact, not from activity elsewhere', async () => {
    portal = await startPortal({ contacts: 200, deals: 10 });
    const store = portal.sandbox.store;
    const [deal, other] = store.deals.records;
    const contactId = store.contacts.records.find(
      (c) => !store.graph.types('contacts', c.id, 'deals', deal!.id),
    )!.id;
    store.graph.link('deals', deal!.id, 'contacts', contactId, [3]);
    // A call last week with this contact, but on another deal: busy elsewhere, not engaged on this one.
    addEngagement(store, { type: 'calls', at: NOW - 7 * DAY, contactIds: [contactId], dealIds: [other!.id] });
    expect(store.contacts.get(contactId)?.props.hs_last_sales_activity_timestamp).toBe(
      new Date(NOW - 7 * DAY).toISOString(),
    );
    const before = await contactOn(portal, deal!.id, contactId);
    expect(before?.lastActivity).toBeNull();
    expect(before?.engaged).toBe(false);

    // A meeting three days ago on this deal with this contact: engaged, dated by the meeting.
    addEngagement(store, {
      type: 'meetings',
      at: NOW - 3 * DAY,
      contactIds: [contactId],
      dealIds: [deal!.id],
    });
    const after = await contactOn(portal, deal!.id, contactId);
    expect(after?.lastActivity).toBe(NOW - 3 * DAY);
    expect(after?.engaged).toBe(true);
  });
});

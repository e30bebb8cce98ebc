import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUBSCRIPTIONS, SANDBOX_APP_ID } from '../../src/sandbox/index.ts';
import type { WebhookSubscription } from '../../src/sandbox/webhooks.ts';
import type { RolecallServer } from '../../src/server/app.ts';
import { DEAL_TRIGGER_PROPERTIES } from '../../src/server/webhook-events.ts';
import { freePort, type Sandbox, SECRET, startPortal, startRolecall, until } from './harness.ts';

/** The subscriptions rolecall's project declares, exactly as HubSpot would read them. */
const declared = (): WebhookSubscription[] =>
  (
    JSON.parse(readFileSync('extensions/app/webhooks/webhooks-hsmeta.json', 'utf8')).config.subscriptions
      .crmObjects as WebhookSubscription[]
  ).filter((s) => s.active !== false);

const userLabels = (s: Sandbox, dealId: number, contactId: number) =>
  (s.store.graph.types('contacts', contactId, 'deals', dealId) ?? []).filter(
    (t) => s.store.labels.category(t) === 'USER_DEFINED',
  );

/** A write as a person in HubSpot's UI makes it (history and webhook events say CRM_UI). */
async function asPerson(s: Sandbox, method: string, path: string, body?: unknown) {
  const response = await fetch(`${s.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${s.token}`,
      'content-type': 'application/json',
      'x-sandbox-source': 'CRM_UI',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBeLessThan(300);
}

const dealSubscriptions = (subs: readonly WebhookSubscription[]) =>
  subs
    .filter((s) => s.objectType === 'deal')
    .map((s) => `${s.subscriptionType}:${s.propertyName ?? ''}`)
    .sort();

describe('deal webhooks delivered and signed by the sandbox', () => {
  it('subscribes to exactly the deal changes the webhook path acts on; the sandbox sends the same by default', () => {
    const subscribed = dealSubscriptions(declared());
    expect(subscribed).toEqual(
      [
        'object.associationChange:',
        'object.creation:',
        ...DEAL_TRIGGER_PROPERTIES.map((p) => `object.propertyChange:${p}`),
      ].sort(),
    );
    expect(dealSubscriptions(DEFAULT_SUBSCRIPTIONS)).toEqual(subscribed);
  });

  let sandbox: Sandbox | undefined;
  let server: RolecallServer | undefined;
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('re-evaluates a deal when a person adds a contact or moves its stage; its own label writes do not loop', async () => {
    sandbox = await startPortal({ contacts: 200 });
    const s = sandbox;
    const port = await freePort();
    ({ server } = await startRolecall(s, { listenPort: port, appId: String(SANDBOX_APP_ID) }));
    const srv = server;
    s.webhooks.configure({
      targetUrl: `http://127.0.0.1:${port}/hubspot/webhooks`,
      clientSecret: SECRET,
      subscriptions: declared(),
      batchWindowMs: 20,
    });
    const deal = s.store.deals.records.find(
      (d) => d.props.hs_is_closed === 'false' && s.store.graph.ids('deals', d.id, 'contacts').length >= 2,
    )!;
    const [labelledByPerson] = s.store.graph.ids('deals', deal.id, 'contacts');
    const champion = s.store.labels.list('contacts', 'deals').find((l) => l.label === 'Champion')!;
    const onDeals = new Set(
      s.store.deals.records.flatMap((d) => s.store.graph.ids('deals', d.id, 'contacts')),
    );
    const newcomer = s.store.contacts.records.find((c) => !onDeals.has(c.id))!.id;
    s.setByPerson('contacts', String(newcomer), { jobtitle: 'Chief Financial Officer' });

    // A person labels one contact "Champion", then adds a CFO to the deal.
    await asPerson(s, 'PUT', `/crm/v4/objects/contacts/${labelledByPerson}/associations/deals/${deal.id}`, [
      { associationCategory: 'USER_DEFINED', associationTypeId: champion.typeId },
    ]);
    await asPerson(s, 'PUT', `/crm/v4/objects/deals/${deal.id}/associations/default/contacts/${newcomer}`);

    await until(() => userLabels(s, deal.id, newcomer).length > 0, 20_000, 'the new contact labelled');
    const everyone = s.store.graph.ids('deals', deal.id, 'contacts');
    await until(async () => (await srv.queue.counts()).pending + (await srv.queue.counts()).inFlight === 0);
    expect(s.store.view('deals', deal.id)?.properties.rolecall_deal_completeness).toMatch(/^\d+$/);
    // The person's label stays the only one on that association.
    expect(userLabels(s, deal.id, labelledByPerson!)).toEqual([champion.typeId]);
    const owned = await srv.store.dealLabels.owned(s.store.portalId, [String(deal.id)]);
    expect(owned.has(`${deal.id}:${newcomer}:${userLabels(s, deal.id, newcomer)[0]}`)).toBe(true);
    expect(owned.has(`${deal.id}:${labelledByPerson}:${champion.typeId}`)).toBe(false);
    expect(everyone.length).toBeGreaterThanOrEqual(3);

    // rolecall's own label writes came back as association events and were ignored: nothing more happens.
    const settled = { ...srv.counters };
    await s.webhooks.flush();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(srv.counters.dealLabelsWritten).toBe(settled.dealLabelsWritten);
    expect(srv.counters.dealsEvaluated).toBe(settled.dealsEvaluated);
    expect(srv.counters.webhookIgnored).toBeGreaterThan(0);
    // Both sides of one association and the label events were one deal job, not one per event: at most one
    // evaluation per person's action (label, add) plus one for the new contact's own classification, which
    // queues its deals when it lands after the deal job ran (timing decides whether they coalesce).
    expect(srv.counters.dealsEvaluated).toBeLessThanOrEqual(3);

    // A stage change by a person re-evaluates the deal once more (and writes nothing new: nothing changed).
    const other = s.store.pipelines
      .find((p) => p.id === deal.props.pipeline)!
      .stages.find((st) => st.metadata.isClosed === 'false' && st.id !== deal.props.dealstage)!;
    await asPerson(s, 'PATCH', `/crm/v3/objects/deals/${deal.id}`, { properties: { dealstage: other.id } });
    await until(() => srv.counters.dealsEvaluated > settled.dealsEvaluated, 10_000, 'stage change evaluated');

    // A person retitles a contact on the deal (no deal event): the contact is re-classified, and because
    // its classification was written its deals are queued and evaluated again; the contact keeps a label.
    const retitled = s.store.graph
      .ids('deals', deal.id, 'contacts')
      .find((id) => id !== labelledByPerson && id !== newcomer)!;
    const evaluated = srv.counters.dealsEvaluated;
    await asPerson(s, 'PATCH', `/crm/v3/objects/contacts/${retitled}`, {
      properties: { jobtitle: 'Chief Executive Officer' },
    });
    await until(
      () => srv.counters.dealsEvaluated > evaluated,
      10_000,
      'retitled contact re-evaluated on its deal',
    );
    expect(userLabels(s, deal.id, retitled).length).toBeGreaterThan(0);
    expect(srv.counters.signatureRejected).toBe(0);
    expect(s.webhooks.deliveries.every((d) => d.status === 200)).toBe(true);
  }, 60_000);
});

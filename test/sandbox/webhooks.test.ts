import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, raw } from './helpers.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  events: Record<string, unknown>[];
}

let received: Received[] = [];
let failNext = 0;
let server: Server;
let targetUrl: string;
let h: Harness;
const secret = 'test-client-secret';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body, events: JSON.parse(body) });
      res.statusCode = failNext > 0 ? 500 : 204;
      failNext = Math.max(0, failNext - 1);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubspot/webhooks`;
  h = await harness({ contacts: 200 });
});
afterAll(async () => {
  await h.sandbox.close();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  h.sandbox.webhooks.configure(undefined);
  received = [];
});

const configure = (extra: Record<string, unknown> = {}) =>
  h.sandbox.webhooks.configure({
    targetUrl,
    clientSecret: secret,
    batchWindowMs: 5,
    retryDelayMs: () => 5,
    ...extra,
  });
const events = () => received.flatMap((r) => r.events);

describe('webhook deliveries', () => {
  it('sends a signed propertyChange for an API write, marked INTEGRATION with the app id', async () => {
    configure();
    await h.client.crm.contacts.basicApi.update('1001', { properties: { jobtitle: 'Head of Procurement' } });
    await h.sandbox.webhooks.flush();
    expect(events()).toEqual([
      expect.objectContaining({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-1',
        objectId: 1001,
        propertyName: 'jobtitle',
        propertyValue: 'Head of Procurement',
        changeSource: 'INTEGRATION',
        sourceId: '5670736',
        attemptNumber: 0,
        portalId: 24681357,
        appId: 5670736,
      }),
    ]);
    const [delivery] = received;
    const timestamp = Number(delivery?.headers['x-hubspot-request-timestamp']);
    const expected = createHmac('sha256', secret)
      .update(`POST${targetUrl}${delivery?.body}${timestamp}`)
      .digest('base64');
    expect(delivery?.headers['x-hubspot-signature-v3']).toBe(expected);
    expect(Math.abs(Date.now() - timestamp)).toBeLessThan(60_000);
  });

  it('marks a person’s edit as CRM_UI with the user id', async () => {
    configure();
    h.sandbox.setByPerson('contacts', '1002', { jobtitle: 'CFO' });
    await h.sandbox.webhooks.flush();
    expect(events()[0]).toMatchObject({
      changeSource: 'CRM_UI',
      sourceId: 'userId:882761034',
      propertyValue: 'CFO',
    });
  });

  it('sends creation events with changeFlag NEW, and nothing for unsubscribed properties', async () => {
    configure();
    await h.client.crm.contacts.basicApi.create({
      properties: { email: 'hook@example.org', firstname: 'Hook' },
      associations: [],
    });
    await h.sandbox.webhooks.flush();
    expect(events().map((e) => [e.subscriptionType, e.changeFlag])).toEqual([['object.creation', 'NEW']]);
  });

  it('sends an associationChange from both sides (no objectId), one per label, marked with the writer', async () => {
    configure({
      subscriptions: [
        { subscriptionType: 'deal.associationChange' },
        { subscriptionType: 'object.associationChange', objectType: 'contact' },
      ],
    });
    const store = h.sandbox.store;
    const deal = store.deals.records[0]!;
    const contact = store.contacts.records.find(
      (c) => !store.graph.types('contacts', c.id, 'deals', deal.id),
    )!;
    const label = await raw(h.sandbox, 'POST', '/crm/v4/associations/contacts/deals/labels', {
      label: 'Webhook Test Role',
      name: 'webhook_test_role',
    });
    const typeId = (label.json.results as { typeId: number; label: string | null }[]).find(
      (t) => t.label === 'Webhook Test Role',
    )!.typeId;
    await raw(h.sandbox, 'PUT', `/crm/v4/objects/contacts/${contact.id}/associations/deals/${deal.id}`, [
      { associationCategory: 'USER_DEFINED', associationTypeId: typeId },
    ]);
    await h.sandbox.webhooks.flush();
    const sent = events();
    for (const e of sent) expect(e).not.toHaveProperty('objectId');
    const legacy = sent.filter((e) => e.subscriptionType === 'deal.associationChange');
    expect(legacy.map((e) => [e.associationType, e.fromObjectId, e.toObjectId])).toEqual([
      ['DEAL_TO_CONTACT', deal.id, contact.id],
      ['DEAL_TO_CONTACT', deal.id, contact.id],
    ]);
    expect(legacy[0]).toMatchObject({
      associationRemoved: false,
      changeSource: 'INTEGRATION',
      sourceId: '5670736',
    });
    const generic = sent.filter((e) => e.subscriptionType === 'object.associationChange');
    expect(generic.map((e) => [e.associationTypeId, e.associationCategory])).toEqual([
      [4, 'HUBSPOT_DEFINED'],
      [typeId, 'USER_DEFINED'],
    ]);
    expect(generic[0]).toMatchObject({
      fromObjectTypeId: '0-1',
      fromObjectId: contact.id,
      toObjectTypeId: '0-3',
      toObjectId: deal.id,
      associationType: 'CONTACT_TO_DEAL',
    });

    received = [];
    await raw(h.sandbox, 'POST', '/crm/v4/associations/contacts/deals/batch/labels/archive', {
      inputs: [
        {
          from: { id: String(contact.id) },
          to: { id: String(deal.id) },
          types: [{ associationCategory: 'USER_DEFINED', associationTypeId: typeId }],
        },
      ],
    });
    await h.sandbox.webhooks.flush();
    expect(events().map((e) => [e.subscriptionType, e.associationRemoved])).toEqual([
      ['object.associationChange', true],
      ['deal.associationChange', true],
    ]);
  });

  it('batches at most 100 events per request', async () => {
    configure({
      batchWindowMs: 60_000, // only flush() sends: no timing in the test
      subscriptions: [{ subscriptionType: 'contact.propertyChange', propertyName: 'hs_persona' }],
    });
    const batches = [1001, 1101].map((start) =>
      Array.from({ length: 75 }, (_, i) => ({
        id: String(start + i),
        properties: { hs_persona: 'persona_5' },
      })),
    );
    const changes = batches
      .flat()
      .filter((input) => h.sandbox.store.getContact(input.id)?.properties.hs_persona !== 'persona_5').length;
    await Promise.all(
      batches.map((inputs) => raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', { inputs })),
    );
    await h.sandbox.webhooks.flush();
    expect(changes).toBeGreaterThan(100);
    expect(events()).toHaveLength(changes);
    expect(received.map((r) => r.events.length)).toEqual([100, changes - 100]);
    expect(new Set(events().map((e) => e.eventId)).size).toBe(changes);
    expect(
      events().every((e) => e.subscriptionType === 'contact.propertyChange' && !('objectTypeId' in e)),
    ).toBe(true);
  });

  it('retries a failed delivery with a higher attemptNumber', async () => {
    configure();
    failNext = 2;
    await h.client.crm.contacts.basicApi.update('1003', { properties: { jobtitle: 'Buyer' } });
    await h.sandbox.webhooks.flush();
    expect(received.map((r) => r.events[0]?.attemptNumber)).toEqual([0, 1, 2]);
    expect(h.sandbox.webhooks.deliveries.slice(-3).map((d) => d.status)).toEqual([500, 500, 204]);
  });

  it('sends deletion events when a record is archived', async () => {
    configure({ subscriptions: [{ subscriptionType: 'object.deletion', objectType: 'contact' }] });
    await h.client.crm.contacts.basicApi.archive('1150');
    await h.sandbox.webhooks.flush();
    expect(events()).toEqual([
      expect.objectContaining({
        subscriptionType: 'object.deletion',
        objectId: 1150,
        changeSource: 'INTEGRATION',
      }),
    ]);
  });

  it('sends nothing when not configured', async () => {
    await h.client.crm.contacts.basicApi.update('1004', { properties: { jobtitle: 'CEO' } });
    await h.sandbox.webhooks.flush();
    expect(received).toEqual([]);
  });
});

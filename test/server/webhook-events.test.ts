import { describe, expect, it } from 'vitest';
import { decideEvent, WebhookEvent } from '../../src/server/webhook-events.ts';

const event = (fields: Record<string, unknown>) =>
  WebhookEvent.parse({ eventId: 1, objectId: 42, occurredAt: 1, ...fields });

describe('webhook events', () => {
  const rows = [
    {
      desc: '2026.09 contact creation',
      input: { subscriptionType: 'object.creation', objectType: 'contact' },
      kind: 'contact',
    },
    {
      desc: '2026.09 creation by type id',
      input: { subscriptionType: 'object.creation', objectTypeId: '0-1' },
      kind: 'contact',
    },
    {
      desc: 'legacy contact creation',
      input: { subscriptionType: 'contact.creation', changeFlag: 'NEW' },
      kind: 'contact',
    },
    {
      desc: '2026.09 job title change',
      input: { subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'jobtitle' },
      kind: 'contact',
    },
    {
      desc: 'legacy job title change',
      input: { subscriptionType: 'contact.propertyChange', propertyName: 'jobtitle' },
      kind: 'contact',
    },
    {
      desc: 'lifecycle stage change (customer personas depend on it)',
      input: {
        subscriptionType: 'object.propertyChange',
        objectType: 'contact',
        propertyName: 'lifecyclestage',
      },
      kind: 'contact',
    },
    {
      desc: 'company size change',
      input: {
        subscriptionType: 'object.propertyChange',
        objectType: 'company',
        propertyName: 'numberofemployees',
      },
      kind: 'company',
    },
    {
      desc: 'another property',
      input: { subscriptionType: 'contact.propertyChange', propertyName: 'email' },
      kind: null,
    },
    {
      desc: 'deal creation',
      input: { subscriptionType: 'object.creation', objectType: 'deal' },
      kind: 'deal',
    },
    {
      desc: 'legacy deal creation',
      input: { subscriptionType: 'deal.creation', changeFlag: 'NEW' },
      kind: 'deal',
    },
    {
      desc: 'deal stage change',
      input: { subscriptionType: 'object.propertyChange', objectTypeId: '0-3', propertyName: 'dealstage' },
      kind: 'deal',
    },
    {
      desc: 'deal amount change',
      input: { subscriptionType: 'deal.propertyChange', propertyName: 'amount' },
      kind: 'deal',
    },
    {
      desc: 'a deal property the buying group does not depend on',
      input: { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'description' },
      kind: null,
    },
    {
      desc: 'a deal property rolecall writes',
      input: {
        subscriptionType: 'object.propertyChange',
        objectType: 'deal',
        propertyName: 'rolecall_deal_missing_roles',
      },
      kind: null,
    },
    { desc: 'privacy deletion', input: { subscriptionType: 'contact.privacyDeletion' }, kind: null },
  ];
  for (const row of rows) {
    it(row.desc, () => {
      const decision = decideEvent(event(row.input));
      if (row.kind === null) expect(decision.action).toBe('ignore');
      else
        expect(decision).toEqual({
          action: 'queue',
          event: { eventId: '1', kind: row.kind, objectId: '42' },
        });
    });
  }

  it('ignores changes to properties rolecall writes and writes by its own app (no loops)', () => {
    const own = event({ subscriptionType: 'contact.propertyChange', propertyName: 'hs_buying_role' });
    expect(decideEvent(own)).toEqual({ action: 'ignore', reason: 'own_write' });
    const byUs = event({
      subscriptionType: 'contact.propertyChange',
      propertyName: 'jobtitle',
      changeSource: 'INTEGRATION',
      sourceId: '5670736',
    });
    expect(decideEvent(byUs, '5670736')).toEqual({ action: 'ignore', reason: 'own_write' });
    expect(decideEvent(byUs, '999').action).toBe('queue');
  });

  // Association events name both records and carry no objectId (HubSpot's webhooks guide).
  const association = (fields: Record<string, unknown>) =>
    WebhookEvent.parse({ eventId: 7, occurredAt: 1, associationRemoved: false, ...fields });
  const deal = (id: string) => ({ action: 'queue', event: { eventId: '7', kind: 'deal', objectId: id } });

  it('queues the deal of a deal↔contact or deal↔company association change, from either side', () => {
    const legacyFromDeal = association({
      subscriptionType: 'deal.associationChange',
      associationType: 'DEAL_TO_CONTACT',
      fromObjectId: 9000000001,
      toObjectId: 1001,
    });
    expect(decideEvent(legacyFromDeal)).toEqual(deal('9000000001'));
    const legacyFromContact = association({
      subscriptionType: 'contact.associationChange',
      associationType: 'CONTACT_TO_DEAL',
      fromObjectId: 1001,
      toObjectId: 9000000002,
      associationRemoved: true,
    });
    expect(decideEvent(legacyFromContact)).toEqual(deal('9000000002'));
    const objectShape = association({
      subscriptionType: 'object.associationChange',
      fromObjectTypeId: '0-2',
      toObjectTypeId: '0-3',
      associationTypeId: 342,
      associationCategory: 'HUBSPOT_DEFINED',
      fromObjectId: '2000000001',
      toObjectId: '9000000003',
    });
    expect(decideEvent(objectShape)).toEqual(deal('9000000003'));
  });

  it('ignores associations without a deal, and label writes by rolecall itself', () => {
    const contactCompany = association({
      subscriptionType: 'contact.associationChange',
      associationType: 'CONTACT_TO_COMPANY',
      fromObjectId: 1001,
      toObjectId: 2000000001,
    });
    expect(decideEvent(contactCompany).action).toBe('ignore');
    const noIds = association({
      subscriptionType: 'deal.associationChange',
      associationType: 'DEAL_TO_CONTACT',
    });
    expect(decideEvent(noIds).action).toBe('ignore');
    const ours = association({
      subscriptionType: 'object.associationChange',
      fromObjectTypeId: '0-1',
      toObjectTypeId: '0-3',
      associationCategory: 'USER_DEFINED',
      fromObjectId: 1001,
      toObjectId: 9000000001,
      changeSource: 'INTEGRATION',
      sourceId: '5670736',
    });
    expect(decideEvent(ours, '5670736')).toEqual({ action: 'ignore', reason: 'own_write' });
    // A person's label (CRM_UI) is a change to the buying group.
    expect(decideEvent({ ...ours, changeSource: 'CRM_UI', sourceId: 'userId:4' }, '5670736')).toEqual(
      deal('9000000001'),
    );
  });

  it('rejects an event without an event id or with an object id that is not a record id', () => {
    expect(WebhookEvent.safeParse({ subscriptionType: 'contact.creation', objectId: 1 }).success).toBe(false);
    for (const objectId of ['abc', -4, 1.5, '', '0012', 1e30]) {
      expect(
        WebhookEvent.safeParse({ eventId: 1, subscriptionType: 'contact.creation', objectId }).success,
      ).toBe(false);
    }
    expect(
      WebhookEvent.safeParse({ eventId: 1, subscriptionType: 'contact.creation', objectId: '904' }).success,
    ).toBe(true);
  });
});

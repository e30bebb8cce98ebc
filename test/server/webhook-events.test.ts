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
    { desc: 'deal creation', input: { subscriptionType: 'object.creation', objectType: 'deal' }, kind: null },
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

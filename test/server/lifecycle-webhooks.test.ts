import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { DEFAULT_SUBSCRIPTIONS, SANDBOX_APP_ID } from '../../src/sandbox/index.ts';
import type { RolecallServer } from '../../src/server/app.ts';
import { CONTACT_TRIGGER_PROPERTIES } from '../../src/server/webhook-events.ts';
import { freePort, type Sandbox, SECRET, startPortal, startRolecall, until } from './harness.ts';

interface Subscription {
  subscriptionType: string;
  objectType?: string;
  propertyName?: string;
}
const hsmeta = JSON.parse(
  readFileSync(new URL('../../extensions/app/webhooks/webhooks-hsmeta.json', import.meta.url), 'utf8'),
) as { config: { subscriptions: { crmObjects: Subscription[] } } };
const contactChanges = (subs: readonly Subscription[]) =>
  subs
    .filter((s) => s.subscriptionType === 'object.propertyChange' && s.objectType === 'contact')
    .map((s) => s.propertyName)
    .sort();

describe('a lifecycle stage change re-classifies the contact (customer personas depend on it)', () => {
  it('the app subscribes to exactly the contact properties the webhook path re-classifies on', () => {
    const subscribed = contactChanges(hsmeta.config.subscriptions.crmObjects);
    expect(subscribed).toContain('lifecyclestage');
    expect(subscribed).toEqual([...CONTACT_TRIGGER_PROPERTIES].sort());
    // The sandbox's default deliveries are the app's own subscriptions.
    expect(contactChanges(DEFAULT_SUBSCRIPTIONS)).toEqual(subscribed);
  });

  let sandbox: Sandbox | undefined;
  let server: RolecallServer | undefined;
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('a finance leader who becomes a customer moves to the renewal persona, from signed deliveries', async () => {
    sandbox = await startPortal({ contacts: 20 });
    const port = await freePort();
    ({ server } = await startRolecall(sandbox, { listenPort: port, appId: String(SANDBOX_APP_ID) }));
    const s = sandbox;
    s.webhooks.configure({ targetUrl: `http://127.0.0.1:${port}/hubspot/webhooks`, clientSecret: SECRET });
    const persona = (id: string) => s.store.getContact(Number(id))?.properties[ROLECALL_PROPERTIES.persona];
    const id = '1007';
    s.setByPerson('contacts', id, { jobtitle: 'VP Finance', lifecyclestage: 'opportunity' });
    await until(() => persona(id) === 'finance_leader', 15_000, 'tagged as a buyer');

    s.setByPerson('contacts', id, { lifecyclestage: 'customer' });
    await until(() => persona(id) === 'renewal_owner', 15_000, 're-tagged as a customer');
    expect(server?.counters.signatureRejected).toBe(0);
    expect(s.webhooks.deliveries.every((d) => d.status === 200)).toBe(true);

    // A change to a property rolecall does not read leaves the contact alone.
    const before = s.store.history('contacts', Number(id), ROLECALL_PROPERTIES.persona).length;
    s.setByPerson('contacts', id, { phone: '+1 555 0100' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(s.store.history('contacts', Number(id), ROLECALL_PROPERTIES.persona).length).toBe(before);
  }, 60_000);
});

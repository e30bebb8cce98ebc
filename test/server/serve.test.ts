import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolecallServer } from '../../src/server/app.ts';
import { HUBSPOT_BUYING_ROLES } from '../../src/taxonomy.ts';
import {
  creationEvent,
  PUBLIC_URL,
  type Sandbox,
  signedPost,
  startPortal,
  startRolecall,
  titleChangeEvent,
  until,
} from './harness.ts';

/** How many times rolecall wrote this contact: each write stamps rolecall_classified_at once. */
const writes = (sandbox: Sandbox, id: number) =>
  sandbox.store
    .history('contacts', id, 'rolecall_classified_at')
    .filter((e) => e.sourceType === 'INTEGRATION').length;

/** Each workflow execution has its own callback id (a repeated one is a replay, answered from memory). */
let executions = 0;
const actionBody = (id: number, writeMode?: string) => ({
  callbackId: `ap-1-2-3-${id}-${++executions}`,
  origin: { portalId: 1, actionDefinitionId: 10, actionDefinitionVersion: 1 },
  context: { source: 'WORKFLOWS', workflowId: 99 },
  inputFields: writeMode ? { write_mode: writeMode } : {},
  object: {
    objectId: id,
    objectType: 'CONTACT',
    properties: { jobtitle: 'ignored: rolecall reads HubSpot' },
  },
});

describe('rolecall serve against the sandbox', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;

  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 40 });
    ({ server, url } = await startRolecall(sandbox));
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('rejects a wrong secret, a stale timestamp and a tampered body with 401, and writes nothing', async () => {
    const before = sandbox.requestCount();
    const events = [creationEvent(1001)];
    const attempts = [
      await signedPost(url, '/hubspot/webhooks', events, { secret: 'not-the-secret' }),
      await signedPost(url, '/hubspot/webhooks', events, { timestamp: Date.now() - 6 * 60_000 }),
      await signedPost(url, '/hubspot/webhooks', events, { tamper: (b) => b.replace('1001', '1002') }),
      await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1001, 'overwrite'), {
        version: 'v2',
        secret: 'not-the-secret',
      }),
      await signedPost(
        url,
        '/hubspot/bulk-classify',
        { objectIds: [1001] },
        { tamper: (b) => b.replace('1001', '1003') },
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[0]?.body.message).toMatch(/HUBSPOT_CLIENT_SECRET/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await server.queue.counts()).toEqual({ pending: 0, inFlight: 0, done: 0, failed: 0 });
    expect(sandbox.requestCount()).toBe(before);
    expect(writes(sandbox, 1001)).toBe(0);
    expect(server.counters.signatureRejected).toBe(5);
  });

  it('tags a new contact once even when HubSpot delivers the event twice', async () => {
    const event = creationEvent(1002);
    const first = await signedPost(url, '/hubspot/webhooks', [event]);
    const again = await signedPost(url, '/hubspot/webhooks', [{ ...event, attemptNumber: 1 }]);
    expect(first).toMatchObject({ status: 200, body: { queued: 1, duplicates: 0 } });
    expect(again).toMatchObject({ status: 200, body: { queued: 0, duplicates: 1 } });
    await until(() => writes(sandbox, 1002) === 1, 10_000, 'contact 1002 tagged');
    await until(async () => {
      const c = await server.queue.counts();
      return c.pending === 0 && c.inFlight === 0;
    });
    const contact = sandbox.store.getContact(1002);
    expect(contact?.properties.rolecall_source).toBe('auto');
    expect(contact?.properties.rolecall_persona).toBeTruthy();
    expect(writes(sandbox, 1002)).toBe(1);
  });

  it('re-tags on a job title change and ignores changes to its own properties (no loop)', async () => {
    sandbox.setByPerson('contacts', '1003', { jobtitle: 'Software Engineer' });
    await signedPost(url, '/hubspot/webhooks', [creationEvent(1003, true)]);
    await until(() => writes(sandbox, 1003) === 1, 10_000, 'first tag');
    expect(sandbox.store.getContact(1003)?.properties.rolecall_function).toBe('engineering');
    sandbox.setByPerson('contacts', '1003', { jobtitle: 'Chief Financial Officer' });
    const own = {
      ...titleChangeEvent(1003, 'x'),
      propertyName: 'rolecall_persona',
      changeSource: 'INTEGRATION',
    };
    const reply = await signedPost(url, '/hubspot/webhooks', [
      titleChangeEvent(1003, 'Chief Financial Officer'),
      own,
    ]);
    expect(reply.body).toMatchObject({ received: 2, queued: 1, ignored: 1 });
    await until(() => writes(sandbox, 1003) === 2, 10_000, 'second tag');
    expect(sandbox.store.getContact(1003)?.properties.rolecall_seniority).toBe('c_level');
  });

  it('answers the workflow action with output fields and saves the contact (v2 signature)', async () => {
    sandbox.setByPerson('contacts', '1004', { jobtitle: 'VP of Marketing' });
    const reply = await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1004, 'overwrite'), {
      version: 'v2',
    });
    expect(reply.status).toBe(200);
    const out = reply.body.outputFields as Record<string, unknown>;
    expect(out).toMatchObject({ hs_execution_state: 'SUCCESS', seniority: 'vp', function: 'marketing' });
    expect(HUBSPOT_BUYING_ROLES).toContain(out.buying_role);
    const saved = sandbox.store.getContact(1004)?.properties ?? {};
    expect(out.persona).toBe(saved.rolecall_persona);
    expect(saved.hs_buying_role).toBe(out.buying_role);
    expect(typeof out.confidence).toBe('number');
    expect(['true', 'false']).toContain(out.fit);
  });

  it('writes nothing when the action says not to, and keeps what a person set', async () => {
    sandbox.setByPerson('contacts', '1005', { jobtitle: 'Chief Executive Officer' });
    const dry = await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1005, 'none'));
    expect((dry.body.outputFields as Record<string, unknown>).seniority).toBe('c_level');
    expect(writes(sandbox, 1005)).toBe(0);

    sandbox.setByPerson('contacts', '1006', {
      jobtitle: 'Chief Executive Officer',
      hs_buying_role: 'BLOCKER',
    });
    const kept = await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1006, 'overwrite'));
    expect((kept.body.outputFields as Record<string, unknown>).buying_role).toBe('BLOCKER');
    expect(sandbox.store.getContact(1006)?.properties.hs_buying_role).toBe('BLOCKER');
    expect(sandbox.store.history('contacts', 1006, 'hs_buying_role')[0]?.sourceType).toBe('CRM_UI');
  });

  it("reports what the contact holds: fill_empty keeps rolecall's earlier reading, overwrite updates it", async () => {
    // A reading with a persona, so fill_empty has no blank to fill when the title changes.
    sandbox.setByPerson('contacts', '1007', { jobtitle: 'Network Engineer' });
    await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1007, 'overwrite'));
    expect(writes(sandbox, 1007)).toBe(1);
    sandbox.setByPerson('contacts', '1007', { jobtitle: 'Chief Financial Officer' });
    const filled = await signedPost(
      url,
      '/hubspot/workflow-actions/classify',
      actionBody(1007, 'fill_empty'),
    );
    expect((filled.body.outputFields as Record<string, unknown>).function).toBe('it');
    expect(writes(sandbox, 1007)).toBe(1);
    const updated = await signedPost(
      url,
      '/hubspot/workflow-actions/classify',
      actionBody(1007, 'overwrite'),
    );
    expect((updated.body.outputFields as Record<string, unknown>).function).toBe('finance');
    expect(sandbox.store.getContact(1007)?.properties.rolecall_function).toBe('finance');
    expect(writes(sandbox, 1007)).toBe(2);
  });

  it('classifies a batch for the bulk action, signed over the URL with HubSpot query parameters', async () => {
    const path = '/hubspot/bulk-classify?portalId=1&userId=7&userEmail=ann%40example.com';
    const reply = await signedPost(url, path, {
      objectIds: [1010, 1011, '1012', 999_999],
      mode: 'fill_empty',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.summary).toMatchObject({ not_found: 1, failed: 0 });
    const summary = reply.body.summary as Record<string, number>;
    expect((summary.written ?? 0) + (summary.unchanged ?? 0) + (summary.skipped ?? 0)).toBe(3);
    expect(PUBLIC_URL).toMatch(/^https:/);
  });

  it('re-tags the contacts of a company whose size changed', async () => {
    const companyId = sandbox.store.getContact(1020)?.companyIds[0];
    expect(companyId).toBeDefined();
    const members = sandbox.store.contactsOfCompany(Number(companyId));
    sandbox.setByPerson('companies', String(companyId), { numberofemployees: '4200' });
    const event = {
      eventId: 'company-size-1',
      subscriptionType: 'object.propertyChange',
      objectType: 'company',
      objectId: Number(companyId),
      propertyName: 'numberofemployees',
      propertyValue: '4200',
      occurredAt: Date.now(),
    };
    const reply = await signedPost(url, '/hubspot/webhooks', [event]);
    expect(reply.body).toMatchObject({ queued: 1 });
    await until(() => members.every((id) => writes(sandbox, id) >= 1), 10_000, 'company members tagged');
  });

  it('rejects malformed bodies with a readable 400', async () => {
    const notArray = await signedPost(url, '/hubspot/webhooks', { eventId: 1 });
    expect(notArray.status).toBe(400);
    const badAction = await signedPost(url, '/hubspot/workflow-actions/classify', { object: {} });
    expect(badAction).toMatchObject({ status: 400, body: { message: expect.stringMatching(/objectId/) } });
    const odd = await signedPost(url, '/hubspot/webhooks', [{ nonsense: true }, null, 7]);
    expect(odd).toMatchObject({ status: 200, body: { received: 3, queued: 0, ignored: 3 } });
  });

  it('reports health and metrics', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const metrics = (await (await fetch(`${url}/metrics`)).json()) as Record<string, Record<string, number>>;
    expect(metrics.queue).toMatchObject({ failed: 0 });
    expect(metrics.counters?.webhookDuplicates).toBeGreaterThanOrEqual(1);
    const text = await (await fetch(`${url}/metrics?format=prometheus`)).text();
    expect(text).toMatch(/^rolecall_queue_jobs\{state="pending"\} \d+$/m);
    expect(text).toMatch(/^rolecall_rate_limit_waits_total \d+$/m);
  });
});

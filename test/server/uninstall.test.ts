import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { uninstalledPortal } from '../../src/server/app-lifecycle.ts';
import { openStore } from '../../src/server/store/index.ts';
import { PORTAL_TABLES, UNINSTALLED } from '../../src/server/store/portals.ts';
import { SECRET, signedPost, until } from './harness.ts';
import { installThroughBrowser, startOAuthBackend } from './oauth-flow.ts';
import { ENGINES } from './store/engines.ts';

const CLIENT = { clientId: 'rolecall-client-0002', clientSecret: SECRET };
const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function rig(engine: (typeof ENGINES)[number]) {
  const sandbox = await startSandbox({ contacts: 30, seed: 6, portals: 2, rateLimit: false, oauth: CLIENT });
  open.push(sandbox);
  const opened = await engine.open();
  open.push({ close: opened.dispose });
  const store = await openStore({
    ...(opened.url ? { databaseUrl: opened.url } : { dbPath: ':memory:' }),
    tokenKey: 'f'.repeat(64),
  });
  open.push(store);
  const { server, publicUrl } = await startOAuthBackend({
    sandbox,
    store,
    clientId: CLIENT.clientId,
    gatherMs: 20,
  });
  open.push(server);
  // HubSpot delivers the app's webhooks, the uninstall event included, signed with the client secret.
  for (const portal of sandbox.portals)
    portal.webhooks.configure({
      targetUrl: `${publicUrl}/hubspot/webhooks`,
      clientSecret: SECRET,
      batchWindowMs: 5,
      retryDelayMs: () => 20,
      subscriptions: [],
    });
  return { sandbox, store, publicUrl };
}

const personaOf = (sandbox: Awaited<ReturnType<typeof startSandbox>>, index: number, id: number) =>
  sandbox.portals[index]?.store.getContact(id)?.properties.rolecall_persona;

describe('the app-uninstall event', () => {
  it('is read from HubSpot’s lifecycle event and nothing else', () => {
    const event = {
      subscriptionType: 'APP_LIFECYCLE_EVENT',
      action: 'APP_UNINSTALL',
      portalId: 77,
      appId: 5,
    };
    expect(uninstalledPortal(event)).toBe(77);
    expect(uninstalledPortal(event, '5')).toBe(77);
    expect(uninstalledPortal(event, '6')).toBeNull(); // another app's uninstall
    expect(uninstalledPortal({ ...event, action: 'APP_INSTALL' })).toBeNull();
    expect(uninstalledPortal({ subscriptionType: 'object.deletion', portalId: 77, objectId: 1 })).toBeNull();
    expect(uninstalledPortal({ ...event, portalId: undefined })).toBeNull();
  });
});

describe.each(ENGINES)('uninstalling the app on $name', (engine) => {
  it('disconnects only that portal, drops its queued work, keeps its playbook and audit; a re-install resumes', async () => {
    const { sandbox, store, publicUrl } = await rig(engine);
    for (let i = 0; i < 2; i += 1) await installThroughBrowser(publicUrl);
    const [a, b] = sandbox.portals.map((p) => p.portalId) as [number, number];
    const event = (eventId: number, portalId: number, objectId: number) => ({
      eventId,
      subscriptionType: 'object.creation',
      objectType: 'contact',
      objectId,
      portalId,
    });
    // Some history in A: a tagged contact (audit) and a saved playbook version.
    await signedPost(publicUrl, '/hubspot/webhooks', [event(1, a, 1001)], { signedBase: publicUrl });
    await until(() => Boolean(personaOf(sandbox, 0, 1001)), 15_000, 'A tagged');
    await store.playbooks.saveVersion(a, 'version: 1\n', { format: 'yaml', savedBy: 'admin' });
    // Queued work in both portals, not due yet.
    await store.queue.enqueue(a, 'contact', ['1002', '1003']);
    await store.queue.enqueue(b, 'contact', ['1002']);
    await store.db.run('UPDATE jobs SET available_at = $1 WHERE state = $2', [
      Date.now() + 3_600_000,
      'pending',
    ]);

    // A forged or unsigned uninstall changes nothing.
    const lifecycle = [
      { eventId: 9, subscriptionType: 'APP_LIFECYCLE_EVENT', action: 'APP_UNINSTALL', portalId: b },
    ];
    const unsigned = await fetch(`${publicUrl}/hubspot/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(lifecycle),
    });
    expect(unsigned.status).toBe(401);
    const tampered = await signedPost(publicUrl, '/hubspot/webhooks', [{ ...lifecycle[0], portalId: a }], {
      signedBase: publicUrl,
      tamper: () => JSON.stringify(lifecycle),
    });
    expect(tampered.status).toBe(401);
    expect((await store.portals.get(b))?.status).toBe('connected');

    // The admin of A uninstalls the app in HubSpot: HubSpot revokes the tokens and sends the signed event.
    const res = await fetch(`${sandbox.baseUrl}/_sandbox/portals/${a}/uninstall`, { method: 'POST' });
    expect(res.status).toBe(200);
    await until(
      async () => (await store.portals.get(a))?.status === 'disconnected',
      15_000,
      'A disconnected',
    );
    expect((await store.portals.get(a))?.statusReason).toBe(UNINSTALLED);
    expect(await store.portals.tokens(a)).toBeNull();
    expect(await store.queue.counts(a)).toEqual({ pending: 0, inFlight: 0, done: 0, failed: 0 });
    // B is untouched.
    expect((await store.portals.get(b))?.status).toBe('connected');
    expect((await store.queue.counts(b)).pending).toBe(1);
    // Kept for a re-install: A's playbook versions and audit log.
    expect((await store.playbooks.getCurrent(a))?.body).toBe('version: 1\n');
    expect((await store.audit.runs(a)).length).toBeGreaterThan(0);

    // Events for A after the uninstall are not queued.
    const late = await signedPost(publicUrl, '/hubspot/webhooks', [event(2, a, 1004)], {
      signedBase: publicUrl,
    });
    expect(late.body).toMatchObject({ queued: 0, ignored: 1 });
    expect(await store.queue.counts(a)).toEqual({ pending: 0, inFlight: 0, done: 0, failed: 0 });

    // Installed again: connected, with its playbook, and new events are worked on.
    expect((await installThroughBrowser(publicUrl, a)).status).toBe(200);
    expect((await store.portals.get(a))?.status).toBe('connected');
    expect((await store.playbooks.getCurrent(a))?.version).toBe(1);
    await signedPost(publicUrl, '/hubspot/webhooks', [event(3, a, 1005)], { signedBase: publicUrl });
    await until(() => Boolean(personaOf(sandbox, 0, 1005)), 15_000, 'A tagged after the re-install');
    expect(personaOf(sandbox, 0, 1004)).toBeUndefined();
  });

  it('forgets an uninstalled portal’s data after the retention period, and nothing of a portal installed again', async () => {
    const opened = await engine.open();
    open.push({ close: opened.dispose });
    const store = await openStore({
      ...(opened.url ? { databaseUrl: opened.url } : { dbPath: ':memory:' }),
      tokenKey: 'f'.repeat(64),
    });
    open.push(store);
    const install = (portalId: number) =>
      store.portals.install({
        portalId,
        accessToken: `CK-${portalId}`,
        refreshToken: `r-${portalId}`,
        expiresAt: Date.now() + 1_800_000,
        scopes: ['crm.objects.contacts.read'],
      });
    for (const id of [11, 12, 13]) {
      await install(id);
      await store.playbooks.saveVersion(id, 'version: 1\n', { format: 'yaml' });
      await store.queue.enqueue(id, 'contact', ['1']);
    }
    expect(await store.portals.uninstall(11)).toBe(1);
    expect(await store.portals.uninstall(12)).toBe(1);
    expect(await store.portals.uninstall(99)).toBeNull();
    await install(12); // installed again: kept
    expect(await store.portals.forgetUninstalled(60_000)).toEqual([]); // not old enough yet
    // Forgetting covers every table with a portal_id column, those of later migrations included.
    const tables = (
      store.db.dialect.engine === 'postgres'
        ? await store.db.query<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'portal_id' AND table_schema = current_schema()`,
          )
        : await store.db.query<{ name: string }>(
            `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'portal_id'`,
          )
    ).map((r) => r.name);
    expect(tables.sort()).toEqual(['portals', ...PORTAL_TABLES].sort());
    expect(await store.portals.forgetUninstalled(-1)).toEqual([11]);
    for (const table of tables) {
      const [row] = await store.db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${table} WHERE portal_id = 11`,
      );
      expect(Number(row?.n), table).toBe(0);
    }
    expect(await store.portals.get(11)).toBeNull();
    expect(await store.playbooks.getCurrent(11)).toBeNull();
    expect((await store.playbooks.getCurrent(12))?.version).toBe(1);
    expect((await store.playbooks.getCurrent(13))?.version).toBe(1);
    expect((await store.queue.counts(13)).pending).toBe(1);
  });
});

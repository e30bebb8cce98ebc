import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { openStore } from '../../src/server/store/index.ts';
import { SECRET, signedPost, until } from './harness.ts';
import { installThroughBrowser, startOAuthBackend } from './oauth-flow.ts';
import { ENGINES } from './store/engines.ts';

const CLIENT = { clientId: 'rolecall-client-0001', clientSecret: SECRET };

type Closer = { close(): Promise<void> };
const open: Closer[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function rig(engine: (typeof ENGINES)[number], clockShiftMs = { value: 0 }) {
  const sandbox = await startSandbox({
    port: 0,
    contacts: 30,
    seed: 3,
    portals: 3,
    rateLimit: false,
    oauth: CLIENT,
  });
  open.push(sandbox);
  const opened = await engine.open();
  open.push({ close: opened.dispose });
  const store = await openStore({
    ...(opened.url ? { databaseUrl: opened.url } : { dbPath: ':memory:' }),
    tokenKey: 'e'.repeat(64),
  });
  open.push(store);
  // Only the token clock moves: signatures and the queue keep real time.
  const { server, publicUrl } = await startOAuthBackend({
    sandbox,
    store,
    clientId: CLIENT.clientId,
    now: () => Date.now() + clockShiftMs.value,
    gateway: { maxAttempts: 2, baseBackoffMs: 20 },
  });
  open.push(server);
  return { sandbox, store, server, publicUrl };
}

const personaOf = (sandbox: Awaited<ReturnType<typeof startSandbox>>, index: number, id: number) =>
  sandbox.portals[index]?.store.getContact(id)?.properties.rolecall_persona;

describe.each(ENGINES)('OAuth install and portals on $name', (engine) => {
  it('installs three portals through the browser flow, stores tokens encrypted, and keeps each portal to its own data', async () => {
    const { sandbox, store, server, publicUrl } = await rig(engine);
    const installed = [];
    for (let i = 0; i < 3; i += 1) installed.push(await installThroughBrowser(publicUrl));
    expect(installed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(installed[0]?.html).toMatch(/Rolecall is connected/);
    const ids = sandbox.portals.map((p) => p.portalId);
    expect(installed.map((r) => r.portalId).sort()).toEqual([...ids].sort());
    expect((await store.portals.list()).map((p) => [p.portalId, p.status])).toEqual(
      ids.map((id) => [id, 'connected']),
    );
    const raw = JSON.stringify(await store.db.query('SELECT access_token, refresh_token FROM portals'));
    for (const id of ids) {
      const tokens = await store.portals.tokens(id);
      expect(tokens?.accessToken).toMatch(/^CK/);
      expect(raw).not.toContain(tokens?.accessToken);
      expect(raw).not.toContain(tokens?.refreshToken);
    }

    // A webhook for portal B tags portal B's contact 1005, and only that one.
    const [a, b] = ids as [number, number];
    const event = {
      eventId: 1,
      subscriptionType: 'object.creation',
      objectType: 'contact',
      objectId: 1005,
      portalId: b,
    };
    expect(
      (await signedPost(publicUrl, '/hubspot/webhooks', [event], { signedBase: publicUrl })).body,
    ).toMatchObject({ queued: 1 });
    await until(() => Boolean(personaOf(sandbox, 1, 1005)), 15_000, 'portal B tagged');
    expect(personaOf(sandbox, 0, 1005)).toBeUndefined();
    expect(personaOf(sandbox, 2, 1005)).toBeUndefined();

    // A card request signed for portal A reaches only portal A; changing the portal after signing is refused.
    const path = `/hubspot/bulk-classify?portalId=${a}&userId=7`;
    const ok = await signedPost(
      publicUrl,
      path,
      { objectIds: [1010], mode: 'overwrite' },
      { signedBase: publicUrl },
    );
    expect(ok.status).toBe(200);
    expect(personaOf(sandbox, 0, 1010)).toBeTruthy();
    expect(personaOf(sandbox, 1, 1010)).toBeUndefined();
    const forged = await signedPost(
      publicUrl,
      path,
      { objectIds: [1011], mode: 'overwrite' },
      {
        signedBase: publicUrl,
        tamperUrl: (url) => url.replace(`portalId=${a}`, `portalId=${b}`),
      },
    );
    expect(forged.status).toBe(401);
    expect(personaOf(sandbox, 1, 1011)).toBeUndefined();
    expect((await store.audit.runs(a)).map((r) => r.source)).toContain('bulk_action');
    expect((await store.audit.runs(b)).map((r) => r.source)).not.toContain('bulk_action');
    expect(server.counters.signatureRejected).toBe(1);

    // The marketplace cards' requests (hubspot.fetch: POST, JSON body, HubSpot's query parameters, v3 signed).
    const save = await signedPost(
      publicUrl,
      `/api/cards/save-classification?userId=7&userEmail=rep%40acme.io&appId=1&portalId=${b}`,
      {
        contactId: 1012,
        mode: 'override',
        persona: 'finance_leader',
        buyingRole: 'economic_buyer',
        setBy: 'rep@acme.io',
      },
      { signedBase: publicUrl },
    );
    expect(save.body).toMatchObject({ ok: true });
    expect(personaOf(sandbox, 1, 1012)).toBe('finance_leader');
    expect(personaOf(sandbox, 0, 1012)).not.toBe('finance_leader');
    expect((await store.audit.runs(b)).map((r) => r.source)).toContain('card');
    const companyId = sandbox.portals[1]?.store.getContact(1012)?.companyIds[0];
    const group = await signedPost(
      publicUrl,
      `/api/cards/buying-group?portalId=${b}&userId=7`,
      { companyId },
      { signedBase: publicUrl },
    );
    expect(group.body).toMatchObject({ ok: true });
    expect(typeof group.body.members).toBe('number');
    const unsigned = await fetch(`${publicUrl}/api/cards/buying-group?portalId=${b}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyId }),
    });
    expect(unsigned.status).toBe(401);
  });

  it('refreshes before expiry; a refused refresh disconnects the portal and a re-install resumes its queue', async () => {
    const shift = { value: 0 };
    const { sandbox, store, publicUrl } = await rig(engine, shift);
    const first = await installThroughBrowser(publicUrl);
    const portalId = first.portalId as number;
    const before = await store.portals.tokens(portalId);
    shift.value = 26 * 60 * 1000; // 4 minutes before HubSpot's 30-minute expiry: time to refresh
    const send = (eventId: number, objectId: number) =>
      signedPost(
        publicUrl,
        '/hubspot/webhooks',
        [{ eventId, subscriptionType: 'object.creation', objectType: 'contact', objectId, portalId }],
        { signedBase: publicUrl },
      );
    await send(1, 1003);
    await until(() => Boolean(personaOf(sandbox, 0, 1003)), 15_000, 'tagged after a refresh');
    const after = await store.portals.tokens(portalId);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(sandbox.requestLog.filter((e) => e.path === '/oauth/v1/token').length).toBe(2); // install + refresh

    // Uninstalled in HubSpot: the next refresh is refused, the portal is disconnected, its work waits.
    sandbox.oauth?.uninstall(portalId);
    shift.value = 60 * 60 * 1000;
    await send(2, 1004);
    await until(
      async () => (await store.portals.get(portalId))?.status === 'disconnected',
      15_000,
      'disconnected',
    );
    expect(await store.portals.tokens(portalId)).toBeNull();
    expect(personaOf(sandbox, 0, 1004)).toBeUndefined();
    const again = await installThroughBrowser(publicUrl, portalId);
    expect(again.status).toBe(200);
    await until(() => Boolean(personaOf(sandbox, 0, 1004)), 20_000, 'resumed after re-install');
  });

  it('refuses a callback it did not start and shows why', async () => {
    const { publicUrl } = await rig(engine);
    const forged = await fetch(`${publicUrl}/oauth/callback?code=abc&state=1.2.3`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toMatch(/expired/);
    const denied = await fetch(`${publicUrl}/oauth/callback?error=access_denied`);
    expect(await denied.text()).toMatch(/was not connected/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDeal, type SandboxStore, startSandbox } from '../../src/sandbox/index.ts';
import { openStore } from '../../src/server/store/index.ts';
import { SECRET, signedPost } from './harness.ts';
import { installThroughBrowser, startOAuthBackend } from './oauth-flow.ts';

/**
 * The deal card of the marketplace build over real HTTP: signed hubspot.fetch requests to /api/cards/*,
 * two installed portals on one backend, each deal card answering only from its own portal.
 */
const CLIENT = { clientId: 'rolecall-client-0002', clientSecret: SECRET };
const closers: Array<{ close(): Promise<void> }> = [];
let publicUrl = '';
let stores: SandboxStore[] = [];
let portalIds: number[] = [];
let backendStore: Awaited<ReturnType<typeof openStore>>;
/** Per portal: a deal whose id is the same number in both portals, with different names and people. */
const deals: Array<{ dealId: string; contactIds: number[]; spare: number }> = [];

beforeAll(async () => {
  const sandbox = await startSandbox({
    port: 0,
    contacts: 20,
    seed: 5,
    portals: 3,
    deals: 0,
    rateLimit: false,
    oauth: CLIENT,
  });
  closers.push(sandbox);
  const store = await openStore({ dbPath: ':memory:', tokenKey: 'd'.repeat(64) });
  closers.push(store);
  backendStore = store;
  const backend = await startOAuthBackend({ sandbox, store, clientId: CLIENT.clientId });
  publicUrl = backend.publicUrl;
  closers.push(backend.server);
  // Two of the three portals install the app; the third never does.
  stores = sandbox.portals.map((p) => p.store);
  portalIds = sandbox.portals.map((p) => p.portalId);
  for (const id of portalIds.slice(0, 2)) {
    const installed = await installThroughBrowser(publicUrl, id);
    expect(installed.html).not.toMatch(/did not finish/);
  }
  for (const [index, name] of ['Alpha rollout', 'Bravo rollout'].entries()) {
    const s = stores[index] as SandboxStore;
    const [first, second, third] = s.contacts.records.slice(index * 3, index * 3 + 3).map((c) => c.id);
    const deal = addDeal(s, {
      props: { dealname: name, amount: '50000', pipeline: 'default', dealstage: 'qualifiedtobuy' },
      at: Date.now(),
      contactIds: [first as number, second as number],
    });
    deals.push({
      dealId: String(deal.id),
      contactIds: [first as number, second as number],
      spare: third as number,
    });
  }
}, 60_000);
afterAll(async () => {
  for (const thing of closers.reverse()) await thing.close();
});

const post = (portalIndex: number, route: string, body: unknown, tamperUrl?: (url: string) => string) =>
  signedPost(publicUrl, `/api/cards/${route}?portalId=${portalIds[portalIndex]}&userId=7`, body, {
    signedBase: publicUrl,
    ...(tamperUrl ? { tamperUrl } : {}),
  });

describe('deal card routes (marketplace build) over HTTP', () => {
  it("answers each portal's deal card from that portal only, even for the same deal id", async () => {
    expect(deals[0]?.dealId).toBe(deals[1]?.dealId);
    const a = await post(0, 'deal-buying-group', { dealId: deals[0]?.dealId });
    const b = await post(1, 'deal-buying-group', { dealId: deals[0]?.dealId });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ ok: true, card: { deal: { name: 'Alpha rollout' }, configured: true } });
    expect(b.body).toMatchObject({ ok: true, card: { deal: { name: 'Bravo rollout' } } });
    expect(JSON.stringify(b.body)).not.toContain('Alpha');
    const people = (a.body.card as { people: Array<{ id: string }> }).people.map((p) => p.id);
    expect(people.sort()).toEqual(deals[0]?.contactIds.map(String).sort());
  });

  it('refuses a request whose portal was changed after signing, and an unsigned one', async () => {
    const forged = await post(0, 'open-deals', { contactId: deals[0]?.contactIds[0] }, (url) =>
      url.replace(`portalId=${portalIds[0]}`, `portalId=${portalIds[1]}`),
    );
    expect(forged.status).toBe(401);
    const unsigned = await fetch(`${publicUrl}/api/cards/deal-buying-group?portalId=${portalIds[0]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dealId: deals[0]?.dealId }),
    });
    expect(unsigned.status).toBe(401);
  });

  it("adds a contact to a deal with the role's label in the signed portal only", async () => {
    const target = deals[0] as (typeof deals)[number];
    const before = stores[1]?.graph.list('contacts', target.spare, 'deals') ?? [];
    const added = await post(0, 'add-to-deal', {
      dealId: target.dealId,
      contactId: target.spare,
      role: 'champion',
    });
    expect(added.body).toMatchObject({ ok: true, role: 'champion' });
    const labels = stores[0]?.labels.list('contacts', 'deals') ?? [];
    const champion = labels.find((l) => l.label === 'Champion')?.typeId;
    const types = stores[0]?.graph
      .list('contacts', target.spare, 'deals')
      .find(([id]) => String(id) === target.dealId)?.[1];
    expect(types).toContain(champion);
    expect(stores[1]?.graph.list('contacts', target.spare, 'deals')).toEqual(before);
    const card = await post(0, 'deal-buying-group', { dealId: target.dealId });
    const champ = (card.body.card as { roles: Array<{ role: string; holders: string[] }> }).roles.find(
      (r) => r.role === 'champion',
    );
    expect(champ?.holders).toContain(String(target.spare));
    type Person = { id: string; source: string; why: string };
    const sourceOf = async (portalIndex: number) =>
      (
        (await post(portalIndex, 'deal-buying-group', { dealId: target.dealId })).body.card as {
          people: Person[];
        }
      ).people.find((p) => p.id === String(target.spare));
    // The rep's click is a person's label; once rolecall's audit owns it (in this portal only) it is rolecall's.
    expect(await sourceOf(0)).toMatchObject({ source: 'person', why: 'labelled by a person' });
    await backendStore.dealLabels.record(portalIds[0] as number, 'run-1', [
      { kind: 'label_add', dealId: target.dealId, contactId: String(target.spare), typeId: champion ?? 0 },
    ]);
    expect((await sourceOf(0))?.source).toBe('rolecall');
    expect(stores[1]?.graph.list('contacts', target.spare, 'deals')).toEqual(before);
  });

  it("lists a contact's open deals and a company's, and says when the portal is not connected", async () => {
    const lines = await post(1, 'open-deals', { contactId: deals[1]?.contactIds[0] });
    expect(lines.body).toMatchObject({ ok: true, more: false });
    expect((lines.body.deals as Array<{ text: string }>).map((d) => d.text)).toEqual([
      expect.stringMatching(/^Bravo rollout — /),
    ]);
    const notInstalled = await post(2, 'deal-buying-group', { dealId: deals[0]?.dealId });
    expect(notInstalled.status).toBe(403);
    expect(notInstalled.body).toMatchObject({ ok: false, code: 'disconnected' });
    const malformed = await post(0, 'add-to-deal', { dealId: 'x', contactId: 1, role: 'champion' });
    expect(malformed.body).toMatchObject({ ok: false });
  });
});

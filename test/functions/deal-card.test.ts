import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as addToDeal } from '../../src/functions/add-to-deal.ts';
import { main as dealBuyingGroup } from '../../src/functions/deal-buying-group.ts';
import { main as openDeals } from '../../src/functions/open-deals.ts';
import { addDeal, startSandbox } from '../../src/sandbox/index.ts';
import { type Portal, startPortal } from './sandbox-portal.ts';

let portal: Portal;
const env = { ...process.env };
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  portal = await startPortal();
}, 60_000);
afterAll(async () => {
  await portal?.close();
});
beforeEach(() => {
  process.env.PRIVATE_APP_ACCESS_TOKEN = portal.sandbox.token;
  process.env.ROLECALL_HUBSPOT_BASE_URL = portal.sandbox.baseUrl;
});
afterEach(async () => {
  for (const name of ['PRIVATE_APP_ACCESS_TOKEN', 'ROLECALL_HUBSPOT_BASE_URL'] as const) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
  for (const thing of open.splice(0)) await thing.close();
});

const DAY = 86_400_000;

/** A mid-size new-business deal at Globex with a CFO and a sales manager on it; an IT manager is not. */
async function globexDeal(p: Portal = portal) {
  const companyId = await p.createCompany({ name: 'Globex', numberofemployees: '400' });
  const cfo = await p.createContact({ firstname: 'Carla', jobtitle: 'Chief Financial Officer' }, companyId);
  const manager = await p.createContact({ firstname: 'Sam', jobtitle: 'Sales Manager' }, companyId);
  const it = await p.createContact({ firstname: 'Ian', jobtitle: 'IT Manager' }, companyId);
  const deal = addDeal(p.sandbox.store, {
    props: { dealname: 'Globex platform', amount: '50000', pipeline: 'default', dealstage: 'qualifiedtobuy' },
    at: Date.now() - 10 * DAY,
    companyId: Number(companyId),
    contactIds: [Number(cfo), Number(manager)],
  });
  return { companyId, cfo, manager, it, dealId: String(deal.id) };
}

const labelTypeId = (p: Portal, label: string) =>
  p.sandbox.store.labels.list('contacts', 'deals').find((l) => l.label === label)?.typeId;

describe('deal card functions against the sandbox', () => {
  it("deal_buying_group: each contact's role, the label a person set, missing roles with candidates and talking points", async () => {
    const g = await globexDeal();
    // A person labelled the sales manager "Decision Maker" on this deal.
    const dm = labelTypeId(portal, 'Decision Maker') as number;
    portal.sandbox.store.graph.link('contacts', Number(g.manager), 'deals', Number(g.dealId), [dm]);
    const result = await dealBuyingGroup({ parameters: { dealId: Number(g.dealId) } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const card = result.card;
    expect(card.kind).toBe('missing');
    expect(card.configured).toBe(true);
    expect(card.deal).toMatchObject({
      name: 'Globex platform',
      amountText: '50,000',
      kind: 'new',
      open: true,
    });
    const byId = new Map(card.people.map((p) => [p.id, p]));
    expect(byId.get(g.cfo)).toMatchObject({ role: 'economic_buyer', source: 'rolecall', name: 'Carla' });
    expect(byId.get(g.manager)).toMatchObject({ role: 'decision_maker', source: 'label' });
    const roles = new Map(card.roles.map((r) => [r.role, r]));
    expect(roles.get('economic_buyer')?.holders).toEqual([g.cfo]);
    const evaluator = roles.get('technical_evaluator');
    expect(evaluator?.status).toBe('missing');
    expect(evaluator?.candidates.map((c) => c.id)).toContain(g.it);
    expect(evaluator?.candidates.find((c) => c.id === g.it)?.why).toMatch(/IT Manager/);
    expect(evaluator?.talkingPoints.length).toBeGreaterThan(0);
    expect(evaluator?.canLabel).toBe(true);
    // Nobody already on the deal is offered as a candidate.
    const offered = card.roles.flatMap((r) => r.candidates.map((c) => c.id));
    expect(offered).not.toContain(g.cfo);
    expect(offered).not.toContain(g.manager);
    expect(card.headline).toMatch(/of 4 required roles filled; no .*technical evaluator/);
  });

  it('add_to_deal labels the association with the role; the next read shows the role filled', async () => {
    const g = await globexDeal();
    const added = await addToDeal({
      parameters: { dealId: g.dealId, contactId: g.it, role: 'technical_evaluator' },
    });
    expect(added).toMatchObject({ ok: true, message: 'Added to the deal as technical evaluator.' });
    const types = portal.sandbox.store.graph
      .list('contacts', Number(g.it), 'deals')
      .find(([id]) => id === Number(g.dealId))?.[1];
    const evaluatorLabel = portal.sandbox.store.labels
      .list('contacts', 'deals')
      .find((l) => l.typeId !== undefined && types?.includes(l.typeId) && l.category === 'USER_DEFINED');
    expect(evaluatorLabel?.label).toBe('Technical evaluator');
    const after = await dealBuyingGroup({ parameters: { dealId: g.dealId } });
    if (!after.ok) throw new Error(after.errors.join(' '));
    const role = after.card.roles.find((r) => r.role === 'technical_evaluator');
    expect(role?.holders).toEqual([g.it]);
    expect(after.card.people.find((p) => p.id === g.it)?.source).toBe('label');
  });

  it("open_deals: the contact's role on each open deal; the company's coverage per open deal; closed deals left out", async () => {
    const g = await globexDeal();
    addDeal(portal.sandbox.store, {
      props: { dealname: 'Globex old', amount: '9000', pipeline: 'default', dealstage: 'closedwon' },
      at: Date.now() - 300 * DAY,
      companyId: Number(g.companyId),
      contactIds: [Number(g.cfo)],
    });
    const mine = await openDeals({ parameters: { contactId: g.cfo } });
    if (!mine.ok) throw new Error(mine.errors.join(' '));
    expect(mine.deals.map((d) => d.text)).toEqual(['Globex platform — Economic buyer (rolecall)']);
    const company = await openDeals({ parameters: { companyId: Number(g.companyId) } });
    if (!company.ok) throw new Error(company.errors.join(' '));
    expect(company.deals).toHaveLength(1);
    expect(company.deals[0]?.text).toMatch(/^Globex platform: \d of 4 roles, missing .*technical evaluator/);
    const nobody = await openDeals({ parameters: { contactId: g.it } });
    expect(nobody).toMatchObject({ ok: true, deals: [], more: false });
  });

  it('an open deal without contacts is empty and misses every required role', async () => {
    const deal = addDeal(portal.sandbox.store, {
      props: {
        dealname: 'Cold lead',
        amount: '5000',
        pipeline: 'default',
        dealstage: 'appointmentscheduled',
      },
      at: Date.now(),
      contactIds: [],
    });
    const result = await dealBuyingGroup({ parameters: { dealId: deal.id } });
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(result.card.kind).toBe('empty');
    expect(result.card.roles.every((r) => r.status === 'missing')).toBe(true);
    expect(result.card.completeness).toBe(0);
  });

  it('answers bad input, an unknown deal and a missing token with a sentence and a code', async () => {
    const malformed = await dealBuyingGroup({ parameters: { dealId: 'big one' } });
    expect(!malformed.ok && malformed.errors[0]).toMatch(/malformed.*reload the card/);
    const unknown = await dealBuyingGroup({ parameters: { dealId: 987654321 } });
    expect(!unknown.ok && unknown.errors[0]).toMatch(/Deal 987654321 was not found/);
    const badRole = await addToDeal({ parameters: { dealId: 1, contactId: 2, role: 'other' } });
    expect(badRole.ok).toBe(false);
    process.env.PRIVATE_APP_ACCESS_TOKEN = 'pat-na1-revoked0-0000-0000-0000-000000000000';
    const revoked = await openDeals({ parameters: { contactId: 1 } });
    expect(revoked).toMatchObject({ ok: false, code: 'disconnected' });
    delete process.env.PRIVATE_APP_ACCESS_TOKEN;
    expect(await dealBuyingGroup({ parameters: { dealId: 1 } })).toMatchObject({
      ok: false,
      code: 'disconnected',
    });
  });

  it('a portal where setup never ran: the card says so and add_to_deal names the fix', async () => {
    const bare = await startSandbox({ port: 0, contacts: 0, rateLimit: false });
    open.push(bare);
    process.env.PRIVATE_APP_ACCESS_TOKEN = bare.token;
    process.env.ROLECALL_HUBSPOT_BASE_URL = bare.baseUrl;
    const deal = addDeal(bare.store, {
      props: {
        dealname: 'Unlabelled',
        amount: '5000',
        pipeline: 'default',
        dealstage: 'appointmentscheduled',
      },
      at: Date.now(),
      contactIds: [],
    });
    const card = await dealBuyingGroup({ parameters: { dealId: deal.id } });
    expect(card.ok && card.card.configured).toBe(false);
    const add = await addToDeal({ parameters: { dealId: deal.id, contactId: 1, role: 'champion' } });
    expect(add).toMatchObject({ ok: false, code: 'unconfigured' });
    expect(!add.ok && add.errors[0]).toMatch(/run "rolecall setup"/);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { captureOutput, rolecall } from './run-cli.ts';

const io = captureOutput();
let sandbox: Sandbox;
let db: string;
let dealId: number;
let labelled: number;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, contacts: 200, deals: 20, rateLimit: false });
  const setup = await setupPortal(
    createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }),
    defaultPlaybook,
    false,
  );
  expect(setup.error).toBeUndefined();
  db = join(mkdtempSync(join(tmpdir(), 'rolecall-deal-card-')), 'rolecall.db');
  const store = sandbox.store;
  const deal = store.deals.records.find(
    (d) => d.props.hs_is_closed === 'false' && store.graph.ids('deals', d.id, 'contacts').length >= 2,
  )!;
  dealId = deal.id;
  labelled = store.graph.ids('deals', deal.id, 'contacts')[0]!;
  // A person labelled one contact "Champion" on this deal.
  const champion = store.labels.list('contacts', 'deals').find((l) => l.label === 'Champion')!;
  store.graph.link('contacts', labelled, 'deals', deal.id, [champion.typeId]);
});
afterAll(async () => sandbox.close());
beforeEach(() => {
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', sandbox.token);
});

const deals = (...args: string[]) => rolecall('deals', '--base-url', sandbox.baseUrl, '--db', db, ...args);

describe('rolecall deals --card', () => {
  it("prints the deal card model as JSON; a label nobody from rolecall wrote is named as a person's", async () => {
    expect(await deals('--card', String(dealId), '--json')).toBe(0);
    const card = JSON.parse(io.out);
    expect(card.deal.id).toBe(String(dealId));
    expect(card.ownershipKnown).toBe(true);
    expect(card.people.find((p: { id: string }) => p.id === String(labelled))).toMatchObject({
      role: 'champion',
      source: 'person',
      why: 'labelled by a person',
    });
    expect(card.roles.length).toBeGreaterThan(0);
  });

  it('prints it as text, top to bottom', async () => {
    expect(await deals('--card', String(dealId))).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`\\(${dealId}\\) · (New business|Renewal|Expansion) · `));
    expect(lines[1]).toMatch(/^\d of \d required roles filled/);
    expect(io.out).toMatch(/^Champion: (✔ engaged|· no recent activity)$/m);
    expect(io.out).toMatch(/labelled by a person/);
  });

  it('rejects a bad id with exit 2 and an unknown deal with exit 1, naming the fix', async () => {
    expect(await deals('--card', 'abc')).toBe(2);
    expect(io.err).toMatch(/--card needs a deal id/);
    expect(await deals('--card', '999999999')).toBe(1);
    expect(io.err).toMatch(/Deal 999999999 was not found/);
  });
});

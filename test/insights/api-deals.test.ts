import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { runInsights } from '../../src/insights/run.ts';
import { DEFAULT_INSIGHTS_OPTIONS, type InsightsReport } from '../../src/insights/types.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { captureOutput } from '../cli/run-cli.ts';

/** Deals made through the public API (not the generator): the analysis must hold up on them too. */
const NOW = '2026-12-01T00:00:00.000Z';
const DAY = 86_400_000;
const io = captureOutput();
let sandbox: Sandbox | undefined;
afterEach(async () => {
  delete process.env.HUBSPOT_ACCESS_TOKEN;
  process.exitCode = undefined;
  await sandbox?.close();
  sandbox = undefined;
});

async function api<T = { id: string }>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox!.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox!.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? {} : await response.json()) as T;
}
const create = (type: string, properties: Record<string, string>) =>
  api('POST', `/crm/v3/objects/${type}`, { properties });
const link = (from: string, fromId: string, to: string, toId: string) =>
  api('PUT', `/crm/v4/objects/${from}/${fromId}/associations/default/${to}/${toId}`);

interface Plan {
  won: boolean;
  cfo: boolean;
  /** The CFO's deal label, set by a person. */
  label?: string;
  /** A call with the CFO 10 days before the close. */
  call: boolean;
  contacts: boolean;
}

/** n deals: won if i < n·0.4, a CFO on every third, labelled "Champion" on the first two, calls on the first 10. */
function plans(n: number): Plan[] {
  return Array.from({ length: n }, (_, i) => ({
    won: i < Math.round(n * 0.4),
    cfo: i % 3 === 0,
    ...(i < 4 && i % 3 === 0 ? { label: 'Champion' } : {}),
    call: i < 10,
    contacts: i !== n - 1,
  }));
}

async function buildPortal(deals: Plan[]): Promise<void> {
  sandbox = await startSandbox({ seed: 3, rateLimit: false, searchPerSecond: 0 });
  const labels = await api<{ results: Array<{ typeId: number; label: string }> }>(
    'POST',
    '/crm/v4/associations/deals/contacts/labels',
    { label: 'Champion', name: 'deal_champion' },
  );
  const champion = labels.results.find((l) => l.label === 'Champion')!.typeId;
  for (const [i, plan] of deals.entries()) {
    const close = new Date(Date.parse(NOW) - (20 + i * 7) * DAY);
    const company = await create('companies', {
      name: `Api Co ${i}`,
      numberofemployees: '400',
      industry: 'COMPUTER_SOFTWARE',
    });
    const deal = await create('deals', {
      dealname: `Api deal ${i}`,
      amount: String(5_000 + i * 4_000),
      pipeline: 'default',
      dealstage: plan.won ? 'closedwon' : 'closedlost',
      closedate: close.toISOString(),
    });
    await link('deals', deal.id, 'companies', company.id);
    if (!plan.contacts) continue;
    const manager = await create('contacts', {
      email: `manager${i}@api.example.com`,
      jobtitle: 'Sales Manager',
    });
    await link('deals', deal.id, 'contacts', manager.id);
    if (!plan.cfo) continue;
    const cfo = await create('contacts', {
      email: `cfo${i}@api.example.com`,
      jobtitle: 'Chief Financial Officer',
    });
    await link('deals', deal.id, 'contacts', cfo.id);
    if (plan.label) {
      await api('PUT', `/crm/v4/objects/deals/${deal.id}/associations/contacts/${cfo.id}`, [
        { associationCategory: 'USER_DEFINED', associationTypeId: champion },
      ]);
    }
    if (plan.call) {
      const call = await create('calls', {
        hs_timestamp: new Date(close.getTime() - 10 * DAY).toISOString(),
      });
      await link('calls', call.id, 'contacts', cfo.id);
      await link('deals', deal.id, 'calls', call.id);
    }
  }
}

const finding = (report: InsightsReport, kind: string, id: string, basis: string) =>
  report.findings.find((f) => f.kind === kind && f.id === id && f.basis === basis)!;

describe('insights on deals created through the API', () => {
  it('counts every deal, reads labels a person set over the classification, and engagement before the close', async () => {
    const deals = plans(30);
    await buildPortal(deals);
    const gateway = createGateway({
      accessToken: sandbox!.token,
      baseUrl: sandbox!.baseUrl,
      baseBackoffMs: 20,
    });
    const run = await runInsights(gateway, defaultPlaybook, { ...DEFAULT_INSIGHTS_OPTIONS, now: NOW });
    if (!run.ok) throw new Error(run.message);
    const report = run.report;
    const count = (test: (p: Plan) => boolean) => deals.filter(test).length;
    expect(report.deals).toEqual({ won: count((p) => p.won), lost: count((p) => !p.won) });
    const finance = finding(report, 'persona', 'finance_leader', 'present');
    expect(finance).toMatchObject({
      withDeals: count((p) => p.cfo && p.contacts),
      withWon: count((p) => p.cfo && p.contacts && p.won),
      withoutDeals: count((p) => !(p.cfo && p.contacts)),
    });
    // The person's "Champion" label wins over the CFO's classification (economic buyer).
    expect(finding(report, 'role', 'economic_buyer', 'present').withDeals).toBe(
      count((p) => p.cfo && p.contacts && !p.label),
    );
    expect(finding(report, 'role', 'champion', 'present').withDeals).toBe(count((p) => p.contacts));
    // Engaged: only the CFOs with a call before the close.
    expect(finding(report, 'persona', 'finance_leader', 'engaged').withDeals).toBe(
      count((p) => p.cfo && p.contacts && p.call),
    );
    expect(report.byThreads.find((s) => s.key === '0 roles')!.deals).toBe(count((p) => !(p.cfo && p.call)));
    expect(report.bySize.reduce((sum, s) => sum + s.deals, 0)).toBe(30);
  });

  it('rolecall insights --json on a portal with 8 closed deals answers "not enough data"', async () => {
    await buildPortal(plans(8));
    process.env.HUBSPOT_ACCESS_TOKEN = sandbox!.token;
    const code = await main([
      'node',
      'rolecall',
      'insights',
      '--base-url',
      sandbox!.baseUrl,
      '--json',
      '--now',
      NOW,
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(io.out) as InsightsReport;
    expect(report.enoughData).toBe(false);
    expect(report.deals).toEqual({ won: 3, lost: 5 });
    expect(report.message).toContain('Not enough data: 8 closed deal(s)');
    expect(report.findings).toEqual([]);
  });
});

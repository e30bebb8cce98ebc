import { defaultPlaybook } from '../core.ts';
import { dealBuyingGroup, openDeals } from '../functions/deal-group.ts';
import { createGateway } from '../hubspot/gateway.ts';
import { setupPortal } from '../hubspot/setup.ts';
import { startSandbox } from '../sandbox/index.ts';

/**
 * `npm run bench -- dealcard`: what one load of the deal card (deal_buying_group, candidates included) and
 * of the open-deal lines (open_deals for a company, a contact) costs in HubSpot requests and time, for the
 * deals with the most contacts and the companies with the most deals of a seeded sandbox. Requests decide
 * whether a card answers within HubSpot's ~15 s function limit on a real portal (~100–300 ms each).
 */
const sandbox = await startSandbox({ port: 0, contacts: 5_000, deals: 600, seed: 17, rateLimit: false });
try {
  const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
  const setup = await setupPortal(gateway, defaultPlaybook, false);
  if (setup.error) throw new Error(setup.error.message);
  const store = sandbox.store;
  const env = { gateway, playbook: defaultPlaybook, now: () => new Date() };
  const open = store.deals.records.filter((d) => d.props.hs_is_closed === 'false');
  const biggest = [...open]
    .sort(
      (a, b) =>
        store.graph.ids('deals', b.id, 'contacts').length - store.graph.ids('deals', a.id, 'contacts').length,
    )
    .slice(0, 20);
  const byCompany = new Map<number, number>();
  for (const d of store.deals.records)
    for (const c of store.graph.ids('deals', d.id, 'companies'))
      byCompany.set(c, (byCompany.get(c) ?? 0) + 1);
  const companies = [...byCompany].sort((a, b) => b[1] - a[1]).slice(0, 20);

  async function measure(what: string, calls: Array<() => Promise<{ ok: boolean }>>, size: string) {
    const requests: number[] = [];
    const ms: number[] = [];
    for (const call of calls) {
      const before = gateway.metrics().requests;
      const t0 = performance.now();
      const result = await call();
      if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
      ms.push(performance.now() - t0);
      requests.push(gateway.metrics().requests - before);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0;
    console.log(
      `${what.padEnd(34)} ${size.padEnd(26)} requests median ${median(requests)}, max ${Math.max(...requests)}; local time median ${median(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
    );
  }

  const contactsOn = biggest.map((d) => store.graph.ids('deals', d.id, 'contacts').length);
  await measure(
    'deal card (deal_buying_group)',
    biggest.map((d) => () => dealBuyingGroup({ dealId: d.id }, env)),
    `${Math.min(...contactsOn)}–${Math.max(...contactsOn)} contacts per deal`,
  );
  await measure(
    'company open deals (open_deals)',
    companies.map(
      ([id]) =>
        () =>
          openDeals({ companyId: id }, env),
    ),
    `${companies.at(-1)?.[1]}–${companies[0]?.[1]} deals per company`,
  );
  const people = biggest.map((d) => store.graph.ids('deals', d.id, 'contacts')[0] as number);
  await measure(
    'contact open deals (open_deals)',
    people.map((id) => () => openDeals({ contactId: id }, env)),
    'contacts on the largest deals',
  );
  console.log(`sandbox: 5,000 contacts, ${store.deals.records.length} deals (${open.length} open), seed 17`);
} finally {
  await sandbox.close();
}

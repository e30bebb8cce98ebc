import type { Gateway } from '../hubspot/gateway.ts';
import type { Playbook } from '../playbook/schema.ts';
import { analyze } from './analyze.ts';
import { toClosedDeal } from './closed-deals.ts';
import { playbookFacts } from './patterns.ts';
import { loadClosedDeals } from './source.ts';
import type { InsightsOptions, InsightsReport } from './types.ts';

export type InsightsRun =
  | { ok: true; report: InsightsReport; warnings: string[]; requests: number }
  | { ok: false; message: string };

/** Reads the period's closed deals through the gateway, classifies their contacts and analyses them. */
export async function runInsights(
  gateway: Gateway,
  playbook: Playbook,
  options: InsightsOptions,
): Promise<InsightsRun> {
  const to = new Date(Date.parse(options.now));
  const from = new Date(to.getTime() - options.sinceDays * 86_400_000);
  const loaded = await loadClosedDeals(gateway, playbook, {
    from,
    to,
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
  });
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  const deals = loaded.value.deals.map((raw) => toClosedDeal(raw, playbook));
  return {
    ok: true,
    report: analyze(deals, playbookFacts(playbook), options),
    warnings: loaded.value.warnings,
    requests: loaded.value.requests,
  };
}

import { analyze } from '../../src/insights/analyze.ts';
import { type RawClosedDeal, toClosedDeal } from '../../src/insights/closed-deals.ts';
import { playbookFacts } from '../../src/insights/patterns.ts';
import { type ClosedDeal, DEFAULT_INSIGHTS_OPTIONS, type InsightsOptions } from '../../src/insights/types.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { mulberry32 } from '../../src/sandbox/prng.ts';
import type { DealHistory } from '../../src/sandbox/seed/deal-history.ts';

export const NOW = '2026-12-01T00:00:00.000Z';

/** The generated history as the CRM reader would hand it over (no labels: roles come from classify()). */
export function rawDeals(history: DealHistory): RawClosedDeal[] {
  const companies = new Map(history.companies.map((c) => [c.key, c]));
  const contacts = new Map(history.contacts.map((c) => [c.key, c]));
  return history.deals.map((deal) => {
    const company = companies.get(deal.companyKey)!.properties;
    return {
      id: deal.key,
      outcome: deal.outcome,
      closeDate: deal.closeDate,
      amount: Number(deal.properties.amount),
      pipeline: 'default',
      company: {
        name: company.name,
        employees: Number(company.numberofemployees),
        industry: company.industry,
      },
      contacts: deal.contacts.map((link) => ({
        id: link.contactKey,
        jobTitle: contacts.get(link.contactKey)!.properties.jobtitle,
        labels: [],
        lastEngagedAt: link.engagedAt,
      })),
    };
  });
}

export function classifiedDeals(history: DealHistory): ClosedDeal[] {
  return rawDeals(history).map((raw) => toClosedDeal(raw, defaultPlaybook));
}

export function analyzeDeals(deals: readonly ClosedDeal[], options: Partial<InsightsOptions> = {}) {
  return analyze(deals, playbookFacts(defaultPlaybook), {
    ...DEFAULT_INSIGHTS_OPTIONS,
    now: NOW,
    ...options,
  });
}

export function analyzeHistory(history: DealHistory, options: Partial<InsightsOptions> = {}) {
  return analyzeDeals(classifiedDeals(history), options);
}

/** The same deals with their outcomes permuted (Fisher–Yates with a seeded PRNG): no effect is left. */
export function shuffled(deals: readonly ClosedDeal[], seed: number): ClosedDeal[] {
  const rng = mulberry32(seed);
  const outcomes = deals.map((deal) => deal.outcome);
  for (let i = outcomes.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [outcomes[i], outcomes[j]] = [outcomes[j]!, outcomes[i]!];
  }
  return deals.map((deal, i) => ({ ...deal, outcome: outcomes[i]! }));
}

import { readClosedDealLinks, searchClosedDeals } from '../hubspot/closed-deals.ts';
import type { HubSpotResult } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../hubspot/properties.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { RawClosedDeal } from './closed-deals.ts';

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * A deal association label as a rolecall role: matched against each role's id, label and HubSpot value
 * ("Decision maker", "decision_maker", "Budget holder" → economic_buyer). Unknown labels are ignored.
 */
export function roleOfLabel(label: string, playbook: Playbook): string | undefined {
  const key = squash(label);
  if (!key) return undefined;
  return playbook.roles.find(
    (role) => squash(role.id) === key || squash(role.label) === key || squash(role.hubspotValue) === key,
  )?.id;
}

const toIso = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

export interface LoadedDeals {
  deals: RawClosedDeal[];
  warnings: string[];
  requests: number;
}

/** Reads every closed deal in the period through the gateway, with what the analysis needs about each. */
export async function loadClosedDeals(
  gateway: Gateway,
  playbook: Playbook,
  query: { from: Date; to: Date; pipeline?: string },
): Promise<HubSpotResult<LoadedDeals>> {
  const before = gateway.metrics().requests;
  const found: CrmRecord[] = [];
  let afterId: string | undefined;
  do {
    const page = await searchClosedDeals(gateway.transport, { ...query, ...(afterId ? { afterId } : {}) });
    if (!page.ok) return page;
    found.push(...page.value.results);
    afterId = page.value.next;
  } while (afterId);
  const warnings: string[] = [];
  const ids = found.map((deal) => deal.id);
  const links = await readClosedDealLinks(gateway.transport, ids);
  if (!links.ok) return links;
  if (links.value.engagementProblem) warnings.push(links.value.engagementProblem);
  const contactIds = [...new Set([...links.value.contacts.values()].flat().map((c) => c.id))];
  const contacts = await gateway.readContacts(contactIds, { properties: CONTACT_INPUT_PROPERTIES });
  if (!contacts.ok) return contacts;
  const companies = await gateway.readCompanies(
    [...new Set(links.value.company.values())],
    COMPANY_INPUT_PROPERTIES,
  );
  if (!companies.ok) return companies;
  const contactById = new Map(contacts.value.map((record) => [record.id, record]));
  const companyById = new Map(companies.value.map((record) => [record.id, record]));
  const unknownLabels = new Set<string>();

  const deals: RawClosedDeal[] = [];
  for (const deal of found) {
    const closeDate = toIso(deal.properties.closedate);
    if (!closeDate) continue;
    const close = Date.parse(closeDate);
    const companyId = links.value.company.get(deal.id);
    const company = companyId ? companyById.get(companyId) : undefined;
    const engagements = links.value.engagements.get(deal.id);
    const amount = deal.properties.amount ? Number(deal.properties.amount) : Number.NaN;
    deals.push({
      id: deal.id,
      ...(deal.properties.dealname ? { name: deal.properties.dealname } : {}),
      outcome: deal.properties.hs_is_closed_won === 'true' ? 'won' : 'lost',
      closeDate,
      amount: Number.isFinite(amount) ? amount : null,
      pipeline: deal.properties.pipeline ?? 'default',
      company: company ? companyFacts(company.properties) : null,
      contacts: (links.value.contacts.get(deal.id) ?? [])
        .filter((link) => contactById.has(link.id))
        .map((link) => {
          const labels: string[] = [];
          for (const label of link.labels) {
            const role = roleOfLabel(label, playbook);
            if (role) labels.push(role);
            else unknownLabels.add(label);
          }
          const times = (engagements?.get(link.id) ?? []).filter((at) => at <= close);
          const facts = contactFacts(contactById.get(link.id)!.properties);
          return {
            id: link.id,
            jobTitle: facts.jobTitle ?? null,
            seniorityHint: facts.seniorityHint ?? null,
            labels,
            lastEngagedAt: times.length > 0 ? new Date(Math.max(...times)).toISOString() : null,
          };
        }),
    });
  }
  if (unknownLabels.size > 0) {
    warnings.push(
      `Deal association labels that name no playbook role were ignored: ${[...unknownLabels].sort().join(', ')}.`,
    );
  }
  return { ok: true, value: { deals, warnings, requests: gateway.metrics().requests - before } };
}

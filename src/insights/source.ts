import { dealRoleLabels, roleOfLabel } from '../deals/labels.ts';
import { searchClosedDeals } from '../hubspot/closed-deals.ts';
import { readDealEngagements } from '../hubspot/deal-engagements.ts';
import type { Association } from '../hubspot/deals-api.ts';
import type { HubSpotResult } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../hubspot/properties.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { RawClosedDeal } from './closed-deals.ts';

const toIso = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/** HubSpot's default association type id for a deal's primary company. */
const PRIMARY_DEAL_COMPANY = 5;

export interface ClosedDealLinks {
  /** deal id → its contacts, with the association types (and labels) of each. */
  contacts: Map<string, Association[]>;
  /** deal id → its primary company id (else its first company). */
  company: Map<string, string>;
  /** deal id → contact id → the times (ms) of the engagements on the deal that involved that contact. */
  engagements: Map<string, Map<string, number[]>>;
  /** Set when engagements could not be read (e.g. a missing scope); the analysis goes on without them. */
  engagementProblem?: string;
}

/** The contacts, primary company and engagements (with the contacts each involved) of a set of deals. */
export async function readClosedDealLinks(
  gateway: Gateway,
  dealIds: readonly string[],
): Promise<HubSpotResult<ClosedDealLinks>> {
  const contacts = await gateway.readAssociations('deals', 'contacts', dealIds);
  if (!contacts.ok) return contacts;
  const companies = await gateway.readAssociations('deals', 'companies', dealIds);
  if (!companies.ok) return companies;
  const company = new Map<string, string>();
  for (const [dealId, list] of companies.value) {
    const primary = list.find((c) => c.types.some((t) => t.typeId === PRIMARY_DEAL_COMPANY)) ?? list[0];
    if (primary) company.set(dealId, primary.toId);
  }
  const links: ClosedDealLinks = { contacts: contacts.value, company, engagements: new Map() };
  const engagements = await readDealEngagements(gateway, dealIds);
  if (!engagements.ok) {
    const type = 'type' in engagements ? engagements.type : 'engagements';
    return {
      ok: true,
      value: {
        ...links,
        engagementProblem: `Could not read ${type} (${engagements.error.message}); "engaged" findings are left out.`,
      },
    };
  }
  return { ok: true, value: { ...links, engagements: engagements.value } };
}

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
  const links = await readClosedDealLinks(gateway, ids);
  if (!links.ok) return links;
  if (links.value.engagementProblem) warnings.push(links.value.engagementProblem);
  const contactIds = [...new Set([...links.value.contacts.values()].flat().map((c) => c.toId))];
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
  const roleLabels = dealRoleLabels(playbook);

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
        .filter((link) => contactById.has(link.toId))
        .map((link) => {
          const labels: string[] = [];
          for (const type of link.types) {
            const label = type.label;
            if (!label) continue;
            const role = roleOfLabel(label, roleLabels);
            if (role) labels.push(role);
            else unknownLabels.add(label);
          }
          const times = (engagements?.get(link.toId) ?? []).filter((at) => at <= close);
          const facts = contactFacts(contactById.get(link.toId)!.properties);
          return {
            id: link.toId,
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

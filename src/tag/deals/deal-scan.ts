import { type Candidate, candidatesFor, type PoolContact } from '../../deals/candidates.ts';
import {
  type AssociationLabelRef,
  type DealContact,
  type DealEvaluation,
  evaluateDeal,
} from '../../deals/evaluate.ts';
import { type LabelPlan, planDealLabels } from '../../deals/label-plan.ts';
import { lastEngagement, readDealEngagements } from '../../hubspot/deal-engagements.ts';
import type { Association } from '../../hubspot/deals-api.ts';
import type { HubSpotResult } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import { CONTACT_INPUT_PROPERTIES } from '../../hubspot/properties.ts';
import { contactFacts } from '../../hubspot/record-input.ts';
import type { CrmRecord } from '../../hubspot/records.ts';
import type { Playbook } from '../../playbook/schema.ts';
import type { Classification } from '../../taxonomy.ts';
import { CompanyLookup } from '../companies.ts';
import type { Classifier } from '../run-tag.ts';
import { DEAL_READ_PROPERTIES, type DealContext, dealFactsOf } from './deal-context.ts';

export { DEAL_READ_PROPERTIES, type DealContext, dealFactsOf, loadDealContext } from './deal-context.ts';

const CONTACT_READ = [
  ...CONTACT_INPUT_PROPERTIES,
  'firstname',
  'lastname',
  'hs_last_sales_activity_timestamp',
  'notes_last_contacted',
];

export interface ScannedDeal {
  evaluation: DealEvaluation;
  /** Current labels per contact on the deal (contact→deal type ids). */
  current: Map<string, AssociationLabelRef[]>;
  properties: Record<string, string | null>;
  companyId?: string;
  candidates?: Record<string, Candidate[]>;
}

export interface DealScanInput {
  gateway: Gateway;
  playbook: Playbook;
  classify: Classifier;
  context: DealContext;
  now: number;
  includeClosed?: boolean;
  /** Deals per step (default 500): bounds memory whatever the portal's size. */
  chunkSize?: number;
  /** Only these deals (a card, a webhook). */
  dealIds?: readonly string[];
  /** Labels rolecall owns (`deal:contact:type`), from the audit log; all others are a person's. */
  owned?: (dealIds: readonly string[]) => Set<string>;
  /** Also rank people to bring in for each missing role (reads the companies' contacts). */
  withCandidates?: boolean;
}

const activityOf = (p: Record<string, string | null>): number | null => {
  const t = Date.parse(p.hs_last_sales_activity_timestamp ?? p.notes_last_contacted ?? '');
  return Number.isFinite(t) ? t : null;
};

const nameOf = (p: Record<string, string | null>) =>
  [p.firstname, p.lastname].filter(Boolean).join(' ') || undefined;

/**
 * Walks deals (open ones unless `includeClosed`) in steps: reads each step's deals, their contacts with
 * labels, those contacts and their companies, classifies them and evaluates every deal.
 */
export async function* scanDeals(input: DealScanInput): AsyncGenerator<HubSpotResult<ScannedDeal[]>> {
  const { gateway } = input;
  const companies = new CompanyLookup(gateway);
  const size = input.chunkSize ?? 500;
  if (input.dealIds) {
    for (let start = 0; start < input.dealIds.length; start += size) {
      const read = await gateway.readDeals(input.dealIds.slice(start, start + size), DEAL_READ_PROPERTIES);
      if (!read.ok) return yield read;
      yield await evaluateStep(input, companies, read.value);
    }
    return;
  }
  let after: string | undefined;
  for (;;) {
    const batch: CrmRecord[] = [];
    while (batch.length < size) {
      const page = await gateway.listDeals({ properties: DEAL_READ_PROPERTIES, ...(after ? { after } : {}) });
      if (!page.ok) return yield page;
      for (const record of page.value.results) {
        if (input.includeClosed || !dealFactsOf(record, input.context.pipelines).closed) batch.push(record);
      }
      after = page.value.next;
      if (!after) break;
    }
    if (batch.length > 0) yield await evaluateStep(input, companies, batch);
    if (!after) return;
  }
}

async function evaluateStep(
  input: DealScanInput,
  companies: CompanyLookup,
  deals: readonly CrmRecord[],
): Promise<HubSpotResult<ScannedDeal[]>> {
  const { gateway, context } = input;
  const ids = deals.map((d) => d.id);
  const links = await gateway.readAssociations('deals', 'contacts', ids);
  if (!links.ok) return links;
  const contactIds = [...new Set([...links.value.values()].flatMap((list) => list.map((a) => a.toId)))];
  const [people, activity] = await Promise.all([
    readPeople(input, companies, contactIds),
    readDealEngagements(gateway, ids),
  ]);
  if (!people.ok) return people;
  // Without the engagement scopes only the contact's own last-engagement date is left to go on.
  if (!activity.ok && activity.error.kind !== 'scope') return activity;
  const onDeal = (dealId: string, contactId: string, own: number | null) =>
    activity.ok ? lastEngagement(activity.value, dealId, contactId) : own;
  const owned = input.owned?.(ids) ?? new Set<string>();
  let dealCompanies: Map<string, Association[]> | undefined;
  if (input.withCandidates) {
    const read = await gateway.readAssociations('deals', 'companies', ids);
    if (!read.ok) return read;
    dealCompanies = read.value;
  }
  const scanned: ScannedDeal[] = [];
  for (const record of deals) {
    const current = new Map<string, AssociationLabelRef[]>();
    const contacts: DealContact[] = [];
    for (const link of links.value.get(record.id) ?? []) {
      const person = people.value.get(link.toId);
      const labels = link.types
        .filter((t) => t.category !== 'HUBSPOT_DEFINED' && t.label)
        .map((t) => {
          const typeId = context.toContactSide.get(t.typeId) ?? t.typeId;
          return { typeId, label: t.label, byRolecall: owned.has(`${record.id}:${link.toId}:${typeId}`) };
        });
      current.set(link.toId, labels);
      contacts.push({
        id: link.toId,
        ...(person?.name ? { name: person.name } : {}),
        title: person?.title ?? null,
        classification: person?.classification ?? { buyingRole: 'other', persona: 'unknown' },
        lastActivity: onDeal(record.id, link.toId, person?.lastActivity ?? null),
        labels,
      });
    }
    const evaluation = evaluateDeal({
      deal: dealFactsOf(record, context.pipelines),
      contacts,
      playbook: input.playbook,
      roleLabels: context.roleLabels,
      now: input.now,
    });
    const companyId = dealCompanies
      ? (
          dealCompanies.get(record.id)?.find((a) => a.types.some((t) => t.typeId === 5)) ??
          dealCompanies.get(record.id)?.[0]
        )?.toId
      : undefined;
    scanned.push({ evaluation, current, properties: record.properties, ...(companyId ? { companyId } : {}) });
  }
  if (input.withCandidates) {
    const error = await addCandidates(input, companies, scanned);
    if (error) return error;
  }
  return { ok: true, value: scanned };
}

interface Person {
  name?: string;
  title: string | null;
  classification: Classification;
  lastActivity: number | null;
  companyName?: string | null;
}

async function readPeople(
  input: DealScanInput,
  companies: CompanyLookup,
  ids: readonly string[],
): Promise<HubSpotResult<Map<string, Person>>> {
  const out = new Map<string, Person>();
  if (ids.length === 0) return { ok: true, value: out };
  const read = await input.gateway.readContacts(ids, { properties: CONTACT_READ });
  if (!read.ok) return read;
  const info = await companies.forContacts(ids);
  if (!info.ok) return info;
  for (const record of read.value) {
    const company = info.value.get(record.id);
    const name = nameOf(record.properties);
    out.set(record.id, {
      ...(name ? { name } : {}),
      title: record.properties.jobtitle ?? null,
      classification: input.classify(contactFacts(record.properties), company?.facts ?? null, input.playbook),
      lastActivity: activityOf(record.properties),
      companyName: company?.facts.name ?? null,
    });
  }
  return { ok: true, value: out };
}

/** People at each deal's company and its parent/child companies, ranked for the deal's missing roles. */
async function addCandidates(
  input: DealScanInput,
  companies: CompanyLookup,
  scanned: ScannedDeal[],
): Promise<{ ok: false; error: import('../../hubspot/errors.ts').HubSpotError } | undefined> {
  const { gateway } = input;
  const companyIds = [...new Set(scanned.flatMap((s) => (s.companyId ? [s.companyId] : [])))];
  if (companyIds.length === 0) return undefined;
  const family = await gateway.readAssociations('companies', 'companies', companyIds);
  if (!family.ok) return family;
  const relations = new Map<string, Map<string, PoolContact['relation']>>();
  const allCompanies = new Set(companyIds);
  for (const id of companyIds) {
    const rel = new Map<string, PoolContact['relation']>([[id, 'same']]);
    for (const link of family.value.get(id) ?? []) {
      // 13: the linked company is a child of this one; 14: it is the parent.
      if (link.types.some((t) => t.typeId === 14)) rel.set(link.toId, 'parent');
      else if (link.types.some((t) => t.typeId === 13)) rel.set(link.toId, 'child');
      allCompanies.add(link.toId);
    }
    relations.set(id, rel);
  }
  const staff = await gateway.readAssociations('companies', 'contacts', [...allCompanies]);
  if (!staff.ok) return staff;
  const poolIds = [...new Set([...staff.value.values()].flatMap((l) => l.map((a) => a.toId)))];
  const people = await readPeople(input, companies, poolIds);
  if (!people.ok) return people;
  for (const deal of scanned) {
    if (!deal.companyId || deal.evaluation.missing.length === 0) {
      deal.candidates = {};
      continue;
    }
    const onDeal = new Set(deal.evaluation.contacts.map((c) => c.id));
    const pool: PoolContact[] = [];
    for (const [companyId, relation] of relations.get(deal.companyId) ?? []) {
      for (const link of staff.value.get(companyId) ?? []) {
        const p = people.value.get(link.toId);
        if (!p || onDeal.has(link.toId)) continue;
        pool.push({
          id: link.toId,
          ...(p.name ? { name: p.name } : {}),
          title: p.title,
          companyName: p.companyName ?? null,
          relation,
          classification: p.classification,
          lastActivity: p.lastActivity,
        });
      }
    }
    deal.candidates = candidatesFor(
      deal.evaluation.missing,
      pool,
      deal.evaluation.kind,
      input.playbook,
      input.now,
    );
  }
  return undefined;
}

/** The label plan of each scanned deal: the one way `tag` and the server's deal jobs turn a scan into writes. */
export function planScannedDeals(
  deals: readonly ScannedDeal[],
  context: Pick<DealContext, 'labelIds'>,
  withProperties: boolean,
): LabelPlan[] {
  return deals.map((deal) =>
    planDealLabels({
      evaluation: deal.evaluation,
      current: deal.current,
      labelIds: context.labelIds,
      properties: deal.properties,
      withProperties,
    }),
  );
}

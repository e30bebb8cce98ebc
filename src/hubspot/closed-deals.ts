/**
 * Reading closed deals for the won/lost analysis: the deals (search), their contacts with association
 * labels, their primary company, and the engagements (calls, meetings, emails) on each deal with the
 * contacts they involved. HubSpot's paths for this live here and nowhere else.
 */
import type { HubSpotResult } from './errors.ts';
import { type CrmRecord, type Page, type PropertyFilter, toRecord } from './records.ts';
import type { Transport } from './transport.ts';

export const CLOSED_DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'closedate',
  'pipeline',
  'dealstage',
  'hs_is_closed_won',
  'hs_is_closed',
] as const;

export const ENGAGEMENT_TYPES = ['calls', 'meetings', 'emails'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

/** HubSpot's default association type id for a deal's primary company. */
const PRIMARY_DEAL_COMPANY = 5;
const SEARCH_PAGE = 200;
const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;

export interface AssociatedRecord {
  id: string;
  typeIds: number[];
  /** Labels of the association's labelled types (user-defined or HubSpot-defined), as HubSpot names them. */
  labels: string[];
}

interface AssociationResult {
  from?: { id?: string | number };
  to?: Array<{
    toObjectId?: string | number;
    associationTypes?: Array<{ typeId?: number; label?: string | null; category?: string }>;
  }>;
  paging?: { next?: { after?: string } };
}

/** One page of closed deals (won or lost) closed in [from, to], in id order; optional pipeline. */
export async function searchClosedDeals(
  transport: Transport,
  query: { from: Date; to: Date; pipeline?: string; afterId?: string },
): Promise<HubSpotResult<Page<CrmRecord>>> {
  const filters: PropertyFilter[] = [
    { propertyName: 'hs_is_closed', operator: 'EQ', value: 'true' },
    { propertyName: 'closedate', operator: 'GTE', value: String(query.from.getTime()) },
    { propertyName: 'closedate', operator: 'LTE', value: String(query.to.getTime()) },
  ];
  if (query.pipeline) filters.push({ propertyName: 'pipeline', operator: 'EQ', value: query.pipeline });
  if (query.afterId) filters.push({ propertyName: 'hs_object_id', operator: 'GT', value: query.afterId });
  const result = await transport.send<{ results?: unknown[] }>({
    method: 'POST',
    path: '/crm/v3/objects/deals/search',
    search: true,
    body: {
      filterGroups: [{ filters }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: CLOSED_DEAL_PROPERTIES,
      limit: SEARCH_PAGE,
    },
    what: 'searching closed deals',
  });
  if (!result.ok) return result;
  const results = (result.value.body?.results ?? []).map(toRecord).filter((r) => r !== undefined);
  const last = results.at(-1)?.id;
  return { ok: true, value: results.length === SEARCH_PAGE && last ? { results, next: last } : { results } };
}

/** Every association from each id to `to`, with type ids and labels (v4 batch read, following paging). */
export async function readAssociations(
  transport: Transport,
  from: string,
  to: string,
  ids: readonly string[],
): Promise<HubSpotResult<Map<string, AssociatedRecord[]>>> {
  const out = new Map<string, AssociatedRecord[]>();
  let inputs = [...new Set(ids)].map((id): { id: string; after?: string } => ({ id }));
  while (inputs.length > 0) {
    const next: Array<{ id: string; after: string }> = [];
    for (let start = 0; start < inputs.length; start += ASSOCIATION_BATCH) {
      const chunk = inputs.slice(start, start + ASSOCIATION_BATCH);
      const result = await transport.send<{ results?: AssociationResult[] }>({
        method: 'POST',
        path: `/crm/v4/associations/${from}/${to}/batch/read`,
        body: { inputs: chunk },
        what: `reading the ${to} of ${chunk.length} ${from}`,
      });
      if (!result.ok) return result;
      for (const item of result.value.body?.results ?? []) {
        const fromId = String(item.from?.id ?? '');
        if (!fromId) continue;
        const list = out.get(fromId) ?? [];
        for (const link of item.to ?? []) {
          if (link.toObjectId === undefined) continue;
          const types = link.associationTypes ?? [];
          list.push({
            id: String(link.toObjectId),
            typeIds: types.map((t) => Number(t.typeId)).filter(Number.isFinite),
            labels: types.map((t) => t.label).filter((l): l is string => typeof l === 'string' && l !== ''),
          });
        }
        out.set(fromId, list);
        const after = item.paging?.next?.after;
        if (after) next.push({ id: fromId, after });
      }
    }
    inputs = next;
  }
  return { ok: true, value: out };
}

/** Records of any object type by id (batched by 100); unknown ids are left out. */
export async function readObjects(
  transport: Transport,
  objectType: string,
  ids: readonly string[],
  properties: readonly string[],
): Promise<HubSpotResult<CrmRecord[]>> {
  const records: CrmRecord[] = [];
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += READ_BATCH) {
    const chunk = unique.slice(start, start + READ_BATCH);
    const result = await transport.send<{ results?: unknown[] }>({
      method: 'POST',
      path: `/crm/v3/objects/${objectType}/batch/read`,
      body: { inputs: chunk.map((id) => ({ id })), properties },
      what: `reading ${chunk.length} ${objectType}`,
    });
    if (!result.ok) return result;
    for (const raw of result.value.body?.results ?? []) {
      const record = toRecord(raw);
      if (record) records.push(record);
    }
  }
  return { ok: true, value: records };
}

export interface ClosedDealLinks {
  /** deal id → its contacts, with the association labels of each. */
  contacts: Map<string, AssociatedRecord[]>;
  /** deal id → its primary company id (else its first company). */
  company: Map<string, string>;
  /** deal id → contact id → the times (ms) of the engagements on the deal that involved that contact. */
  engagements: Map<string, Map<string, number[]>>;
  /** Set when engagements could not be read (e.g. a missing scope); the analysis goes on without them. */
  engagementProblem?: string;
}

/** The contacts, companies and engagements of a set of deals. */
export async function readClosedDealLinks(
  transport: Transport,
  dealIds: readonly string[],
): Promise<HubSpotResult<ClosedDealLinks>> {
  const contacts = await readAssociations(transport, 'deals', 'contacts', dealIds);
  if (!contacts.ok) return contacts;
  const companies = await readAssociations(transport, 'deals', 'companies', dealIds);
  if (!companies.ok) return companies;
  const company = new Map<string, string>();
  for (const [dealId, list] of companies.value) {
    const primary = list.find((c) => c.typeIds.includes(PRIMARY_DEAL_COMPANY)) ?? list[0];
    if (primary) company.set(dealId, primary.id);
  }
  const engagements = new Map<string, Map<string, number[]>>();
  const links: ClosedDealLinks = { contacts: contacts.value, company, engagements };
  for (const type of ENGAGEMENT_TYPES) {
    const onDeals = await readAssociations(transport, 'deals', type, dealIds);
    if (!onDeals.ok) return engagementFailure(links, type, onDeals.error.message);
    const ids = [...new Set([...onDeals.value.values()].flat().map((e) => e.id))];
    if (ids.length === 0) continue;
    const records = await readObjects(transport, type, ids, ['hs_timestamp']);
    if (!records.ok) return engagementFailure(links, type, records.error.message);
    const when = new Map(records.value.map((r) => [r.id, Date.parse(r.properties.hs_timestamp ?? '')]));
    const people = await readAssociations(transport, type, 'contacts', ids);
    if (!people.ok) return engagementFailure(links, type, people.error.message);
    for (const [dealId, list] of onDeals.value) {
      const byContact = engagements.get(dealId) ?? new Map<string, number[]>();
      for (const engagement of list) {
        const at = when.get(engagement.id);
        if (at === undefined || !Number.isFinite(at)) continue;
        for (const contact of people.value.get(engagement.id) ?? []) {
          byContact.set(contact.id, [...(byContact.get(contact.id) ?? []), at]);
        }
      }
      engagements.set(dealId, byContact);
    }
  }
  return { ok: true, value: links };
}

function engagementFailure(
  links: ClosedDealLinks,
  type: EngagementType,
  message: string,
): HubSpotResult<ClosedDealLinks> {
  return {
    ok: true,
    value: {
      ...links,
      engagements: new Map(),
      engagementProblem: `Could not read ${type} (${message}); "engaged" findings are left out.`,
    },
  };
}

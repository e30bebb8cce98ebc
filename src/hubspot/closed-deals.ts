/**
 * Finding the closed deals of a period for the won/lost analysis (deal search). Their contacts, companies
 * and engagements are read with the gateway's deal API (`deals-api.ts`).
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

const SEARCH_PAGE = 200;

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

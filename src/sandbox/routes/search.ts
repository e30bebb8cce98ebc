import type { RouteContext, RouteRequest } from '../context.ts';
import { notFound, validationError } from '../errors.ts';
import { isError, objectType, type RouteResult, reply } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { accessor } from '../search-access.ts';
import { compileFilterGroups, LIMITS } from '../search-filter.ts';
import { idRange } from '../search-range.ts';
import { toApiObject } from '../serialize.ts';

export const MAX_SEARCH_PAGE = 200;
export const MAX_SEARCH_RESULTS = 10_000;

/** Text properties `query` looks in (hubspot-api.md §3). */
const QUERY_PROPS: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
  companies: ['name', 'domain', 'phone'],
  deals: ['dealname'],
  calls: ['hs_call_title', 'hs_call_body'],
  meetings: ['hs_meeting_title', 'hs_meeting_body'],
  emails: ['hs_email_subject', 'hs_email_text'],
};

interface Sort {
  name: string;
  descending: boolean;
}

function readSort(raw: unknown): Sort | undefined {
  const first = Array.isArray(raw) ? raw[0] : undefined;
  if (typeof first === 'string' && first !== '') {
    return first.startsWith('-')
      ? { name: first.slice(1), descending: true }
      : { name: first, descending: false };
  }
  if (first && typeof first === 'object') {
    const s = first as { propertyName?: unknown; direction?: unknown };
    return { name: String(s.propertyName ?? ''), descending: s.direction === 'DESCENDING' };
  }
  return undefined;
}

/** POST /crm/v3/objects/{type}/search: filters, one sort, offset paging up to 10,000 results. */
export function searchObjects(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = objectType(req.params.type ?? '');
  if (!type) return notFound(req.params.type ?? '');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SEARCH_PAGE) {
    return validationError(`limit must be between 0 and ${MAX_SEARCH_PAGE}; got ${String(body.limit)}.`);
  }
  const afterRaw = body.after === undefined || body.after === null ? '0' : String(body.after);
  if (!/^\d{1,9}$/.test(afterRaw))
    return validationError(`after must be a number from paging.next.after; got ${afterRaw}.`);
  const offset = Number(afterRaw);
  if (offset >= MAX_SEARCH_RESULTS) {
    return validationError(
      `Search results are limited to ${MAX_SEARCH_RESULTS} per query; narrow the filters (e.g. hs_object_id ranges) instead of paging further.`,
    );
  }
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  if (query.length > LIMITS.query) return validationError(`query is limited to ${LIMITS.query} characters.`);
  const defs = ctx.store.registry.defs(type);
  const predicate = compileFilterGroups(type, body.filterGroups, defs, ctx.store);
  if (isError(predicate)) return predicate;
  const sort = readSort(body.sorts);
  const sortAccess = sort ? accessor(type, sort.name, defs) : undefined;
  if (sort && !sortAccess) return validationError(`Cannot sort on unknown property ${sort.name}.`);

  let matches: { record: CrmRecord; props: Record<string, string> }[] = [];
  const table = ctx.store.table(type);
  const range = idRange(body.filterGroups);
  const first = range.lo === Number.NEGATIVE_INFINITY ? 0 : table.indexAfter(Math.max(0, range.lo - 1));
  const last = range.hi === Number.POSITIVE_INFINITY ? table.size : table.indexAfter(Math.max(0, range.hi));
  for (let i = first; i < last; i++) {
    const record = table.records[i] as CrmRecord;
    if (record.archivedAt) continue; // searches never return archived records
    const props = ctx.searchView(type, record);
    if (!props || !predicate(record, props)) continue;
    if (query && !QUERY_PROPS[type].some((name) => props[name]?.toLowerCase().includes(query))) continue;
    matches.push({ record, props });
  }
  if (sort && sortAccess && (sort.name === 'hs_object_id' || sort.name === 'createdate')) {
    if (sort.descending) matches.reverse(); // records are already in id (= creation) order
  } else if (sort && sortAccess) {
    const direction = sort.descending ? -1 : 1;
    const keyed = matches.map((m) => ({ m, k: sortKey(sortAccess.get(m.record, m.props)) }));
    keyed.sort((a, b) => compareKeys(a.k, b.k, direction) || a.m.record.id - b.m.record.id);
    matches = keyed.map((x) => x.m);
  }

  const end = Math.min(offset + limit, MAX_SEARCH_RESULTS);
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : undefined;
  const results = matches
    .slice(offset, end)
    .map((m) => toApiObject(ctx.store, type, m.record, { properties }));
  const out: Record<string, unknown> = { total: matches.length, results };
  if (limit > 0 && end < matches.length && end < MAX_SEARCH_RESULTS)
    out.paging = { next: { after: String(end) } };
  return reply(200, out);
}

/** Missing values sort last in both directions; numbers numerically, text case-insensitively. */
function compareKeys(
  a: string | number | undefined,
  b: string | number | undefined,
  direction: number,
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * direction;
  return (a < b ? -1 : a > b ? 1 : 0) * direction;
}

/** Text sorts case-insensitively; lowercasing once per record is much cheaper than a collator at 1M. */
const sortKey = (v: string | number | undefined) => (typeof v === 'string' ? v.toLowerCase() : v);

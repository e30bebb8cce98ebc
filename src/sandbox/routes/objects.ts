import type { RouteContext, RouteRequest } from '../context.ts';
import { notFound, validationError } from '../errors.ts';
import { boolParam, isError, listParam, objectType, type RouteResult, reply, stringParam } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { type ReadOptions, toApiObject } from '../serialize.ts';
import {
  applyAssociations,
  createRecord,
  invalidValues,
  planAssociations,
  prepare,
  uniqueConflict,
  updateRecord,
} from '../write-ops.ts';

export const MAX_PAGE = 100;

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeOf(req: RouteRequest): ObjectType | undefined {
  return objectType(req.params.type ?? '');
}

function readOptions(query: Record<string, unknown>): ReadOptions {
  return {
    properties: listParam(query, 'properties'),
    propertiesWithHistory: listParam(query, 'propertiesWithHistory'),
    associations: listParam(query, 'associations'),
  };
}

/** Finds a record by path id, honouring `idProperty` (e.g. email) and `archived`. */
export function findRecord(
  ctx: RouteContext,
  type: ObjectType,
  id: string,
  idProperty: string | undefined,
  archived: boolean,
): CrmRecord | undefined {
  const table = ctx.store.table(type);
  const record = idProperty && idProperty !== 'hs_object_id' ? table.findBy(idProperty, id) : table.get(id);
  if (!record) return undefined;
  return record.archivedAt > 0 === archived ? record : undefined;
}

/** GET /crm/v3/objects/{type}: `limit` ≤ 100, `after` = the next record id. */
export function listObjects(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return notFound(req.params.type ?? '');
  const limitRaw = stringParam(req.query, 'limit') ?? '10';
  const limit = Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    return validationError(`limit must be an integer between 1 and ${MAX_PAGE}; got ${limitRaw}.`);
  }
  const afterRaw = stringParam(req.query, 'after');
  const after = afterRaw === undefined ? 0 : Number(afterRaw);
  if (afterRaw !== undefined && !/^\d{1,16}$/.test(afterRaw)) {
    return validationError(
      `after must be the value of paging.next.after from the previous page; got ${afterRaw}.`,
    );
  }
  const archived = boolParam(req.query, 'archived');
  const table = ctx.store.table(type);
  const options = readOptions(req.query);
  const results: Record<string, unknown>[] = [];
  let i = after > 0 ? table.indexAfter(after - 1) : 0;
  let next: CrmRecord | undefined;
  for (; i < table.records.length; i++) {
    const record = table.records[i] as CrmRecord;
    if (record.archivedAt > 0 !== archived) continue;
    if (results.length === limit) {
      next = record;
      break;
    }
    results.push(toApiObject(ctx.store, type, record, options));
  }
  const body: Record<string, unknown> = { results };
  if (next) {
    const nextAfter = String(next.id);
    const link = `${ctx.baseUrl()}/crm/v3/objects/${type}?limit=${limit}&after=${nextAfter}`;
    body.paging = { next: { after: nextAfter, link } };
  }
  return reply(200, body);
}

/** GET /crm/v3/objects/{type}/{id} */
export function getObject(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  const id = req.params.id ?? '';
  if (!type) return notFound(id);
  const record = findRecord(
    ctx,
    type,
    id,
    stringParam(req.query, 'idProperty'),
    boolParam(req.query, 'archived'),
  );
  if (!record) return notFound(id);
  return reply(200, toApiObject(ctx.store, type, record, readOptions(req.query)));
}

/** POST /crm/v3/objects/{type} → 201 */
export function createObject(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return notFound(req.params.type ?? '');
  if (!isObject(req.body))
    return validationError('Invalid input JSON: the body must be an object with "properties".');
  const body = req.body as { properties?: unknown; associations?: unknown };
  const check = prepare(ctx, type, body.properties);
  if (!check.ok) return invalidValues(ctx, check.problems);
  const clash = uniqueConflict(ctx, type, check.values);
  if (clash) return clash;
  const planned = planAssociations(ctx, type, body.associations);
  if (isError(planned)) return planned;
  const record = createRecord(ctx, type, check.values);
  applyAssociations(ctx, type, record, planned);
  return reply(201, toApiObject(ctx.store, type, record, { properties: Object.keys(check.values) }));
}

/** PATCH /crm/v3/objects/{type}/{id} → 200 */
export function updateObject(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  const id = req.params.id ?? '';
  if (!type) return notFound(id);
  const record = findRecord(ctx, type, id, stringParam(req.query, 'idProperty'), false);
  if (!record) return notFound(id);
  if (!isObject(req.body))
    return validationError('Invalid input JSON: the body must be an object with "properties".');
  const check = prepare(ctx, type, (req.body as { properties?: unknown } | undefined)?.properties, record);
  if (!check.ok) return invalidValues(ctx, check.problems);
  const clash = uniqueConflict(ctx, type, check.values, record.id);
  if (clash) return clash;
  updateRecord(ctx, type, record, check.values);
  return reply(200, toApiObject(ctx.store, type, record, { properties: Object.keys(check.values) }));
}

/** DELETE /crm/v3/objects/{type}/{id} → 204 (also for ids that do not exist). */
export function archiveObject(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return notFound(req.params.id ?? '');
  const record = ctx.store.table(type).get(req.params.id ?? '');
  if (record && !record.archivedAt) archive(ctx, type, record);
  return reply(204);
}

export function archive(ctx: RouteContext, type: ObjectType, record: CrmRecord): void {
  record.archivedAt = ctx.now();
  ctx.store.associationsChanged();
  ctx.store.emit({ kind: 'deletion', type, id: record.id, source: ctx.apiSource, at: record.archivedAt });
  ctx.onWrite(type, record.id, { ...record.props });
}

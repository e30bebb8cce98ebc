import type { RouteContext, RouteRequest } from '../context.ts';
import { notFound } from '../errors.ts';
import { batchInputs, boolParam, isError, objectType, type RouteResult, reply } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import { toApiObject } from '../serialize.ts';
import { batchReply, notFoundError } from './batch-reply.ts';
import { batchCreate, batchUpdate, batchUpsert } from './batch-write.ts';
import { archive, findRecord } from './objects.ts';

export const MAX_BATCH = 100;

/** POST /crm/v3/objects/{type}/batch/{read|create|update|upsert|archive} */
export function batchObjects(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = objectType(req.params.type ?? '');
  if (!type) return notFound(req.params.type ?? '');
  const inputs = batchInputs(req.body, MAX_BATCH);
  if (isError(inputs)) return inputs;
  const startedAt = ctx.now();
  const body = req.body as Record<string, unknown>;
  switch (req.params.op) {
    case 'read':
      return batchRead(ctx, type, inputs, body, boolParam(req.query, 'archived'), startedAt);
    case 'create':
      return batchCreate(ctx, type, inputs, startedAt);
    case 'update':
      return batchUpdate(ctx, type, inputs, startedAt);
    case 'upsert':
      return batchUpsert(ctx, type, inputs, startedAt);
    case 'archive':
      for (const input of inputs) {
        const record = ctx.store.table(type).get(String(input.id ?? ''));
        if (record && !record.archivedAt) archive(ctx, type, record);
      }
      return reply(204);
    default:
      return notFound(req.params.op ?? '');
  }
}

function batchRead(
  ctx: RouteContext,
  type: ObjectType,
  inputs: Record<string, unknown>[],
  body: Record<string, unknown>,
  archived: boolean,
  startedAt: number,
): RouteResult {
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
  const options = {
    properties: strings(body.properties),
    propertiesWithHistory: strings(body.propertiesWithHistory),
  };
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  const seen = new Set<number>();
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const record = findRecord(ctx, type, id, idProperty, archived);
    if (!record) missing.push(id);
    else if (!seen.has(record.id)) {
      seen.add(record.id);
      results.push(toApiObject(ctx.store, type, record, options));
    }
  }
  return batchReply(ctx, startedAt, results, missing.length > 0 ? [notFoundError(type, missing)] : [], 200);
}

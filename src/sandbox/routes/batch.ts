import { OBJECT_LABEL, type RouteContext, type RouteRequest } from '../context.ts';
import { notFound, validationError } from '../errors.ts';
import { batchInputs, boolParam, isError, objectType, type RouteResult, reply } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { toApiObject } from '../serialize.ts';
import { problemsDetails, problemsMessage } from '../validate-values.ts';
import {
  applyCreateAssociations,
  createRecord,
  invalidValues,
  prepare,
  uniqueConflict,
  updateRecord,
} from '../write-ops.ts';
import { archive, findRecord } from './objects.ts';

export const MAX_BATCH = 100;

/** `{status: COMPLETE, results, startedAt, completedAt}` plus `numErrors`/`errors` → 207 when any failed. */
function batchReply(
  ctx: RouteContext,
  startedAt: number,
  results: unknown[],
  errors: unknown[],
  okStatus: number,
) {
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
  }
  body.startedAt = new Date(startedAt).toISOString();
  body.completedAt = new Date(ctx.now()).toISOString();
  return reply(errors.length > 0 ? 207 : okStatus, body);
}

function notFoundError(type: ObjectType, ids: string[]) {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${OBJECT_LABEL[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

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

function batchCreate(
  ctx: RouteContext,
  type: ObjectType,
  inputs: Record<string, unknown>[],
  startedAt: number,
): RouteResult {
  const prepared = inputs.map((input) => prepare(ctx, type, input.properties));
  const failed = prepared.flatMap((p, i) => (p.ok ? [] : [i]));
  // Without objectWriteTraceId on every failing input, one bad input fails the whole batch.
  const traced = failed.every((i) => typeof inputs[i]?.objectWriteTraceId === 'string');
  const firstBad = failed.length > 0 ? prepared[failed[0] as number] : undefined;
  if (firstBad && !firstBad.ok && !traced) return invalidValues(ctx, firstBad.problems);
  const batchValues = new Map<string, number>();
  for (const p of prepared) {
    if (!p.ok) continue;
    const clash = uniqueConflict(ctx, type, p.values);
    if (clash) return clash;
    const email = p.values.email?.toLowerCase();
    if (email && batchValues.has(email)) return validationError(`Duplicate email ${email} in one batch.`);
    if (email) batchValues.set(email, 1);
  }
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const [i, p] of prepared.entries()) {
    const input = inputs[i] as Record<string, unknown>;
    if (!p.ok) {
      errors.push({
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: problemsMessage(p.problems, ctx.store.portalId),
        errors: problemsDetails(p.problems),
        context: { objectWriteTraceId: [String(input.objectWriteTraceId)] },
      });
      continue;
    }
    const record = createRecord(ctx, type, p.values);
    const assocError = applyCreateAssociations(ctx, type, record, input.associations);
    if (assocError) return assocError;
    const out = toApiObject(ctx.store, type, record, { properties: Object.keys(p.values) });
    if (typeof input.objectWriteTraceId === 'string') out.objectWriteTraceId = input.objectWriteTraceId;
    results.push(out);
  }
  return batchReply(ctx, startedAt, results, errors, 201);
}

function batchUpdate(
  ctx: RouteContext,
  type: ObjectType,
  inputs: Record<string, unknown>[],
  startedAt: number,
): RouteResult {
  const targets: { record: CrmRecord; values: Record<string, string> }[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
    const record = findRecord(ctx, type, id, idProperty, false);
    const check = prepare(ctx, type, input.properties, record);
    if (!check.ok) return invalidValues(ctx, check.problems);
    if (!record) {
      missing.push(id);
      continue;
    }
    const clash = uniqueConflict(ctx, type, check.values, record.id);
    if (clash) return clash;
    targets.push({ record, values: check.values });
  }
  const results = targets.map(({ record, values }) => {
    updateRecord(ctx, type, record, values);
    return toApiObject(ctx.store, type, record, { properties: Object.keys(values) });
  });
  return batchReply(ctx, startedAt, results, missing.length > 0 ? [notFoundError(type, missing)] : [], 200);
}

function batchUpsert(
  ctx: RouteContext,
  type: ObjectType,
  inputs: Record<string, unknown>[],
  startedAt: number,
): RouteResult {
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
    const record = findRecord(ctx, type, id, idProperty, false);
    const check = prepare(ctx, type, input.properties, record);
    if (!check.ok) return invalidValues(ctx, check.problems);
    if (record) {
      updateRecord(ctx, type, record, check.values);
      results.push({
        ...toApiObject(ctx.store, type, record, { properties: Object.keys(check.values) }),
        new: false,
      });
    } else if (idProperty === 'hs_object_id') {
      missing.push(id);
    } else {
      const values = { ...check.values, [idProperty]: id };
      const again = prepare(ctx, type, values);
      if (!again.ok) return invalidValues(ctx, again.problems);
      const created = createRecord(ctx, type, again.values);
      results.push({
        ...toApiObject(ctx.store, type, created, { properties: Object.keys(values) }),
        new: true,
      });
    }
  }
  return batchReply(ctx, startedAt, results, missing.length > 0 ? [notFoundError(type, missing)] : [], 200);
}

import type { RouteContext } from '../context.ts';
import { validationError } from '../errors.ts';
import { isError, type RouteResult } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { toApiObject } from '../serialize.ts';
import { problemsDetails, problemsMessage } from '../validate-values.ts';
import {
  applyAssociations,
  createRecord,
  invalidValues,
  type PlannedAssociation,
  planAssociations,
  prepare,
  uniqueConflict,
  updateRecord,
} from '../write-ops.ts';
import { batchReply, notFoundError } from './batch-reply.ts';
import { findRecord } from './objects.ts';

/** Batch create / update / upsert: validate everything first, so a 400 leaves no half-written batch. */
export function batchCreate(
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
  const plans = inputs.map((input) => planAssociations(ctx, type, input.associations));
  const badPlan = plans.find(isError);
  if (badPlan) return badPlan;
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
    applyAssociations(ctx, type, record, plans[i] as PlannedAssociation[]);
    const out = toApiObject(ctx.store, type, record, { properties: Object.keys(p.values) });
    if (typeof input.objectWriteTraceId === 'string') out.objectWriteTraceId = input.objectWriteTraceId;
    results.push(out);
  }
  return batchReply(ctx, startedAt, results, errors, 201);
}

export function batchUpdate(
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

export function batchUpsert(
  ctx: RouteContext,
  type: ObjectType,
  inputs: Record<string, unknown>[],
  startedAt: number,
): RouteResult {
  const plan: { record: CrmRecord | undefined; values: Record<string, string> }[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
    const record = findRecord(ctx, type, id, idProperty, false);
    if (!record && idProperty === 'hs_object_id') {
      missing.push(id);
      continue;
    }
    const properties = record ? input.properties : { ...(input.properties as object), [idProperty]: id };
    const check = prepare(ctx, type, properties, record);
    if (!check.ok) return invalidValues(ctx, check.problems);
    plan.push({ record, values: check.values });
  }
  const results = plan.map(({ record, values }) => {
    const target = record ?? createRecord(ctx, type, values);
    if (record) updateRecord(ctx, type, record, values);
    return { ...toApiObject(ctx.store, type, target, { properties: Object.keys(values) }), new: !record };
  });
  return batchReply(ctx, startedAt, results, missing.length > 0 ? [notFoundError(type, missing)] : [], 200);
}

import type { RouteContext, RouteRequest } from '../context.ts';
import { defaultTypeId } from '../deals/labels.ts';
import { validationError } from '../errors.ts';
import { batchInputs, isError, type RouteResult, reply } from '../http.ts';
import { OBJECT_TYPE_IDS, type ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import {
  associateRecords,
  isContactCompany,
  labelsOf,
  MAX_ASSOC_CREATE,
  pair,
  removeAssociation,
  requestedTypes,
  SINGLE,
} from './associations.ts';

/** v4 association batch writes: create (labelled), associate/default, labels/archive, archive. */

const idOf = (v: unknown): string => String((v as { id?: unknown } | undefined)?.id ?? '');

function records(
  ctx: RouteContext,
  from: ObjectType,
  to: ObjectType,
  input: Record<string, unknown>,
): { ok: true; source: CrmRecord; target: CrmRecord } | { ok: false; error: Record<string, unknown> } {
  const fromId = idOf(input.from);
  const toId = idOf(input.to);
  const source = ctx.store.table(from).get(fromId);
  const target = ctx.store.table(to).get(toId);
  if (source && !source.archivedAt && target && !target.archivedAt) return { ok: true, source, target };
  const missing = !source || source.archivedAt ? [SINGLE[from], fromId] : [SINGLE[to], toId];
  return {
    ok: false,
    error: {
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: `${missing[0]} ${missing[1]} does not exist or is archived.`,
      context: { fromObjectId: [fromId], toObjectId: [toId] },
    },
  };
}

/** The pair of object types in the path and the body's inputs, or the error HubSpot answers. */
function batchRequest(
  req: RouteRequest,
): { from: ObjectType; to: ObjectType; inputs: Record<string, unknown>[] } | RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  const inputs = batchInputs(req.body, MAX_ASSOC_CREATE);
  if (isError(inputs)) return inputs;
  return { from: types[0], to: types[1], inputs };
}

type PairOutcome = { result: unknown } | { error: Record<string, unknown> };

/** A batch write answered per input, in order: `ok` when all went through, 207 with `errors` otherwise. */
function batchWrite(
  ctx: RouteContext,
  req: RouteRequest,
  ok: number,
  write: (input: Record<string, unknown>, from: ObjectType, to: ObjectType) => PairOutcome,
): RouteResult {
  const request = batchRequest(req);
  if (!('inputs' in request)) return request;
  const { from, to, inputs } = request;
  const startedAt = new Date(ctx.now()).toISOString();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const outcome = write(input, from, to);
    if ('error' in outcome) errors.push(outcome.error);
    else results.push(outcome.result);
  }
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  Object.assign(body, { startedAt, completedAt: new Date(ctx.now()).toISOString() });
  return reply(errors.length > 0 ? 207 : ok, body);
}

/** POST /crm/v4/associations/{from}/{to}/batch/create: `{inputs:[{from:{id}, to:{id}, types:[…]}]}` → 201 / 207. */
export function batchCreateAssociations(ctx: RouteContext, req: RouteRequest): RouteResult {
  return batchWrite(ctx, req, 201, (input, from, to) => {
    const typeIds = requestedTypes(ctx, from, to, input.types);
    if (typeof typeIds === 'string') {
      return { error: { status: 'error', category: 'VALIDATION_ERROR', message: typeIds, context: {} } };
    }
    const found = records(ctx, from, to, input);
    if (!found.ok) return { error: found.error };
    associateRecords(ctx, from, found.source, to, found.target, typeIds);
    return {
      result: {
        fromObjectTypeId: OBJECT_TYPE_IDS[from],
        fromObjectId: found.source.id,
        toObjectTypeId: OBJECT_TYPE_IDS[to],
        toObjectId: found.target.id,
        labels: labelsOf(ctx, from, to, typeIds),
      },
    };
  });
}

/** POST …/batch/associate/default: `{inputs:[{from:{id}, to:{id}}]}` → 200 / 207. */
export function batchAssociateDefault(ctx: RouteContext, req: RouteRequest): RouteResult {
  return batchWrite(ctx, req, 200, (input, from, to) => {
    const found = records(ctx, from, to, input);
    if (!found.ok) return { error: found.error };
    associateRecords(ctx, from, found.source, to, found.target, undefined);
    const typeId = isContactCompany(from, to) ? (from === 'contacts' ? 279 : 280) : defaultTypeId(from, to);
    return {
      result: {
        from: { id: String(found.source.id) },
        to: { id: String(found.target.id) },
        associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
      },
    };
  });
}

/** POST …/batch/labels/archive: removes only the given labels; the unlabeled association stays → 204. */
export function batchArchiveLabels(ctx: RouteContext, req: RouteRequest): RouteResult {
  const request = batchRequest(req);
  if (!('inputs' in request)) return request;
  const { from, to, inputs } = request;
  for (const input of inputs) {
    const typeIds = requestedTypes(ctx, from, to, input.types);
    if (typeof typeIds === 'string') return validationError(typeIds);
  }
  for (const input of inputs) {
    const typeIds = requestedTypes(ctx, from, to, input.types) as number[];
    const found = records(ctx, from, to, input);
    if (!found.ok) continue;
    const target = found.target;
    if (isContactCompany(from, to)) {
      // Only "primary" is a label here; removing it leaves the unlabeled association.
      const contact = from === 'contacts' ? found.source : target;
      const company = from === 'contacts' ? target : found.source;
      if (typeIds.some((t) => t === 1 || t === 2) && contact.company === company.id) {
        ctx.store.dissociate(contact, company.id);
        ctx.store.associate(contact, company.id, false);
      }
      continue;
    }
    const base = defaultTypeId(from, to);
    ctx.store.unlink(
      from,
      found.source.id,
      to,
      target.id,
      typeIds.filter((t) => t !== base),
      ctx.now(),
      ctx.apiSource,
    );
  }
  return reply(204);
}

/** POST …/batch/archive: `{inputs:[{from:{id}, to:[{id}]}]}` removes whole associations → 204. */
export function batchArchiveAssociations(ctx: RouteContext, req: RouteRequest): RouteResult {
  const request = batchRequest(req);
  if (!('inputs' in request)) return request;
  const { from, to, inputs } = request;
  for (const input of inputs) {
    const source = ctx.store.table(from).get(idOf(input.from));
    if (!source) continue;
    const targets = Array.isArray(input.to) ? input.to : [input.to];
    for (const t of targets) {
      const target = ctx.store.table(to).get(idOf(t));
      if (target) removeAssociation(ctx, from, source, to, target);
    }
  }
  return reply(204);
}

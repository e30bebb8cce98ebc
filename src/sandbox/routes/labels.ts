import type { RouteContext, RouteRequest } from '../context.ts';
import { typeRef } from '../deals/labels.ts';
import { notFound, validationError } from '../errors.ts';
import { isError, objectType, type RouteResult, reply, stringParam } from '../http.ts';
import { OBJECT_TYPES, type ObjectType } from '../property-types.ts';
import { pair } from './associations.ts';

/** v4 association schema: labels per object pair, and the label limits API (`/crm/v3/limits/associations/labels`). */

/** GET /crm/v4/associations/{from}/{to}/labels → `{results:[{category, typeId, label}]}` */
export function listLabels(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  return reply(200, { results: ctx.store.labels.list(types[0], types[1]) });
}

/** POST …/labels `{label, name, inverseLabel?}` → 200 `{results:[both directions]}`; 400 past the portal's limit. */
export function createLabel(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  const result = ctx.store.labels.create(types[0], types[1], (req.body ?? {}) as Record<string, unknown>);
  if (isError(result)) return result;
  return reply(200, { results: result });
}

/** PUT …/labels `{associationTypeId, label, inverseLabel?}` → 204 */
export function updateLabel(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  const result = ctx.store.labels.update(types[0], types[1], (req.body ?? {}) as Record<string, unknown>);
  return isError(result) ? result : reply(204);
}

/** DELETE …/labels/{associationTypeId} → 204 */
export function deleteLabel(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  const result = ctx.store.labels.archive(types[0], types[1], Number(req.params.typeId));
  return isError(result) ? result : reply(204);
}

const LABELLED: [ObjectType, ObjectType][] = [
  ['contacts', 'companies'],
  ['contacts', 'deals'],
  ['companies', 'deals'],
  ['companies', 'companies'],
];

/** GET /crm/v3/limits/associations/labels[?fromObjectTypeId=&toObjectTypeId=] */
export function labelLimits(ctx: RouteContext, req: RouteRequest): RouteResult {
  const fromRaw = stringParam(req.query, 'fromObjectTypeId');
  const toRaw = stringParam(req.query, 'toObjectTypeId');
  let pairs = LABELLED;
  if (fromRaw !== undefined || toRaw !== undefined) {
    const from = objectType(fromRaw ?? '');
    const to = objectType(toRaw ?? '');
    if (!from || !to || !OBJECT_TYPES.includes(from)) return notFound(`${fromRaw}/${toRaw}`);
    pairs = [[from, to]];
  }
  const limit = ctx.store.labels.limit;
  const results = pairs.map(([from, to]) => {
    const allLabels = ctx.store.labels.usage(from, to);
    return {
      fromObjectType: typeRef(from),
      toObjectType: typeRef(to),
      limit,
      usage: allLabels.length,
      percentage: limit > 0 ? Math.round((allLabels.length / limit) * 1000) / 10 : 100,
      allLabels,
    };
  });
  return reply(200, { results });
}

import type { RouteContext, RouteRequest } from '../context.ts';
import { notFound, validationError } from '../errors.ts';
import { batchInputs, isError, objectType, type RouteResult, reply, stringParam } from '../http.ts';
import type { ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { companyIdsOf } from '../store.ts';

export const MAX_ASSOC_INPUTS = 1000;
/** Per-input page size of v4 reads (HubSpot's is unconfirmed; GET defaults to 500). */
export const ASSOC_PAGE = 500;

interface AssocType {
  category: string;
  typeId: number;
  label: string | null;
}

/** Associated ids with their v4 types: primary (1 / 2) plus unlabeled (279 / 280). */
function associationsOf(
  ctx: RouteContext,
  from: ObjectType,
  record: CrmRecord,
): { id: number; types: AssocType[] }[] {
  if (from === 'contacts') {
    return companyIdsOf(record).map((id) => ({ id, types: typesFor(id === record.company, 1, 279) }));
  }
  return ctx.store.contactsOfCompany(record.id).map((id) => ({
    id,
    types: typesFor(ctx.store.contacts.get(id)?.company === record.id, 2, 280),
  }));
}

function typesFor(primary: boolean, primaryId: number, unlabeledId: number): AssocType[] {
  const unlabeled = { category: 'HUBSPOT_DEFINED', typeId: unlabeledId, label: null };
  return primary
    ? [{ category: 'HUBSPOT_DEFINED', typeId: primaryId, label: 'Primary' }, unlabeled]
    : [unlabeled];
}

function pair(req: RouteRequest, fromKey: string, toKey: string): [ObjectType, ObjectType] | undefined {
  const from = objectType(req.params[fromKey] ?? '');
  const to = objectType(req.params[toKey] ?? '');
  return from && to && from !== to ? [from, to] : undefined;
}

const SINGLE: Record<ObjectType, string> = { contacts: 'contact', companies: 'company' };

/** POST /crm/v4/associations/{from}/{to}/batch/read: ≤ 1,000 inputs, per-input `after` paging. */
export function batchReadAssociations(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return validationError(`Unsupported association ${req.params.from} → ${req.params.to}.`);
  const [from, to] = types;
  const inputs = batchInputs(req.body, MAX_ASSOC_INPUTS);
  if (isError(inputs)) return inputs;
  const startedAt = new Date(ctx.now()).toISOString();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const record = ctx.store.table(from).get(id);
    const all = record && !record.archivedAt ? associationsOf(ctx, from, record) : [];
    const offset = /^\d+$/.test(String(input.after ?? '')) ? Number(input.after) : 0;
    if (all.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${SINGLE[to]} is associated with ${SINGLE[from]} ${id}.`,
        context: { fromObjectId: [id], fromObjectType: [SINGLE[from]], toObjectType: [SINGLE[to]] },
      });
      continue;
    }
    const page = all.slice(offset, offset + ASSOC_PAGE);
    const result: Record<string, unknown> = {
      from: { id },
      to: page.map((a) => ({ toObjectId: a.id, associationTypes: a.types })),
    };
    if (offset + ASSOC_PAGE < all.length) result.paging = { next: { after: String(offset + ASSOC_PAGE) } };
    results.push(result);
  }
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  Object.assign(body, { startedAt, completedAt: new Date(ctx.now()).toISOString() });
  return reply(errors.length > 0 ? 207 : 200, body);
}

/** GET /crm/v4/objects/{type}/{id}/associations/{toType}?limit=&after= (default limit 500). */
export function listAssociations(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'type', 'toType');
  if (!types) return validationError(`Unsupported association ${req.params.type} → ${req.params.toType}.`);
  const record = ctx.store.table(types[0]).get(req.params.id ?? '');
  if (!record || record.archivedAt) return notFound(req.params.id ?? '');
  const limit = Math.min(
    500,
    Math.max(1, Number(stringParam(req.query, 'limit') ?? ASSOC_PAGE) || ASSOC_PAGE),
  );
  const offset = Number(stringParam(req.query, 'after') ?? 0) || 0;
  const all = associationsOf(ctx, types[0], record);
  const body: Record<string, unknown> = {
    results: all.slice(offset, offset + limit).map((a) => ({ toObjectId: a.id, associationTypes: a.types })),
  };
  if (offset + limit < all.length) body.paging = { next: { after: String(offset + limit) } };
  return reply(200, body);
}

/** PUT …/associations/default/{toType}/{toId} (200) or …/associations/{toType}/{toId} with types (201). */
export function putAssociation(ctx: RouteContext, req: RouteRequest, labeled: boolean): RouteResult {
  const types = pair(req, 'type', 'toType');
  if (!types) return validationError(`Unsupported association ${req.params.type} → ${req.params.toType}.`);
  const source = ctx.store.table(types[0]).get(req.params.id ?? '');
  const target = ctx.store.table(types[1]).get(req.params.toId ?? '');
  if (!source || source.archivedAt) return notFound(req.params.id ?? '');
  if (!target || target.archivedAt) return notFound(req.params.toId ?? '');
  const [contact, company] = types[0] === 'contacts' ? [source, target] : [target, source];
  const specs = labeled && Array.isArray(req.body) ? (req.body as { associationTypeId?: unknown }[]) : [];
  const primary = specs.some((s) => Number(s?.associationTypeId) === (types[0] === 'contacts' ? 1 : 2));
  ctx.store.associate(contact, company.id, primary || (!labeled && contact.company === 0));
  const now = new Date(ctx.now()).toISOString();
  if (labeled) {
    return reply(201, {
      fromObjectTypeId: types[0] === 'contacts' ? '0-1' : '0-2',
      fromObjectId: source.id,
      toObjectTypeId: types[1] === 'contacts' ? '0-1' : '0-2',
      toObjectId: target.id,
      labels: primary ? ['Primary'] : [],
    });
  }
  const spec = {
    associationCategory: 'HUBSPOT_DEFINED',
    associationTypeId: types[0] === 'contacts' ? 279 : 280,
  };
  return reply(200, {
    status: 'COMPLETE',
    results: [{ from: { id: String(source.id) }, to: { id: String(target.id) }, associationSpec: spec }],
    startedAt: now,
    completedAt: now,
  });
}

/** DELETE …/associations/{toType}/{toId} → 204 */
export function deleteAssociation(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'type', 'toType');
  if (!types) return validationError(`Unsupported association ${req.params.type} → ${req.params.toType}.`);
  const source = ctx.store.table(types[0]).get(req.params.id ?? '');
  const target = ctx.store.table(types[1]).get(req.params.toId ?? '');
  if (source && target) {
    const [contact, company] = types[0] === 'contacts' ? [source, target] : [target, source];
    ctx.store.dissociate(contact, company.id);
  }
  return reply(204);
}

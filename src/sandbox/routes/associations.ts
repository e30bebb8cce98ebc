import type { RouteContext, RouteRequest } from '../context.ts';
import { defaultTypeId } from '../deals/labels.ts';
import { notFound, validationError } from '../errors.ts';
import { batchInputs, isError, objectType, type RouteResult, reply, stringParam } from '../http.ts';
import { OBJECT_TYPE_IDS, type ObjectType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import { companyIdsOf } from '../store.ts';

export const MAX_ASSOC_INPUTS = 1000;
/** Association batch create takes up to 2,000 inputs (hubspot-api.md §4). */
export const MAX_ASSOC_CREATE = 2000;
/** Per-input page size of v4 reads (HubSpot's is unconfirmed; GET defaults to 500). */
export const ASSOC_PAGE = 500;

interface AssocType {
  category: string;
  typeId: number;
  label: string | null;
}

const isContactCompany = (from: ObjectType, to: ObjectType): boolean =>
  (from === 'contacts' && to === 'companies') || (from === 'companies' && to === 'contacts');

/** Associated ids with their v4 types (labels included), for any supported pair. */
export function associationsOf(
  ctx: RouteContext,
  from: ObjectType,
  record: CrmRecord,
  to: ObjectType,
): { id: number; types: AssocType[] }[] {
  if (from === 'contacts' && to === 'companies') {
    return companyIdsOf(record).map((id) => ({ id, types: typesFor(id === record.company, 1, 279) }));
  }
  if (from === 'companies' && to === 'contacts') {
    return ctx.store.contactsOfCompany(record.id).map((id) => ({
      id,
      types: typesFor(ctx.store.contacts.get(id)?.company === record.id, 2, 280),
    }));
  }
  return ctx.store.graph.list(from, record.id, to).map(([id, typeIds]) => ({
    id,
    types: typeIds.map(
      (typeId) =>
        ctx.store.labels.find(from, to, typeId) ?? { category: 'HUBSPOT_DEFINED', typeId, label: null },
    ),
  }));
}

function typesFor(primary: boolean, primaryId: number, unlabeledId: number): AssocType[] {
  const unlabeled = { category: 'HUBSPOT_DEFINED', typeId: unlabeledId, label: null };
  return primary
    ? [{ category: 'HUBSPOT_DEFINED', typeId: primaryId, label: 'Primary' }, unlabeled]
    : [unlabeled];
}

/** The pair of a path, if the sandbox knows associations between those types. */
export function pair(
  req: RouteRequest,
  fromKey: string,
  toKey: string,
): [ObjectType, ObjectType] | undefined {
  const from = objectType(req.params[fromKey] ?? '');
  const to = objectType(req.params[toKey] ?? '');
  if (!from || !to) return undefined;
  if (from === to) return from === 'companies' ? [from, to] : undefined;
  if (isContactCompany(from, to)) return [from, to];
  return defaultTypeId(from, to) === undefined ? undefined : [from, to];
}

const SINGLE: Record<ObjectType, string> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  calls: 'call',
  meetings: 'meeting',
  emails: 'email',
};

const unsupported = (req: RouteRequest, a: string, b: string) =>
  validationError(`Unsupported association ${req.params[a]} → ${req.params[b]}.`);

/** POST /crm/v4/associations/{from}/{to}/batch/read: ≤ 1,000 inputs, per-input `after` paging. */
export function batchReadAssociations(ctx: RouteContext, req: RouteRequest): RouteResult {
  const types = pair(req, 'from', 'to');
  if (!types) return unsupported(req, 'from', 'to');
  const [from, to] = types;
  const inputs = batchInputs(req.body, MAX_ASSOC_INPUTS);
  if (isError(inputs)) return inputs;
  const startedAt = new Date(ctx.now()).toISOString();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const id = String(input.id ?? '');
    const record = ctx.store.table(from).get(id);
    const all = record && !record.archivedAt ? associationsOf(ctx, from, record, to) : [];
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
  if (!types) return unsupported(req, 'type', 'toType');
  const record = ctx.store.table(types[0]).get(req.params.id ?? '');
  if (!record || record.archivedAt) return notFound(req.params.id ?? '');
  const limit = Math.min(
    500,
    Math.max(1, Number(stringParam(req.query, 'limit') ?? ASSOC_PAGE) || ASSOC_PAGE),
  );
  const offset = Number(stringParam(req.query, 'after') ?? 0) || 0;
  const all = associationsOf(ctx, types[0], record, types[1]);
  const body: Record<string, unknown> = {
    results: all.slice(offset, offset + limit).map((a) => ({ toObjectId: a.id, associationTypes: a.types })),
  };
  if (offset + limit < all.length) body.paging = { next: { after: String(offset + limit) } };
  return reply(200, body);
}

/** Type ids of a labelled request (`[{associationCategory, associationTypeId}]`), checked against the pair. */
function requestedTypes(
  ctx: RouteContext,
  from: ObjectType,
  to: ObjectType,
  raw: unknown,
): number[] | string {
  if (!Array.isArray(raw) || raw.length === 0)
    return 'types must list at least one {associationCategory, associationTypeId}.';
  const ids: number[] = [];
  for (const item of raw as { associationTypeId?: unknown; associationCategory?: unknown }[]) {
    const id = Number(item?.associationTypeId);
    const known = isContactCompany(from, to)
      ? [1, 2, 279, 280].includes(id)
      : ctx.store.labels.find(from, to, id) !== undefined;
    if (!Number.isInteger(id) || !known) {
      return `${String(item?.associationTypeId)} is not a valid association type id for ${SINGLE[from]} to ${SINGLE[to]}.`;
    }
    const category = ctx.store.labels.find(from, to, id)?.category;
    if (category && item?.associationCategory !== undefined && item.associationCategory !== category) {
      return `Association type ${id} has category ${category}, not ${String(item.associationCategory)}.`;
    }
    ids.push(id);
  }
  return ids;
}

/** Labels (non-null) of the given types, for 201 replies. */
function labelsOf(ctx: RouteContext, from: ObjectType, to: ObjectType, typeIds: number[]): string[] {
  return typeIds
    .map((id) => ctx.store.labels.find(from, to, id)?.label ?? null)
    .filter((l): l is string => l !== null);
}

/** Creates an association (with labels) between two existing records; contact↔company keep their own model. */
function associateRecords(
  ctx: RouteContext,
  from: ObjectType,
  source: CrmRecord,
  to: ObjectType,
  target: CrmRecord,
  typeIds: number[] | undefined,
): void {
  if (isContactCompany(from, to)) {
    const [contact, company] = from === 'contacts' ? [source, target] : [target, source];
    const primary = (typeIds ?? []).some((t) => t === (from === 'contacts' ? 1 : 2));
    ctx.store.associate(contact, company.id, primary || (typeIds === undefined && contact.company === 0));
    return;
  }
  const base = defaultTypeId(from, to);
  const all =
    base === undefined ? [...(typeIds ?? [])] : [base, ...(typeIds ?? []).filter((t) => t !== base)];
  ctx.store.link(from, source.id, to, target.id, all, ctx.now(), ctx.apiSource);
}

/** PUT …/associations/default/{toType}/{toId} (200) or …/associations/{toType}/{toId} with types (201). */
export function putAssociation(ctx: RouteContext, req: RouteRequest, labeled: boolean): RouteResult {
  const types = pair(req, 'type', 'toType');
  if (!types) return unsupported(req, 'type', 'toType');
  const [from, to] = types;
  const source = ctx.store.table(from).get(req.params.id ?? '');
  const target = ctx.store.table(to).get(req.params.toId ?? '');
  if (!source || source.archivedAt) return notFound(req.params.id ?? '');
  if (!target || target.archivedAt) return notFound(req.params.toId ?? '');
  const now = new Date(ctx.now()).toISOString();
  if (labeled) {
    const typeIds = requestedTypes(ctx, from, to, req.body);
    if (typeof typeIds === 'string') return validationError(typeIds);
    associateRecords(ctx, from, source, to, target, typeIds);
    return reply(201, {
      fromObjectTypeId: OBJECT_TYPE_IDS[from],
      fromObjectId: source.id,
      toObjectTypeId: OBJECT_TYPE_IDS[to],
      toObjectId: target.id,
      labels: labelsOf(ctx, from, to, typeIds),
    });
  }
  associateRecords(ctx, from, source, to, target, undefined);
  const spec = {
    associationCategory: 'HUBSPOT_DEFINED',
    associationTypeId: isContactCompany(from, to)
      ? from === 'contacts'
        ? 279
        : 280
      : defaultTypeId(from, to),
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
  if (!types) return unsupported(req, 'type', 'toType');
  const [from, to] = types;
  const source = ctx.store.table(from).get(req.params.id ?? '');
  const target = ctx.store.table(to).get(req.params.toId ?? '');
  if (source && target) removeAssociation(ctx, from, source, to, target);
  return reply(204);
}

/** Removes the whole association between two records, every label with it. */
export function removeAssociation(
  ctx: RouteContext,
  from: ObjectType,
  source: CrmRecord,
  to: ObjectType,
  target: CrmRecord,
): void {
  if (isContactCompany(from, to)) {
    const [contact, company] = from === 'contacts' ? [source, target] : [target, source];
    ctx.store.dissociate(contact, company.id);
  } else {
    ctx.store.unlink(from, source.id, to, target.id, undefined, ctx.now(), ctx.apiSource);
  }
}

export { associateRecords, isContactCompany, labelsOf, requestedTypes, SINGLE };

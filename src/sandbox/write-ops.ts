import type { RouteContext } from './context.ts';
import { SINGULAR } from './context.ts';
import { type ApiError, conflict, validationError } from './errors.ts';
import type { ObjectType } from './property-types.ts';
import type { CrmRecord } from './record.ts';
import { checkWrite, problemsError, type ValueProblem } from './validate-values.ts';

/** Shared create/update logic of single and batch endpoints: validate, enforce unique values, write. */
export type Prepared = { ok: true; values: Record<string, string> } | { ok: false; problems: ValueProblem[] };

export function prepare(
  ctx: RouteContext,
  type: ObjectType,
  properties: unknown,
  record?: CrmRecord,
): Prepared {
  return checkWrite(ctx.store.registry.defs(type), properties ?? {}, record?.props);
}

/** 409 when a unique value (e.g. email) already belongs to another record. */
export function uniqueConflict(
  ctx: RouteContext,
  type: ObjectType,
  values: Record<string, string>,
  selfId?: number,
): ApiError | undefined {
  const table = ctx.store.table(type);
  for (const [name, value] of Object.entries(values)) {
    if (!value || !ctx.store.registry.defs(type).get(name)?.hasUniqueValue) continue;
    const existing = table.findBy(name, value);
    if (existing && existing.id !== selfId && !existing.archivedAt) {
      return conflict(`${SINGULAR[type]} already exists. Existing ID: ${existing.id}`);
    }
  }
  return undefined;
}

export function createRecord(ctx: RouteContext, type: ObjectType, values: Record<string, string>): CrmRecord {
  const at = ctx.now();
  const record = ctx.store.table(type).insert({}, at);
  ctx.store.emit({ kind: 'creation', type, id: record.id, source: ctx.apiSource, at });
  ctx.store.write(type, record, values, ctx.apiSource, at);
  record.updatedAt = at;
  ctx.onWrite(type, record.id, undefined);
  return record;
}

export function updateRecord(
  ctx: RouteContext,
  type: ObjectType,
  record: CrmRecord,
  values: Record<string, string>,
): void {
  const before = { ...record.props };
  if (ctx.store.write(type, record, values, ctx.apiSource, ctx.now())) ctx.onWrite(type, record.id, before);
}

/** Applies `associations` of a create body (contact→company only; type 1 = primary, 279 = unlabeled). */
export function applyCreateAssociations(
  ctx: RouteContext,
  type: ObjectType,
  record: CrmRecord,
  raw: unknown,
): ApiError | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return validationError('associations must be an array.');
  for (const item of raw as { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] }[]) {
    const toId = String(item?.to?.id ?? '');
    const typeIds = (item?.types ?? []).map((t) => Number(t?.associationTypeId));
    if (type === 'contacts') {
      const company = ctx.store.companies.get(toId);
      if (!company) return validationError(`Association target company ${toId} does not exist.`);
      ctx.store.associate(record, company.id, typeIds.includes(1));
    } else {
      const contact = ctx.store.contacts.get(toId);
      if (!contact) return validationError(`Association target contact ${toId} does not exist.`);
      ctx.store.associate(contact, record.id, typeIds.includes(2));
    }
  }
  return undefined;
}

export function invalidValues(ctx: RouteContext, problems: readonly ValueProblem[]): ApiError {
  return problemsError(problems, ctx.store.portalId);
}

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

/** A create body's association, resolved before anything is written. */
export interface PlannedAssociation {
  target: CrmRecord;
  primary: boolean;
}

/** Checks `associations` of a create body (contact↔company; type 1/2 = primary, 279/280 = unlabeled). */
export function planAssociations(
  ctx: RouteContext,
  type: ObjectType,
  raw: unknown,
): PlannedAssociation[] | ApiError {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return validationError('associations must be an array.');
  const planned: PlannedAssociation[] = [];
  for (const item of raw as { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] }[]) {
    const toId = String(item?.to?.id ?? '');
    const typeIds = Array.isArray(item?.types) ? item.types.map((t) => Number(t?.associationTypeId)) : [];
    const other = type === 'contacts' ? ctx.store.companies : ctx.store.contacts;
    const target = other.get(toId);
    if (!target || target.archivedAt) {
      return validationError(`Association target ${other.type} ${toId} does not exist.`);
    }
    planned.push({ target, primary: typeIds.includes(type === 'contacts' ? 1 : 2) });
  }
  return planned;
}

export function applyAssociations(
  ctx: RouteContext,
  type: ObjectType,
  record: CrmRecord,
  planned: PlannedAssociation[],
): void {
  for (const { target, primary } of planned) {
    if (type === 'contacts') ctx.store.associate(record, target.id, primary);
    else ctx.store.associate(target, record.id, primary);
  }
}

export function invalidValues(ctx: RouteContext, problems: readonly ValueProblem[]): ApiError {
  return problemsError(problems, ctx.store.portalId);
}

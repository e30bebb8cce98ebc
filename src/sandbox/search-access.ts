import type { ObjectType, PropertyDefinition } from './property-types.ts';
import type { CrmRecord } from './record.ts';

/** Reads a property for search filters and sorts, typed by its definition. */
export type Getter = (record: CrmRecord, props: Record<string, string>) => string | number | undefined;
export type Kind = 'number' | 'time' | 'enum' | 'multi' | 'text';

/** How to read and compare one property; derived values come straight from the record (fast at 1M). */
export function accessor(
  type: ObjectType,
  name: string,
  defs: ReadonlyMap<string, PropertyDefinition>,
): { get: Getter; kind: Kind } | undefined {
  if (name === 'hs_object_id') return { get: (r) => r.id, kind: 'number' };
  if (name === 'createdate') return { get: (r) => r.createdAt, kind: 'time' };
  if (name === (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate')) {
    return { get: (r) => r.updatedAt, kind: 'time' };
  }
  if (name === 'associatedcompanyid' && type === 'contacts') {
    return { get: (r) => (r.company > 0 ? r.company : undefined), kind: 'number' };
  }
  const def = defs.get(name);
  if (!def || def.archived) return undefined;
  const raw: Getter = (_r, props) => {
    const v = props[name];
    return v === undefined || v === '' ? undefined : v;
  };
  switch (def.type) {
    case 'number':
      return { get: (r, p) => numberOf(raw(r, p)), kind: 'number' };
    case 'date':
    case 'datetime':
      return { get: (r, p) => timeOf(raw(r, p)), kind: 'time' };
    case 'enumeration':
      return { get: raw, kind: def.fieldType === 'checkbox' ? 'multi' : 'enum' };
    default:
      return { get: raw, kind: 'text' };
  }
}

const numberOf = (v: string | number | undefined) => (v === undefined ? undefined : Number(v));
export function timeOf(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return v;
  return /^-?\d+$/.test(v) ? Number(v) : Date.parse(v);
}

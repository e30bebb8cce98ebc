import type { ObjectType } from './property-types.ts';

/** One stored CRM record, kept compact for 1M rows: same shape for all, derived values computed on read. */
export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

/** Who made a write: `INTEGRATION` for apps, `CRM_UI` for people, `IMPORT` for seed data. */
export interface WriteSource {
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface CrmRecord {
  id: number;
  createdAt: number;
  updatedAt: number;
  /** 0 while active. */
  archivedAt: number;
  /** Stored values; '' means cleared (never `delete`, which would slow every object down). */
  props: Record<string, string>;
  /** Only for properties written after seeding; seeded values get one IMPORT entry on read. */
  history: Record<string, HistoryEntry[]> | undefined;
  /** Contacts: primary company id (0 = none). */
  company: number;
  /** Contacts: further, unlabeled company associations. */
  links: number[] | undefined;
}

export function newRecord(id: number, at: number, props: Record<string, string>, company = 0): CrmRecord {
  return {
    id,
    createdAt: at,
    updatedAt: at,
    archivedAt: 0,
    props,
    history: undefined,
    company,
    links: undefined,
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A property's value including the derived ones (ids, dates), or undefined when it has none. */
export function readProp(type: ObjectType, record: CrmRecord, name: string): string | undefined {
  switch (name) {
    case 'hs_object_id':
      return String(record.id);
    case 'createdate':
      return iso(record.createdAt);
    case 'lastmodifieddate':
      return type === 'contacts' ? iso(record.updatedAt) : undefined;
    case 'hs_lastmodifieddate':
      return type !== 'contacts' ? iso(record.updatedAt) : undefined;
    case 'associatedcompanyid':
      return type === 'contacts' && record.company > 0 ? String(record.company) : undefined;
    default: {
      const value = record.props[name];
      return value === undefined || value === '' ? undefined : value;
    }
  }
}

/** Writes values and records history (newest first); unchanged values leave no entry. */
export function writeProps(
  record: CrmRecord,
  values: Record<string, string>,
  source: WriteSource,
  at: number,
): boolean {
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    const old = record.props[name];
    if ((old ?? '') === value) continue;
    if (!record.history) record.history = {};
    let entries = record.history[name];
    if (!entries) {
      entries = old ? [{ value: old, timestamp: record.createdAt, sourceType: 'IMPORT' }] : [];
      record.history[name] = entries;
    }
    const entry: HistoryEntry = { value, timestamp: at, sourceType: source.sourceType };
    if (source.sourceId !== undefined) entry.sourceId = source.sourceId;
    if (source.updatedByUserId !== undefined) entry.updatedByUserId = source.updatedByUserId;
    entries.unshift(entry);
    record.props[name] = value;
    changed = true;
  }
  if (changed) record.updatedAt = Math.max(at, record.updatedAt);
  return changed;
}

/** History for one property, newest first; a seeded value without entries reads as one IMPORT. */
export function readHistory(type: ObjectType, record: CrmRecord, name: string): HistoryEntry[] {
  const entries = record.history?.[name];
  if (entries) return entries;
  const value = readProp(type, record, name);
  return value === undefined ? [] : [{ value, timestamp: record.createdAt, sourceType: 'IMPORT' }];
}

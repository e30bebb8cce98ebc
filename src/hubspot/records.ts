/** The record shapes the gateway hands out: plain data, values as HubSpot sends them (strings). */
export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Newest first, only for the properties asked for. */
  propertiesWithHistory?: Record<string, HistoryEntry[]>;
}

export interface Page<T> {
  results: T[];
  /** Cursor for the next page; absent on the last page. */
  next?: string;
}

export interface PropertyFilter {
  propertyName: string;
  operator:
    | 'EQ'
    | 'NEQ'
    | 'LT'
    | 'LTE'
    | 'GT'
    | 'GTE'
    | 'HAS_PROPERTY'
    | 'NOT_HAS_PROPERTY'
    | 'CONTAINS_TOKEN';
  value?: string;
}

export interface ContactUpdate {
  id: string;
  properties: Record<string, string>;
}

export interface BatchWriteOutcome {
  /** Ids HubSpot confirmed. */
  succeeded: string[];
  /** Ids that failed for good, each with the translated reason. */
  failed: Array<{ id: string; message: string }>;
}

export interface PropertyOption {
  label: string;
  value: string;
  description?: string;
  displayOrder?: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool';
  fieldType: string;
  groupName: string;
  description?: string;
  options?: PropertyOption[];
  modificationMetadata?: { readOnlyOptions?: boolean; readOnlyDefinition?: boolean };
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder?: number;
}

/** Normalises a raw HubSpot object (extra fields dropped; history entries kept newest first). */
export function toRecord(raw: unknown): CrmRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const object = raw as { id?: unknown; properties?: unknown; propertiesWithHistory?: unknown };
  if (typeof object.id !== 'string' && typeof object.id !== 'number') return undefined;
  const properties = (
    object.properties && typeof object.properties === 'object' ? object.properties : {}
  ) as Record<string, string | null>;
  const record: CrmRecord = { id: String(object.id), properties };
  if (object.propertiesWithHistory && typeof object.propertiesWithHistory === 'object') {
    record.propertiesWithHistory = object.propertiesWithHistory as Record<string, HistoryEntry[]>;
  }
  return record;
}

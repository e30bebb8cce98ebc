import type { ObjectType } from './property-types.ts';
import { type CrmRecord, newRecord, readProp } from './record.ts';

/** Records of one object type in id order: id = idBase + index, so get and `after` paging are O(1). */
export class ObjectTable {
  readonly records: CrmRecord[] = [];
  private uniqueIndex = new Map<string, Map<string, number>>();

  constructor(
    readonly type: ObjectType,
    readonly idBase: number,
  ) {}

  get size(): number {
    return this.records.length;
  }

  get(id: number | string): CrmRecord | undefined {
    const n = typeof id === 'number' ? id : /^\d{1,16}$/.test(id) ? Number(id) : Number.NaN;
    if (!Number.isSafeInteger(n)) return undefined;
    return this.records[n - this.idBase];
  }

  /** Index of the first record with id > `after` (for list paging). */
  indexAfter(after: number): number {
    return Math.max(0, Math.min(this.records.length, after - this.idBase + 1));
  }

  insert(props: Record<string, string>, at: number, company = 0): CrmRecord {
    const record = newRecord(this.idBase + this.records.length, at, props, company);
    this.records.push(record);
    for (const [name, index] of this.uniqueIndex) {
      const value = props[name];
      if (value) index.set(value.toLowerCase(), record.id);
    }
    return record;
  }

  /** Looks a record up by a unique property (e.g. email), case-insensitively; the index is built on first use. */
  findBy(property: string, value: string): CrmRecord | undefined {
    if (property === 'hs_object_id') return this.get(value);
    let index = this.uniqueIndex.get(property);
    if (!index) {
      index = new Map();
      for (const record of this.records) {
        const v = readProp(this.type, record, property);
        if (v && !index.has(v.toLowerCase())) index.set(v.toLowerCase(), record.id);
      }
      this.uniqueIndex.set(property, index);
    }
    const id = index.get(value.toLowerCase());
    const record = id === undefined ? undefined : this.get(id);
    return record && readProp(this.type, record, property)?.toLowerCase() === value.toLowerCase()
      ? record
      : undefined;
  }

  /** Keeps unique indexes right after a write changed indexed values. */
  reindex(record: CrmRecord, before: Record<string, string | undefined>): void {
    for (const [name, index] of this.uniqueIndex) {
      if (!(name in before)) continue;
      const old = before[name];
      if (old && index.get(old.toLowerCase()) === record.id) index.delete(old.toLowerCase());
      const now = record.props[name];
      if (now) index.set(now.toLowerCase(), record.id);
    }
  }
}

import type { HubSpotResult } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { CrmRecord, PropertyFilter } from '../hubspot/records.ts';
import { PLAN_HISTORY_PROPERTIES, PLAN_READ_PROPERTIES } from './plan.ts';

/** A slice of the contacts to tag, and where the next slice starts (a checkpoint cursor). */
export interface SourceChunk {
  contacts: CrmRecord[];
  /** Undefined when this was the last chunk. */
  next: string | undefined;
  /** Ids asked for by name (`--ids`) that HubSpot does not have. */
  missing?: string[];
}

export interface ContactSource {
  describe: string;
  /** Reads about `size` contacts starting at `cursor` (undefined = from the start). */
  read(cursor: string | undefined, size: number): Promise<HubSpotResult<SourceChunk>>;
}

const READ = { properties: PLAN_READ_PROPERTIES, propertiesWithHistory: PLAN_HISTORY_PROPERTIES };

/** Every contact, by HubSpot's list cursor. */
export function allContacts(gateway: Gateway): ContactSource {
  return {
    describe: 'all contacts',
    async read(cursor, size) {
      const contacts: CrmRecord[] = [];
      let after = cursor;
      do {
        const page = await gateway.listContacts({ ...READ, ...(after ? { after } : {}) });
        if (!page.ok) return page;
        contacts.push(...page.value.results);
        after = page.value.next;
      } while (after && contacts.length < size);
      return { ok: true, value: { contacts, next: after } };
    },
  };
}

/** Contacts matching property filters: search finds ids (keyset by id), batch read adds history. */
export function filteredContacts(gateway: Gateway, filters: readonly PropertyFilter[]): ContactSource {
  return {
    describe: `contacts where ${filters.map((f) => `${f.propertyName} ${f.operator} ${f.value ?? ''}`.trim()).join(' and ')}`,
    async read(cursor, size) {
      const ids: string[] = [];
      let afterId = cursor;
      let more = true;
      while (more && ids.length < size) {
        const page = await gateway.searchContacts(filters, {
          properties: ['hs_object_id'],
          ...(afterId ? { afterId } : {}),
        });
        if (!page.ok) return page;
        ids.push(...page.value.results.map((record) => record.id));
        more = page.value.next !== undefined;
        afterId = page.value.next ?? afterId;
      }
      const read = await gateway.readContacts(ids, READ);
      if (!read.ok) return read;
      return { ok: true, value: { contacts: read.value, next: more ? afterId : undefined } };
    },
  };
}

/** Contacts listed by id (from `--ids file`); the cursor is the position in the list. */
export function contactsById(gateway: Gateway, ids: readonly string[]): ContactSource {
  return {
    describe: `${ids.length} contacts from the ids file`,
    async read(cursor, size) {
      const start = cursor ? Number(cursor) : 0;
      const slice = ids.slice(start, start + size);
      const read = await gateway.readContacts(slice, READ);
      if (!read.ok) return read;
      const end = start + slice.length;
      const found = new Set(read.value.map((record) => record.id));
      const missing = [...new Set(slice.filter((id) => !found.has(id)))];
      return {
        ok: true,
        value: {
          contacts: read.value,
          next: end < ids.length ? String(end) : undefined,
          ...(missing.length > 0 ? { missing } : {}),
        },
      };
    },
  };
}

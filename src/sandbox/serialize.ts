import type { ObjectType, PropertyDefinition } from './property-types.ts';
import { type CrmRecord, readHistory, readProp } from './record.ts';
import { companyIdsOf, type SandboxStore } from './store.ts';

/** Properties HubSpot returns when a read names none (hubspot-api.md §3). */
export const DEFAULT_READ: Record<ObjectType, readonly string[]> = {
  contacts: ['firstname', 'lastname', 'email'],
  companies: ['name', 'domain'],
  deals: ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate'],
  calls: ['hs_timestamp'],
  meetings: ['hs_timestamp'],
  emails: ['hs_timestamp'],
};
/** Always present on reads. */
const ALWAYS: Record<ObjectType, readonly string[]> = {
  contacts: ['createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  calls: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  meetings: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

export interface ReadOptions {
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  associations?: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A record as `SimplePublicObject` JSON: string values, null for known-but-empty, ISO dates with ms. */
export function toApiObject(
  store: SandboxStore,
  type: ObjectType,
  record: CrmRecord,
  options: ReadOptions,
): Record<string, unknown> {
  const defs: ReadonlyMap<string, PropertyDefinition> = store.registry.defs(type);
  const properties: Record<string, string | null> = {};
  const names = options.properties && options.properties.length > 0 ? options.properties : DEFAULT_READ[type];
  for (const name of [...names, ...ALWAYS[type]]) {
    const def = defs.get(name);
    if (!def || def.archived) continue; // unknown names are ignored
    properties[name] = readProp(type, record, name) ?? null;
  }
  const out: Record<string, unknown> = { id: String(record.id), properties };
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const name of options.propertiesWithHistory) {
      if (!defs.has(name)) continue;
      history[name] = readHistory(type, record, name).map((e) => ({ ...e, timestamp: iso(e.timestamp) }));
    }
    out.propertiesWithHistory = history;
  }
  out.createdAt = iso(record.createdAt);
  out.updatedAt = iso(record.updatedAt);
  out.archived = record.archivedAt > 0;
  if (record.archivedAt > 0) out.archivedAt = iso(record.archivedAt);
  if (options.associations && options.associations.length > 0) {
    const associations = associationsOf(store, type, record, options.associations);
    if (Object.keys(associations).length > 0) out.associations = associations;
  }
  return out;
}

/** v3 `associations`: each associated id once per label (primary + unlabeled). */
function associationsOf(
  store: SandboxStore,
  type: ObjectType,
  record: CrmRecord,
  wanted: readonly string[],
): Record<string, { results: { id: string; type: string }[] }> {
  const out: Record<string, { results: { id: string; type: string }[] }> = {};
  for (const raw of wanted) {
    const want = raw.toLowerCase();
    const results: { id: string; type: string }[] = [];
    if (type === 'contacts' && (want === 'companies' || want === 'company' || want === '0-2')) {
      for (const id of companyIdsOf(record)) {
        if (id === record.company) results.push({ id: String(id), type: 'contact_to_company' });
        results.push({ id: String(id), type: 'contact_to_company_unlabeled' });
      }
      if (results.length > 0) out.companies = { results };
    } else if (type === 'companies' && (want === 'contacts' || want === 'contact' || want === '0-1')) {
      for (const id of store.contactsOfCompany(record.id)) {
        const contact = store.contacts.get(id);
        if (contact?.company === record.id) results.push({ id: String(id), type: 'company_to_contact' });
        results.push({ id: String(id), type: 'company_to_contact_unlabeled' });
      }
      if (results.length > 0) out.contacts = { results };
    }
  }
  return out;
}

import type { HubSpotResult } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { COMPANY_INPUT_PROPERTIES } from '../hubspot/properties.ts';
import { companyFacts } from '../hubspot/record-input.ts';
import type { CompanyFacts } from '../taxonomy.ts';

export interface CompanyInfo {
  id: string;
  facts: CompanyFacts;
}

/**
 * Primary companies of contacts, read in batches. Companies recur across pages (many contacts, one
 * company), so a bounded cache saves requests without growing with the portal.
 */
export class CompanyLookup {
  readonly #cache = new Map<string, CompanyInfo>();
  readonly #gateway: Gateway;
  readonly #capacity: number;
  hits = 0;

  constructor(gateway: Gateway, capacity = 20_000) {
    this.#gateway = gateway;
    this.#capacity = capacity;
  }

  async forContacts(contactIds: readonly string[]): Promise<HubSpotResult<Map<string, CompanyInfo>>> {
    const links = await this.#gateway.readPrimaryCompanyIds(contactIds);
    if (!links.ok) return links;
    const missing = [...new Set(links.value.values())].filter((id) => !this.#cache.has(id));
    this.hits += new Set(links.value.values()).size - missing.length;
    if (missing.length > 0) {
      const read = await this.#gateway.readCompanies(missing, COMPANY_INPUT_PROPERTIES);
      if (!read.ok) return read;
      for (const record of read.value)
        this.#remember({ id: record.id, facts: companyFacts(record.properties) });
    }
    const byContact = new Map<string, CompanyInfo>();
    for (const [contactId, companyId] of links.value) {
      const info = this.#cache.get(companyId);
      if (info) {
        byContact.set(contactId, info);
        this.#cache.delete(companyId); // refresh its place in the LRU order
        this.#cache.set(companyId, info);
      }
    }
    return { ok: true, value: byContact };
  }

  #remember(info: CompanyInfo): void {
    this.#cache.set(info.id, info);
    if (this.#cache.size > this.#capacity) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
  }
}

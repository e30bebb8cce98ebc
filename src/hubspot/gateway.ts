import { batchUpdate, type WriteOptions } from './batch-update.ts';
import { allChunks } from './chunks.ts';
import { createHubSpotClient, HUBSPOT_BASE_URL } from './client.ts';
import { createDealApi, type DealApi } from './deals-api.ts';
import type { HubSpotResult } from './errors.ts';
import { createPropertyApi, type PropertyApi } from './property-api.ts';
import { type CompanyAssociation, isPrimaryCompany, primaryCompany } from './record-input.ts';
import {
  type BatchWriteOutcome,
  type ContactUpdate,
  type CrmRecord,
  type Page,
  type PropertyFilter,
  toRecord,
} from './records.ts';
import {
  createTransport,
  type Transport,
  type TransportMetrics,
  type TransportOptions,
} from './transport.ts';

export interface GatewayOptions extends TransportOptions {
  accessToken: string;
  baseUrl?: string;
  /** Records per list page / batch read when history is asked for (HubSpot shrinks pages with history). */
  historyPageSize?: number;
}

export interface ReadOptions {
  properties: readonly string[];
  propertiesWithHistory?: readonly string[];
}

/** The one I/O layer over HubSpot's CRM API that rolecall's commands and server use. No method throws. */
export interface Gateway extends PropertyApi, DealApi {
  /** One page of all contacts, oldest first; pass `next` back as `after`. */
  listContacts(options: ReadOptions & { after?: string }): Promise<HubSpotResult<Page<CrmRecord>>>;
  /**
   * One page of contacts matching every filter, in id order. Pages by `hs_object_id > afterId` rather
   * than by offset, so it walks past search's 10,000-result cap. No history (search cannot return it).
   */
  searchContacts(
    filters: readonly PropertyFilter[],
    options: { properties: readonly string[]; afterId?: string },
  ): Promise<HubSpotResult<Page<CrmRecord>>>;
  /** How many contacts match (search's `total`; one search request). */
  countContacts(filters: readonly PropertyFilter[]): Promise<HubSpotResult<number>>;
  /** Contacts by id, any number (batched); unknown ids are left out. */
  readContacts(ids: readonly string[], options: ReadOptions): Promise<HubSpotResult<CrmRecord[]>>;
  readCompanies(ids: readonly string[], properties: readonly string[]): Promise<HubSpotResult<CrmRecord[]>>;
  /** contact id → the id of its company by `primaryCompany()`; contacts without a company are absent. */
  readPrimaryCompanyIds(contactIds: readonly string[]): Promise<HubSpotResult<Map<string, string>>>;
  /** Ids of the contacts associated with a company, up to `max` (then `partial` is true). */
  readContactIdsOfCompany(
    companyId: string,
    max: number,
  ): Promise<HubSpotResult<{ ids: string[]; partial: boolean }>>;
  /** Batch updates (≤100 per call) with per-id outcome; only failed ids are retried. */
  updateContacts(
    updates: readonly ContactUpdate[],
    options?: WriteOptions,
  ): Promise<HubSpotResult<BatchWriteOutcome>>;
  /** The account's portal id and UI domain (`GET /account-info/v3/details`), for links to records. */
  accountDetails(): Promise<HubSpotResult<AccountDetails>>;
  metrics(): TransportMetrics;
  readonly transport: Transport;
}

export interface AccountDetails {
  portalId: number;
  /** e.g. `app.hubspot.com`, `app-eu1.hubspot.com`. */
  uiDomain: string;
}

/** A HubSpot record's page in the portal's UI (`0-1` contacts, `0-2` companies). */
export function recordUrl(account: AccountDetails, objectTypeId: '0-1' | '0-2' | '0-3', id: string): string {
  return `https://${account.uiDomain}/contacts/${account.portalId}/record/${objectTypeId}/${encodeURIComponent(id)}`;
}

const SEARCH_PAGE = 200;
const ASSOCIATION_BATCH = 1000;
/** Associations per page of the v4 list endpoint (its maximum). */
const ASSOCIATION_PAGE = 500;
const READ_BATCH = 100;

export function createGateway(options: GatewayOptions): Gateway {
  const baseUrl = (options.baseUrl ?? HUBSPOT_BASE_URL).replace(/\/+$/, '');
  const client = createHubSpotClient({ accessToken: options.accessToken, baseUrl });
  const transport = createTransport(client, baseUrl, options);
  const historyPageSize = options.historyPageSize ?? 100;

  function pageSizeFor(read: ReadOptions): number {
    return read.propertiesWithHistory?.length ? historyPageSize : 100;
  }

  async function batchRead(
    objectType: 'contacts' | 'companies',
    ids: readonly string[],
    read: ReadOptions,
  ): Promise<HubSpotResult<CrmRecord[]>> {
    const size = Math.min(READ_BATCH, pageSizeFor(read));
    const read_ = await allChunks([...new Set(ids)], size, (chunk) =>
      transport.send<{ results?: unknown[] }>({
        method: 'POST',
        path: `/crm/v3/objects/${objectType}/batch/read`,
        body: {
          inputs: chunk.map((id) => ({ id })),
          properties: read.properties,
          ...(read.propertiesWithHistory?.length
            ? { propertiesWithHistory: read.propertiesWithHistory }
            : {}),
        },
        what: `reading ${chunk.length} ${objectType}`,
      }),
    );
    if (!read_.ok) return read_;
    const records: CrmRecord[] = [];
    for (const answer of read_.value) {
      for (const raw of answer.body?.results ?? []) {
        const record = toRecord(raw);
        if (record) records.push(record);
      }
    }
    return { ok: true, value: records };
  }

  return {
    ...createPropertyApi(transport),
    ...createDealApi(transport),
    transport,
    metrics: () => transport.metrics(),

    async listContacts(read) {
      const qs = new URLSearchParams({ limit: String(pageSizeFor(read)), archived: 'false' });
      for (const name of read.properties) qs.append('properties', name);
      for (const name of read.propertiesWithHistory ?? []) qs.append('propertiesWithHistory', name);
      if (read.after) qs.set('after', read.after);
      const result = await transport.send<{ results?: unknown[]; paging?: { next?: { after?: string } } }>({
        method: 'GET',
        path: '/crm/v3/objects/contacts',
        qs,
        what: 'listing contacts',
      });
      if (!result.ok) return result;
      const body = result.value.body ?? {};
      const results = (body.results ?? []).map(toRecord).filter((record) => record !== undefined);
      const next = body.paging?.next?.after;
      return { ok: true, value: next ? { results, next } : { results } };
    },

    async searchContacts(filters, search) {
      const keyset: PropertyFilter[] = search.afterId
        ? [{ propertyName: 'hs_object_id', operator: 'GT', value: search.afterId }]
        : [];
      const result = await transport.send<{ results?: unknown[] }>({
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        search: true,
        body: {
          filterGroups: [{ filters: [...filters, ...keyset] }],
          sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
          properties: search.properties,
          limit: SEARCH_PAGE,
        },
        what: 'searching contacts',
      });
      if (!result.ok) return result;
      const results = (result.value.body?.results ?? [])
        .map(toRecord)
        .filter((record) => record !== undefined);
      const last = results.at(-1)?.id;
      return {
        ok: true,
        value: results.length === SEARCH_PAGE && last ? { results, next: last } : { results },
      };
    },

    async countContacts(filters) {
      const result = await transport.send<{ total?: number }>({
        method: 'POST',
        path: '/crm/v3/objects/contacts/search',
        search: true,
        body: {
          filterGroups: filters.length > 0 ? [{ filters }] : [],
          properties: ['hs_object_id'],
          limit: 1,
        },
        what: 'counting contacts',
      });
      if (!result.ok) return result;
      return { ok: true, value: Number(result.value.body?.total ?? 0) };
    },

    async accountDetails() {
      const result = await transport.send<{ portalId?: unknown; uiDomain?: unknown }>({
        method: 'GET',
        path: '/account-info/v3/details',
        what: 'reading the account details',
      });
      if (!result.ok) return result;
      const body = result.value.body ?? {};
      const portalId = Number(body.portalId);
      const uiDomain = typeof body.uiDomain === 'string' && body.uiDomain ? body.uiDomain : 'app.hubspot.com';
      if (!Number.isInteger(portalId) || portalId <= 0) {
        const message = 'HubSpot answered the account details without a portal id.';
        return { ok: false, error: { kind: 'unexpected', status: 200, message, retryable: false } };
      }
      return { ok: true, value: { portalId, uiDomain } };
    },

    readContacts: (ids, read) => batchRead('contacts', ids, read),
    readCompanies: (ids, properties) => batchRead('companies', ids, { properties }),

    async readPrimaryCompanyIds(contactIds) {
      const primary = new Map<string, string>();
      // Each contact's companies, page after page until the primary one is listed: then primaryCompany() decides.
      const listed = new Map<string, AssociatedCompany[]>();
      let inputs = [...new Set(contactIds)].map((id): { id: string; after?: string } => ({ id }));
      while (inputs.length > 0) {
        const next: Array<{ id: string; after: string }> = [];
        for (let start = 0; start < inputs.length; start += ASSOCIATION_BATCH) {
          const chunk = inputs.slice(start, start + ASSOCIATION_BATCH);
          const result = await transport.send<{ results?: AssociationResult[] }>({
            method: 'POST',
            path: '/crm/v4/associations/contacts/companies/batch/read',
            body: { inputs: chunk },
            what: `reading companies of ${chunk.length} contacts`,
          });
          if (!result.ok) return result;
          for (const item of result.value.body?.results ?? []) {
            const from = String(item.from?.id ?? '');
            const companies = [...(listed.get(from) ?? []), ...(item.to ?? [])];
            listed.set(from, companies);
            const after = item.paging?.next?.after;
            if (after && from && !companies.some(isPrimaryCompany)) next.push({ id: from, after });
            else {
              const chosen = primaryCompany(companies);
              if (chosen) primary.set(from, String(chosen.toObjectId));
            }
          }
        }
        inputs = next;
      }
      return { ok: true, value: primary };
    },

    async readContactIdsOfCompany(companyId, max) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const qs = new URLSearchParams({ limit: String(ASSOCIATION_PAGE), ...(after ? { after } : {}) });
        const page = await transport.send<{
          results?: Array<{ toObjectId?: unknown }>;
          paging?: { next?: { after?: string } };
        }>({
          method: 'GET',
          path: `/crm/v4/objects/companies/${encodeURIComponent(companyId)}/associations/contacts`,
          qs,
          what: `reading the contacts of company ${companyId}`,
        });
        if (!page.ok) return page;
        for (const item of page.value.body?.results ?? []) ids.push(String(item.toObjectId));
        after = page.value.body?.paging?.next?.after;
      } while (after && ids.length < max);
      return { ok: true, value: { ids: ids.slice(0, max), partial: Boolean(after) || ids.length > max } };
    },

    updateContacts: (updates, options) => batchUpdate(transport, 'contacts', updates, options),
  };
}

interface AssociatedCompany extends CompanyAssociation {
  toObjectId?: string | number;
}

interface AssociationResult {
  from?: { id?: string };
  to?: AssociatedCompany[];
  paging?: { next?: { after?: string } };
}

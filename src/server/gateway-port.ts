import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import type { CrmPort, PortFailure } from './crm-port.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Contacts re-classified when a company's size or industry changes (as many as 100 association pages held). */
const MAX_COMPANY_CONTACTS = 50_000;

const failure = (error: HubSpotError): PortFailure =>
  error.fenced
    ? // Not sent because this process no longer holds the work: whoever holds it now does it.
      { message: error.message, retryable: true, defer: true, retryAfterMs: 0 }
    : error.kind === 'daily_limit'
      ? // The daily budget returns at midnight in the portal's time zone: keep the work and look again hourly.
        { message: error.message, retryable: true, defer: true, retryAfterMs: HOUR_MS }
      : {
          message: error.message,
          retryable: error.retryable,
          ...(error.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : {}),
        };

/** The server's CRM port on top of the shared HubSpot gateway (throttling, retries, error translation). */
export function gatewayPort(gateway: Gateway): CrmPort {
  return {
    async readContacts(ids, properties, historyProperties) {
      const read = await gateway.readContacts(ids, { properties, propertiesWithHistory: historyProperties });
      if (!read.ok) return { ok: false, error: failure(read.error) };
      return { ok: true, value: new Map(read.value.map((r): [string, CrmRecord] => [r.id, r])) };
    },

    async readPrimaryCompanies(contactIds, properties) {
      const links = await gateway.readPrimaryCompanyIds(contactIds);
      if (!links.ok) return { ok: false, error: failure(links.error) };
      const companyIds = [...new Set(links.value.values())];
      if (companyIds.length === 0) return { ok: true, value: new Map() };
      const companies = await gateway.readCompanies(companyIds, properties);
      if (!companies.ok) return { ok: false, error: failure(companies.error) };
      const byId = new Map(companies.value.map((c): [string, CrmRecord] => [c.id, c]));
      const result = new Map<string, CrmRecord>();
      for (const [contactId, companyId] of links.value) {
        const company = byId.get(companyId);
        if (company) result.set(contactId, company);
      }
      return { ok: true, value: result };
    },

    async updateContacts(updates, options) {
      const written = await gateway.updateContacts(updates, options);
      if (!written.ok) return { ok: false, error: failure(written.error) };
      // The gateway already retried what can heal; what is left failed for good.
      return {
        ok: true,
        value: new Map(written.value.failed.map((f) => [f.id, { message: f.message, retryable: false }])),
      };
    },

    async contactIdsOfCompany(companyId) {
      const read = await gateway.readContactIdsOfCompany(companyId, MAX_COMPANY_CONTACTS);
      return read.ok ? { ok: true, value: read.value.ids } : { ok: false, error: failure(read.error) };
    },

    rateLimitWaits: () => {
      const m = gateway.metrics();
      return m.rateLimitWaits + m.rateLimited;
    },
  };
}

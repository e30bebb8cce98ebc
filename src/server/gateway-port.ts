import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { CompanyRecord, ContactRecord, CrmPort, PortFailure } from './crm-port.ts';

const HOUR_MS = 60 * 60 * 1000;

const failure = (error: HubSpotError): PortFailure =>
  error.kind === 'daily_limit'
    ? // The daily budget returns at midnight in the portal's time zone: keep the work and look again hourly.
      { message: error.message, retryable: true, defer: true, retryAfterMs: HOUR_MS }
    : {
        message: error.message,
        retryable: error.retryable,
        ...(error.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : {}),
      };

interface AssociationPage {
  results?: Array<{ to?: Array<{ toObjectId?: string | number }>; paging?: { next?: { after?: string } } }>;
}

/** The server's CRM port on top of the shared HubSpot gateway (throttling, retries, error translation). */
export function gatewayPort(gateway: Gateway): CrmPort {
  return {
    async readContacts(ids, properties, historyProperties) {
      const read = await gateway.readContacts(ids, { properties, propertiesWithHistory: historyProperties });
      if (!read.ok) return { ok: false, error: failure(read.error) };
      return { ok: true, value: new Map(read.value.map((r): [string, ContactRecord] => [r.id, r])) };
    },

    async readPrimaryCompanies(contactIds, properties) {
      const links = await gateway.readPrimaryCompanyIds(contactIds);
      if (!links.ok) return { ok: false, error: failure(links.error) };
      const companyIds = [...new Set(links.value.values())];
      if (companyIds.length === 0) return { ok: true, value: new Map() };
      const companies = await gateway.readCompanies(companyIds, properties);
      if (!companies.ok) return { ok: false, error: failure(companies.error) };
      const byId = new Map(companies.value.map((c): [string, CompanyRecord] => [c.id, c]));
      const result = new Map<string, CompanyRecord>();
      for (const [contactId, companyId] of links.value) {
        const company = byId.get(companyId);
        if (company) result.set(contactId, company);
      }
      return { ok: true, value: result };
    },

    async updateContacts(updates) {
      const written = await gateway.updateContacts(updates);
      if (!written.ok) return { ok: false, error: failure(written.error) };
      // The gateway already retried what can heal; what is left failed for good.
      return {
        ok: true,
        value: new Map(written.value.failed.map((f) => [f.id, { message: f.message, retryable: false }])),
      };
    },

    async contactIdsOfCompany(companyId) {
      const ids = new Set<string>();
      let after: string | undefined;
      // HubSpot pages associations per input; a large company needs several rounds.
      for (let round = 0; round < 100; round += 1) {
        const result = await gateway.transport.send<AssociationPage>({
          method: 'POST',
          path: '/crm/v4/associations/companies/contacts/batch/read',
          body: { inputs: [after ? { id: companyId, after } : { id: companyId }] },
          what: `reading the contacts of company ${companyId}`,
        });
        if (!result.ok) return { ok: false, error: failure(result.error) };
        const page = result.value.body?.results?.[0];
        for (const to of page?.to ?? []) ids.add(String(to.toObjectId));
        after = page?.paging?.next?.after;
        if (!after) break;
      }
      return { ok: true, value: [...ids] };
    },

    rateLimitWaits: () => {
      const m = gateway.metrics();
      return m.rateLimitWaits + m.rateLimited;
    },
  };
}

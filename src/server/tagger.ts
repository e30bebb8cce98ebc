import { classify } from '../classify/classify.ts';
import { COMPANY_INPUT_PROPERTIES } from '../hubspot/properties.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import type { Playbook } from '../playbook/schema.ts';
import {
  type ContactPlan,
  PLAN_HISTORY_PROPERTIES,
  PLAN_READ_PROPERTIES,
  personSetProperties,
  planContact,
} from '../tag/plan.ts';
import type { Classification, CompanyFacts, ContactFacts } from '../taxonomy.ts';
import type { CrmPort, PortFailure } from './crm-port.ts';

/** The one classification function, bound to the playbook the server loaded; `rolecall_reasons` uses its labels. */
export type ClassifyFn = ((contact: ContactFacts, company: CompanyFacts | null) => Classification) & {
  readonly playbook: Playbook;
};

/** classify() bound to a playbook (the server's, or a portal's own). */
export const boundClassify = (playbook: Playbook): ClassifyFn =>
  Object.assign(
    (contact: ContactFacts, company: CompanyFacts | null) => classify(contact, company, playbook),
    {
      playbook,
    },
  );

/** `overwrite` replaces rolecall's own values, `fill_empty` only fills blanks, `none` writes nothing. */
export type WriteMode = 'overwrite' | 'fill_empty' | 'none';

export type ContactOutcome =
  | {
      id: string;
      status: 'written' | 'unchanged' | 'skipped';
      classification: Classification;
      plan: ContactPlan;
      /** The contact's values before this run (what a person set stays as it was). */
      current: CrmRecord['properties'];
    }
  | { id: string; status: 'not_found' }
  | { id: string; status: 'failed'; error: PortFailure };

export interface TagOptions {
  port: CrmPort;
  classify: ClassifyFn;
  mode: WriteMode;
  now: () => Date;
  /**
   * Asked right before the write request leaves with the ids it writes: false keeps it unsent (the queue
   * lease of these contacts was lost, so another process is doing them).
   */
  fence?: (ids: readonly string[]) => Promise<boolean>;
}

const BATCH = 100;

/** HubSpot property values → the facts classify() reads (the one rule in src/hubspot/record-input.ts). */
export function factsOf(contact: CrmRecord, company: CrmRecord | undefined) {
  return {
    facts: contactFacts(contact.properties),
    companyFacts: company ? companyFacts(company.properties) : null,
  };
}

const failAll = (ids: readonly string[], error: PortFailure): ContactOutcome[] =>
  ids.map((id) => ({ id, status: 'failed', error }));

/**
 * Reads, classifies, plans and writes up to 100 contacts. Never overwrites what a person set (the planner
 * decides); HubSpot failures come back per contact, so a caller can retry only those.
 */
export async function tagContacts(ids: readonly string[], options: TagOptions): Promise<ContactOutcome[]> {
  const unique = [...new Set(ids)].slice(0, BATCH);
  const read = await options.port.readContacts(unique, PLAN_READ_PROPERTIES, PLAN_HISTORY_PROPERTIES);
  if (!read.ok) return failAll(unique, read.error);
  const found = unique.filter((id) => read.value.has(id));
  const companies = found.length
    ? await options.port.readPrimaryCompanies(found, COMPANY_INPUT_PROPERTIES)
    : { ok: true as const, value: new Map<string, CrmRecord>() };
  if (!companies.ok) return failAll(unique, companies.error);

  const classifiedAt = options.now().toISOString();
  const planned = found.map((id) => {
    const contact = read.value.get(id)!;
    const { facts, companyFacts } = factsOf(contact, companies.value.get(id));
    const classification = options.classify(facts, companyFacts);
    const snapshot = {
      id,
      properties: contact.properties,
      setByPerson: personSetProperties(contact.propertiesWithHistory),
    };
    const plan = planContact(snapshot, classification, {
      onlyEmpty: options.mode === 'fill_empty',
      classifiedAt,
      playbook: options.classify.playbook,
      company: companyFacts,
    });
    return { id, classification, plan, current: contact.properties };
  });

  const toWrite = options.mode === 'none' ? [] : planned.filter((p) => p.plan.changes.length > 0);
  let failures = new Map<string, PortFailure>();
  if (toWrite.length > 0) {
    const updates = toWrite.map((p) => ({
      id: p.id,
      properties: Object.fromEntries(p.plan.changes.map((c) => [c.property, c.after])),
    }));
    const fence = options.fence;
    const ids = updates.map((u) => u.id);
    const written = await options.port.updateContacts(
      updates,
      fence ? { fence: () => fence(ids) } : undefined,
    );
    if (!written.ok) failures = new Map(updates.map((u) => [u.id, written.error]));
    else failures = written.value;
  }
  const writing = new Set(toWrite.map((p) => p.id));
  const byId = new Map(planned.map((p) => [p.id, p]));
  return unique.map((id): ContactOutcome => {
    const p = byId.get(id);
    if (!p) return { id, status: 'not_found' };
    const failure = failures.get(id);
    if (failure) return { id, status: 'failed', error: failure };
    const { classification, plan, current } = p;
    if (writing.has(id)) return { id, status: 'written', classification, plan, current };
    const status = plan.skipped === 'unchanged' || plan.skipped === null ? 'unchanged' : 'skipped';
    return { id, status, classification, plan, current };
  });
}

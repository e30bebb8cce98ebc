import type { CrmRecord } from '../hubspot/records.ts';
import type { CompanyFacts, ContactFacts } from '../taxonomy.ts';
import { type ContactSnapshot, personSetProperties } from './plan.ts';

/** What the planner needs to know about a contact as HubSpot has it now. */
export function toSnapshot(record: CrmRecord): ContactSnapshot {
  return {
    id: record.id,
    properties: record.properties,
    setByPerson: personSetProperties(record.propertiesWithHistory),
  };
}

/** The classifier's inputs from a contact record. */
export function contactFacts(record: CrmRecord): ContactFacts {
  return {
    jobTitle: record.properties.jobtitle ?? null,
    seniorityHint: record.properties.hs_seniority ?? null,
  };
}

const toNumber = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
};

/** The classifier's inputs from a company record. */
export function companyFacts(record: CrmRecord): CompanyFacts {
  return {
    name: record.properties.name ?? null,
    employees: toNumber(record.properties.numberofemployees),
    industry: record.properties.industry ?? null,
    annualRevenue: toNumber(record.properties.annualrevenue),
  };
}

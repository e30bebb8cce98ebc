import type { CompanyFacts, ContactFacts } from '../taxonomy.ts';

/** HubSpot record properties as `classify()` input. Browser-safe and pure. */

export type Props = Readonly<Record<string, string | null | undefined>>;

/** The contact properties the persona card reads. */
export const CONTACT_CARD_PROPERTIES = [
  'firstname',
  'lastname',
  'jobtitle',
  'hs_seniority',
  'hs_buying_role',
  'lifecyclestage',
  'rolecall_persona',
  'rolecall_buying_role',
  'rolecall_source',
  'rolecall_reasons',
  'rolecall_classified_at',
] as const;

/** The company properties classify() uses. */
export const COMPANY_CARD_PROPERTIES = ['name', 'numberofemployees', 'industry', 'annualrevenue'] as const;

export const text = (value: string | null | undefined): string =>
  typeof value === 'string' ? value.trim() : '';

const toNumber = (value: string | null | undefined): number | null => {
  const parsed = Number(text(value));
  return text(value) !== '' && Number.isFinite(parsed) ? parsed : null;
};

/** The contact's primary company among its associations (type 1), else the first one. */
export function primaryCompany<T extends { associationTypes: ReadonlyArray<{ typeId: number }> }>(
  results: readonly T[],
): T | undefined {
  return results.find((r) => r.associationTypes.some((t) => t.typeId === 1)) ?? results[0];
}

/** Contact properties as classify() input. */
export function contactFacts(contact: Props): ContactFacts {
  return { jobTitle: text(contact.jobtitle) || null, seniorityHint: text(contact.hs_seniority) || null };
}

/** Company properties as classify() input; unreadable numbers become null, never NaN. */
export function companyFacts(company: Props): CompanyFacts {
  return {
    name: text(company.name) || null,
    employees: toNumber(company.numberofemployees),
    industry: text(company.industry) || null,
    annualRevenue: toNumber(company.annualrevenue),
  };
}

/** What the cards read from HubSpot records; the record → classify() input rule lives in src/hubspot. */

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

export {
  companyFacts,
  contactFacts,
  primaryCompany,
  type RecordProperties as Props,
} from '../hubspot/record-input.ts';

import type { CompanyFacts, ContactFacts } from '../taxonomy.ts';
import { parseCount } from './values.ts';

/**
 * HubSpot records as `classify()` input, and which company is a contact's. Pure and browser-safe: the
 * cards, app functions, `rolecall tag`, `rolecall serve` and the CSV paths all read a record through here.
 */

/** Property values as HubSpot (or an export, keyed by internal name) gives them. */
export type RecordProperties = Readonly<Record<string, string | null | undefined>>;

const text = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');

/** A head count or revenue: never negative. */
function count(value: string | null | undefined): number | null {
  const parsed = parseCount(text(value) || null);
  return parsed !== null && parsed >= 0 ? parsed : null;
}

/** Contact properties (`jobtitle`, `hs_seniority`, `lifecyclestage`) as classify() input; blanks are null. */
export function contactFacts(p: RecordProperties): ContactFacts {
  return {
    jobTitle: text(p.jobtitle) || null,
    seniorityHint: text(p.hs_seniority) || null,
    lifecycleStage: text(p.lifecyclestage) || null,
  };
}

/**
 * Company properties (`name`, `numberofemployees`, `industry`, `annualrevenue`) as classify() input.
 * Counts written by people or exports ("1,200", "€5.000.000", "51-200") are read; anything else,
 * negatives included, is null.
 */
export function companyFacts(p: RecordProperties): CompanyFacts {
  return {
    name: text(p.name) || null,
    employees: count(p.numberofemployees),
    industry: text(p.industry) || null,
    annualRevenue: count(p.annualrevenue),
  };
}

/** HubSpot's association type id of a contact's primary company. */
export const PRIMARY_COMPANY_TYPE = 1;

/** One associated company as HubSpot's v4 association APIs (and the cards' `useAssociations`) list it. */
export interface CompanyAssociation {
  associationTypes?: ReadonlyArray<{ typeId?: number }>;
}

export const isPrimaryCompany = (association: CompanyAssociation): boolean =>
  association.associationTypes?.some((type) => type.typeId === PRIMARY_COMPANY_TYPE) ?? false;

/**
 * The company a contact is classified against: its primary company, else the first associated one
 * (a contact linked to companies without a primary label still has a company). The one rule for every path.
 */
export function primaryCompany<T extends CompanyAssociation>(associations: readonly T[]): T | undefined {
  return associations.find(isPrimaryCompany) ?? associations[0];
}

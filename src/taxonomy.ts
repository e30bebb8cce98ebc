/** The fixed vocabularies of taxonomy.md and the shapes every part of rolecall shares. */

export const SENIORITIES = [
  'owner',
  'partner',
  'c_level',
  'vp',
  'head',
  'director',
  'manager',
  'senior',
  'entry',
  'intern',
] as const;
export type KnownSeniority = (typeof SENIORITIES)[number];
export type Seniority = KnownSeniority | 'unknown';

export const FUNCTIONS = [
  'executive',
  'sales',
  'marketing',
  'customer_success',
  'product',
  'engineering',
  'it',
  'data',
  'design',
  'finance',
  'hr',
  'legal',
  'operations',
  'procurement',
  'consulting',
  'education',
  'healthcare',
  'other',
] as const;
export type KnownFunction = (typeof FUNCTIONS)[number];
export type JobFunction = KnownFunction | 'unknown';

/**
 * Why the title reader left seniority or function `unknown`: nothing usable in the title (`no_evidence`),
 * words with several readings and nothing to choose between them (`ambiguous`), letters of a script the
 * lexicon does not read (`unsupported_script`), or not a job title at all (`junk`: empty, placeholder, a
 * keyboard run, a sentence).
 */
export const ABSTAIN_REASONS = ['no_evidence', 'ambiguous', 'unsupported_script', 'junk'] as const;
export type AbstainReason = (typeof ABSTAIN_REASONS)[number];

export const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export type KnownSizeBand = (typeof SIZE_BANDS)[number];
export type SizeBand = KnownSizeBand | 'unknown';

export const BUYING_ROLES = [
  'economic_buyer',
  'decision_maker',
  'executive_sponsor',
  'champion',
  'technical_evaluator',
  'influencer',
  'end_user',
  'gatekeeper',
  'legal_and_compliance',
  'blocker',
  'other',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** HubSpot's native `hs_buying_role` option values (multi-checkbox). */
export const HUBSPOT_BUYING_ROLES = [
  'BLOCKER',
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
] as const;
export type HubSpotBuyingRole = (typeof HUBSPOT_BUYING_ROLES)[number];

/** What rolecall may know about a contact's company; every field is optional. */
export interface CompanyFacts {
  name?: string | null;
  employees?: number | null;
  industry?: string | null;
  annualRevenue?: number | null;
}

/** What rolecall reads about a contact. */
export interface ContactFacts {
  jobTitle?: string | null;
  /** HubSpot enrichment `hs_seniority`, or a vendor level, if present. */
  seniorityHint?: string | null;
  /** HubSpot `lifecyclestage` (e.g. "customer"): customer personas apply to the playbook's customer stages. */
  lifecycleStage?: string | null;
}

/** The answer of the title reader: who the person is, from the title (and company size). */
export interface TitleResult {
  title: string;
  seniority: Seniority;
  function: JobFunction;
  secondaryFunctions: KnownFunction[];
  /** 0..1 */
  confidence: number;
  /** Ids of the lexicon rules that decided the answer, in the order they applied. */
  rules: string[];
  /** Human-readable reasons, e.g. "'vp' → vp". */
  reasons: string[];
  /** True when the evidence was too thin and seniority or function is `unknown`. */
  abstained: boolean;
  /** When abstained: why (see ABSTAIN_REASONS). */
  abstain?: AbstainReason;
  sizeBand: SizeBand;
}

/** The full answer of classify(): the title result plus the playbook's reading of it. */
export interface Classification extends TitleResult {
  /** The primary role in the buying group. */
  buyingRole: BuyingRole;
  /** Further roles the same person plays (e.g. the CEO of a 15-person firm: decision maker too). */
  extraRoles?: BuyingRole[];
  /** 0..1: the role rule's confidence, capped by the title reading's. */
  roleConfidence?: number;
  hubspotBuyingRole: HubSpotBuyingRole;
  /** `hs_buying_role` values for the primary and extra roles (join with ';' to write). */
  hubspotBuyingRoles?: HubSpotBuyingRole[];
  /** A persona id, a negative persona id, or 'unknown'. */
  persona: string;
  personaKind: 'persona' | 'negative' | 'unknown';
  personaConfidence: number;
  /** `hs_persona` value (persona_N) if the playbook maps this persona. */
  hubspotPersona: string | null;
  roleRules: string[];
  roleReasons: string[];
  personaRules: string[];
  personaReasons: string[];
  fit: boolean;
  fitReasons: string[];
  playbookVersion: string;
}

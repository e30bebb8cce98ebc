/** Names of the contact properties rolecall owns in HubSpot, in the `rolecall` property group. */
export const ROLECALL_GROUP = 'rolecall';

export const ROLECALL_PROPERTIES = {
  persona: 'rolecall_persona',
  buyingRole: 'rolecall_buying_role',
  seniority: 'rolecall_seniority',
  function: 'rolecall_function',
  confidence: 'rolecall_confidence',
  reasons: 'rolecall_reasons',
  /** `auto` when rolecall set the values, `manual` when a person did (never overwritten). */
  source: 'rolecall_source',
  classifiedAt: 'rolecall_classified_at',
  playbookVersion: 'rolecall_playbook_version',
} as const;

/** HubSpot's native properties rolecall also writes. */
export const NATIVE_PROPERTIES = { buyingRole: 'hs_buying_role', persona: 'hs_persona' } as const;

/** The contact properties rolecall reads to classify. */
export const CONTACT_INPUT_PROPERTIES = ['jobtitle', 'hs_seniority', 'company', 'lifecyclestage'] as const;

/** The company properties rolecall reads to classify. */
export const COMPANY_INPUT_PROPERTIES = ['name', 'numberofemployees', 'industry', 'annualrevenue'] as const;

export const SOURCE_AUTO = 'auto';
export const SOURCE_MANUAL = 'manual';

/** The scopes rolecall's app asks for: the project's app-hsmeta.json and the OAuth install use this one list. */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
] as const;

/**
 * Asked for but not needed to install; features that use them check the granted scopes. The deal buying
 * group needs the deal ones: reading deals, labelling contact↔deal associations, creating the labels and
 * deal properties at setup.
 */
export const OPTIONAL_SCOPES = [
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
] as const;

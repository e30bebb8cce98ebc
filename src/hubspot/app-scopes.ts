/** The scopes rolecall's app asks for: the project's app-hsmeta.json and the OAuth install use this one list. */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
] as const;

/** Asked for but not needed to install; features that use them check the granted scopes. */
export const OPTIONAL_SCOPES = ['crm.objects.deals.read'] as const;

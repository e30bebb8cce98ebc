import type { ObjectType } from './property-types.ts';

/** What a route needs; each resolves to "any one of these scopes" (hubspot-api.md §1 table). */
export type Access = 'read' | 'write' | 'schemaRead' | 'schemaWrite' | 'assocRead' | 'assocWrite';

export const DEFAULT_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
] as const;

/** Activities are read and written with the scopes of the records they hang on (contacts). */
const scopeType = (type: ObjectType): ObjectType =>
  type === 'calls' || type === 'meetings' || type === 'emails' ? 'contacts' : type;

export function requiredScopes(access: Access, rawType: ObjectType, rawTo?: ObjectType): string[] {
  const type = scopeType(rawType);
  const toType = rawTo === undefined ? undefined : scopeType(rawTo);
  switch (access) {
    case 'read':
      return [
        `crm.schemas.${type}.read`,
        `crm.objects.${type}.sensitive.read.v2`,
        `crm.objects.${type}.read`,
        `crm.objects.${type}.highly_sensitive.read.v2`,
      ];
    case 'write':
      return [
        `crm.objects.${type}.write`,
        `crm.objects.${type}.sensitive.write.v2`,
        `crm.objects.${type}.highly_sensitive.write.v2`,
      ];
    case 'schemaRead':
      return [
        `crm.objects.${type}.read`,
        `crm.schemas.${type}.read`,
        `crm.objects.${type}.write`,
        `crm.schemas.${type}.write`,
      ];
    case 'schemaWrite':
      return [`crm.schemas.${type}.write`];
    case 'assocRead':
      return [`crm.objects.${type}.read`, `crm.objects.${toType ?? type}.read`];
    case 'assocWrite':
      return [`crm.objects.${type}.write`, `crm.objects.${toType ?? type}.write`];
  }
}

/** HubSpot property definitions and groups (hubspot-api.md §5), as the sandbox stores and serves them. */
export interface PropertyOption {
  label: string;
  value: string;
  description?: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  options: PropertyOption[];
  modificationMetadata: {
    archivable: boolean;
    readOnlyDefinition: boolean;
    readOnlyOptions: boolean;
    readOnlyValue: boolean;
  };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export type ObjectType = 'contacts' | 'companies' | 'deals' | 'calls' | 'meetings' | 'emails';
export const OBJECT_TYPES: readonly ObjectType[] = [
  'contacts',
  'companies',
  'deals',
  'calls',
  'meetings',
  'emails',
];
/** Activities (engagements) the sandbox stores as CRM objects. */
export type EngagementType = 'calls' | 'meetings' | 'emails';
export const ENGAGEMENT_TYPES: readonly EngagementType[] = ['calls', 'meetings', 'emails'];
/** HubSpot's object type ids (`0-1` …) for each type. */
export const OBJECT_TYPE_IDS: Record<ObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  calls: '0-48',
  meetings: '0-47',
  emails: '0-49',
};

/** Which `fieldType`s each `type` admits (hubspot-api.md §5). */
export const FIELD_TYPES: Record<string, readonly string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file', 'calculation_equation'],
  number: ['number', 'calculation_equation'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  phone_number: ['phonenumber', 'text'],
};

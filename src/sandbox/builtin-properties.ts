import industries from './data/industries.json' with { type: 'json' };
import type { ObjectType, PropertyDefinition, PropertyGroup, PropertyOption } from './property-types.ts';

/** HubSpot's built-in properties the sandbox knows, as compact rows: name, label, type, fieldType, group, flags. */
type Row = [string, string, string, string, string, string?];

const CONTACT_ROWS: Row[] = [
  ['firstname', 'First Name', 'string', 'text', 'contactinformation'],
  ['lastname', 'Last Name', 'string', 'text', 'contactinformation'],
  ['email', 'Email', 'string', 'text', 'contactinformation', 'unique'],
  ['phone', 'Phone Number', 'string', 'phonenumber', 'contactinformation'],
  ['jobtitle', 'Job Title', 'string', 'text', 'contactinformation'],
  ['company', 'Company Name', 'string', 'text', 'contactinformation'],
  ['country', 'Country/Region', 'string', 'text', 'contactinformation'],
  ['hs_language', 'Preferred language', 'string', 'text', 'contactinformation'],
  ['seniority', 'Seniority', 'string', 'text', 'contactinformation'],
  ['job_function', 'Job function', 'string', 'text', 'contactinformation'],
  ['hs_seniority', 'Seniority', 'enumeration', 'select', 'contactinformation'],
  ['hs_buying_role', 'Buying Role', 'enumeration', 'checkbox', 'contactinformation'],
  ['hs_persona', 'Persona', 'enumeration', 'select', 'contactinformation'],
  ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', 'contactinformation'],
  ['associatedcompanyid', 'Primary Associated Company ID', 'number', 'number', 'contactinformation'],
  ['createdate', 'Create Date', 'datetime', 'date', 'contactinformation', 'readonly'],
  ['lastmodifieddate', 'Last Modified Date', 'datetime', 'date', 'contactinformation', 'readonly'],
  ['hs_object_id', 'Record ID', 'number', 'number', 'contactinformation', 'readonly'],
];

const COMPANY_ROWS: Row[] = [
  ['name', 'Company name', 'string', 'text', 'companyinformation'],
  ['domain', 'Company Domain Name', 'string', 'text', 'companyinformation'],
  ['numberofemployees', 'Number of Employees', 'number', 'number', 'companyinformation'],
  ['industry', 'Industry', 'enumeration', 'select', 'companyinformation'],
  ['annualrevenue', 'Annual Revenue', 'number', 'number', 'companyinformation'],
  ['country', 'Country/Region', 'string', 'text', 'companyinformation'],
  ['city', 'City', 'string', 'text', 'companyinformation'],
  ['createdate', 'Create Date', 'datetime', 'date', 'companyinformation', 'readonly'],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', 'companyinformation', 'readonly'],
  ['hs_object_id', 'Record ID', 'number', 'number', 'companyinformation', 'readonly'],
];

/** `hs_persona` options come from the Personas tool; these five stand in for a portal's (platform §8). */
const PERSONA_LABELS = ['Economic Buyer', 'Technical Evaluator', 'Champion', 'End User', 'Executive Sponsor'];

const SENIORITY_VALUES = [
  'owner',
  'partner',
  'executive',
  'vp',
  'director',
  'manager',
  'senior',
  'entry',
  'intern',
];

const BUYING_ROLE_VALUES = [
  'BLOCKER',
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
];

const LIFECYCLE_VALUES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];

const labelOf = (value: string): string =>
  value
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => (word === 'and' ? 'and' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');

const options = (values: readonly string[], labels?: readonly string[]): PropertyOption[] =>
  values.map((value, i) => ({ label: labels?.[i] ?? labelOf(value), value, displayOrder: i, hidden: false }));

const OPTIONS: Record<string, PropertyOption[]> = {
  'contacts.hs_buying_role': options(BUYING_ROLE_VALUES),
  'contacts.hs_persona': options(
    PERSONA_LABELS.map((_, i) => `persona_${i + 1}`),
    PERSONA_LABELS,
  ),
  'contacts.hs_seniority': options(SENIORITY_VALUES),
  'contacts.lifecyclestage': options(LIFECYCLE_VALUES),
  'companies.industry': options(industries),
};

const BUILTIN_TIME = '2019-08-06T02:43:14.491Z';

function definition(type: ObjectType, row: Row, order: number): PropertyDefinition {
  const [name, label, valueType, fieldType, groupName, flag] = row;
  return {
    name,
    label,
    type: valueType,
    fieldType,
    groupName,
    description: '',
    displayOrder: order,
    hasUniqueValue: flag === 'unique',
    hidden: false,
    formField: flag !== 'readonly',
    calculated: false,
    externalOptions: false,
    hubspotDefined: true,
    options: OPTIONS[`${type}.${name}`] ?? [],
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyOptions: name !== 'hs_persona' && name !== 'industry' && name !== 'lifecyclestage',
      readOnlyValue: flag === 'readonly',
    },
    createdAt: BUILTIN_TIME,
    updatedAt: BUILTIN_TIME,
    archived: false,
  };
}

export function builtinProperties(type: ObjectType): PropertyDefinition[] {
  return (type === 'contacts' ? CONTACT_ROWS : COMPANY_ROWS).map((row, i) => definition(type, row, i));
}

export function builtinGroups(type: ObjectType): PropertyGroup[] {
  const name = type === 'contacts' ? 'contactinformation' : 'companyinformation';
  const label = type === 'contacts' ? 'Contact information' : 'Company information';
  return [{ name, label, displayOrder: -1, archived: false }];
}

export { BUYING_ROLE_VALUES, SENIORITY_VALUES };

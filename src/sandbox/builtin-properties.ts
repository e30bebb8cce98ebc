import industries from './data/industries.json' with { type: 'json' };
import { DEFAULT_PIPELINES } from './deals/pipelines.ts';
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
  [
    'hs_last_sales_activity_timestamp',
    'Last Engagement Date',
    'datetime',
    'date',
    'contactinformation',
    'readonly',
  ],
  ['notes_last_contacted', 'Last Contacted', 'datetime', 'date', 'contactinformation', 'readonly'],
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

const DEAL_ROWS: Row[] = [
  ['dealname', 'Deal Name', 'string', 'text', 'dealinformation'],
  ['amount', 'Amount', 'number', 'number', 'dealinformation'],
  ['dealstage', 'Deal Stage', 'enumeration', 'radio', 'dealinformation'],
  ['pipeline', 'Pipeline', 'enumeration', 'select', 'dealinformation'],
  ['closedate', 'Close Date', 'datetime', 'date', 'dealinformation'],
  ['dealtype', 'Deal Type', 'enumeration', 'radio', 'dealinformation'],
  ['description', 'Deal Description', 'string', 'textarea', 'dealinformation'],
  ['hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', 'dealinformation', 'readonly'],
  ['hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', 'dealinformation', 'readonly'],
  ['hs_is_closed_lost', 'Is closed lost', 'bool', 'booleancheckbox', 'dealinformation', 'readonly'],
  ['hs_deal_stage_probability', 'Deal Stage Probability', 'number', 'number', 'dealinformation', 'readonly'],
  ['notes_last_contacted', 'Last Contacted', 'datetime', 'date', 'dealinformation', 'readonly'],
  ['createdate', 'Create Date', 'datetime', 'date', 'dealinformation', 'readonly'],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', 'dealinformation', 'readonly'],
  ['hs_object_id', 'Record ID', 'number', 'number', 'dealinformation', 'readonly'],
];

const ENGAGEMENT_COMMON: Row[] = [
  ['hs_timestamp', 'Activity date', 'datetime', 'date', 'engagement'],
  ['createdate', 'Create Date', 'datetime', 'date', 'engagement', 'readonly'],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', 'engagement', 'readonly'],
  ['hs_object_id', 'Record ID', 'number', 'number', 'engagement', 'readonly'],
];

const ENGAGEMENT_ROWS: Record<'calls' | 'meetings' | 'emails', Row[]> = {
  calls: [
    ['hs_call_title', 'Call Title', 'string', 'text', 'engagement'],
    ['hs_call_body', 'Call notes', 'string', 'html', 'engagement'],
    ['hs_call_direction', 'Call direction', 'enumeration', 'select', 'engagement'],
    ['hs_call_duration', 'Call duration', 'number', 'number', 'engagement'],
    ['hs_call_status', 'Call status', 'enumeration', 'select', 'engagement'],
  ],
  meetings: [
    ['hs_meeting_title', 'Meeting name', 'string', 'text', 'engagement'],
    ['hs_meeting_body', 'Meeting description', 'string', 'html', 'engagement'],
    ['hs_meeting_start_time', 'Meeting start time', 'datetime', 'date', 'engagement'],
    ['hs_meeting_end_time', 'Meeting end time', 'datetime', 'date', 'engagement'],
    ['hs_meeting_outcome', 'Meeting outcome', 'enumeration', 'select', 'engagement'],
  ],
  emails: [
    ['hs_email_subject', 'Email subject', 'string', 'text', 'engagement'],
    ['hs_email_text', 'Email body', 'string', 'textarea', 'engagement'],
    ['hs_email_direction', 'Email direction', 'enumeration', 'select', 'engagement'],
    ['hs_email_status', 'Email send status', 'enumeration', 'select', 'engagement'],
  ],
};

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

/**
 * HubSpot's own `hs_buying_role` options, kept here on purpose rather than imported from src/taxonomy.ts: that list
 * is what rolecall assumes HubSpot accepts, this one is what the portal answers, so a wrong assumption fails a test.
 */
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
  'deals.dealtype': options(['newbusiness', 'existingbusiness'], ['New Business', 'Existing Business']),
  'deals.pipeline': options(
    DEFAULT_PIPELINES.map((p) => p.id),
    DEFAULT_PIPELINES.map((p) => p.label),
  ),
  'deals.dealstage': options(
    DEFAULT_PIPELINES.flatMap((p) => p.stages.map((s) => s.id)),
    DEFAULT_PIPELINES.flatMap((p) => p.stages.map((s) => s.label)),
  ),
  'calls.hs_call_direction': options(['INBOUND', 'OUTBOUND'], ['Inbound', 'Outbound']),
  'calls.hs_call_status': options(['COMPLETED', 'NO_ANSWER', 'BUSY', 'FAILED', 'CANCELED']),
  'meetings.hs_meeting_outcome': options(['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']),
  'emails.hs_email_direction': options(
    ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'],
    ['Outgoing', 'Incoming', 'Forwarded'],
  ),
  'emails.hs_email_status': options(['SENT', 'BOUNCED', 'FAILED', 'SCHEDULED']),
};

const ROWS: Record<ObjectType, Row[]> = {
  contacts: CONTACT_ROWS,
  companies: COMPANY_ROWS,
  deals: DEAL_ROWS,
  calls: [...ENGAGEMENT_ROWS.calls, ...ENGAGEMENT_COMMON],
  meetings: [...ENGAGEMENT_ROWS.meetings, ...ENGAGEMENT_COMMON],
  emails: [...ENGAGEMENT_ROWS.emails, ...ENGAGEMENT_COMMON],
};

const GROUPS: Record<ObjectType, [string, string]> = {
  contacts: ['contactinformation', 'Contact information'],
  companies: ['companyinformation', 'Company information'],
  deals: ['dealinformation', 'Deal information'],
  calls: ['engagement', 'Call information'],
  meetings: ['engagement', 'Meeting information'],
  emails: ['engagement', 'Email information'],
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
      readOnlyOptions: !['hs_persona', 'industry', 'lifecyclestage', 'dealtype'].includes(name),
      readOnlyValue: flag === 'readonly',
    },
    createdAt: BUILTIN_TIME,
    updatedAt: BUILTIN_TIME,
    archived: false,
  };
}

export function builtinProperties(type: ObjectType): PropertyDefinition[] {
  return ROWS[type].map((row, i) => definition(type, row, i));
}

export function builtinGroups(type: ObjectType): PropertyGroup[] {
  const [name, label] = GROUPS[type];
  return [{ name, label, displayOrder: -1, archived: false }];
}

export { BUYING_ROLE_VALUES, SENIORITY_VALUES };

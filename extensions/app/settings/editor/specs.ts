import { BUYING_ROLES, FUNCTIONS, HUBSPOT_BUYING_ROLES, SENIORITIES, SIZE_BANDS } from '@rolecall/core';

/**
 * What each part of the playbook looks like in the editor, as data: one field per schema key, labelled for
 * the people who own the message. The schema (and `rolecall playbook check`) decides what is valid.
 */
export type Option = { label: string; value: string };

export type FieldSpec =
  | { kind: 'text'; key: string; label: string; optional?: boolean; long?: boolean; help?: string }
  | { kind: 'lines'; key: string; label: string; optional?: boolean; help?: string }
  | { kind: 'number'; key: string; label: string; optional?: boolean; min?: number; max?: number }
  | { kind: 'toggle'; key: string; label: string }
  | { kind: 'choice'; key: string; label: string; options: Option[]; optional?: boolean }
  | { kind: 'choices'; key: string; label: string; options: Option[]; optional?: boolean }
  | { kind: 'tristate'; key: string; label: string; yes: string; no: string; any: string }
  | {
      kind: 'items';
      key: string;
      label: string;
      item: string;
      fields: FieldSpec[];
      blank: () => Record<string, unknown>;
    };

const words = (id: string) => id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const options = (ids: readonly string[]): Option[] => ids.map((id) => ({ label: words(id), value: id }));

export const SENIORITY_OPTIONS = options([...SENIORITIES, 'unknown']);
export const FUNCTION_OPTIONS = options([...FUNCTIONS, 'unknown']);
export const SIZE_OPTIONS = SIZE_BANDS.map((band) => ({ label: band, value: band }));
export const ROLE_OPTIONS = options(BUYING_ROLES);
export const ASSIGNABLE_ROLE_OPTIONS = ROLE_OPTIONS.filter((o) => o.value !== 'blocker');
export const PRODUCT_GROUP_OPTIONS: Option[] = [
  { label: 'Users of the product (userFunctions)', value: 'user' },
  { label: 'Budget owners (budgetFunctions)', value: 'budget' },
  { label: 'Technical reviewers (technicalFunctions)', value: 'technical' },
  { label: 'Gatekeepers (gateFunctions)', value: 'gate' },
];
export const HUBSPOT_ROLE_OPTIONS = HUBSPOT_BUYING_ROLES.map((v) => ({ label: v, value: v }));

export const PLAYBOOK_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'version', label: 'Playbook version (shown on cards and in reports)' },
  { kind: 'toggle', key: 'example', label: 'This is an example playbook (cards and settings say so)' },
  { kind: 'number', key: 'reviewIntervalDays', label: 'Review interval (days)', min: 1 },
  { kind: 'lines', key: 'customerStages', label: 'Lifecycle stages that make a contact a customer' },
];

export const PRODUCT_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'name', label: 'Product name' },
  { kind: 'text', key: 'whatWeSell', label: 'What we sell, in one sentence', long: true },
  { kind: 'choices', key: 'userFunctions', label: 'Functions that use it', options: FUNCTION_OPTIONS },
  { kind: 'choices', key: 'budgetFunctions', label: 'Functions that pay for it', options: FUNCTION_OPTIONS },
  {
    kind: 'choices',
    key: 'technicalFunctions',
    label: 'Functions that review it technically (engineering is not IT)',
    options: FUNCTION_OPTIONS,
  },
  { kind: 'choices', key: 'gateFunctions', label: 'Gatekeeping functions', options: FUNCTION_OPTIONS },
  { kind: 'number', key: 'revenuePerEmployee', label: 'Revenue per employee (to read size)', optional: true },
];

export const ICP_FIELDS: FieldSpec[] = [
  { kind: 'choices', key: 'sizeBands', label: 'Ideal company sizes', options: SIZE_OPTIONS },
  { kind: 'lines', key: 'industriesIn', label: 'Ideal industries (one per line)', optional: true },
  { kind: 'lines', key: 'industriesOut', label: 'Excluded industries (one per line)', optional: true },
];

const MATCH_LISTS: FieldSpec[] = [
  { kind: 'choices', key: 'seniority', label: 'Seniority', options: SENIORITY_OPTIONS, optional: true },
  { kind: 'choices', key: 'functions', label: 'Functions', options: FUNCTION_OPTIONS, optional: true },
  {
    kind: 'choices',
    key: 'productFunctions',
    label: 'Product groups',
    options: PRODUCT_GROUP_OPTIONS,
    optional: true,
  },
  { kind: 'choices', key: 'sizeBands', label: 'Company sizes', options: SIZE_OPTIONS, optional: true },
  { kind: 'lines', key: 'industries', label: 'Only these industries', optional: true },
  { kind: 'lines', key: 'industriesOut', label: 'Not these industries', optional: true },
  { kind: 'lines', key: 'titleKeywords', label: 'Title contains (one per line)', optional: true },
  { kind: 'lines', key: 'titleKeywordsOut', label: 'Title does not contain', optional: true },
  {
    kind: 'tristate',
    key: 'customer',
    label: 'Lifecycle',
    any: 'Anyone',
    yes: 'Customers only',
    no: 'Not customers',
  },
];

/** Who a rule or persona applies to (every condition must hold; empty means any). */
export const MATCH_FIELDS: FieldSpec[] = MATCH_LISTS;
export const PERSONA_MATCH_FIELDS: FieldSpec[] = [
  ...MATCH_LISTS,
  { kind: 'number', key: 'priority', label: 'Priority (higher wins an overlap)' },
];

export const OBJECTION_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'objection', label: 'Objection', long: true },
  { kind: 'text', key: 'response', label: 'Response', long: true },
  { kind: 'text', key: 'proof', label: 'Proof (a customer, a number, a reference)', optional: true },
  { kind: 'toggle', key: 'template', label: 'Template: not shown to reps as fact' },
];
export const blankObjection = () => ({ objection: '', response: '' });

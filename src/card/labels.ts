import { findPersona } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { JobFunction, Seniority } from '../taxonomy.ts';

/** Words a person reads for rolecall's ids. Browser-safe and pure; the cards, the CLI and the report use them. */

/** "customer_success" → "Customer success": for ids that have no label of their own. */
export function humanize(id: string): string {
  const spaced = id.replaceAll('_', ' ').trim();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1).toLowerCase() : 'Unknown';
}

const SENIORITY_LABELS: Readonly<Record<Seniority, string>> = {
  owner: 'Owner',
  partner: 'Partner',
  c_level: 'C-level',
  vp: 'VP',
  head: 'Head',
  director: 'Director',
  manager: 'Manager',
  senior: 'Senior',
  entry: 'Entry level',
  intern: 'Intern',
  unknown: 'Unknown seniority',
};

const FUNCTION_LABELS: Readonly<Record<JobFunction, string>> = {
  executive: 'Executive',
  sales: 'Sales',
  marketing: 'Marketing',
  customer_success: 'Customer success',
  product: 'Product',
  engineering: 'Engineering',
  it: 'IT',
  data: 'Data',
  design: 'Design',
  finance: 'Finance',
  hr: 'HR',
  legal: 'Legal',
  operations: 'Operations',
  procurement: 'Procurement',
  consulting: 'Consulting',
  education: 'Education',
  healthcare: 'Healthcare',
  other: 'Other',
  unknown: 'Unknown function',
};

/** "vp" → "VP", "c_level" → "C-level". */
export function seniorityLabel(id: string): string {
  return SENIORITY_LABELS[id as Seniority] ?? humanize(id);
}

/** "it" → "IT", "customer_success" → "Customer success". */
export function functionLabel(id: string): string {
  return FUNCTION_LABELS[id as JobFunction] ?? humanize(id);
}

/** HubSpot's industry value as words: "COMPUTER_SOFTWARE" → "Computer software". */
export function industryLabel(id: string): string {
  return humanize(id);
}

/** The playbook's name of a persona or negative persona; "No persona" for `unknown`. */
export function personaName(playbook: Playbook, id: string): string {
  if (id === 'unknown' || id === '') return 'No persona';
  return findPersona(playbook, id)?.name ?? humanize(id);
}

export type ConfidenceWord = 'likely' | 'possible' | 'unconfirmed';

/** A confidence word instead of a falsely precise percentage. */
export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= 0.75) return 'likely';
  if (confidence >= 0.5) return 'possible';
  return 'unconfirmed';
}

/** Tag colour for a confidence word. */
export function confidenceVariant(confidence: number): 'success' | 'warning' | 'default' {
  const word = confidenceWord(confidence);
  return word === 'likely' ? 'success' : word === 'possible' ? 'warning' : 'default';
}

/** "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

import { findPersona, type Playbook, roleLabel as playbookRoleLabel } from '@rolecall/core';

/** "customer_success" → "Customer success": for vocabulary ids that have no label of their own. */
export function humanize(id: string): string {
  const spaced = id.replaceAll('_', ' ').trim();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : 'Unknown';
}

/** The playbook's label of a buying role, e.g. "Economic buyer". */
export function roleLabel(playbook: Playbook, role: string): string {
  return role ? playbookRoleLabel(playbook, role) : 'No role';
}

/** The playbook's name of a persona or negative persona; "No persona" for `unknown`. */
export function personaName(playbook: Playbook, id: string): string {
  if (id === 'unknown' || id === '') return 'No persona';
  return findPersona(playbook, id)?.name ?? humanize(id);
}

/** A confidence word instead of a falsely precise percentage (personas.md §3). */
export function confidenceWord(confidence: number): 'likely' | 'possible' | 'unconfirmed' {
  if (confidence >= 0.75) return 'likely';
  if (confidence >= 0.5) return 'possible';
  return 'unconfirmed';
}

/** Tag colour for a confidence word. */
export function confidenceVariant(confidence: number): 'success' | 'warning' | 'default' {
  const word = confidenceWord(confidence);
  return word === 'likely' ? 'success' : word === 'possible' ? 'warning' : 'default';
}

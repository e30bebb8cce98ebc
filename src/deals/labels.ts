import type { Playbook } from '../playbook/schema.ts';
import type { BuyingRole, HubSpotBuyingRole } from '../taxonomy.ts';
import { dealSettings } from './schema.ts';

/** HubSpot's own names for buying roles (the `hs_buying_role` option labels), used as association labels. */
export const HUBSPOT_ROLE_LABELS: Record<HubSpotBuyingRole, string> = {
  BLOCKER: 'Blocker',
  BUDGET_HOLDER: 'Budget Holder',
  CHAMPION: 'Champion',
  DECISION_MAKER: 'Decision Maker',
  END_USER: 'End User',
  EXECUTIVE_SPONSOR: 'Executive Sponsor',
  INFLUENCER: 'Influencer',
  LEGAL_AND_COMPLIANCE: 'Legal and Compliance',
  OTHER: 'Other',
};

export interface RoleLabel {
  role: BuyingRole;
  /** The label people see on the contact↔deal association. */
  label: string;
  /** The label's internal name (unique per object pair). */
  name: string;
}

/**
 * One contact→deal label per role the playbook uses (assigned by its rules or required on a deal), in
 * the playbook's role order. HubSpot's name when it is unambiguous ("Budget Holder" for the economic
 * buyer); roles that share a HubSpot value (technical evaluator and influencer are both INFLUENCER) keep
 * the playbook's own label for all but the role HubSpot's name fits.
 */
export function dealRoleLabels(playbook: Playbook): RoleLabel[] {
  const settings = dealSettings(playbook.deals);
  const used = new Set<BuyingRole>();
  for (const rule of playbook.roleRules) {
    used.add(rule.assign.role);
    for (const extra of rule.assign.extraRoles) used.add(extra);
  }
  used.add(playbook.roleFallback.role);
  for (const role of playbook.requiredRoles) used.add(role);
  for (const group of playbook.requiredRolesBySize) for (const role of group.roles) used.add(role);
  for (const rule of settings.requiredRoles) for (const role of rule.roles) used.add(role);
  for (const role of Object.values(settings.customerRoles)) if (role) used.add(role);
  used.delete('other');
  const roles = playbook.roles.filter((r) => used.has(r.id));
  const byValue = new Map<string, BuyingRole[]>();
  for (const r of roles) byValue.set(r.hubspotValue, [...(byValue.get(r.hubspotValue) ?? []), r.id]);
  return roles.map((r) => {
    const sharing = byValue.get(r.hubspotValue) ?? [];
    const hubspotName = HUBSPOT_ROLE_LABELS[r.hubspotValue];
    const fits = sharing.length === 1 || r.id === ROLE_FOR_VALUE[r.hubspotValue];
    return { role: r.id, label: fits ? hubspotName : r.label, name: `rolecall_${r.id}` };
  });
}

/** Which role HubSpot's label means when several roles share its value. */
const ROLE_FOR_VALUE: Partial<Record<HubSpotBuyingRole, BuyingRole>> = {
  INFLUENCER: 'influencer',
  OTHER: 'other',
  BUDGET_HOLDER: 'economic_buyer',
  DECISION_MAKER: 'decision_maker',
};

/** The role a label stands for (rolecall's own or a person's label with the same text), if any. */
export function roleOfLabel(label: string | null, labels: readonly RoleLabel[]): BuyingRole | undefined {
  if (!label) return undefined;
  const text = label.trim().toLowerCase();
  return labels.find((l) => l.label.toLowerCase() === text || l.role.replace(/_/g, ' ') === text)?.role;
}

import { humanize } from '../card/labels.ts';
import { DEAL_PROPERTIES } from '../deals/label-plan.ts';
import { dealRoleLabels } from '../deals/labels.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { HubSpotResult } from './errors.ts';
import type { Gateway } from './gateway.ts';
import { ROLECALL_GROUP } from './properties.ts';
import type { PropertyDefinition } from './records.ts';

/** What `rolecall setup` needs on deals: the rolecall group, four deal properties, contact→deal labels. */
export type DealSetupStep =
  | { action: 'create-group'; objectType: 'deals'; name: string }
  | { action: 'create'; objectType: 'deals'; name: string; spec: PropertyDefinition }
  | { action: 'create-label'; name: string; label: string }
  | { action: 'ok'; name: string }
  | { action: 'warn'; name: string; message: string };

export function dealPropertySpecs(playbook: Playbook): PropertyDefinition[] {
  const roleOptions = playbook.roles
    .filter((r) => r.id !== 'other')
    .map((r, i) => ({ value: r.id, label: r.label || humanize(r.id), displayOrder: i, hidden: false }));
  return [
    {
      name: DEAL_PROPERTIES.completeness,
      label: 'Buying group completeness (rolecall)',
      description: 'Share of the roles this deal needs that someone on the deal fills, 0–100.',
      type: 'number',
      fieldType: 'number',
      groupName: ROLECALL_GROUP,
    },
    {
      name: DEAL_PROPERTIES.missingRoles,
      label: 'Missing buying roles (rolecall)',
      description: 'Roles this deal needs that nobody on it fills.',
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: ROLECALL_GROUP,
      options: roleOptions,
    },
    {
      name: DEAL_PROPERTIES.engagedRoles,
      label: 'Engaged buying roles (rolecall)',
      description: 'Filled roles with a call, meeting or email in the last 30 days.',
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: ROLECALL_GROUP,
      options: roleOptions,
    },
    {
      name: DEAL_PROPERTIES.singleThreaded,
      label: 'Single-threaded (rolecall)',
      description: 'One contact carries the deal: the only one on it, or the only one recently active.',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: ROLECALL_GROUP,
      options: [
        { value: 'true', label: 'Yes', displayOrder: 0, hidden: false },
        { value: 'false', label: 'No', displayOrder: 1, hidden: false },
      ],
    },
  ];
}

/**
 * Plans the deal side of setup. Labels: one per role the playbook uses; a label with the same text that
 * already exists is reused; the portal's limit (read, never assumed) decides how many can be created,
 * and each label that does not fit is a warning naming the limit and the fix.
 */
export async function planDealSetup(
  gateway: Gateway,
  playbook: Playbook,
): Promise<HubSpotResult<DealSetupStep[]>> {
  const steps: DealSetupStep[] = [];
  const group = await gateway.getGroup('deals', ROLECALL_GROUP);
  if (!group.ok) {
    if (group.error.kind === 'scope' || group.error.kind === 'auth') {
      return {
        ok: true,
        value: [
          {
            action: 'warn',
            name: 'deals',
            message: `rolecall cannot read deal settings (${group.error.message}); deal buying groups are skipped. Grant the app crm.objects.deals.read/write and crm.schemas.deals.read/write, then run "rolecall setup" again.`,
          },
        ],
      };
    }
    return group;
  }
  steps.push(
    group.value
      ? { action: 'ok', name: `deal group ${ROLECALL_GROUP}` }
      : { action: 'create-group', objectType: 'deals', name: ROLECALL_GROUP },
  );
  for (const spec of dealPropertySpecs(playbook)) {
    const existing = await gateway.getProperty('deals', spec.name);
    if (!existing.ok) return existing;
    if (!existing.value) steps.push({ action: 'create', objectType: 'deals', name: spec.name, spec });
    else if (existing.value.type !== spec.type)
      steps.push({
        action: 'warn',
        name: spec.name,
        message: `deal property "${spec.name}" exists as type ${existing.value.type}, rolecall needs ${spec.type}; archive it in HubSpot (Settings › Properties › Deal) and run "rolecall setup" again.`,
      });
    else steps.push({ action: 'ok', name: spec.name });
  }
  const labels = await gateway.listAssociationLabels('contacts', 'deals');
  if (!labels.ok) {
    if (labels.error.kind !== 'not_found' && labels.error.kind !== 'scope') return labels;
    steps.push({
      action: 'warn',
      name: 'contact→deal labels',
      message: `rolecall cannot read the portal's contact→deal association labels (${labels.error.message}); deals get no role labels until "rolecall setup" can create them.`,
    });
    return { ok: true, value: steps };
  }
  const have = new Set(labels.value.map((l) => (l.label ?? '').toLowerCase()));
  const wanted = dealRoleLabels(playbook);
  const absent = wanted.filter((w) => !have.has(w.label.toLowerCase()));
  for (const w of wanted)
    if (have.has(w.label.toLowerCase())) steps.push({ action: 'ok', name: `label ${w.label}` });
  if (absent.length === 0) return { ok: true, value: steps };
  const limit = await gateway.readLabelLimit('contacts', 'deals');
  if (!limit.ok) return limit;
  const room = limit.value ? Math.max(0, limit.value.limit - limit.value.usage) : absent.length;
  for (const [i, w] of absent.entries()) {
    if (i < room) {
      steps.push({ action: 'create-label', name: `label ${w.label}`, label: w.label });
      continue;
    }
    const l = limit.value;
    steps.push({
      action: 'warn',
      name: `label ${w.label}`,
      message: `cannot create the contact→deal label "${w.label}": the portal allows ${l?.limit} custom contact→deal labels, ${l?.usage} were already in use (${l?.allLabels.join(', ') || 'none'})${room > 0 ? ` and rolecall's first ${room} take the rest` : ''}. Delete unused labels (Settings › Objects › Deals › Associations) or move to a tier with more, then run "rolecall setup" again; until then contacts in this role get no deal label.`,
    });
  }
  return { ok: true, value: steps };
}

/** Performs one planned step; a label the portal refuses becomes a warning (the rest of setup goes on). */
export async function applyDealStep(
  gateway: Gateway,
  playbook: Playbook,
  step: DealSetupStep,
): Promise<HubSpotResult<DealSetupStep>> {
  if (step.action === 'create-group') {
    const r = await gateway.createGroup('deals', {
      name: ROLECALL_GROUP,
      label: 'rolecall',
      displayOrder: -1,
    });
    return r.ok ? { ok: true, value: step } : r;
  }
  if (step.action === 'create') {
    const r = await gateway.createProperty('deals', step.spec);
    return r.ok ? { ok: true, value: step } : r;
  }
  if (step.action === 'create-label') {
    const role = dealRoleLabels(playbook).find((l) => l.label === step.label);
    const r = await gateway.createAssociationLabel('contacts', 'deals', {
      label: step.label,
      name: role?.name ?? step.label.toLowerCase().replace(/\W+/g, '_'),
    });
    if (r.ok) return { ok: true, value: step };
    if (r.error.kind === 'validation' || r.error.kind === 'conflict' || r.error.kind === 'scope') {
      return {
        ok: true,
        value: {
          action: 'warn',
          name: step.name,
          message: `HubSpot did not create the contact→deal label "${step.label}": ${r.error.message}`,
        },
      };
    }
    return r;
  }
  return { ok: true, value: step };
}

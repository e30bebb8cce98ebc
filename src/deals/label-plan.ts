import type { BuyingRole } from '../taxonomy.ts';
import type { AssociationLabelRef, DealEvaluation } from './evaluate.ts';

/** The deal properties rolecall writes (created by `rolecall setup`). */
export const DEAL_PROPERTIES = {
  completeness: 'rolecall_deal_completeness',
  missingRoles: 'rolecall_deal_missing_roles',
  engagedRoles: 'rolecall_deal_engaged_roles',
  singleThreaded: 'rolecall_single_threaded',
} as const;

export interface LabelChange {
  dealId: string;
  contactId: string;
  typeId: number;
  /** The role id the label stands for (readable in the audit log and plan). */
  label: string;
  role: BuyingRole;
}

export interface DealPropertyChange {
  property: string;
  before: string | null;
  after: string;
}

export interface LabelPlan {
  dealId: string;
  add: LabelChange[];
  /** Only labels rolecall added earlier (the audit log knows), never a person's. */
  remove: LabelChange[];
  properties: DealPropertyChange[];
}

/**
 * What to write for one evaluated deal: per contact the label of its role (when the portal has it),
 * dropping labels rolecall set earlier that no longer fit; contacts a person labelled are left alone.
 * Then the deal's rolecall properties when they differ. A rerun over an unchanged portal plans nothing.
 */
export function planDealLabels(input: {
  evaluation: DealEvaluation;
  /** Current labels per contact on this deal's associations. */
  current: ReadonlyMap<string, readonly AssociationLabelRef[]>;
  /** The portal's contact→deal type id of each role's label (roles without a label are not written). */
  labelIds: ReadonlyMap<BuyingRole, number>;
  /** Current values of the deal properties (null = empty). */
  properties: Readonly<Record<string, string | null | undefined>>;
  /** Leave the deal properties out (e.g. the portal lacks them). */
  withProperties?: boolean;
}): LabelPlan {
  const { evaluation } = input;
  const plan: LabelPlan = { dealId: evaluation.id, add: [], remove: [], properties: [] };
  const roleOfType = new Map([...input.labelIds].map(([role, id]) => [id, role]));
  for (const contact of evaluation.contacts) {
    if (contact.setBy === 'person') continue;
    const labels = input.current.get(contact.id) ?? [];
    const wanted = contact.role === null ? undefined : input.labelIds.get(contact.role);
    for (const l of labels) {
      if (!l.byRolecall || l.typeId === wanted) continue;
      const role = roleOfType.get(l.typeId);
      if (role)
        plan.remove.push({
          dealId: evaluation.id,
          contactId: contact.id,
          typeId: l.typeId,
          label: role,
          role,
        });
    }
    if (wanted !== undefined && contact.role && !labels.some((l) => l.typeId === wanted)) {
      plan.add.push({
        dealId: evaluation.id,
        contactId: contact.id,
        typeId: wanted,
        label: contact.role,
        role: contact.role,
      });
    }
  }
  if (input.withProperties !== false) {
    const want: Record<string, string> = {
      [DEAL_PROPERTIES.completeness]: String(evaluation.completeness),
      [DEAL_PROPERTIES.missingRoles]: evaluation.missing.join(';'),
      [DEAL_PROPERTIES.engagedRoles]: evaluation.engaged.join(';'),
      [DEAL_PROPERTIES.singleThreaded]: String(evaluation.singleThreaded),
    };
    for (const [property, after] of Object.entries(want)) {
      const before = input.properties[property] ?? null;
      if (!sameValue(before, after)) plan.properties.push({ property, before, after });
    }
  }
  return plan;
}

/** Multi-checkbox order and number spelling do not matter. */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (v: string | null | undefined) => (v ?? '').split(';').filter(Boolean).sort().join(';');
  if (norm(a) === norm(b)) return true;
  const x = Number(a);
  const y = Number(b);
  return a !== null && a !== undefined && a !== '' && Number.isFinite(x) && x === y;
}

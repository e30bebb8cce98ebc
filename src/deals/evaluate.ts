import { roleLabel } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { BuyingRole, Classification } from '../taxonomy.ts';
import { type DealFacts, dealKind, dealSizeBand } from './kind.ts';
import { type RoleLabel, roleOfLabel } from './labels.ts';
import { type DealKind, dealSettings } from './schema.ts';

/** One label on a contact's association with the deal. */
export interface AssociationLabelRef {
  typeId: number;
  label: string | null;
  /** rolecall wrote it (the audit log says so); anything else was set by a person or another app. */
  byRolecall: boolean;
}

export type RoleReading = Pick<Classification, 'buyingRole' | 'persona'> &
  Partial<Pick<Classification, 'extraRoles' | 'roleConfidence' | 'confidence' | 'roleReasons'>>;

export interface DealContact {
  id: string;
  name?: string;
  title?: string | null;
  classification: RoleReading;
  /** Epoch ms of the newest call/meeting/email with this contact (on this deal, or its own last engagement). */
  lastActivity: number | null;
  labels: readonly AssociationLabelRef[];
}

export interface ContactOnDeal {
  id: string;
  name?: string;
  title?: string | null;
  /** The role on this deal; null = plays no labelled part. */
  role: BuyingRole | null;
  /** person: a label someone set decides it, and rolecall leaves that association alone. */
  setBy: 'person' | 'rolecall';
  why: string;
  lastActivity: number | null;
  engaged: boolean;
}

export interface DealEvaluation {
  id: string;
  name: string;
  amount: number | null;
  stage: string;
  stageLabel?: string;
  pipeline: string;
  kind: DealKind;
  kindWhy: string;
  sizeBand: string;
  open: boolean;
  required: BuyingRole[];
  filled: BuyingRole[];
  missing: BuyingRole[];
  /** Filled roles with activity in the last `engagedDays` days. */
  engaged: BuyingRole[];
  /** 0–100: share of required roles filled. */
  completeness: number;
  /** One contact carries the deal: the only contact, or the only one with recent activity. */
  singleThreaded: boolean;
  contacts: ContactOnDeal[];
}

const DAY = 86_400_000;

/** Required roles for a deal: the first `deals.requiredRoles` rule matching its kind and size, else the playbook's. */
export function requiredRolesFor(playbook: Playbook, kind: DealKind, sizeBand: string): BuyingRole[] {
  const settings = dealSettings(playbook.deals);
  const rule = settings.requiredRoles.find(
    (r) => (!r.kinds || r.kinds.includes(kind)) && (!r.sizes || r.sizes.includes(sizeBand)),
  );
  return [...new Set(rule?.roles ?? playbook.requiredRoles)];
}

/** The roles a contact can play on a deal of this kind: primary first, customer roles on renewals/expansions. */
export function rolesOnDeal(reading: RoleReading, kind: DealKind, playbook: Playbook): BuyingRole[] {
  const settings = dealSettings(playbook.deals);
  const map = (role: BuyingRole): BuyingRole =>
    kind === 'new' ? role : (settings.customerRoles[role] ?? role);
  const roles = [reading.buyingRole, ...(reading.extraRoles ?? [])].map(map).filter((r) => r !== 'other');
  return [...new Set(roles)];
}

/**
 * Who plays which role on one deal, which required roles are filled, missing and engaged. Pure: the
 * caller brings the deal's facts, its contacts (with classifications and labels) and the time.
 */
export function evaluateDeal(input: {
  deal: DealFacts;
  contacts: readonly DealContact[];
  playbook: Playbook;
  roleLabels: readonly RoleLabel[];
  now: number;
}): DealEvaluation {
  const { deal, playbook } = input;
  const settings = dealSettings(playbook.deals);
  const { kind, why: kindWhy } = dealKind(deal, settings);
  const sizeBand = dealSizeBand(deal.amount, settings);
  const required = requiredRolesFor(playbook, kind, sizeBand);
  const since = input.now - settings.engagedDays * DAY;
  const assigned = new Map<string, ContactOnDeal>();
  const isEngaged = (c: DealContact) => c.lastActivity !== null && c.lastActivity >= since;
  const base = (c: DealContact) => ({
    id: c.id,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.title !== undefined ? { title: c.title } : {}),
    lastActivity: c.lastActivity,
    engaged: isEngaged(c),
  });

  // 1. A label a person set decides that contact's role.
  for (const c of input.contacts) {
    const personRole = c.labels
      .filter((l) => !l.byRolecall)
      .map((l) => roleOfLabel(l.label, input.roleLabels))
      .find((r): r is BuyingRole => r !== undefined);
    if (personRole)
      assigned.set(c.id, { ...base(c), role: personRole, setBy: 'person', why: 'labelled by a person' });
  }
  // 2. Fill required roles greedily: primary role first, then extra roles; surest reading wins.
  const open = input.contacts.filter((c) => !assigned.has(c.id));
  const options = new Map(open.map((c) => [c.id, rolesOnDeal(c.classification, kind, playbook)]));
  const sure = (c: DealContact) => c.classification.roleConfidence ?? c.classification.confidence ?? 0;
  for (const role of required) {
    if ([...assigned.values()].some((a) => a.role === role)) continue;
    for (const rank of [0, 1]) {
      const pick = open
        .filter((c) => !assigned.has(c.id))
        .filter((c) => {
          const roles = options.get(c.id) ?? [];
          return rank === 0 ? roles[0] === role : roles.slice(1).includes(role);
        })
        .sort((a, b) => sure(b) - sure(a) || a.id.localeCompare(b.id))[0];
      if (pick) {
        assigned.set(pick.id, {
          ...base(pick),
          role,
          setBy: 'rolecall',
          why: reason(pick, role, rank, kind, playbook),
        });
        break;
      }
    }
  }
  // 3. Everyone else plays their own (deal-kind) role.
  for (const c of open) {
    if (assigned.has(c.id)) continue;
    const role = options.get(c.id)?.[0] ?? null;
    assigned.set(c.id, {
      ...base(c),
      role,
      setBy: 'rolecall',
      why: role ? reason(c, role, 0, kind, playbook) : 'no buying-group role from the title',
    });
  }
  const contacts = input.contacts.map((c) => assigned.get(c.id) as ContactOnDeal);
  const filled = required.filter((role) => contacts.some((c) => c.role === role));
  const missing = required.filter((role) => !filled.includes(role));
  const engaged = filled.filter((role) => contacts.some((c) => c.role === role && c.engaged));
  const engagedContacts = contacts.filter((c) => c.engaged).length;
  return {
    id: deal.id,
    name: deal.name,
    amount: deal.amount,
    stage: deal.stageId,
    ...(deal.stageLabel ? { stageLabel: deal.stageLabel } : {}),
    pipeline: deal.pipelineId,
    kind,
    kindWhy,
    sizeBand,
    open: !deal.closed,
    required,
    filled,
    missing,
    engaged,
    completeness: required.length === 0 ? 100 : Math.round((100 * filled.length) / required.length),
    singleThreaded: contacts.length === 1 || (contacts.length > 1 && engagedContacts === 1),
    contacts,
  };
}

/** Words a rep reads: the playbook's label for the role, never its id. */
function reason(c: DealContact, role: BuyingRole, rank: number, kind: DealKind, playbook: Playbook): string {
  const from = c.title ? `"${c.title}"` : 'the classification';
  const how = rank === 0 ? 'reads as' : 'can also act as';
  const customer = kind === 'new' ? '' : ` (${kind}: customer role)`;
  return `${from} ${how} ${roleLabel(playbook, role)}${customer}`;
}

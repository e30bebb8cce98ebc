import { BUYING_ROLES, type BuyingRole, type SizeBand } from '../taxonomy.ts';
import type { AnyPersona, Playbook } from './schema.ts';

/** English labels for the buying roles, for places that have no playbook at hand. */
export const ROLE_LABELS: Readonly<Record<BuyingRole, string>> = {
  economic_buyer: 'Economic buyer',
  decision_maker: 'Decision maker',
  executive_sponsor: 'Executive sponsor',
  champion: 'Champion',
  technical_evaluator: 'Technical evaluator',
  influencer: 'Influencer',
  end_user: 'End user',
  gatekeeper: 'Gatekeeper',
  legal_and_compliance: 'Legal & compliance',
  blocker: 'Blocker',
  other: 'Other',
};

const isRole = (value: unknown): value is BuyingRole =>
  typeof value === 'string' && (BUYING_ROLES as readonly string[]).includes(value);

/** The playbook's label for a role, then the built-in one, then the id itself. */
export function roleLabel(playbook: Pick<Playbook, 'roles'> | null | undefined, role: string): string {
  const fromPlaybook = playbook?.roles.find((definition) => definition.id === role)?.label;
  return fromPlaybook ?? (isRole(role) ? ROLE_LABELS[role] : role);
}

/** A persona or negative persona by id; null for `unknown` or an id the playbook does not define. */
export function findPersona(playbook: Playbook, id: string | null | undefined): AnyPersona | null {
  if (!id) return null;
  return [...playbook.personas, ...playbook.negativePersonas].find((persona) => persona.id === id) ?? null;
}

/** True when the id names one of the playbook's negative personas. */
export function isNegativePersona(playbook: Playbook, id: string | null | undefined): boolean {
  return playbook.negativePersonas.some((persona) => persona.id === id);
}

/**
 * What to say to this persona in this role. Without persona points (or without a persona, e.g. procurement),
 * falls back to the role's own guidance when the playbook is given; empty when neither has anything.
 */
export function talkingPointsFor(
  persona: AnyPersona | null | undefined,
  role: string,
  playbook?: Pick<Playbook, 'roles'> | null,
): string[] {
  if (!isRole(role)) return [];
  const own = persona?.talkingPoints[role] ?? [];
  if (own.length > 0) return [...own];
  return [...(playbook?.roles.find((definition) => definition.id === role)?.talkingPoints ?? [])];
}

/** One member of a buying group as the company card sees it (a Classification fits). */
export interface GroupMember {
  buyingRole: string;
  extraRoles?: readonly string[] | null;
}

export interface BuyingGroupCoverage {
  /** Roles held by at least one member, in taxonomy order. */
  present: BuyingRole[];
  /** Required roles nobody holds yet: the card's "next move". */
  missing: BuyingRole[];
  required: BuyingRole[];
  /** How many members hold each role (primary or extra). */
  counts: Partial<Record<BuyingRole, number>>;
  /** Share of required roles present, 0..1 (1 when the playbook requires none). */
  score: number;
}

/** The roles a complete buying group needs at a company of this size band. */
export function requiredRolesFor(
  playbook: Pick<Playbook, 'requiredRoles'> & Partial<Pick<Playbook, 'requiredRolesBySize'>>,
  band?: SizeBand | null,
): BuyingRole[] {
  const sized = band
    ? playbook.requiredRolesBySize?.find((entry) => entry.sizeBands.some((b) => b === band))
    : undefined;
  return [...new Set(sized ? sized.roles : playbook.requiredRoles)];
}

/**
 * Which required roles a company's contacts already fill; pass the company's size band to use the
 * playbook's size-specific group. Ignores unknown role ids.
 */
export function buyingGroupCoverage(
  members: readonly GroupMember[],
  playbook: Pick<Playbook, 'requiredRoles'> & Partial<Pick<Playbook, 'requiredRolesBySize'>>,
  band?: SizeBand | null,
): BuyingGroupCoverage {
  const counts: Partial<Record<BuyingRole, number>> = {};
  for (const member of members) {
    const roles = new Set([member.buyingRole, ...(member.extraRoles ?? [])].filter(isRole));
    for (const role of roles) counts[role] = (counts[role] ?? 0) + 1;
  }
  const present = BUYING_ROLES.filter((role) => (counts[role] ?? 0) > 0);
  const required = requiredRolesFor(playbook, band);
  const missing = required.filter((role) => !present.includes(role));
  const score =
    required.length === 0
      ? 1
      : Math.round(((required.length - missing.length) / required.length) * 100) / 100;
  return { present, missing, required, counts, score };
}

const ratioCopies = new WeakMap<Playbook, Map<number, Playbook>>();

/**
 * The playbook with another revenue-per-employee ratio (a CLI flag overriding the file). Memoised, so the
 * engine's per-playbook compile cache still hits when every record of a run asks for the same copy.
 */
export function withRevenuePerEmployee(playbook: Playbook, ratio: number | undefined): Playbook {
  if (ratio === undefined || ratio === playbook.product.revenuePerEmployee) return playbook;
  const copies = ratioCopies.get(playbook) ?? new Map<number, Playbook>();
  ratioCopies.set(playbook, copies);
  const cached = copies.get(ratio);
  if (cached) return cached;
  const copy = { ...playbook, product: { ...playbook.product, revenuePerEmployee: ratio } };
  copies.set(ratio, copy);
  return copy;
}

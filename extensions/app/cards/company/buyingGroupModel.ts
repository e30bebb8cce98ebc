import {
  type BuyingGroupCoverage,
  buyingGroupCoverage,
  type CompanyFacts,
  classify,
  contactFacts,
  type Playbook,
  type RecordProps as Props,
} from '@rolecall/core';

/** The contact properties the buying-group card reads for each associated contact. */
export const MEMBER_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'jobtitle',
  'hs_seniority',
  'rolecall_persona',
  'rolecall_buying_role',
  'rolecall_source',
  'rolecall_confidence',
] as const;

export interface GroupMember {
  contactId: number;
  name: string;
  title: string;
  persona: string;
  role: string;
  confidence: number | null;
  /** `manual`: a person set it; `saved`: rolecall saved it; `suggested`: classified now, not saved. */
  source: 'manual' | 'saved' | 'suggested';
}

export interface BuyingGroup {
  members: GroupMember[];
  /** Roles in playbook order, each with its members; roles with nobody are left out. */
  byRole: Array<{ role: string; members: GroupMember[] }>;
  /** The same coverage the CLI report computes (core's buyingGroupCoverage). */
  coverage: BuyingGroupCoverage;
}

const text = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '');

function memberOf(contactId: number, p: Props, company: CompanyFacts, playbook: Playbook): GroupMember {
  const name =
    [text(p.firstname), text(p.lastname)].filter(Boolean).join(' ') ||
    text(p.email) ||
    `Contact ${contactId}`;
  const savedRole = text(p.rolecall_buying_role);
  const savedPersona = text(p.rolecall_persona);
  if (savedRole && savedPersona) {
    const confidence = Number(text(p.rolecall_confidence));
    return {
      contactId,
      name,
      title: text(p.jobtitle),
      persona: savedPersona,
      role: savedRole,
      confidence: text(p.rolecall_confidence) && Number.isFinite(confidence) ? confidence : null,
      source: text(p.rolecall_source) === 'manual' ? 'manual' : 'saved',
    };
  }
  const c = classify(contactFacts(p), company, playbook);
  return {
    contactId,
    name,
    title: text(p.jobtitle),
    persona: c.persona,
    role: c.buyingRole,
    confidence: Math.min(c.confidence, c.personaConfidence),
    source: 'suggested',
  };
}

/** The buying group at one company: saved values first, classify() for the rest; pure. */
export function buyingGroup(
  contacts: ReadonlyArray<{ toObjectId: number; properties: Props }>,
  company: CompanyFacts,
  playbook: Playbook,
): BuyingGroup {
  const members = contacts.map((c) => memberOf(c.toObjectId, c.properties, company, playbook));
  const roleOrder = playbook.roles.map((r) => r.id as string);
  const roles = [...roleOrder, ...new Set(members.map((m) => m.role).filter((r) => !roleOrder.includes(r)))];
  const byRole = roles
    .map((role) => ({ role, members: members.filter((m) => m.role === role) }))
    .filter((group) => group.members.length > 0);
  const coverage = buyingGroupCoverage(
    members.map((m) => ({ buyingRole: m.role })),
    playbook,
  );
  return { members, byRole, coverage };
}

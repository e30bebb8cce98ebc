import type { Candidate } from '../deals/candidates.ts';
import { talkingPointsForRole } from '../deals/candidates.ts';
import type { ContactOnDeal, DealEvaluation } from '../deals/evaluate.ts';
import { roleLabel } from '../playbook/helpers.ts';
import { ageWords } from '../playbook/review.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { BuyingRole } from '../taxonomy.ts';
import { joinAnd } from './labels.ts';

/**
 * What the deal card shows, decided without React: the deal's buying group (each contact's role on this
 * deal and where it comes from), the required roles filled, engaged or missing, people at the deal's
 * companies to bring in, and what to say to each role. The app function and the backend build it; the
 * card (tab and sidebar) only renders it. Pure and browser-safe.
 */

/** `person`: a label someone set decides it; `label`: a label on this deal whose author is unknown; `rolecall`: the title's reading. */
export type DealRoleSource = 'person' | 'label' | 'rolecall';

export const DEAL_SOURCE_WORDS: Readonly<Record<DealRoleSource, string>> = {
  person: 'labelled by a person',
  label: 'labelled on this deal',
  rolecall: "rolecall's reading of the title",
};

export interface DealCardPerson {
  id: string;
  name: string;
  title: string;
  /** null: plays no buying role on this deal. */
  role: BuyingRole | null;
  roleLabel: string;
  source: DealRoleSource;
  why: string;
  lastActivity: number | null;
  /** "3 days ago", "no logged activity". */
  activityText: string;
  engaged: boolean;
}

export interface DealCardCandidate {
  id: string;
  name: string;
  title: string;
  why: string;
}

export interface DealCardRole {
  role: BuyingRole;
  label: string;
  /** `engaged`: filled with activity in the engaged window; `filled`: someone holds it, silent; `missing`. */
  status: 'engaged' | 'filled' | 'missing';
  /** Ids of the people who hold it on this deal. */
  holders: string[];
  talkingPoints: string[];
  /** For a missing role: people at the deal's companies, best first. */
  candidates: DealCardCandidate[];
  /** The portal has a contact→deal label for this role, so "add to deal" can label the association. */
  canLabel: boolean;
}

export interface DealCardModel {
  /** `empty`: no contacts on the deal; `missing`: required roles nobody holds; `complete`: all held. */
  kind: 'empty' | 'missing' | 'complete';
  deal: {
    id: string;
    name: string;
    amount: number | null;
    amountText: string;
    stage: string;
    kind: DealEvaluation['kind'];
    kindText: string;
    sizeBand: string;
    open: boolean;
  };
  completeness: number;
  singleThreaded: boolean;
  /** One sentence: how complete the group is. */
  headline: string;
  roles: DealCardRole[];
  people: DealCardPerson[];
  /** False when the portal has none of rolecall's deal labels: "rolecall setup" has not run. */
  configured: boolean;
  /** True when the audit log says which labels rolecall wrote; otherwise every label is presumed a person's. */
  ownershipKnown: boolean;
}

export interface DealCardInput {
  evaluation: DealEvaluation;
  candidates?: Readonly<Record<string, readonly Candidate[]>>;
  playbook: Playbook;
  /** Roles the portal has a contact→deal label for. */
  labelledRoles: readonly BuyingRole[];
  ownershipKnown: boolean;
  now: number;
}

const DAY = 86_400_000;
const KIND_TEXT = { new: 'New business', renewal: 'Renewal', expansion: 'Expansion' } as const;

/** "12,500" (the portal's currency is not known here); "no amount". */
export function amountText(amount: number | null): string {
  return amount === null ? 'no amount' : amount.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export function activityText(at: number | null, now: number): string {
  return at === null ? 'no logged activity' : `last activity ${ageWords(Math.floor((now - at) / DAY))}`;
}

function sourceOf(contact: ContactOnDeal, ownershipKnown: boolean): DealRoleSource {
  if (contact.setBy === 'rolecall') return 'rolecall';
  return ownershipKnown ? 'person' : 'label';
}

function personOf(c: ContactOnDeal, input: DealCardInput): DealCardPerson {
  const source = sourceOf(c, input.ownershipKnown);
  return {
    id: c.id,
    name: c.name ?? `Contact ${c.id}`,
    title: c.title ?? '',
    role: c.role,
    roleLabel: c.role ? roleLabel(input.playbook, c.role) : 'No buying role',
    source,
    why: source === 'rolecall' ? c.why : DEAL_SOURCE_WORDS[source],
    lastActivity: c.lastActivity,
    activityText: activityText(c.lastActivity, input.now),
    engaged: c.engaged,
  };
}

/** The deal card's model from one evaluated deal. */
export function dealCardModel(input: DealCardInput): DealCardModel {
  const e = input.evaluation;
  const people = e.contacts.map((c) => personOf(c, input));
  const labelled = new Set(input.labelledRoles);
  const roles: DealCardRole[] = e.required.map((role) => {
    const holders = people.filter((p) => p.role === role).map((p) => p.id);
    const status = e.engaged.includes(role) ? 'engaged' : holders.length > 0 ? 'filled' : 'missing';
    const candidates = status === 'missing' ? (input.candidates?.[role] ?? []) : [];
    return {
      role,
      label: roleLabel(input.playbook, role),
      status,
      holders,
      talkingPoints: talkingPointsForRole(role, input.playbook),
      candidates: candidates.map((c) => ({
        id: c.id,
        name: c.name ?? `Contact ${c.id}`,
        title: c.title ?? '',
        why: c.why,
      })),
      canLabel: labelled.has(role),
    };
  });
  const kind = people.length === 0 ? 'empty' : e.missing.length > 0 ? 'missing' : 'complete';
  return {
    kind,
    deal: {
      id: e.id,
      name: e.name,
      amount: e.amount,
      amountText: amountText(e.amount),
      stage: e.stageLabel ?? e.stage,
      kind: e.kind,
      kindText: KIND_TEXT[e.kind],
      sizeBand: e.sizeBand,
      open: e.open,
    },
    completeness: e.completeness,
    singleThreaded: e.singleThreaded,
    headline: headline(e, input.playbook),
    roles,
    people,
    configured: labelled.size > 0,
    ownershipKnown: input.ownershipKnown,
  };
}

function headline(e: DealEvaluation, playbook: Playbook): string {
  const of = `${e.filled.length} of ${e.required.length} required roles filled`;
  if (e.missing.length === 0) return `${of}; the buying group is complete.`;
  const missing = joinAnd(e.missing.map((r) => roleLabel(playbook, r).toLowerCase()));
  return `${of}; no ${missing} on this deal yet.`;
}

/** One open deal as the contact and company cards list it. */
export interface OpenDealLine {
  dealId: string;
  name: string;
  stage: string;
  amountText: string;
  completeness: number;
  missing: string[];
  singleThreaded: boolean;
  /** The contact's role on this deal (contact card only). */
  role?: { id: BuyingRole | null; label: string; source: DealRoleSource };
  /** What the rep reads: "Acme renewal — Economic buyer (labelled on this deal)". */
  text: string;
}

function baseLine(e: DealEvaluation, playbook: Playbook): Omit<OpenDealLine, 'text'> {
  return {
    dealId: e.id,
    name: e.name,
    stage: e.stageLabel ?? e.stage,
    amountText: amountText(e.amount),
    completeness: e.completeness,
    missing: e.missing.map((r) => roleLabel(playbook, r)),
    singleThreaded: e.singleThreaded,
  };
}

/** "On open deals: <deal> — <role>" lines for one contact, open deals only. */
export function contactDealLines(
  evaluations: readonly DealEvaluation[],
  contactId: string,
  playbook: Playbook,
  ownershipKnown = false,
): OpenDealLine[] {
  return evaluations.flatMap((e) => {
    const c = e.open ? e.contacts.find((x) => x.id === contactId) : undefined;
    if (!c) return [];
    const source = sourceOf(c, ownershipKnown);
    const label = c.role ? roleLabel(playbook, c.role) : 'no buying role';
    const why = source === 'rolecall' ? 'rolecall' : DEAL_SOURCE_WORDS[source];
    return [
      {
        ...baseLine(e, playbook),
        role: { id: c.role, label, source },
        text: `${e.name} — ${label} (${why})`,
      },
    ];
  });
}

/** Per open deal of a company: how complete its buying group is and which roles it lacks. */
export function companyDealLines(evaluations: readonly DealEvaluation[], playbook: Playbook): OpenDealLine[] {
  return evaluations
    .filter((e) => e.open)
    .map((e) => {
      const line = baseLine(e, playbook);
      const parts = [`${e.filled.length} of ${e.required.length} roles`];
      if (line.missing.length > 0) parts.push(`missing ${joinAnd(line.missing.map((m) => m.toLowerCase()))}`);
      if (e.singleThreaded) parts.push('single-threaded');
      return { ...line, text: `${e.name}: ${parts.join(', ')}` };
    });
}

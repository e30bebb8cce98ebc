import { guidanceFor, personaDetail } from '../playbook/guidance.ts';
import { roleLabel } from '../playbook/helpers.ts';
import { reviewStatus } from '../playbook/review.ts';
import type { Persona, Playbook } from '../playbook/schema.ts';
import { personaName } from './labels.ts';

/**
 * The card's detail layer (what to say to this persona in this role, or to the role when no persona fits)
 * as the strings a rep reads. Content marked as a template never reaches these strings. Pure.
 */

export interface CardObjection {
  objection: string;
  response: string;
  proof?: string | undefined;
}

export interface CardGuidance {
  /** `persona`: the persona's own content; `role`: the role's guidance (no persona, or none for this role). */
  from: 'persona' | 'role' | 'none';
  /** e.g. "Talking points: Finance Leader as economic buyer", "Talking points for a gatekeeper". */
  talkingPointsTitle: string;
  talkingPoints: string[];
  /** Said instead when there are no talking points for this role. */
  talkingPointsNone: string | null;
  /** The top three. */
  objections: CardObjection[];
  questions: string[];
  goals: string[];
  /** What they are measured on. */
  successMetrics: string[];
  /** Real quotes only, with source and date. */
  painPoints: string[];
  /** Said when example (template) content was left out, so the rep knows why a section is short. */
  templateNote: string | null;
  /** How they evaluate and buy: criteria, process, timeline; empty when the playbook has none. */
  evaluation: string[];
  triggerEvents: string[];
  /** null when the playbook names none (role guidance). */
  channels: string | null;
  bringIn: string[];
  /** "Playbook 2026.12.0 · owner Product marketing · last reviewed 7 months ago". */
  provenance: string;
  /** Whole days since the persona was reviewed; null for role guidance or an unreadable date. */
  reviewAgeDays: number | null;
}

/** Whole days since an ISO date, or null when the date cannot be read. */
export { daysSince } from '../playbook/review.ts';

/** An objection as one line: “objection” response Proof: proof. */
export function objectionLine(o: CardObjection): string {
  return `“${o.objection}” ${o.proof ? `${o.response} Proof: ${o.proof}` : o.response}`;
}

const objections = (list: readonly CardObjection[]) =>
  list.slice(0, 3).map((o) => ({ objection: o.objection, response: o.response, proof: o.proof }));

function templateNote(hidden: number): string | null {
  if (hidden === 0) return null;
  return `${hidden} example ${hidden === 1 ? 'item is' : 'items are'} not shown: the playbook marks ${hidden === 1 ? 'it' : 'them'} as a template to replace with your team's own.`;
}

/** What to say to this persona in this role; the role's guidance fills in what the persona lacks. */
export function personaGuidance(
  persona: Persona,
  roleId: string,
  playbook: Playbook,
  today: Date,
): CardGuidance {
  const role = roleLabel(playbook, roleId).toLowerCase();
  const g = guidanceFor(playbook, persona, roleId);
  const detail = personaDetail(persona);
  const review = reviewStatus(persona, playbook, today);
  const owner = persona.owner ? `owner ${persona.owner} · ` : '';
  const e = detail.evaluation;
  return {
    from: g.from,
    talkingPointsTitle:
      g.from === 'role'
        ? `Talking points: ${persona.name} as ${role} (the role's guidance)`
        : `Talking points: ${persona.name} as ${role}`,
    talkingPoints: g.talkingPoints,
    talkingPointsNone:
      g.talkingPoints.length > 0
        ? null
        : `The playbook has no talking points for ${persona.name} as ${role} yet; use the objections and questions below.`,
    objections: objections(g.objections),
    questions: g.questions,
    goals: detail.goals,
    successMetrics: detail.successMetrics,
    painPoints: detail.painPoints.map((p) => `“${p.quote}” (${p.source}${p.date ? `, ${p.date}` : ''})`),
    templateNote: templateNote(detail.templatesHidden + g.templatesHidden),
    evaluation: e
      ? [
          ...e.criteria.map((c) => `Criterion: ${c}`),
          ...(e.process ? [`Process: ${e.process}`] : []),
          ...(e.timeline ? [`Timeline: ${e.timeline}`] : []),
        ]
      : [],
    triggerEvents: detail.triggerEvents,
    channels: `Where they look: ${detail.channels.join(', ')}. What they read: ${detail.formats.join(', ')}.`,
    bringIn: detail.bringIn.map(
      (b) =>
        `${roleLabel(playbook, b.role)}${b.personas.length > 0 ? ` (${b.personas.map((id) => personaName(playbook, id)).join(', ')})` : ''}: ${b.why}`,
    ),
    provenance: `Playbook ${playbook.version} · ${owner}${review.line}`,
    reviewAgeDays: review.days,
  };
}

/**
 * The role's own guidance for a contact no persona fits (procurement, legal, HR, a blocker): its talking
 * points, objections and questions. Null when the role has none.
 */
export function roleGuidance(roleId: string, playbook: Playbook): CardGuidance | null {
  const g = guidanceFor(playbook, null, roleId);
  if (g.talkingPoints.length === 0 && g.objections.length === 0 && g.questions.length === 0) return null;
  const role = roleLabel(playbook, roleId).toLowerCase();
  return {
    from: g.from,
    talkingPointsTitle: `Talking points for a ${role}`,
    talkingPoints: g.talkingPoints,
    talkingPointsNone:
      g.talkingPoints.length > 0 ? null : `The playbook has no talking points for a ${role} yet.`,
    objections: objections(g.objections),
    questions: g.questions,
    goals: [],
    successMetrics: [],
    painPoints: [],
    templateNote: templateNote(g.templatesHidden),
    evaluation: [],
    triggerEvents: [],
    channels: null,
    bringIn: [],
    provenance: `Playbook ${playbook.version} · guidance for the ${role} role`,
    reviewAgeDays: null,
  };
}

/** The "next move" at the contact's company: the required roles nobody holds yet. */
export function nextMoveLine(
  missingRoles: readonly string[],
  companyName: string | null,
  playbook: Playbook,
): string {
  const at = companyName ? ` at ${companyName}` : '';
  if (missingRoles.length === 0) return `Every role the playbook requires is present${at}.`;
  const names = missingRoles.map((role) => roleLabel(playbook, role).toLowerCase());
  return `Next move${at}: no ${names.join(', no ')} yet. Bring them in to multi-thread the deal.`;
}

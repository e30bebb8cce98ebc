import { roleLabel, talkingPointsFor } from '../playbook/helpers.ts';
import type { Persona, Playbook } from '../playbook/schema.ts';
import { personaName } from './labels.ts';

/** The card's detail layer (what to say to this persona in this role) as the strings a rep reads. Pure. */

export interface CardObjection {
  objection: string;
  response: string;
  proof?: string | undefined;
}

export interface CardGuidance {
  /** e.g. "Talking points: Finance Leader as economic buyer". */
  talkingPointsTitle: string;
  talkingPoints: string[];
  /** Said instead when there are no talking points for this role. */
  talkingPointsNone: string | null;
  /** The top three. */
  objections: CardObjection[];
  questions: string[];
  goals: string[];
  painPoints: string[];
  channels: string;
  bringIn: string[];
  /** "Playbook 2026.11.0 · owner … · reviewed 2026-10-01 (10 days ago)". */
  provenance: string;
  /** Whole days since the persona was reviewed; null when the date cannot be read. */
  reviewAgeDays: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since an ISO date, or null when the date cannot be read. */
export function daysSince(isoDate: string, today: Date): number | null {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(then) ? Math.max(0, Math.floor((today.getTime() - then) / DAY_MS)) : null;
}

/** An objection as one line: “objection” response Proof: proof. */
export function objectionLine(o: CardObjection): string {
  return `“${o.objection}” ${o.proof ? `${o.response} Proof: ${o.proof}` : o.response}`;
}

export function personaGuidance(
  persona: Persona,
  roleId: string,
  playbook: Playbook,
  today: Date,
): CardGuidance {
  const role = roleLabel(playbook, roleId).toLowerCase();
  const points = talkingPointsFor(persona, roleId);
  const age = daysSince(persona.lastReviewed, today);
  const owner = persona.owner ? `owner ${persona.owner} · ` : '';
  const ageText = age === null ? '' : ` (${age} ${age === 1 ? 'day' : 'days'} ago)`;
  return {
    talkingPointsTitle: `Talking points: ${persona.name} as ${role}`,
    talkingPoints: points,
    talkingPointsNone:
      points.length > 0
        ? null
        : `The playbook has no talking points for ${persona.name} as ${role} yet; use the objections and questions below.`,
    objections: persona.objections
      .slice(0, 3)
      .map((o) => ({ objection: o.objection, response: o.response, proof: o.proof })),
    questions: [...persona.discoveryQuestions],
    goals: [...persona.goals],
    painPoints: persona.painPoints.map((p) => `“${p.quote}” (${p.source}${p.date ? `, ${p.date}` : ''})`),
    channels: `Where they look: ${persona.channels.join(', ')}. What they read: ${persona.formats.join(', ')}.`,
    bringIn: persona.bringIn.map(
      (b) =>
        `${roleLabel(playbook, b.role)}${b.personas.length > 0 ? ` (${b.personas.map((id) => personaName(playbook, id)).join(', ')})` : ''}: ${b.why}`,
    ),
    provenance: `Playbook ${playbook.version} · ${owner}reviewed ${persona.lastReviewed}${ageText}`,
    reviewAgeDays: age,
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

import { BUYING_ROLES, type BuyingRole } from '../taxonomy.ts';
import type { AnyPersona, Objection, PainPoint, Persona, Playbook } from './schema.ts';

/**
 * What a rep is told for one persona in one role: the persona's own content first, the role's guidance
 * when the persona has none (or no persona fits, e.g. procurement or legal). Content marked as a template
 * is never returned as real; it is only counted, so the surface can say that examples were left out.
 */

const isRole = (value: unknown): value is BuyingRole =>
  typeof value === 'string' && (BUYING_ROLES as readonly string[]).includes(value);

/** Legacy templates said so in their source ("template: replace with a quote from your own calls"). */
export function isTemplate(item: { template?: boolean; source?: string }): boolean {
  return item.template === true || /^\s*(template|example)\b/i.test(item.source ?? '');
}

export interface Guidance {
  /** Where the talking points come from: the persona in this role, the role itself, or nowhere. */
  from: 'persona' | 'role' | 'none';
  talkingPoints: string[];
  objections: Objection[];
  questions: string[];
  /** Template items (quotes, objections) left out because they are examples, not real content. */
  templatesHidden: number;
}

/** Talking points, objections and questions for this persona (may be null) in this role. Pure. */
export function guidanceFor(
  playbook: Pick<Playbook, 'roles'>,
  persona: AnyPersona | null | undefined,
  role: string,
): Guidance {
  const definition = isRole(role) ? playbook.roles.find((r) => r.id === role) : undefined;
  const own = isRole(role) ? (persona?.talkingPoints[role] ?? []) : [];
  const roleObjections = definition?.objections ?? [];
  const personaObjections = persona && 'objections' in persona ? persona.objections : [];
  const allObjections = [...personaObjections, ...roleObjections];
  const objections = allObjections.filter((o) => !isTemplate(o));
  const personaQuestions = persona && 'discoveryQuestions' in persona ? persona.discoveryQuestions : [];
  const from = own.length > 0 ? 'persona' : (definition?.talkingPoints.length ?? 0) > 0 ? 'role' : 'none';
  return {
    from,
    talkingPoints: [...(own.length > 0 ? own : (definition?.talkingPoints ?? []))],
    objections,
    questions: [...personaQuestions, ...(definition?.discoveryQuestions ?? [])],
    templatesHidden: allObjections.length - objections.length,
  };
}

export interface PersonaDetail {
  goals: string[];
  successMetrics: string[];
  /** Real quotes only; templates are counted in `templatesHidden`. */
  painPoints: PainPoint[];
  templatesHidden: number;
  evaluation: { criteria: string[]; process: string | null; timeline: string | null } | null;
  triggerEvents: string[];
  channels: string[];
  formats: string[];
  bringIn: Persona['bringIn'];
}

/** The persona's detail content with empty parts removed (`evaluation` is null when nothing is filled). */
export function personaDetail(persona: Persona): PersonaDetail {
  const painPoints = persona.painPoints.filter((pain) => !isTemplate(pain));
  const e = persona.evaluation;
  const evaluation =
    e && (e.criteria.length > 0 || e.process || e.timeline)
      ? { criteria: [...e.criteria], process: e.process ?? null, timeline: e.timeline ?? null }
      : null;
  return {
    goals: [...persona.goals],
    successMetrics: [...persona.successMetrics],
    painPoints,
    templatesHidden: persona.painPoints.length - painPoints.length,
    evaluation,
    triggerEvents: [...persona.triggerEvents],
    channels: [...persona.channels],
    formats: [...persona.formats],
    bringIn: persona.bringIn,
  };
}

/** The sentence the card and settings show for a playbook marked `example: true`; null otherwise. */
export function exampleNotice(playbook: Pick<Playbook, 'example'>): string | null {
  return playbook.example
    ? 'This is an example playbook: its personas and talking points describe a sample product. Replace them with your own in the app settings before reps rely on them.'
    : null;
}

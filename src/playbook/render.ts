import { roleLabel } from './helpers.ts';
import type { AnyPersona, Match, Playbook } from './schema.ts';

/** Plain-text renderings of playbook content for the CLI (`rolecall playbook show`). Pure. */

/** A match as one readable line, e.g. "functions: user (sales, marketing) · seniority: manager..entry". */
export function describeMatch(match: Match, playbook: Playbook): string {
  const parts: string[] = [];
  const range = (min?: string, max?: string) => `${max ?? 'top'}..${min ?? 'bottom'}`;
  if (match.seniority) parts.push(`seniority: ${match.seniority.join(', ')}`);
  if (match.seniorityMin || match.seniorityMax)
    parts.push(`seniority: ${range(match.seniorityMin, match.seniorityMax)}`);
  if (match.functions) parts.push(`functions: ${match.functions.join(', ')}`);
  for (const group of match.productFunctions ?? []) {
    const list = playbook.product[`${group}Functions`];
    parts.push(`${group} functions (${list.join(', ')})`);
  }
  if (match.sizeBands) parts.push(`size: ${match.sizeBands.join(', ')}`);
  if (match.sizeMin || match.sizeMax)
    parts.push(`size: ${match.sizeMin ?? 'any'} to ${match.sizeMax ?? 'any'}`);
  if (match.industries) parts.push(`industries: ${match.industries.join(', ')}`);
  if (match.industriesOut) parts.push(`not industries: ${match.industriesOut.join(', ')}`);
  if (match.titleKeywords) parts.push(`title has: ${match.titleKeywords.join(', ')}`);
  if (match.titleKeywordsOut) parts.push(`title lacks: ${match.titleKeywordsOut.join(', ')}`);
  if (match.icpFit !== undefined) parts.push(match.icpFit ? 'company in the ICP' : 'company outside the ICP');
  if (match.customer !== undefined) parts.push(match.customer ? 'a customer' : 'not a customer');
  return parts.length > 0 ? parts.join(' · ') : 'anyone';
}

const bullets = (items: readonly string[], indent = '  ') => items.map((item) => `${indent}- ${item}`);

/** The persona card as text: the glance content first, then the detail. */
export function renderPersona(persona: AnyPersona, playbook: Playbook): string {
  const negative = playbook.negativePersonas.some((p) => p.id === persona.id);
  const lines = [
    `${persona.name} (${persona.id})${negative ? ' · negative persona' : ''}`,
    persona.summary,
    `Who: ${[persona.match, ...persona.alsoMatch].map((m) => describeMatch(m, playbook)).join('  OR  ')} (priority ${persona.match.priority})`,
  ];
  if ('handling' in persona) lines.push('', 'Handling:', `  ${persona.handling}`);
  if ('goals' in persona) {
    lines.push('', 'Goals:', ...bullets(persona.goals));
    lines.push(
      '',
      'Pain points (buyer words):',
      ...persona.painPoints.map((p) => `  - "${p.quote}" (${p.source}${p.date ? `, ${p.date}` : ''})`),
    );
  }
  const roles = Object.entries(persona.talkingPoints);
  if (roles.length > 0) {
    lines.push('', 'Talking points by role:');
    for (const [role, points] of roles)
      lines.push(`  ${roleLabel(playbook, role)}:`, ...bullets(points ?? [], '    '));
  }
  if ('objections' in persona) {
    lines.push('', 'Objections:');
    for (const o of persona.objections) {
      lines.push(`  - "${o.objection}"`, `    → ${o.response}${o.proof ? ` (proof: ${o.proof})` : ''}`);
    }
    lines.push('', 'Discovery questions:', ...bullets(persona.discoveryQuestions));
    lines.push('', `Channels: ${persona.channels.join(', ')}`, `Formats: ${persona.formats.join(', ')}`);
  }
  if (persona.disqualifiers.length > 0) lines.push('', 'Disqualifiers:', ...bullets(persona.disqualifiers));
  if ('bringIn' in persona && persona.bringIn.length > 0) {
    lines.push('', 'Bring in:');
    for (const b of persona.bringIn) {
      const who = b.personas.length > 0 ? ` (${b.personas.join(', ')})` : '';
      lines.push(`  - ${roleLabel(playbook, b.role)}${who}: ${b.why}`);
    }
  }
  const mapped = persona.hubspotPersona ? ` · hs_persona ${persona.hubspotPersona}` : '';
  lines.push(
    '',
    `Playbook ${playbook.version} · owner ${persona.owner ?? 'unassigned'} · last reviewed ${persona.reviewedAt}${mapped}`,
  );
  return `${lines.join('\n')}\n`;
}

/** A role's definition and its role-level talking points. */
export function renderRole(role: Playbook['roles'][number]): string {
  const lines = [`${role.label} (${role.id}) · hs_buying_role ${role.hubspotValue}`, role.definition];
  if (role.talkingPoints.length > 0)
    lines.push('', 'Talking points (any persona):', ...bullets(role.talkingPoints));
  return `${lines.join('\n')}\n`;
}

/** The list `rolecall playbook show` prints without an id. */
export function renderPersonaList(playbook: Playbook): string {
  const row = (p: AnyPersona) => `  ${p.id.padEnd(24)} ${p.name}: ${p.summary}`;
  return [
    `Playbook ${playbook.version} · ${playbook.product.name}`,
    'Personas:',
    ...playbook.personas.map(row),
    'Negative personas:',
    ...playbook.negativePersonas.map(row),
    'Buying roles:',
    ...playbook.roles.map(
      (r) => `  ${r.id.padEnd(24)} ${r.label}${r.talkingPoints.length > 0 ? ' (has guidance)' : ''}`,
    ),
    'Run "rolecall playbook show <id>" for one persona or role.',
    '',
  ].join('\n');
}

import { roleLabel } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Classification, CompanyFacts } from '../taxonomy.ts';
import { industryLabel, personaName } from './labels.ts';

/** A role in running text: "economic buyer", or "no buying role" for `other`. */
export const roleWords = (playbook: Playbook, role: string) =>
  role === 'other' ? 'no buying role' : roleLabel(playbook, role).toLowerCase();

/** Longer titles are cut in the one-line why; the record shows the full title anyway. */
const TITLE_SHOWN = 80;

/**
 * Why rolecall says what it says, in one line a person reads: inputs → outcome, then the deciding role rule's
 * note. Playbook labels only, never ids. The card shows it, and `rolecall tag`, the webhooks, the workflow
 * action and the save function write it to `rolecall_reasons`. The engine's own trace (rule ids, seniority and
 * function ids) stays in `classify --json` (`reasons`, `roleReasons`, `personaReasons`).
 */
export function whyLine(
  c: Classification,
  playbook: Playbook,
  company: CompanyFacts | null | undefined,
): string {
  const title = c.title.trim();
  const shown = title.length > TITLE_SHOWN ? `${title.slice(0, TITLE_SHOWN - 1)}…` : title;
  const inputs = [
    shown ? `"${shown}"` : 'no job title',
    typeof company?.employees === 'number' ? `${company.employees.toLocaleString('en-US')} employees` : null,
    company?.industry ? industryLabel(company.industry) : null,
  ];
  const role = roleWords(playbook, c.buyingRole);
  const outcome =
    c.personaKind === 'negative'
      ? personaName(playbook, c.persona)
      : c.personaKind === 'persona'
        ? `${personaName(playbook, c.persona)}, ${role}`
        : c.abstained
          ? `title not understood, ${role}`
          : `no persona fits, ${role}`;
  const rule = playbook.roleRules.find((r) => r.id === c.roleRules[0]);
  const note = rule ? rule.note : playbook.roleFallback.note;
  return `${inputs.filter(Boolean).join(' · ')} → ${outcome}. ${note}`;
}

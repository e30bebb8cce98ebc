import type { Classification, CompanyFacts, ContactFacts, Playbook } from '@rolecall/core';
import { classify } from '@rolecall/core';
import { personaName, roleLabel } from '../shared/labels.ts';

/** The contact properties the persona card reads. */
export const CONTACT_CARD_PROPERTIES = [
  'firstname',
  'lastname',
  'jobtitle',
  'hs_seniority',
  'hs_buying_role',
  'rolecall_persona',
  'rolecall_buying_role',
  'rolecall_source',
  'rolecall_reasons',
  'rolecall_classified_at',
] as const;

/** The company properties classify() uses. */
export const COMPANY_CARD_PROPERTIES = ['name', 'numberofemployees', 'industry', 'annualrevenue'] as const;

export type Props = Readonly<Record<string, string | null | undefined>>;

/**
 * Where the shown value comes from: a person (`manual`), rolecall's saved value that still matches the
 * title (`saved`), a saved value the current title no longer supports (`outdated`), or nothing saved yet.
 */
export type ValueStatus = 'manual' | 'saved' | 'outdated' | 'suggested';

/** What the card shows, decided without React. */
export interface PersonaCardModel {
  /** `empty`: no title to read; `negative`: not a buyer; `unknown`: a best guess only. */
  kind: 'empty' | 'negative' | 'unknown' | 'persona';
  status: ValueStatus;
  personaId: string;
  roleId: string;
  /** null when there is no title to classify. */
  suggestion: Classification | null;
  title: string;
  /** One line: inputs → outcome, then the deciding rule's note. */
  why: string;
  /** The inputs that are missing, in the rep's words. */
  missing: string[];
  /** What the record holds now, when rolecall or a person saved something. */
  saved: { persona: string; role: string } | null;
}

const text = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');

const toNumber = (value: string | null | undefined): number | null => {
  const parsed = Number(text(value));
  return text(value) !== '' && Number.isFinite(parsed) ? parsed : null;
};

/** The contact's primary company among its associations (type 1), else the first one. */
export function primaryCompany<T extends { associationTypes: ReadonlyArray<{ typeId: number }> }>(
  results: readonly T[],
): T | undefined {
  return results.find((r) => r.associationTypes.some((t) => t.typeId === 1)) ?? results[0];
}

/** Contact properties as classify() input. */
export function contactFacts(contact: Props): ContactFacts {
  return { jobTitle: text(contact.jobtitle) || null, seniorityHint: text(contact.hs_seniority) || null };
}

/** Company properties as classify() input; unreadable numbers become null, never NaN. */
export function companyFacts(company: Props): CompanyFacts {
  return {
    name: text(company.name) || null,
    employees: toNumber(company.numberofemployees),
    industry: text(company.industry) || null,
    annualRevenue: toNumber(company.annualrevenue),
  };
}

/** Longer titles are cut in the one-line why; the record shows the full title anyway. */
const TITLE_SHOWN = 80;

function whyLine(title: string, company: CompanyFacts, c: Classification, playbook: Playbook): string {
  const size = company.employees !== null && company.employees !== undefined;
  const shown = title.length > TITLE_SHOWN ? `${title.slice(0, TITLE_SHOWN - 1)}…` : title;
  const inputs = [`"${shown}"`, size ? `${company.employees?.toLocaleString('en-US')} employees` : null];
  const outcome = `${personaName(playbook, c.persona)}, ${roleLabel(playbook, c.buyingRole).toLowerCase()}`;
  const note = c.personaReasons[0] ?? c.roleReasons[0] ?? c.reasons[0];
  return `${inputs.filter(Boolean).join(' · ')} → ${outcome}${note ? `. ${note}` : ''}`;
}

/** Decides the card's state and shown values from the record's properties; pure. */
export function personaCardModel(contact: Props, company: Props, playbook: Playbook): PersonaCardModel {
  const title = text(contact.jobtitle);
  const savedPersona = text(contact.rolecall_persona);
  const savedRole = text(contact.rolecall_buying_role);
  const source = text(contact.rolecall_source);
  const facts = companyFacts(company);
  const saved = savedPersona || savedRole ? { persona: savedPersona, role: savedRole } : null;
  const suggestion = title ? classify(contactFacts(contact), facts, playbook) : null;

  // A person's value wins even when they set only one of the two.
  if (source === 'manual' && (savedPersona || savedRole)) {
    const kindOf = playbook.negativePersonas.some((p) => p.id === savedPersona) ? 'negative' : 'persona';
    const reasons = text(contact.rolecall_reasons);
    return {
      kind: kindOf,
      status: 'manual',
      personaId: savedPersona || 'unknown',
      roleId: savedRole || 'other',
      suggestion,
      title,
      why: reasons || 'Set by a person; rolecall never changes it.',
      missing: [],
      saved,
    };
  }
  if (!suggestion) {
    const missing = ['job title'];
    if (!facts.name) missing.push('associated company');
    return {
      kind: 'empty',
      status: 'suggested',
      personaId: 'unknown',
      roleId: 'other',
      suggestion,
      title,
      why: '',
      missing,
      saved,
    };
  }
  const savedMatches = savedPersona === suggestion.persona && savedRole === suggestion.buyingRole;
  const status: ValueStatus = !savedPersona ? 'suggested' : savedMatches ? 'saved' : 'outdated';
  const kind =
    suggestion.personaKind === 'negative'
      ? 'negative'
      : suggestion.personaKind === 'unknown' || suggestion.abstained
        ? 'unknown'
        : 'persona';
  return {
    kind,
    status,
    personaId: suggestion.persona,
    roleId: suggestion.buyingRole,
    suggestion,
    title,
    why: whyLine(title, facts, suggestion, playbook),
    missing: facts.name ? [] : ['associated company'],
    saved,
  };
}

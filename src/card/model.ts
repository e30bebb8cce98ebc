import { classify } from '../classify/classify.ts';
import { exampleNotice } from '../playbook/guidance.ts';
import { roleLabel } from '../playbook/helpers.ts';
import { ageWords } from '../playbook/review.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Classification, CompanyFacts } from '../taxonomy.ts';
import { type CardGuidance, personaGuidance, roleGuidance } from './guidance.ts';
import { confidenceWord, functionLabel, joinAnd, personaName, seniorityLabel } from './labels.ts';
import { companyFacts, contactFacts, type Props, text } from './record-facts.ts';
import { roleWords, whyLine } from './why.ts';

/**
 * What the persona card shows, decided without React: the HubSpot card, its sidebar variant and
 * `rolecall card` all render this model, so they say the same thing. Browser-safe and pure.
 */

/**
 * Where the shown value comes from: a person (`manual`), rolecall's saved value that still matches the
 * title (`saved`), a saved value the current title no longer supports (`outdated`), or nothing saved yet.
 */
export type ValueStatus = 'manual' | 'saved' | 'outdated' | 'suggested';

export const STATUS_LABELS: Readonly<Record<ValueStatus, string>> = {
  manual: 'Set by a person',
  saved: 'Saved by rolecall',
  outdated: 'Saved value is outdated',
  suggested: 'Suggested, not saved',
};

export type NoticeId =
  | 'no-title'
  | 'negative'
  | 'title-not-understood'
  | 'no-persona'
  | 'outdated'
  | 'no-company'
  | 'company-unread'
  | 'company-size-unknown'
  | 'stale-persona'
  | 'example-playbook';

/** Notices about the playbook content itself, shown with the detail layer under its provenance line. */
export const isDetailNotice = (notice: CardNotice): boolean =>
  notice.id === 'stale-persona' || notice.id === 'example-playbook';

/** Something the rep should know, in their words: an alert (`warning`, `info`) or a quiet line. */
export interface CardNotice {
  id: NoticeId;
  tone: 'warning' | 'info' | 'quiet';
  title: string;
  lines: string[];
}

export interface PrimaryAction {
  kind: 'save' | 'save-new' | 'choose';
  label: string;
}

export interface PersonaCardModel {
  /** `empty`: no title to read; `negative`: not a buyer; `unknown`: no persona fits or the title was not understood. */
  kind: 'empty' | 'negative' | 'unknown' | 'persona';
  status: ValueStatus;
  personaId: string;
  roleId: string;
  /** null when there is no title to classify. */
  suggestion: Classification | null;
  title: string;
  /** HubSpot lifecycle stage (`customer`, `lead`…), lower case; null when unknown. */
  lifecycle: string | null;
  /** The persona's name, or what is unknown ("No persona fits", "Title not understood"). */
  heading: string;
  /** The role's label; empty when the card shows no role (not a buyer, no title). */
  role: string;
  /** Seniority and function as read from the title, e.g. "VP · Sales"; null without a reading. */
  profile: string | null;
  statusLabel: string;
  /** Shown as a word (likely, possible, unconfirmed); null for a person's value. */
  confidence: number | null;
  /** One line: inputs → outcome, then the deciding role rule's note. Labels only, never ids. */
  why: string;
  notices: CardNotice[];
  /** The inputs that are missing, in the rep's words. */
  missing: string[];
  /** What the record holds now, when rolecall or a person saved something. */
  saved: { persona: string; role: string } | null;
  /** True when the contact belongs in the buying group, so the company's next move concerns them. */
  inBuyingGroup: boolean;
  /** The one thing to do next on this card; null when nothing is waiting. */
  primaryAction: PrimaryAction | null;
  /** What to say to this persona in this role, or the role's guidance when no persona fits; null when neither. */
  guidance: CardGuidance | null;
}

export interface CardOptions {
  /** The clock, for the persona's review age. */
  now?: Date;
  /** The lifecycle stage to use instead of the contact's `lifecyclestage`. */
  lifecycle?: string | null;
  /** The associated company exists but could not be read. */
  companyUnreadable?: boolean;
}

const hasAny = (props: Props) => Object.values(props).some((value) => text(value) !== '');

/** What the title reading left unknown, in words. */
function unreadParts(c: Classification): string {
  const parts = [c.seniority === 'unknown' && 'the rank', c.function === 'unknown' && 'the job area'];
  return joinAnd(parts.filter((p): p is string => Boolean(p))) || 'enough of it';
}

function companyNotices(
  present: boolean,
  facts: CompanyFacts,
  options: CardOptions,
  kind: PersonaCardModel['kind'],
): CardNotice[] {
  if (options.companyUnreadable) {
    return [
      {
        id: 'company-unread',
        tone: 'warning',
        title: 'Company not read',
        lines: [
          'The associated company could not be read, so company size was not used. Press Re-classify to try again.',
        ],
      },
    ];
  }
  if (kind === 'empty') return [];
  if (!present) {
    return [
      {
        id: 'no-company',
        tone: 'quiet',
        title: 'Company unknown',
        lines: ['No company is associated with this contact, so company size and industry were not used.'],
      },
    ];
  }
  if (facts.employees === null && facts.annualRevenue === null) {
    const who = facts.name ?? 'The associated company';
    return [
      {
        id: 'company-size-unknown',
        tone: 'quiet',
        title: 'Company size unknown',
        lines: [`${who} has no number of employees or annual revenue, so company size was not used.`],
      },
    ];
  }
  return [];
}
/** The notices about the title reading and the persona, in the order the card shows them. */
function readingNotices(
  kind: PersonaCardModel['kind'],
  title: string,
  c: Classification,
  playbook: Playbook,
) {
  const notices: CardNotice[] = [];
  const negative = playbook.negativePersonas.find((p) => p.id === c.persona);
  if (kind === 'negative' && negative) {
    notices.push({
      id: 'negative',
      tone: 'warning',
      title: `Not a buyer: ${negative.name}`,
      lines: [negative.handling, ...negative.disqualifiers.slice(0, 2)],
    });
  }
  if (kind !== 'unknown') return notices;
  const role = roleWords(playbook, c.buyingRole);
  if (c.abstained) {
    notices.push({
      id: 'title-not-understood',
      tone: 'info',
      title: 'Title not understood',
      lines: [
        `rolecall could not read ${unreadParts(c)} in the title "${title}". ${c.buyingRole === 'other' ? 'Choose the persona and role yourself if you know them.' : `Best guess: ${role}. Confirm it or choose the persona and role yourself.`}`,
      ],
    });
  } else {
    notices.push({
      id: 'no-persona',
      tone: 'info',
      title: 'No persona fits',
      lines: [
        `The title reads as ${seniorityLabel(c.seniority)} · ${functionLabel(c.function)} (${role}), but no persona in the playbook fits that. Choose a persona if one does.`,
      ],
    });
  }
  return notices;
}

/** A quiet line, never an alert: the content may still be right, it is just not confirmed lately. */
function staleNotice(
  guidance: CardGuidance | null,
  personaOwner: string | undefined,
  playbook: Playbook,
): CardNotice[] {
  const age = guidance?.reviewAgeDays ?? null;
  if (age === null || age <= playbook.reviewIntervalDays) return [];
  return [
    {
      id: 'stale-persona',
      tone: 'quiet',
      title: 'Persona due for review',
      lines: [
        `This persona was last reviewed ${ageWords(age)}; the playbook asks for a review every ${playbook.reviewIntervalDays} days. Ask ${personaOwner ?? 'its owner'} to review it.`,
      ],
    },
  ];
}

/** The playbook says it is an example: said quietly wherever the card shows its content. */
function exampleNotices(playbook: Playbook, guidance: CardGuidance | null): CardNotice[] {
  const line = exampleNotice(playbook);
  return line && guidance
    ? [{ id: 'example-playbook', tone: 'quiet', title: 'Example playbook', lines: [line] }]
    : [];
}

/** Decides the card's state and every string it shows from the record's properties; pure. */
export function personaCardModel(
  contact: Props,
  company: Props,
  playbook: Playbook,
  options: CardOptions = {},
): PersonaCardModel {
  const title = text(contact.jobtitle);
  const savedPersona = text(contact.rolecall_persona);
  const savedRole = text(contact.rolecall_buying_role);
  const source = text(contact.rolecall_source);
  const lifecycle = text(options.lifecycle ?? contact.lifecyclestage).toLowerCase() || null;
  const facts = companyFacts(company);
  const companyPresent = hasAny(company);
  const saved = savedPersona || savedRole ? { persona: savedPersona, role: savedRole } : null;
  const suggestion = title
    ? classify({ ...contactFacts(contact), lifecycleStage: lifecycle }, facts, playbook)
    : null;
  const today = options.now ?? new Date();
  const missing = [...(title ? [] : ['job title']), ...(companyPresent ? [] : ['associated company'])];
  const guidanceFor = (personaId: string, roleId: string) => {
    const persona = playbook.personas.find((p) => p.id === personaId);
    const negative = playbook.negativePersonas.some((p) => p.id === personaId);
    // No persona fits (procurement, legal, HR, a blocker): the role's own guidance.
    const guidance = persona
      ? personaGuidance(persona, roleId, playbook, today)
      : negative
        ? null
        : roleGuidance(roleId, playbook);
    return {
      guidance,
      stale: [...staleNotice(guidance, persona?.owner, playbook), ...exampleNotices(playbook, guidance)],
    };
  };

  // A person's value wins even when they set only one of the two.
  if (source === 'manual' && (savedPersona || savedRole)) {
    const negative = playbook.negativePersonas.find((p) => p.id === savedPersona);
    const personaId = savedPersona || 'unknown';
    const roleId = savedRole || 'other';
    const { guidance, stale } = guidanceFor(personaId, roleId);
    return {
      kind: negative ? 'negative' : 'persona',
      status: 'manual',
      personaId,
      roleId,
      suggestion,
      title,
      lifecycle,
      heading: personaName(playbook, personaId),
      role: negative ? '' : roleLabel(playbook, roleId),
      profile: suggestion
        ? `${seniorityLabel(suggestion.seniority)} · ${functionLabel(suggestion.function)}`
        : null,
      statusLabel: STATUS_LABELS.manual,
      confidence: null,
      why: text(contact.rolecall_reasons) || 'Set by a person; rolecall never changes it.',
      notices: [
        ...(negative
          ? [
              {
                id: 'negative' as const,
                tone: 'warning' as const,
                title: `Not a buyer: ${negative.name}`,
                lines: [negative.handling, ...negative.disqualifiers.slice(0, 2)],
              },
            ]
          : []),
        ...companyNotices(companyPresent, facts, options, 'persona'),
        ...stale,
      ],
      missing: [],
      saved,
      inBuyingGroup: !negative && roleId !== 'other',
      primaryAction: null,
      guidance,
    };
  }
  if (!suggestion) {
    return {
      kind: 'empty',
      status: 'suggested',
      personaId: 'unknown',
      roleId: 'other',
      suggestion,
      title,
      lifecycle,
      heading: 'No job title to read',
      role: '',
      profile: null,
      statusLabel: STATUS_LABELS.suggested,
      confidence: null,
      why: '',
      notices: [
        {
          id: 'no-title',
          tone: 'info',
          title: 'No job title to read',
          lines: [
            `rolecall needs this contact's ${missing.join(' and ')} to suggest a persona and buying role. Add the job title in the "Job title" property on this record, then press Re-classify, or choose the persona and role yourself.`,
          ],
        },
        ...companyNotices(companyPresent, facts, options, 'empty'),
      ],
      missing,
      saved,
      inBuyingGroup: false,
      primaryAction: { kind: 'choose', label: 'Choose a persona' },
      guidance: null,
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
  const { guidance, stale } = guidanceFor(suggestion.persona, suggestion.buyingRole);
  const outdated: CardNotice[] =
    status === 'outdated' && saved
      ? [
          {
            id: 'outdated',
            tone: 'warning',
            title: 'The saved value no longer matches this contact',
            lines: [
              `The record says ${personaName(playbook, saved.persona)}, ${roleLabel(playbook, saved.role || 'other').toLowerCase()}; the current title and playbook say otherwise. ${kind === 'unknown' ? 'Choose a persona to update it.' : 'Save the new suggestion to update it.'}`,
            ],
          },
        ]
      : [];
  const waiting = status === 'suggested' || status === 'outdated';
  const primaryAction: PrimaryAction | null = !waiting
    ? null
    : kind === 'unknown'
      ? { kind: 'choose', label: 'Choose a persona' }
      : status === 'outdated'
        ? { kind: 'save-new', label: 'Save the new suggestion' }
        : { kind: 'save', label: 'Save suggestion' };
  const confidence =
    kind === 'unknown' && !suggestion.abstained
      ? (suggestion.roleConfidence ?? suggestion.confidence)
      : Math.min(suggestion.confidence, suggestion.personaConfidence);
  return {
    kind,
    status,
    personaId: suggestion.persona,
    roleId: suggestion.buyingRole,
    suggestion,
    title,
    lifecycle,
    heading:
      kind === 'unknown'
        ? suggestion.abstained
          ? 'Title not understood'
          : 'No persona fits'
        : personaName(playbook, suggestion.persona),
    role:
      kind === 'negative' || suggestion.buyingRole === 'other'
        ? ''
        : roleLabel(playbook, suggestion.buyingRole),
    profile: `${seniorityLabel(suggestion.seniority)} · ${functionLabel(suggestion.function)}`,
    statusLabel: STATUS_LABELS[status],
    confidence,
    why: whyLine(suggestion, playbook, facts),
    notices: [
      ...readingNotices(kind, title, suggestion, playbook),
      ...outdated,
      ...companyNotices(companyPresent, facts, options, kind),
      ...stale,
    ],
    missing,
    saved,
    inBuyingGroup: kind !== 'negative' && suggestion.buyingRole !== 'other',
    primaryAction,
    guidance,
  };
}

/** The confidence word the card shows, or null. */
export const shownConfidence = (model: PersonaCardModel) =>
  model.confidence === null ? null : confidenceWord(model.confidence);

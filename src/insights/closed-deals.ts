import { classify } from '../classify/classify.ts';
import { dealSizeBand } from '../deals/kind.ts';
import { dealSettings } from '../deals/schema.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { CompanyFacts } from '../taxonomy.ts';
import { NO_AMOUNT } from './analyze.ts';
import type { ClosedDeal, Outcome } from './types.ts';

/** A closed deal as read from the CRM, before classification. */
export interface RawClosedDeal {
  id: string;
  name?: string;
  outcome: Outcome;
  closeDate: string;
  amount: number | null;
  pipeline: string;
  /** The deal's company (its primary company); null when it has none. */
  company: CompanyFacts | null;
  contacts: RawDealContact[];
}

export interface RawDealContact {
  id: string;
  jobTitle: string | null;
  seniorityHint?: string | null;
  /** rolecall role ids from the deal's association labels for this contact (empty when unlabelled). */
  labels: string[];
  /** Newest engagement with this contact on or before the close; null if none is known. */
  lastEngagedAt: string | null;
}

/**
 * Classifies each contact of a closed deal with the one `classify()`; role labels on the deal win over it.
 * The contact's lifecycle stage is left out on purpose: winning the deal is what made them a customer,
 * so reading it now would let the outcome decide the persona.
 */
export function toClosedDeal(raw: RawClosedDeal, playbook: Playbook): ClosedDeal {
  const icpFit = raw.company ? classify({ jobTitle: '' }, raw.company, playbook).fit : null;
  return {
    id: raw.id,
    ...(raw.name ? { name: raw.name } : {}),
    outcome: raw.outcome,
    closeDate: raw.closeDate,
    amount: raw.amount,
    sizeBand: raw.amount === null ? NO_AMOUNT : dealSizeBand(raw.amount, dealSettings(playbook.deals)),
    pipeline: raw.pipeline,
    icpFit,
    contacts: raw.contacts.map((contact) => {
      const c = classify(
        { jobTitle: contact.jobTitle, seniorityHint: contact.seniorityHint ?? null },
        raw.company,
        playbook,
      );
      const labelled = contact.labels.length > 0;
      return {
        contactId: contact.id,
        persona: c.persona,
        personaKind: c.personaKind,
        roles: labelled ? [...new Set(contact.labels)] : [c.buyingRole, ...(c.extraRoles ?? [])],
        rolesFrom: labelled ? 'label' : 'classification',
        title: c.title,
        seniority: c.seniority,
        function: c.function,
        lastEngagedAt: contact.lastEngagedAt,
      };
    }),
  };
}

/**
 * A closed-deal history with planted effects, so `rolecall insights` can be checked against known truth.
 * `generateDealHistory` is pure data; `seedDealHistory` loads it into a sandbox store. The effects are
 * documented in `src/sandbox/README.md`; change them there too.
 */
import people from '../data/people.json' with { type: 'json' };
import { intBetween, mulberry32, pick, type Rng } from '../prng.ts';
import type { SandboxStore } from '../store.ts';
import { addDeal, addEngagement } from './deals.ts';
import { slug } from './names.ts';

/** The planted truth: win probability = base × each factor that applies (capped at 0.95). */
export const PLANTED = {
  /** Multi-threaded deal at an ICP company with no finance leader engaged. */
  baseWinRate: 0.3,
  /** A finance leader engaged (activity within 90 days before the close) doubles it. */
  financeEngaged: 2,
  /** Single-threaded deals (one contact) rarely win. */
  singleThreaded: 0.25,
  /** Companies outside the ICP (1–10 employees) win half as often. */
  outsideIcp: 0.5,
  /** A student or job seeker on the deal: it never wins. */
  studentOnDeal: 0,
  /** Shares of deals: single-threaded, outside the ICP, with a student. */
  singleThreadedShare: 0.25,
  outsideIcpShare: 0.2,
  studentShare: 0.06,
  /** Operations people (no persona in the default playbook) join this share of multi-threaded deals, no effect. */
  operationsShare: 0.4,
} as const;

/** Who joins a multi-threaded deal besides the champion, and how often; none of these but finance changes the odds. */
const GROUP = [
  { key: 'finance', share: 0.45, engaged: 0.6 },
  { key: 'executive', share: 0.35, engaged: 0.75 },
  { key: 'function', share: 0.5, engaged: 0.75 },
  { key: 'it', share: 0.4, engaged: 0.75 },
  { key: 'operations', share: PLANTED.operationsShare, engaged: 0.75 },
  { key: 'procurement', share: 0.2, engaged: 0.75 },
] as const;

const TITLES: Record<string, readonly string[]> = {
  champion: [
    'Sales Manager',
    'Marketing Manager',
    'Customer Success Manager',
    'Account Executive',
    'Sales Team Lead',
  ],
  finance: [
    'CFO',
    'VP Finance',
    'Finance Director',
    'Head of Finance',
    'Directeur financier',
    'Finanzleiter',
  ],
  executive: ['CEO', 'Managing Director', 'Founder & CEO', 'Geschäftsführer', 'General Manager'],
  function: [
    'VP Sales',
    'Head of Marketing',
    'Director of Sales',
    'Head of Customer Success',
    'Vertriebsleiter',
  ],
  it: ['CIO', 'IT Manager', 'Head of IT Security', 'Solutions Architect', 'IT Director'],
  operations: [
    'Head of Operations',
    'Operations Manager',
    'COO',
    'Director of Operations',
    'Supply Chain Manager',
  ],
  procurement: ['Procurement Manager', 'Head of Procurement', 'Purchasing Manager', 'Einkaufsleiter'],
  student: ['Student', 'Working Student', 'MBA Candidate'],
};

const INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'FINANCIAL_SERVICES',
  'RETAIL',
  'MACHINERY',
  'INTERNET',
  'MANAGEMENT_CONSULTING',
];
const AMOUNTS: ReadonlyArray<[number, number]> = [
  [2_000, 9_999],
  [10_000, 49_999],
  [50_000, 99_999],
  [100_000, 400_000],
];

export interface HistoryCompany {
  key: string;
  properties: { name: string; domain: string; numberofemployees: string; industry: string };
}
export interface HistoryContact {
  key: string;
  companyKey: string;
  /** What the generator meant this person to be (for tests; not a CRM property). */
  group: string;
  properties: { firstname: string; lastname: string; email: string; jobtitle: string };
}
export interface HistoryDeal {
  key: string;
  companyKey: string;
  outcome: 'won' | 'lost';
  /** ISO date-time. */
  closeDate: string;
  properties: { dealname: string; amount: string };
  /** Each contact on the deal and its one engagement (a call) before the close, or null. */
  contacts: Array<{ contactKey: string; engagedAt: string | null }>;
  /** The planted facts behind the outcome (for tests). */
  planted: {
    single: boolean;
    outsideIcp: boolean;
    financeEngaged: boolean;
    student: boolean;
    winChance: number;
  };
}
export interface DealHistory {
  companies: HistoryCompany[];
  contacts: HistoryContact[];
  deals: HistoryDeal[];
}

export interface DealHistoryOptions {
  deals: number;
  seed?: number;
  /** The newest close date; deals close over the 360 days before it. */
  now: string;
  /** The control: the same deals with their outcomes shuffled among them (no effect left). */
  shuffleOutcomes?: boolean;
}

const DAY = 86_400_000;

function person(rng: Rng, group: string, companyKey: string, domain: string, n: number): HistoryContact {
  const names = people.languages.en;
  const firstname = pick(rng, names.first);
  const lastname = pick(rng, names.last);
  return {
    key: `c${n}`,
    companyKey,
    group,
    properties: {
      firstname,
      lastname,
      email: `${slug(firstname)}.${slug(lastname)}.${n}@${domain}`,
      jobtitle: pick(rng, TITLES[group]!),
    },
  };
}

/** Generates `deals` closed deals, each at its own company with 1–8 contacts, deterministically from the seed. */
export function generateDealHistory(options: DealHistoryOptions): DealHistory {
  const rng = mulberry32(options.seed ?? 1);
  const now = Date.parse(options.now);
  const history: DealHistory = { companies: [], contacts: [], deals: [] };
  for (let i = 0; i < options.deals; i++) {
    const outsideIcp = rng() < PLANTED.outsideIcpShare;
    const domain = `deal-history-${i + 1}.example.com`;
    const company: HistoryCompany = {
      key: `co${i + 1}`,
      properties: {
        name: `Deal History ${i + 1} ${pick(rng, ['GmbH', 'Ltd', 'Inc.', 'SAS', 'AB'])}`,
        domain,
        numberofemployees: String(outsideIcp ? intBetween(rng, 2, 8) : intBetween(rng, 30, 4000)),
        industry: pick(rng, INDUSTRIES),
      },
    };
    history.companies.push(company);
    const closeAt = now - intBetween(rng, 0, 359) * DAY - intBetween(rng, 0, 86_399) * 1000;
    const engagedAt = () => new Date(closeAt - intBetween(rng, 1, 60) * DAY).toISOString();
    const staleAt = () => new Date(closeAt - intBetween(rng, 120, 300) * DAY).toISOString();
    const single = rng() < PLANTED.singleThreadedShare;
    const members: Array<{ group: string; engaged: boolean }> = [{ group: 'champion', engaged: true }];
    if (!single) {
      while (members.length === 1) {
        for (const member of GROUP) {
          if (rng() < member.share) members.push({ group: member.key, engaged: rng() < member.engaged });
        }
      }
    }
    const student = !single && rng() < PLANTED.studentShare / (1 - PLANTED.singleThreadedShare);
    if (student) members.push({ group: 'student', engaged: true });
    const deal: HistoryDeal = {
      key: `d${i + 1}`,
      companyKey: company.key,
      outcome: 'lost',
      closeDate: new Date(closeAt).toISOString(),
      properties: {
        dealname: `${company.properties.name} – ${pick(rng, ['new business', 'team plan', 'pilot'])}`,
        amount: String(intBetween(rng, ...pick(rng, AMOUNTS))),
      },
      contacts: [],
      planted: { single, outsideIcp, financeEngaged: false, student, winChance: 0 },
    };
    for (const member of members) {
      const contact = person(rng, member.group, company.key, domain, history.contacts.length + 1);
      history.contacts.push(contact);
      const when = member.engaged ? engagedAt() : rng() < 0.5 ? staleAt() : null;
      deal.contacts.push({ contactKey: contact.key, engagedAt: when });
      if (member.group === 'finance' && member.engaged) deal.planted.financeEngaged = true;
    }
    let chance = PLANTED.baseWinRate;
    if (deal.planted.financeEngaged) chance *= PLANTED.financeEngaged;
    if (single) chance *= PLANTED.singleThreaded;
    if (outsideIcp) chance *= PLANTED.outsideIcp;
    if (student) chance *= PLANTED.studentOnDeal;
    deal.planted.winChance = Math.min(0.95, chance);
    deal.outcome = rng() < deal.planted.winChance ? 'won' : 'lost';
    history.deals.push(deal);
  }
  if (options.shuffleOutcomes) {
    const outcomes = history.deals.map((deal) => deal.outcome);
    for (let i = outcomes.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [outcomes[i], outcomes[j]] = [outcomes[j]!, outcomes[i]!];
    }
    history.deals.forEach((deal, i) => {
      deal.outcome = outcomes[i]!;
    });
  }
  return history;
}

export interface SeededDealHistory extends DealHistory {
  /** History key → sandbox record id, for companies, contacts and deals. */
  ids: Map<string, number>;
}

/**
 * Loads a generated history into the store: its companies, contacts (with their primary company), closed
 * deals in the default pipeline (stage `closedwon` / `closedlost`) associated with both, and one call per
 * engagement, on the deal and the contact. Uses the deal seeding's own building blocks.
 */
export function seedDealHistory(store: SandboxStore, options: DealHistoryOptions): SeededDealHistory {
  const history = generateDealHistory(options);
  const rng = mulberry32((options.seed ?? 1) ^ 0x5eed);
  const ids = new Map<string, number>();
  const first = new Map<string, number>();
  for (const deal of history.deals) first.set(deal.companyKey, Date.parse(deal.closeDate) - 150 * DAY);
  for (const company of history.companies) {
    const record = store.companies.insert(
      company.properties,
      first.get(company.key) ?? Date.parse(options.now),
    );
    ids.set(company.key, record.id);
  }
  for (const contact of history.contacts) {
    const companyId = ids.get(contact.companyKey)!;
    const record = store.contacts.insert(
      contact.properties,
      store.companies.get(companyId)?.createdAt ?? Date.parse(options.now),
      companyId,
    );
    ids.set(contact.key, record.id);
  }
  for (const deal of history.deals) {
    const closeAt = Date.parse(deal.closeDate);
    const record = addDeal(store, {
      props: {
        ...deal.properties,
        pipeline: 'default',
        dealstage: deal.outcome === 'won' ? 'closedwon' : 'closedlost',
        dealtype: 'newbusiness',
        closedate: deal.closeDate,
      },
      at: closeAt - intBetween(rng, 30, 120) * DAY,
      companyId: ids.get(deal.companyKey)!,
      contactIds: deal.contacts.map((c) => ids.get(c.contactKey)!),
    });
    ids.set(deal.key, record.id);
    for (const link of deal.contacts) {
      if (!link.engagedAt) continue;
      addEngagement(
        store,
        {
          type: 'calls',
          at: Date.parse(link.engagedAt),
          contactIds: [ids.get(link.contactKey)!],
          dealIds: [record.id],
        },
        rng,
      );
    }
  }
  store.associationsChanged();
  return { ...history, ids };
}

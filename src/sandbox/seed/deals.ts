import { DEFAULT_PIPELINES, type PipelineDef, stageFacts } from '../deals/pipelines.ts';
import { intBetween, mixSeed, mulberry32, pick, pickWeighted, type Rng } from '../prng.ts';
import type { EngagementType } from '../property-types.ts';
import type { CrmRecord } from '../record.ts';
import type { SandboxStore } from '../store.ts';

/**
 * Deals with buying groups, the way a sales team's portal looks: new business, renewals and expansions in
 * two pipelines, 1–12 contacts per deal from the deal's company (some deals single-threaded), calls,
 * meetings and emails on those contacts and deals, and a few parent/child companies. Each deal has its
 * own random stream, so deal i of a seed is the same whatever the total.
 *
 * `addDeal` and `addEngagement` are the building blocks for other generators (e.g. a closed-deal history).
 */
export interface DealSeedOptions {
  seed: number;
  deals: number;
  /** The portal's "today": open deals close after it, activity happens before it. Default: now, to the day. */
  now?: number;
  /** Mean contacts per deal (1–12); default 4. About 15% of deals stay single-threaded whatever the mean. */
  meanContacts?: number;
  /** Share of deals that are open (default 0.72); the rest are closed won / lost 2:1. */
  openShare?: number;
}

const DAY = 86_400_000;
/** HubSpot's default association type ids (`@hubspot/api-client` AssociationTypes). */
export const TYPE_IDS = {
  dealToContact: 3,
  primaryDealToCompany: 5,
  dealToCompany: 341,
  parentToChildCompany: 13,
  dealTo: { calls: 205, emails: 209, meetings: 211 } as Record<EngagementType, number>,
  contactTo: { calls: 193, emails: 197, meetings: 199 } as Record<EngagementType, number>,
};

export interface NewDeal {
  props: Record<string, string>;
  /** Creation time (ms). */
  at: number;
  companyId?: number;
  contactIds: readonly number[];
}

/** Inserts a deal with its company (primary) and contact associations; derived stage facts are filled in. */
export function addDeal(store: SandboxStore, deal: NewDeal): CrmRecord {
  const props = { ...deal.props, ...stageFacts(store.pipelines, deal.props.dealstage ?? '') };
  const record = store.deals.insert(props, deal.at);
  if (deal.companyId) {
    store.graph.link('deals', record.id, 'companies', deal.companyId, [
      TYPE_IDS.primaryDealToCompany,
      TYPE_IDS.dealToCompany,
    ]);
  }
  for (const contactId of deal.contactIds) {
    store.graph.link('deals', record.id, 'contacts', contactId, [TYPE_IDS.dealToContact]);
  }
  return record;
}

export interface NewEngagement {
  type: EngagementType;
  /** When it happened (ms): `hs_timestamp`. */
  at: number;
  contactIds: readonly number[];
  dealIds: readonly number[];
  props?: Record<string, string>;
}

const TITLES: Record<EngagementType, readonly string[]> = {
  calls: ['Discovery call', 'Follow-up call', 'Pricing call', 'Check-in', 'Reference call'],
  meetings: ['Demo', 'Kick-off', 'Business review', 'Security review', 'Contract walkthrough'],
  emails: ['Proposal', 'Re: next steps', 'Pricing and terms', 'Meeting recap', 'Security questionnaire'],
};

/** Inserts a call, meeting or email associated with contacts and deals; contacts' last-engagement dates move up. */
export function addEngagement(store: SandboxStore, e: NewEngagement, rng: Rng = Math.random): CrmRecord {
  const when = new Date(e.at).toISOString();
  const title = pick(rng, TITLES[e.type]);
  const base: Record<string, string> =
    e.type === 'calls'
      ? {
          hs_call_title: title,
          hs_call_direction: 'OUTBOUND',
          hs_call_status: 'COMPLETED',
          hs_call_duration: String(intBetween(rng, 3, 55) * 60_000),
        }
      : e.type === 'meetings'
        ? { hs_meeting_title: title, hs_meeting_start_time: when, hs_meeting_outcome: 'COMPLETED' }
        : {
            hs_email_subject: title,
            hs_email_direction: rng() < 0.6 ? 'EMAIL' : 'INCOMING_EMAIL',
            hs_email_status: 'SENT',
          };
  const record = store.table(e.type).insert({ hs_timestamp: when, ...base, ...e.props }, e.at);
  for (const contactId of e.contactIds) {
    store.graph.link('contacts', contactId, e.type, record.id, [TYPE_IDS.contactTo[e.type]]);
    const contact = store.contacts.get(contactId);
    if (contact && Date.parse(contact.props.hs_last_sales_activity_timestamp || '0') < e.at) {
      contact.props.hs_last_sales_activity_timestamp = when;
      contact.props.notes_last_contacted = when;
    }
  }
  for (const dealId of e.dealIds) {
    store.graph.link('deals', dealId, e.type, record.id, [TYPE_IDS.dealTo[e.type]]);
    const deal = store.deals.get(dealId);
    if (deal && Date.parse(deal.props.notes_last_contacted || '0') < e.at)
      deal.props.notes_last_contacted = when;
  }
  return record;
}

/** Deals default to one per ten contacts. */
export function dealCount(contacts: number, deals?: number): number {
  return deals ?? Math.round(contacts / 10);
}

type Kind = 'new' | 'renewal' | 'expansion';

/** Fills the store with `deals` deals on companies that have contacts. */
export function seedDeals(store: SandboxStore, options: DealSeedOptions): void {
  if (options.deals <= 0) return;
  const now = options.now ?? Math.floor(Date.now() / DAY) * DAY;
  // Companies with more people in the CRM have more deals (and bigger buying groups to draw from).
  const withContacts: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const company of store.companies.records) {
    const n = store.contactsOfCompany(company.id).length;
    if (n === 0) continue;
    withContacts.push(company.id);
    total += n;
    cumulative.push(total);
  }
  if (withContacts.length === 0) return;
  linkCompanyFamilies(store, options.seed);
  const mean = Math.min(12, Math.max(1, options.meanContacts ?? 4));
  const openShare = options.openShare ?? 0.72;
  const [sales, renewals] = DEFAULT_PIPELINES as [PipelineDef, PipelineDef];
  for (let i = 0; i < options.deals; i++) {
    const rng = mulberry32(mixSeed(options.seed, 3, i));
    const companyId = withContacts[lowerBound(cumulative, rng() * total)] as number;
    const company = store.companies.get(companyId) as CrmRecord;
    const kind = pickWeighted<Kind>(rng, ['new', 'renewal', 'expansion'], [65, 20, 15]);
    const pipeline = kind === 'renewal' ? renewals : sales;
    const roll = rng();
    const open = roll < openShare;
    const won = !open && roll < openShare + (1 - openShare) * (2 / 3);
    const openStages = pipeline.stages.filter((s) => s.metadata.isClosed === 'false');
    const stage = open
      ? pick(rng, openStages)
      : (pipeline.stages.find(
          (s) => s.metadata.isClosed === 'true' && (s.metadata.probability === '1.0') === won,
        ) ?? pick(rng, openStages));
    const closeAt = open ? now + intBetween(rng, 5, 120) * DAY : now - intBetween(rng, 10, 540) * DAY;
    const createdAt = Math.min(now - DAY, closeAt - intBetween(rng, 20, 200) * DAY);
    const employees = Number(company.props.numberofemployees) || intBetween(rng, 5, 400);
    const amount = dealAmount(rng, kind, employees);
    const name = company.props.name || `Company ${companyId}`;
    const label =
      kind === 'new'
        ? 'New business'
        : kind === 'renewal'
          ? `Renewal ${new Date(closeAt).getUTCFullYear()}`
          : `Expansion +${intBetween(rng, 5, 200)} seats`;
    const people = store.contactsOfCompany(companyId);
    const size = Math.min(people.length, groupSize(rng, mean));
    const chosen = sample(rng, people, size);
    const deal = addDeal(store, {
      props: {
        dealname: `${name} – ${label}`,
        amount: String(amount),
        pipeline: pipeline.id,
        dealstage: stage.id,
        dealtype: kind === 'new' ? 'newbusiness' : 'existingbusiness',
        closedate: new Date(closeAt).toISOString(),
      },
      at: createdAt,
      companyId,
      contactIds: chosen,
    });
    const until = Math.min(now, closeAt);
    for (const contactId of chosen) {
      const n = pickWeighted(rng, [0, 1, 2, 3, 4], [22, 32, 24, 13, 9]);
      for (let k = 0; k < n; k++) {
        // Recent activity is likelier: a quarter of touches within the last two weeks of the deal.
        const back =
          rng() < 0.25 ? intBetween(rng, 0, 14) : intBetween(rng, 0, Math.max(1, (until - createdAt) / DAY));
        addEngagement(
          store,
          {
            type: pickWeighted<EngagementType>(rng, ['emails', 'calls', 'meetings'], [50, 30, 20]),
            at: Math.max(createdAt, until - back * DAY - intBetween(rng, 0, DAY - 1)),
            contactIds: [contactId],
            dealIds: [deal.id],
          },
          rng,
        );
      }
    }
  }
  store.associationsChanged();
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Most deals have a handful of people; about 15% have one. */
function groupSize(rng: Rng, mean: number): number {
  if (rng() < 0.15) return 1;
  const extra = Math.max(0, mean - 1) / 0.85;
  return Math.min(12, Math.max(1, 1 + Math.round(-Math.log(1 - rng()) * extra)));
}

function dealAmount(rng: Rng, kind: Kind, employees: number): number {
  const seats = Math.max(3, Math.round(employees * (0.02 + rng() * 0.1)));
  const perSeat = intBetween(rng, 300, 1200);
  const factor = kind === 'expansion' ? 0.3 : kind === 'renewal' ? 0.9 : 1;
  return Math.max(1000, Math.round((seats * perSeat * factor) / 100) * 100);
}

function sample(rng: Rng, ids: readonly number[], n: number): number[] {
  if (n >= ids.length) return [...ids];
  const picked = new Set<number>();
  while (picked.size < n) picked.add(ids[Math.floor(rng() * ids.length)] as number);
  return [...picked];
}

/** About one company in twenty becomes the child of a larger one (parent 13 / child 14). */
function linkCompanyFamilies(store: SandboxStore, seed: number): void {
  const rng = mulberry32(mixSeed(seed, 4));
  const companies = store.companies.records;
  if (companies.length < 20) return;
  for (const child of companies) {
    if (rng() >= 0.05) continue;
    const parent = companies[Math.floor(rng() * companies.length)] as CrmRecord;
    if (parent.id === child.id || store.graph.types('companies', parent.id, 'companies', child.id)) continue;
    store.graph.link('companies', parent.id, 'companies', child.id, [TYPE_IDS.parentToChildCompany]);
  }
}

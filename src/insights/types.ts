/** The shapes of the won/lost analysis: closed deals in, findings out. Plain data, JSON-safe. */
import type { JobFunction, Seniority } from '../taxonomy.ts';

export type Outcome = 'won' | 'lost';

/** A contact on a closed deal, as the analysis sees it (already classified). */
export interface DealContact {
  contactId: string;
  /** Persona id (active or negative) or 'unknown'. */
  persona: string;
  personaKind: 'persona' | 'negative' | 'unknown';
  /** The contact's roles on this deal: the deal's own role labels when it has any, else the classification's. */
  roles: string[];
  rolesFrom: 'label' | 'classification';
  title: string;
  seniority: Seniority;
  function: JobFunction;
  /** Newest engagement (call, meeting, email…) with this contact on or before the close date; null if none known. */
  lastEngagedAt: string | null;
}

export interface ClosedDeal {
  id: string;
  name?: string;
  outcome: Outcome;
  /** ISO date-time of the close. */
  closeDate: string;
  amount: number | null;
  /** The playbook's deal-size band of the amount ('no amount' without one). */
  sizeBand: string;
  pipeline: string;
  /** The company's fit with the playbook's ICP; null when the deal has no company. */
  icpFit: boolean | null;
  contacts: DealContact[];
}

export interface InsightsOptions {
  /** The end of the period (the run's clock), ISO. */
  now: string;
  /** Period length in days (from `--since 365d`). */
  sinceDays: number;
  pipeline?: string;
  /** Fewest deals on each side of a comparison before it gets a number (`--min-deals`). */
  minDeals: number;
  /** Fewest closed deals before the portal gets any numbers. */
  minClosedDeals: number;
  /** A contact counts as engaged when their last engagement is at most this many days before the close. */
  engagedWithinDays: number;
  /** Family-wise error rate shared by all comparisons (Bonferroni): 0.05 → each interval at 1 − 0.05/m. */
  alpha: number;
}

export const DEFAULT_INSIGHTS_OPTIONS = {
  sinceDays: 365,
  minDeals: 10,
  minClosedDeals: 20,
  engagedWithinDays: 90,
  alpha: 0.05,
} as const;

/** One persona or role: win rate of closed deals with it vs without it. */
export interface Finding {
  kind: 'persona' | 'role';
  id: string;
  /** 'present': associated with the deal; 'engaged': engaged before the close. */
  basis: 'present' | 'engaged';
  withDeals: number;
  withoutDeals: number;
  withWon: number;
  withoutWon: number;
  /** Fractions; null when that side has fewer than `minDeals` deals ("not enough deals yet"). */
  winRateWith: number | null;
  winRateWithout: number | null;
  /** Interval on winRateWith − winRateWithout at `intervalLevel`; null without enough data. */
  liftInterval: [number, number] | null;
  enoughData: boolean;
  /** 'higher'/'lower' only when the whole interval is above/below 0; else 'none' (or 'not-enough-data'). */
  effect: 'higher' | 'lower' | 'none' | 'not-enough-data';
  /** Share of won and of lost deals that had it. */
  shareOfWon: number;
  shareOfLost: number;
}

/** Win rate of one group of deals (a size band, a thread count, ICP fit). */
export interface Segment {
  key: string;
  deals: number;
  won: number;
  winRate: number | null;
  /** Wilson interval at `intervalLevel`; null below `minDeals`. */
  interval: [number, number] | null;
}

export interface Comparison {
  a: string;
  b: string;
  /** Interval on winRate(a) − winRate(b); null without enough deals on either side. */
  liftInterval: [number, number] | null;
  effect: Finding['effect'];
}

export interface TitlePattern {
  persona: string;
  wonDeals: number;
  contacts: number;
  titles: Array<{ key: string; count: number }>;
  seniorities: Array<{ key: string; count: number }>;
  functions: Array<{ key: string; count: number }>;
  /** The roles these contacts played on won deals. */
  roles: Array<{ key: string; count: number }>;
}

export interface Freshness {
  persona: string;
  reviewedAt: string | null;
  daysSinceReview: number | null;
  overdue: boolean;
  /** Share of won deals with the persona among deals closed before / since the review. */
  before: { won: number; withPersona: number; share: number | null };
  since: { won: number; withPersona: number; share: number | null };
  /** Interval on share(since) − share(before); null without enough won deals on either side. */
  shiftInterval: [number, number] | null;
  changed: boolean;
  note: string;
}

export interface InsightsReport {
  period: { from: string; to: string; days: number; pipeline: string | null };
  deals: { won: number; lost: number };
  /** False under `minClosedDeals`: then nothing below carries a number. */
  enoughData: boolean;
  message: string;
  /** Each interval's confidence level: 1 − alpha/m over the m comparisons that had enough data. */
  intervalLevel: number;
  comparisons: number;
  engagementData: boolean;
  minDeals: number;
  winRate: Segment;
  findings: Finding[];
  byThreads: Segment[];
  singleVsMulti: Comparison;
  icpFitLift: Comparison;
  bySize: Segment[];
  byIcpFit: Segment[];
  titlePatterns: TitlePattern[];
  /** Personas (active or negative) seen on closed deals but never on a won one, with their lost-deal counts. */
  neverWon: Array<{ persona: string; lostDeals: number }>;
  /** Active personas of the playbook absent from every closed deal. */
  neverSeen: string[];
  /** Functions of contacts with no persona that appear in many won deals: candidates for a new persona. */
  unmatchedFunctions: Array<{
    function: string;
    wonDeals: number;
    lostDeals: number;
    shareOfWon: number;
    titles: string[];
  }>;
  freshness: Freshness[];
}

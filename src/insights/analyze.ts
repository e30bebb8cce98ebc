import { freshness, type PlaybookFacts, titlePatterns, unmatchedFunctions } from './patterns.ts';
import { newcombe, round4, wilson, zFor } from './stats.ts';
import type { ClosedDeal, DealContact, Finding, InsightsOptions, InsightsReport, Segment } from './types.ts';

const DAY = 86_400_000;

/** The size band of a deal without an amount. */
export const NO_AMOUNT = 'no amount';

/** True when the contact was engaged on the deal within the window before (or on) its close. */
export function isEngaged(contact: DealContact, closeDate: string, withinDays: number): boolean {
  if (!contact.lastEngagedAt) return false;
  const gap = Date.parse(closeDate) - Date.parse(contact.lastEngagedAt);
  return gap >= -DAY && gap <= withinDays * DAY;
}

/** The closed deals inside the period (and pipeline) the options name. */
export function inPeriod(deals: readonly ClosedDeal[], options: InsightsOptions): ClosedDeal[] {
  const to = Date.parse(options.now);
  const from = to - options.sinceDays * DAY;
  return deals.filter((deal) => {
    const at = Date.parse(deal.closeDate);
    if (!(at >= from && at <= to)) return false;
    return !options.pipeline || deal.pipeline === options.pipeline;
  });
}

/** Per deal: which personas and roles were present, and which engaged. */
export interface DealView {
  deal: ClosedDeal;
  won: boolean;
  present: { persona: Set<string>; role: Set<string> };
  engaged: { persona: Set<string>; role: Set<string> };
}

export function viewOf(deal: ClosedDeal, withinDays: number): DealView {
  const view: DealView = {
    deal,
    won: deal.outcome === 'won',
    present: { persona: new Set(), role: new Set() },
    engaged: { persona: new Set(), role: new Set() },
  };
  for (const contact of deal.contacts) {
    const engaged = isEngaged(contact, deal.closeDate, withinDays);
    const targets = engaged ? [view.present, view.engaged] : [view.present];
    for (const target of targets) {
      if (contact.persona !== 'unknown') target.persona.add(contact.persona);
      for (const role of contact.roles) target.role.add(role);
    }
  }
  return view;
}

export function threadsOf(view: DealView, engagementData: boolean): number {
  return (engagementData ? view.engaged : view.present).role.size;
}

const THREAD_KEYS = ['0 roles', '1 role', '2 roles', '3 roles', '4+ roles'];
const threadKey = (count: number) => THREAD_KEYS[Math.min(count, 4)]!;

function effectOf(interval: [number, number] | null): Finding['effect'] {
  if (!interval) return 'not-enough-data';
  if (interval[0] > 0) return 'higher';
  if (interval[1] < 0) return 'lower';
  return 'none';
}

/**
 * The won/lost analysis. Pure: the clock comes in `options.now`. Every interval shares one family-wise
 * error rate (`alpha`, Bonferroni over the comparisons that have enough deals), so shuffling the outcomes
 * leaves, with probability ≥ 1 − alpha, no finding whose interval excludes zero.
 */
export function analyze(
  allDeals: readonly ClosedDeal[],
  playbook: PlaybookFacts,
  options: InsightsOptions,
): InsightsReport {
  const deals = inPeriod(allDeals, options);
  const won = deals.filter((deal) => deal.outcome === 'won').length;
  const lost = deals.length - won;
  const to = new Date(Date.parse(options.now));
  const period = {
    from: new Date(to.getTime() - options.sinceDays * DAY).toISOString(),
    to: to.toISOString(),
    days: options.sinceDays,
    pipeline: options.pipeline ?? null,
  };
  const engagementData = deals.some((deal) => deal.contacts.some((contact) => contact.lastEngagedAt));
  const base = {
    period,
    deals: { won, lost },
    engagementData,
    minDeals: options.minDeals,
  };
  if (deals.length < options.minClosedDeals) {
    return {
      ...base,
      enoughData: false,
      message: `Not enough data: ${deals.length} closed deal(s) in the period (${won} won, ${lost} lost); win rates need at least ${options.minClosedDeals}. Widen --since or drop --pipeline, or come back when more deals have closed.`,
      intervalLevel: 1 - options.alpha,
      comparisons: 0,
      winRate: { key: 'all', deals: deals.length, won, winRate: null, interval: null },
      findings: [],
      byThreads: [],
      singleVsMulti: {
        a: 'multi-threaded',
        b: 'single-threaded',
        liftInterval: null,
        effect: 'not-enough-data',
      },
      icpFitLift: { a: 'in ICP', b: 'outside ICP', liftInterval: null, effect: 'not-enough-data' },
      bySize: [],
      byIcpFit: [],
      titlePatterns: [],
      neverWon: [],
      neverSeen: [],
      unmatchedFunctions: [],
      freshness: [],
    };
  }

  const views = deals.map((deal) => viewOf(deal, options.engagedWithinDays));
  const enough = (n: number) => n >= options.minDeals;

  // Counts first, so the number of comparisons (and so the interval level) is known before any interval.
  type Count = Omit<Finding, 'winRateWith' | 'winRateWithout' | 'liftInterval' | 'effect'>;
  const counts: Count[] = [];
  const bases: Array<Finding['basis']> = engagementData ? ['present', 'engaged'] : ['present'];
  for (const kind of ['persona', 'role'] as const) {
    const ids = new Set<string>();
    for (const view of views) for (const id of view.present[kind]) ids.add(id);
    if (kind === 'persona') for (const persona of playbook.personas) ids.add(persona.id);
    for (const basis of bases) {
      for (const id of [...ids].sort()) {
        let withDeals = 0;
        let withWon = 0;
        for (const view of views) {
          if (!view[basis][kind].has(id)) continue;
          withDeals++;
          if (view.won) withWon++;
        }
        const withoutDeals = views.length - withDeals;
        const withoutWon = won - withWon;
        counts.push({
          kind,
          id,
          basis,
          withDeals,
          withoutDeals,
          withWon,
          withoutWon,
          enoughData: enough(withDeals) && enough(withoutDeals),
          shareOfWon: won > 0 ? round4(withWon / won) : 0,
          shareOfLost: lost > 0 ? round4((withDeals - withWon) / lost) : 0,
        });
      }
    }
  }

  const threads = views.map((view) => threadsOf(view, engagementData));
  const single = views.filter((_, i) => threads[i]! <= 1);
  const multi = views.filter((_, i) => threads[i]! >= 2);
  const wins = (list: readonly DealView[]) => list.filter((view) => view.won).length;
  const threadingEnough = enough(single.length) && enough(multi.length);
  const inIcp = views.filter((view) => view.deal.icpFit === true);
  const outIcp = views.filter((view) => view.deal.icpFit === false);
  const icpEnough = enough(inIcp.length) && enough(outIcp.length);

  const comparisons =
    counts.filter((count) => count.enoughData).length + (threadingEnough ? 1 : 0) + (icpEnough ? 1 : 0);
  const intervalLevel = 1 - options.alpha / Math.max(1, comparisons);
  const z = zFor(intervalLevel);
  const interval = (pair: [number, number]): [number, number] => [round4(pair[0]), round4(pair[1])];

  const findings: Finding[] = counts.map((count) => {
    const liftInterval = count.enoughData
      ? interval(newcombe(count.withWon, count.withDeals, count.withoutWon, count.withoutDeals, z))
      : null;
    return {
      ...count,
      winRateWith: enough(count.withDeals) ? round4(count.withWon / count.withDeals) : null,
      winRateWithout: enough(count.withoutDeals) ? round4(count.withoutWon / count.withoutDeals) : null,
      liftInterval,
      effect: effectOf(liftInterval),
    };
  });

  const segment = (key: string, list: readonly DealView[]): Segment => {
    const w = wins(list);
    return {
      key,
      deals: list.length,
      won: w,
      winRate: enough(list.length) ? round4(w / list.length) : null,
      interval: enough(list.length) ? interval(wilson(w, list.length, z)) : null,
    };
  };
  const groupBy = (keyOf: (view: DealView, index: number) => string, order: readonly string[]) => {
    const groups = new Map<string, DealView[]>(order.map((key) => [key, []]));
    views.forEach((view, i) => {
      const key = keyOf(view, i);
      const list = groups.get(key);
      if (list) list.push(view);
      else groups.set(key, [view]);
    });
    return [...groups].filter(([, list]) => list.length > 0).map(([key, list]) => segment(key, list));
  };

  const singleLift = threadingEnough
    ? interval(newcombe(wins(multi), multi.length, wins(single), single.length, z))
    : null;
  const icpLift = icpEnough
    ? interval(newcombe(wins(inIcp), inIcp.length, wins(outIcp), outIcp.length, z))
    : null;
  const playbookPersonas = playbook.personas.filter((persona) => persona.kind === 'persona');
  const seen = new Set(views.flatMap((view) => [...view.present.persona]));
  const wonViews = views.filter((view) => view.won);
  const seenWon = new Set(wonViews.flatMap((view) => [...view.present.persona]));

  return {
    ...base,
    enoughData: true,
    message: `${deals.length} closed deals (${won} won, ${lost} lost); intervals at ${(intervalLevel * 100).toFixed(2)} % so that all ${comparisons} comparisons together keep a ${(options.alpha * 100).toFixed(0)} % chance of a false effect.`,
    intervalLevel: round4(intervalLevel),
    comparisons,
    winRate: {
      key: 'all',
      deals: views.length,
      won,
      winRate: round4(won / views.length),
      interval: interval(wilson(won, views.length, z)),
    },
    findings,
    byThreads: groupBy((_, i) => threadKey(threads[i]!), THREAD_KEYS),
    singleVsMulti: {
      a: 'multi-threaded',
      b: 'single-threaded',
      liftInterval: singleLift,
      effect: effectOf(singleLift),
    },
    icpFitLift: { a: 'in ICP', b: 'outside ICP', liftInterval: icpLift, effect: effectOf(icpLift) },
    bySize: groupBy((view) => view.deal.sizeBand, [...playbook.sizeBands, NO_AMOUNT]),
    byIcpFit: groupBy(
      (view) => (view.deal.icpFit === null ? 'no company' : view.deal.icpFit ? 'in ICP' : 'outside ICP'),
      ['in ICP', 'outside ICP', 'no company'],
    ),
    titlePatterns: titlePatterns(wonViews),
    neverWon: [...seen]
      .filter((persona) => !seenWon.has(persona))
      .sort()
      .map((persona) => ({
        persona,
        lostDeals: views.filter((view) => view.present.persona.has(persona)).length,
      })),
    neverSeen: playbookPersonas.map((persona) => persona.id).filter((id) => !seen.has(id)),
    unmatchedFunctions: unmatchedFunctions(views),
    freshness: freshness(views, playbook, options, z),
  };
}

import { dealSettings } from '../deals/schema.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { DealView } from './analyze.ts';
import { newcombe, round4 } from './stats.ts';
import type { Freshness, InsightsOptions, InsightsReport, TitlePattern } from './types.ts';

/** What the analysis needs of the playbook: persona ids, kinds and review dates. */
export interface PlaybookFacts {
  personas: Array<{ id: string; kind: 'persona' | 'negative'; reviewedAt: string | null }>;
  reviewIntervalDays: number;
  /** The deal-size bands (playbook `deals.sizeBands`), smallest first. */
  sizeBands: string[];
}

export function playbookFacts(playbook: Playbook): PlaybookFacts {
  return {
    personas: [
      // Customer personas describe people after a purchase; closed deals are read as at the time of the deal.
      ...playbook.personas
        .filter((p) => p.match.customer !== true)
        .map((p) => ({ id: p.id, kind: 'persona' as const, reviewedAt: p.reviewedAt })),
      ...playbook.negativePersonas.map((p) => ({
        id: p.id,
        kind: 'negative' as const,
        reviewedAt: p.reviewedAt,
      })),
    ],
    reviewIntervalDays: playbook.reviewIntervalDays,
    sizeBands: dealSettings(playbook.deals).sizeBands.map((band) => band.id),
  };
}

const DAY = 86_400_000;

function top(values: readonly string[], limit: number): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

const normalTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/** The most common titles, seniorities and functions behind each persona on won deals. */
export function titlePatterns(wonViews: readonly DealView[]): TitlePattern[] {
  const byPersona = new Map<string, { deals: Set<string>; contacts: DealView['deal']['contacts'] }>();
  for (const view of wonViews) {
    for (const contact of view.deal.contacts) {
      if (contact.persona === 'unknown') continue;
      const entry = byPersona.get(contact.persona) ?? { deals: new Set(), contacts: [] };
      entry.deals.add(view.deal.id);
      entry.contacts.push(contact);
      byPersona.set(contact.persona, entry);
    }
  }
  return [...byPersona]
    .map(([persona, { deals, contacts }]) => ({
      persona,
      wonDeals: deals.size,
      contacts: contacts.length,
      titles: top(
        contacts.map((c) => normalTitle(c.title)).filter((t) => t !== ''),
        5,
      ),
      seniorities: top(
        contacts.map((c) => c.seniority),
        3,
      ),
      functions: top(
        contacts.map((c) => c.function),
        3,
      ),
      roles: top(
        contacts.flatMap((c) => c.roles),
        3,
      ),
    }))
    .sort((a, b) => b.wonDeals - a.wonDeals || a.persona.localeCompare(b.persona));
}

/**
 * Functions of contacts that match no persona yet appear on many won deals (at least 3, and at least 15 % of
 * won deals): candidates for a new persona.
 */
export function unmatchedFunctions(views: readonly DealView[]): InsightsReport['unmatchedFunctions'] {
  const won = views.filter((view) => view.won).length;
  const byFunction = new Map<string, { won: Set<string>; lost: Set<string>; titles: string[] }>();
  for (const view of views) {
    for (const contact of view.deal.contacts) {
      if (contact.personaKind !== 'unknown' || contact.function === 'unknown') continue;
      const entry = byFunction.get(contact.function) ?? { won: new Set(), lost: new Set(), titles: [] };
      (view.won ? entry.won : entry.lost).add(view.deal.id);
      if (view.won && contact.title) entry.titles.push(normalTitle(contact.title));
      byFunction.set(contact.function, entry);
    }
  }
  return [...byFunction]
    .filter(([, entry]) => entry.won.size >= 3 && won > 0 && entry.won.size / won >= 0.15)
    .map(([fn, entry]) => ({
      function: fn,
      wonDeals: entry.won.size,
      lostDeals: entry.lost.size,
      shareOfWon: round4(entry.won.size / won),
      titles: top(entry.titles, 3).map((t) => t.key),
    }))
    .sort((a, b) => b.wonDeals - a.wonDeals || a.function.localeCompare(b.function));
}

/**
 * Per active persona: its last review, and whether its share of won deals moved since then by more than
 * the interval (won deals closed before vs since the review date).
 */
export function freshness(
  views: readonly DealView[],
  playbook: PlaybookFacts,
  options: InsightsOptions,
  z: number,
): Freshness[] {
  const now = Date.parse(options.now);
  const wonViews = views.filter((view) => view.won);
  return playbook.personas
    .filter((persona) => persona.kind === 'persona')
    .map((persona) => {
      const reviewed = persona.reviewedAt ? Date.parse(persona.reviewedAt) : Number.NaN;
      const known = Number.isFinite(reviewed);
      const daysSinceReview = known ? Math.floor((now - reviewed) / DAY) : null;
      const overdue = daysSinceReview === null || daysSinceReview > playbook.reviewIntervalDays;
      const side = (list: readonly DealView[]) => {
        const withPersona = list.filter((view) => view.present.persona.has(persona.id)).length;
        return {
          won: list.length,
          withPersona,
          share: list.length >= options.minDeals ? round4(withPersona / list.length) : null,
        };
      };
      const before = side(known ? wonViews.filter((v) => Date.parse(v.deal.closeDate) < reviewed) : []);
      const since = side(known ? wonViews.filter((v) => Date.parse(v.deal.closeDate) >= reviewed) : wonViews);
      const comparable = known && before.share !== null && since.share !== null;
      const raw = comparable
        ? newcombe(since.withPersona, since.won, before.withPersona, before.won, z)
        : null;
      const shiftInterval: [number, number] | null = raw ? [round4(raw[0]), round4(raw[1])] : null;
      const changed = shiftInterval !== null && (shiftInterval[0] > 0 || shiftInterval[1] < 0);
      const pct = (value: number | null) => (value === null ? '?' : `${Math.round(value * 100)} %`);
      const review = known
        ? `last reviewed ${persona.reviewedAt} (${daysSinceReview} days ago${overdue ? `, past the ${playbook.reviewIntervalDays}-day review interval` : ''})`
        : 'never reviewed';
      const note = !comparable
        ? `${review}; not enough won deals on both sides of the review date to tell what changed`
        : changed
          ? `${review}; its share of won deals moved from ${pct(before.share)} to ${pct(since.share)}: review it`
          : `${review}; its share of won deals held (${pct(before.share)} before, ${pct(since.share)} since)`;
      return {
        persona: persona.id,
        reviewedAt: persona.reviewedAt,
        daysSinceReview,
        overdue,
        before,
        since,
        shiftInterval,
        changed,
        note,
      };
    });
}

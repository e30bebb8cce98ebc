import { allPersonas } from './check-references.ts';
import type { AnyPersona, Playbook } from './schema.ts';

/** Review dates: how old a persona's last review is, and which personas are past the playbook's interval. */

const DAY_MS = 86_400_000;

const dayOf = (today: Date | string): number =>
  typeof today === 'string' ? Date.parse(`${today.slice(0, 10)}T00:00:00Z`) : today.getTime();

/** Whole days since an ISO date (never negative); null when either date is unreadable. */
export function daysSince(isoDate: string, today: Date | string): number | null {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const now = dayOf(today);
  return Number.isFinite(then) && Number.isFinite(now)
    ? Math.max(0, Math.floor((now - then) / DAY_MS))
    : null;
}

/** "today", "12 days ago", "7 months ago", "2 years ago": the age the way a person says it. */
export function ageWords(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 45) return `${days} days ago`;
  const months = Math.round(days / 30.44);
  if (months < 12) return `${months} months ago`;
  const years = Math.floor(days / 365.25);
  const rest = Math.round((days - years * 365.25) / 30.44);
  const unit = years === 1 ? 'year' : 'years';
  return rest >= 6 && years < 3 ? `${years} ${unit} and ${rest} months ago` : `${years} ${unit} ago`;
}

export interface ReviewStatus {
  /** null when the date cannot be read. */
  days: number | null;
  /** Past the playbook's review interval. */
  stale: boolean;
  /** The quiet line for the card: "last reviewed 7 months ago". */
  line: string;
}

export function reviewStatus(
  persona: Pick<AnyPersona, 'reviewedAt'>,
  playbook: Pick<Playbook, 'reviewIntervalDays'>,
  today: Date | string,
): ReviewStatus {
  const days = daysSince(persona.reviewedAt, today);
  if (days === null) return { days, stale: false, line: `last reviewed ${persona.reviewedAt}` };
  return { days, stale: days > playbook.reviewIntervalDays, line: `last reviewed ${ageWords(days)}` };
}

export interface StalePersona {
  id: string;
  name: string;
  owner: string | null;
  reviewedAt: string;
  days: number;
  negative: boolean;
}

/** The personas past the playbook's review interval, oldest first. */
export function stalePersonas(playbook: Playbook, today: Date | string): StalePersona[] {
  return allPersonas(playbook)
    .flatMap(({ persona, kind }) => {
      const status = reviewStatus(persona, playbook, today);
      if (!status.stale || status.days === null) return [];
      return [
        {
          id: persona.id,
          name: persona.name,
          owner: persona.owner ?? null,
          reviewedAt: persona.reviewedAt,
          days: status.days,
          negative: kind === 'negative',
        },
      ];
    })
    .sort((a, b) => b.days - a.days);
}

import { Alert, Text } from '@hubspot/ui-extensions';
import type { Persona, Playbook } from '@rolecall/core';

export interface ProvenanceProps {
  persona: Persona;
  playbook: Playbook;
  today: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since an ISO date, or null when the date cannot be read. */
export function daysSince(isoDate: string, today: Date): number | null {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(then) ? Math.max(0, Math.floor((today.getTime() - then) / DAY_MS)) : null;
}

/** Playbook version, owner and review age; warns when the persona is past the playbook's review interval. */
export function Provenance({ persona, playbook, today }: ProvenanceProps) {
  const age = daysSince(persona.lastReviewed, today);
  const owner = persona.owner ? `owner ${persona.owner} · ` : '';
  const ageText = age === null ? '' : ` (${age} ${age === 1 ? 'day' : 'days'} ago)`;
  return (
    <>
      <Text variant="microcopy" testId="provenance">
        {`Playbook ${playbook.version} · ${owner}reviewed ${persona.lastReviewed}${ageText}`}
      </Text>
      {age !== null && age > playbook.reviewIntervalDays ? (
        <Alert testId="stale-persona" variant="warning" title="This persona may be out of date">
          <Text>{`It was last reviewed ${age} days ago; the playbook asks for a review every ${playbook.reviewIntervalDays} days. Ask ${persona.owner ?? 'its owner'} to review it against recent won and lost deals.`}</Text>
        </Alert>
      ) : null}
    </>
  );
}

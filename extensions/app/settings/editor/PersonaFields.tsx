import { Accordion, Flex, Text } from '@hubspot/ui-extensions';
import { reviewStatus } from '@rolecall/core';
import { Fields, ObjectErrors } from './Field.tsx';
import {
  ALSO_MATCH,
  EVALUATION_FIELDS,
  NEGATIVE_CONTENT,
  PERSONA_CONTENT,
  PERSONA_HEAD,
} from './personaSpecs.ts';
import { PERSONA_MATCH_FIELDS } from './specs.ts';
import { TalkingPoints } from './TalkingPoints.tsx';
import type { Draft, Path } from './useDraft.ts';

export interface PersonaFieldsProps {
  draft: Draft;
  /** `['personas', 2]` or `['negativePersonas', 0]`. */
  base: Path;
  negative: boolean;
  today: string;
}

/** Every field of one persona: who it is, who it matches, what reps say, and its review date. */
export function PersonaFields({ draft, base, negative, today }: PersonaFieldsProps) {
  const reviewedAt = draft.get([...base, 'reviewedAt']);
  const interval = Number(draft.get(['reviewIntervalDays']) ?? 180);
  const review =
    typeof reviewedAt === 'string'
      ? reviewStatus({ reviewedAt }, { reviewIntervalDays: interval }, today)
      : null;
  return (
    <Flex direction="column" gap="sm">
      <ObjectErrors draft={draft} path={base} />
      <ObjectErrors draft={draft} path={[...base, 'match']} />
      <Fields draft={draft} specs={PERSONA_HEAD} base={base} />
      {review ? (
        <Text testId="persona-review" variant="microcopy">
          {review.stale
            ? `Stale: ${review.line}, past the ${interval}-day review interval. Review it, then set today's date.`
            : `${review.line.replace(/^./, (c) => c.toUpperCase())}.`}
        </Text>
      ) : null}
      <Accordion title="Who it matches" size="sm" testId="persona-match">
        <Flex direction="column" gap="sm">
          <Fields draft={draft} specs={PERSONA_MATCH_FIELDS} base={[...base, 'match']} />
          <Fields draft={draft} specs={[ALSO_MATCH]} base={base} />
        </Flex>
      </Accordion>
      <Accordion title={negative ? 'Disqualifying and handling' : 'What reps say'} size="sm" defaultOpen>
        <Flex direction="column" gap="sm">
          {negative ? <Fields draft={draft} specs={NEGATIVE_CONTENT} base={base} /> : null}
          <TalkingPoints draft={draft} base={base} />
          {negative ? null : <Fields draft={draft} specs={PERSONA_CONTENT} base={base} />}
        </Flex>
      </Accordion>
      {negative ? null : (
        <Accordion title="How they evaluate and buy" size="sm">
          <Fields draft={draft} specs={EVALUATION_FIELDS} base={[...base, 'evaluation']} />
        </Accordion>
      )}
    </Flex>
  );
}

import { Flex, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { PersonaFields } from './PersonaFields.tsx';
import { freshId, Picker } from './Picker.tsx';
import { blankPersona } from './personaSpecs.ts';
import type { Draft } from './useDraft.ts';

export interface PersonaSectionProps {
  draft: Draft;
  negative: boolean;
  today: string;
}

/** Buyer, user and customer personas (or negative personas): pick one, edit it, add or remove one. */
export function PersonaSection({ draft, negative, today }: PersonaSectionProps) {
  const list = negative ? 'negativePersonas' : 'personas';
  const [index, setIndex] = useState(0);
  const items = (draft.get([list]) as Record<string, unknown>[] | undefined) ?? [];
  const shown = Math.min(index, Math.max(0, items.length - 1));
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        {negative
          ? 'People not worth selling to: reps see how to recognise and handle them.'
          : 'Buyer, user and customer personas (a persona that matches customers only is a customer persona).'}
      </Text>
      <Picker
        draft={draft}
        path={[list]}
        name={list}
        noun={negative ? 'negative persona' : 'persona'}
        index={shown}
        onPick={setIndex}
        labelOf={(item, i) =>
          `${String(item.name || item.id || `#${i + 1}`)}${(item.match as { customer?: boolean } | undefined)?.customer ? ' (customer)' : ''}`
        }
        blank={(all) =>
          blankPersona(freshId(all, negative ? 'new_negative_persona' : 'new_persona'), negative)
        }
      />
      {items.length > 0 ? (
        <PersonaFields
          key={`${list}-${shown}`}
          draft={draft}
          base={[list, shown]}
          negative={negative}
          today={today}
        />
      ) : (
        <Text testId={`no-${list}`}>None yet.</Text>
      )}
    </Flex>
  );
}

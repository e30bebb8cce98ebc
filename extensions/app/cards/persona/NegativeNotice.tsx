import { Alert, Text } from '@hubspot/ui-extensions';
import type { NegativePersona } from '@rolecall/core';

export interface NegativeNoticeProps {
  persona: NegativePersona;
}

/** Says plainly that this contact is not a buyer, and what to do with them instead. */
export function NegativeNotice({ persona }: NegativeNoticeProps) {
  return (
    <Alert testId="negative" variant="warning" title={`Not a buyer: ${persona.name}`}>
      <Text>{persona.handling}</Text>
      {persona.disqualifiers.slice(0, 2).map((d) => (
        <Text key={d} variant="microcopy">
          {d}
        </Text>
      ))}
    </Alert>
  );
}

import { Accordion, Flex, List, Text } from '@hubspot/ui-extensions';
import type { CardGuidance, CardNotice } from '@rolecall/core';
import { Notices } from './Notices.tsx';

export interface DetailSectionProps {
  guidance: CardGuidance;
  /** The persona's review warning, shown under the provenance line. */
  stale: readonly CardNotice[];
}

/** The detail layer, one click away: what to say to this persona in this role, and how to handle them. */
export function DetailSection({ guidance: g, stale }: DetailSectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Accordion title={g.talkingPointsTitle} defaultOpen size="sm">
        {g.talkingPoints.length > 0 ? (
          <List testId="talking-points">
            {g.talkingPoints.map((point) => (
              <Text key={point}>{point}</Text>
            ))}
          </List>
        ) : (
          <Text testId="talking-points-none">{g.talkingPointsNone}</Text>
        )}
      </Accordion>
      <Accordion title="Top objections" size="sm">
        <Flex direction="column" gap="xs" testId="objections">
          {g.objections.map((o) => (
            <Text key={o.objection}>
              <Text inline format={{ fontWeight: 'bold' }}>{`“${o.objection}” `}</Text>
              {o.proof ? `${o.response} Proof: ${o.proof}` : o.response}
            </Text>
          ))}
        </Flex>
      </Accordion>
      <Accordion title="Discovery questions" size="sm">
        <List testId="questions">
          {g.questions.map((q) => (
            <Text key={q}>{q}</Text>
          ))}
        </List>
      </Accordion>
      {g.goals.length + g.successMetrics.length + g.painPoints.length > 0 || g.templateNote ? (
        <Accordion title="Goals and pain points" size="sm">
          <Flex direction="column" gap="xs" testId="goals-pains">
            {g.goals.map((goal) => (
              <Text key={goal}>{`Goal: ${goal}`}</Text>
            ))}
            {g.successMetrics.map((metric) => (
              <Text key={metric}>{`Measured on: ${metric}`}</Text>
            ))}
            {g.painPoints.map((pain) => (
              <Text key={pain}>{pain}</Text>
            ))}
            {g.templateNote ? (
              <Text testId="template-note" variant="microcopy">
                {g.templateNote}
              </Text>
            ) : null}
          </Flex>
        </Accordion>
      ) : null}
      {g.evaluation.length + g.triggerEvents.length > 0 ? (
        <Accordion title="How they buy" size="sm">
          <Flex direction="column" gap="xs" testId="how-they-buy">
            {g.evaluation.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
            {g.triggerEvents.map((event) => (
              <Text key={event}>{`Trigger: ${event}`}</Text>
            ))}
          </Flex>
        </Accordion>
      ) : null}
      {g.channels ? (
        <Accordion title="Channels and formats" size="sm">
          <Text testId="channels">{g.channels}</Text>
        </Accordion>
      ) : null}
      {g.from === 'persona' || g.bringIn.length > 0 ? (
        <Accordion title="Who else to bring in" size="sm">
          <Flex direction="column" gap="xs" testId="bring-in">
            {g.bringIn.length > 0 ? (
              g.bringIn.map((line) => <Text key={line}>{line}</Text>)
            ) : (
              <Text>The playbook names no one else to bring in for this persona.</Text>
            )}
          </Flex>
        </Accordion>
      ) : null}
      <Text variant="microcopy" testId="provenance">
        {g.provenance}
      </Text>
      <Notices notices={stale} />
    </Flex>
  );
}

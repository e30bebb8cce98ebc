import { Accordion, Flex, List, Text } from '@hubspot/ui-extensions';
import { type Persona, type Playbook, talkingPointsFor } from '@rolecall/core';
import { personaName, roleLabel } from '../shared/labels.ts';
import { Provenance } from './Provenance.tsx';

export interface DetailSectionProps {
  persona: Persona;
  roleId: string;
  playbook: Playbook;
  /** For the review age; the caller owns the clock. */
  today: Date;
}

/** The detail layer, one click away: what to say to this persona in this role, and how to handle them. */
export function DetailSection({ persona, roleId, playbook, today }: DetailSectionProps) {
  const role = roleLabel(playbook, roleId);
  const points = talkingPointsFor(persona, roleId);
  return (
    <Flex direction="column" gap="xs">
      <Accordion title={`Talking points: ${persona.name} as ${role.toLowerCase()}`} defaultOpen size="sm">
        {points.length > 0 ? (
          <List testId="talking-points">
            {points.map((point) => (
              <Text key={point}>{point}</Text>
            ))}
          </List>
        ) : (
          <Text testId="talking-points-none">
            {`The playbook has no talking points for ${persona.name} as ${role.toLowerCase()} yet; use the objections and questions below.`}
          </Text>
        )}
      </Accordion>
      <Accordion title="Top objections" size="sm">
        <Flex direction="column" gap="xs" testId="objections">
          {persona.objections.slice(0, 3).map((o) => (
            <Text key={o.objection}>
              <Text inline format={{ fontWeight: 'bold' }}>{`“${o.objection}” `}</Text>
              {o.proof ? `${o.response} Proof: ${o.proof}` : o.response}
            </Text>
          ))}
        </Flex>
      </Accordion>
      <Accordion title="Discovery questions" size="sm">
        <List testId="questions">
          {persona.discoveryQuestions.map((q) => (
            <Text key={q}>{q}</Text>
          ))}
        </List>
      </Accordion>
      <Accordion title="Goals and pain points" size="sm">
        <Flex direction="column" gap="xs" testId="goals-pains">
          {persona.goals.map((goal) => (
            <Text key={goal}>{`Goal: ${goal}`}</Text>
          ))}
          {persona.painPoints.map((pain) => (
            <Text
              key={pain.quote}
            >{`“${pain.quote}” (${pain.source}${pain.date ? `, ${pain.date}` : ''})`}</Text>
          ))}
        </Flex>
      </Accordion>
      <Accordion title="Channels and formats" size="sm">
        <Text testId="channels">{`Where they look: ${persona.channels.join(', ')}. What they read: ${persona.formats.join(', ')}.`}</Text>
      </Accordion>
      <Accordion title="Who else to bring in" size="sm">
        <Flex direction="column" gap="xs" testId="bring-in">
          {persona.bringIn.length > 0 ? (
            persona.bringIn.map((b) => (
              <Text key={b.role}>
                {`${roleLabel(playbook, b.role)}${b.personas.length > 0 ? ` (${b.personas.map((id) => personaName(playbook, id)).join(', ')})` : ''}: ${b.why}`}
              </Text>
            ))
          ) : (
            <Text>The playbook names no one else to bring in for this persona.</Text>
          )}
        </Flex>
      </Accordion>
      <Provenance persona={persona} playbook={playbook} today={today} />
    </Flex>
  );
}

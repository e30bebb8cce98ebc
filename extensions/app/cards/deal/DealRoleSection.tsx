import { Accordion, Button, Flex, Heading, List, StatusTag, Text } from '@hubspot/ui-extensions';
import type { DealCardModel, DealCardRole } from '@rolecall/core';
import { PersonLine } from './PersonLine.tsx';

const STATUS = {
  engaged: { variant: 'success', text: 'engaged' },
  filled: { variant: 'warning', text: 'no recent activity' },
  missing: { variant: 'danger', text: 'missing' },
} as const;

export interface DealRoleSectionProps {
  role: DealCardRole;
  model: DealCardModel;
  busy: boolean;
  onAdd: (request: { contactId: string; role: string }) => void;
}

/** One required role on the deal: who holds it, or who could, with one click to add them; what to say. */
export function DealRoleSection({ role, model, busy, onAdd }: DealRoleSectionProps) {
  const holders = model.people.filter((p) => role.holders.includes(p.id));
  const status = STATUS[role.status];
  return (
    <Flex direction="column" gap="xs" testId={`role-${role.role}`}>
      <Flex direction="row" gap="sm" align="center">
        <Heading>{role.label}</Heading>
        <StatusTag testId={`status-${role.role}`} variant={status.variant}>
          {status.text}
        </StatusTag>
      </Flex>
      {holders.map((person) => (
        <PersonLine key={person.id} person={person} />
      ))}
      {role.status === 'missing' && role.candidates.length === 0 ? (
        <Text testId={`no-candidates-${role.role}`} variant="microcopy">
          {`Nobody at the deal's companies reads as ${role.label.toLowerCase()} yet; look beyond the CRM.`}
        </Text>
      ) : null}
      {role.candidates.map((c) => (
        <Flex
          key={c.id}
          direction="row"
          gap="sm"
          align="center"
          wrap="wrap"
          testId={`candidate-${role.role}-${c.id}`}
        >
          <Button
            testId={`add-${role.role}-${c.id}`}
            size="xs"
            variant="secondary"
            disabled={busy || !role.canLabel}
            onClick={() => onAdd({ contactId: c.id, role: role.role })}
          >
            {`Add ${c.name} to deal as ${role.label.toLowerCase()}`}
          </Button>
          <Text variant="microcopy">{c.why}</Text>
        </Flex>
      ))}
      {role.talkingPoints.length > 0 ? (
        <Accordion
          testId={`points-${role.role}`}
          title={`What to say to the ${role.label.toLowerCase()}`}
          size="xs"
          defaultOpen={role.status === 'missing'}
        >
          <List>
            {role.talkingPoints.map((point) => (
              <Text key={point}>{point}</Text>
            ))}
          </List>
        </Accordion>
      ) : null}
    </Flex>
  );
}

import { Divider, EmptyState, Flex, Heading, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { DealFailure } from './DealFailure.tsx';
import { DealRoleSection } from './DealRoleSection.tsx';
import { DealSummary } from './DealSummary.tsx';
import { PersonLine } from './PersonLine.tsx';
import { useDealCard } from './useDealCard.ts';

/** The deal card (record tab): the deal's buying group, what is missing, whom to bring in, what to say. */
export function DealCardView() {
  const { remote, add } = useDealCard();
  const state = remote.state;
  if (state.status === 'error') return <DealFailure error={state.error} onRetry={remote.retry} />;
  if (state.status !== 'success') {
    return <LoadingSpinner testId="loading" label="Reading this deal's buying group…" />;
  }
  const model = state.value;
  const required = new Set(model.roles.flatMap((r) => r.holders));
  const others = model.people.filter((p) => !required.has(p.id));
  return (
    <Flex direction="column" gap="sm">
      <DealSummary model={model} />
      {model.kind === 'empty' ? (
        <EmptyState
          testId="empty"
          title="No contacts on this deal yet"
          imageName="contacts"
          flush
          layout="horizontal"
        >
          <Text>
            Associate the people you talk to with this deal; the roles below say whom to bring in first.
          </Text>
        </EmptyState>
      ) : null}
      {add.state.status === 'done' ? <Text testId="add-done">{add.state.message}</Text> : null}
      {add.state.status === 'error' ? (
        <ErrorNotice
          testId="add-error"
          title="Could not add the contact to the deal"
          error={add.state.error}
        />
      ) : null}
      {model.roles.map((role) => (
        <DealRoleSection
          key={role.role}
          role={role}
          model={model}
          busy={add.state.status === 'running'}
          onAdd={(request) => void add.start(request)}
        />
      ))}
      {others.length > 0 ? (
        <Flex direction="column" gap="xs" testId="others">
          <Divider />
          <Heading>Also on this deal</Heading>
          {others.map((person) => (
            <PersonLine key={person.id} person={person} showRole />
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

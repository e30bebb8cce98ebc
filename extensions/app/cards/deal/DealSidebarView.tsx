import { Button, Flex, LoadingSpinner, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { DealFailure } from './DealFailure.tsx';
import { useDealCard } from './useDealCard.ts';

/** The deal card's glance layer for the right sidebar: completeness, warnings, and the first person to add per missing role. */
export function DealSidebarView() {
  const { remote, add } = useDealCard();
  const state = remote.state;
  if (state.status === 'error') return <DealFailure error={state.error} onRetry={remote.retry} />;
  if (state.status !== 'success')
    return <LoadingSpinner testId="loading" label="Reading the buying group…" />;
  const model = state.value;
  const name = (id: string) => model.people.find((p) => p.id === id)?.name ?? id;
  return (
    <Flex direction="column" gap="xs">
      <ProgressBar
        testId="completeness"
        title="Buying group"
        value={model.completeness}
        maxValue={100}
        valueDescription={model.headline}
      />
      {model.kind === 'empty' ? <Text testId="empty">No contacts on this deal yet.</Text> : null}
      {model.singleThreaded ? (
        <StatusTag testId="single-threaded" variant="warning">
          Single-threaded
        </StatusTag>
      ) : null}
      {!model.configured ? (
        <Text testId="unconfigured" variant="microcopy">
          Deal labels are not set up: run "rolecall setup".
        </Text>
      ) : null}
      {model.roles.map((role) => {
        const first = role.candidates[0];
        const who = role.holders.map(name).join(', ');
        return (
          <Flex key={role.role} direction="column" gap="xs" testId={`role-${role.role}`}>
            <Text>{role.status === 'missing' ? `${role.label}: missing` : `${role.label}: ${who}`}</Text>
            {first ? (
              <Button
                testId={`add-${role.role}-${first.id}`}
                size="xs"
                variant="secondary"
                disabled={add.state.status === 'running' || !role.canLabel}
                onClick={() => void add.start({ contactId: first.id, role: role.role })}
              >
                {`Add ${first.name}`}
              </Button>
            ) : null}
          </Flex>
        );
      })}
      {add.state.status === 'done' ? <Text testId="add-done">{add.state.message}</Text> : null}
      {add.state.status === 'error' ? (
        <ErrorNotice testId="add-error" title="Could not add the contact" error={add.state.error} />
      ) : null}
    </Flex>
  );
}

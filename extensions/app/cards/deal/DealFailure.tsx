import { Alert, Button, Flex, Text } from '@hubspot/ui-extensions';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { errorMessages } from '../shared/errors.ts';
import { failureCode } from '../shared/functionAnswer.ts';

export interface DealFailureProps {
  error: unknown;
  onRetry: () => void;
}

/** Why the deal's buying group could not be read: a disconnected app says how to reconnect. */
export function DealFailure({ error, onRetry }: DealFailureProps) {
  if (failureCode(error) !== 'disconnected') {
    return <ErrorNotice title="Could not read this deal's buying group" error={error} onRetry={onRetry} />;
  }
  return (
    <Alert testId="disconnected" variant="warning" title="Rolecall is not connected to this HubSpot account">
      <Flex direction="column" gap="xs">
        {errorMessages(error).map((message) => (
          <Text key={message}>{message}</Text>
        ))}
        <Text>
          An admin reinstalls the app (Settings → Connected apps → Rolecall); then reload this deal.
        </Text>
        <Button testId="disconnected-retry" variant="secondary" onClick={() => onRetry()}>
          Try again
        </Button>
      </Flex>
    </Alert>
  );
}

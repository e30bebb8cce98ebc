import { Alert, Button, Flex, Text } from '@hubspot/ui-extensions';
import { errorMessages } from './errors.ts';

export interface ErrorNoticeProps {
  title: string;
  error: unknown;
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void;
  testId?: string;
}

/** One error, reduced to readable sentences, with an optional retry. */
export function ErrorNotice({ title, error, onRetry, testId = 'error' }: ErrorNoticeProps) {
  return (
    <Alert title={title} variant="error" testId={testId}>
      <Flex direction="column" gap="xs">
        {errorMessages(error).map((message) => (
          <Text key={message}>{message}</Text>
        ))}
        {onRetry ? (
          <Button testId={`${testId}-retry`} variant="secondary" onClick={() => onRetry()}>
            Try again
          </Button>
        ) : null}
      </Flex>
    </Alert>
  );
}

import { Alert, Text } from '@hubspot/ui-extensions';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import type { ActionState } from '../shared/useGuardedAction.ts';

export interface SaveFeedbackProps {
  state: ActionState;
  onRetry: () => void;
}

/** What happened to the last save: nothing, done, or failed with a retry. */
export function SaveFeedback({ state, onRetry }: SaveFeedbackProps) {
  if (state.status === 'done') {
    return (
      <Alert testId="save-done" variant="success" title="Saved">
        <Text>{state.message}</Text>
      </Alert>
    );
  }
  if (state.status === 'error') {
    return <ErrorNotice testId="save-error" title="Could not save" error={state.error} onRetry={onRetry} />;
  }
  return null;
}

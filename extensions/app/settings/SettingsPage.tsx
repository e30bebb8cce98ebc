import { Alert, Divider, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { loadPlaybookData, type Playbook } from '@rolecall/core';
import { useCallback, useEffect, useState } from 'react';
import { PlaybookEditor } from './PlaybookEditor.tsx';
import { PlaybookOverview } from './PlaybookOverview.tsx';
import { type CurrentPlaybookReply, fetchCurrentPlaybook } from './playbookClient.ts';

type State =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; current: CurrentPlaybookReply; playbook: Playbook };

/** The settings page: the portal's current playbook (review state, example notice), its editor and versions. */
export function SettingsPage({ now = () => new Date() }: { now?: () => Date }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(() => {
    fetchCurrentPlaybook().then(
      (current) => {
        const loaded = loadPlaybookData(current.playbook, 'portal playbook');
        setState(loaded.value ? { status: 'ready', current, playbook: loaded.value } : { status: 'error' });
      },
      () => setState({ status: 'error' }),
    );
  }, []);
  useEffect(load, [load]);
  if (state.status === 'loading') return <LoadingSpinner testId="loading" label="Reading the playbook…" />;
  if (state.status === 'error') {
    return (
      <Flex direction="column" gap="md">
        <Alert testId="backend-error" variant="warning" title="The rolecall backend did not answer">
          <Text>Editing needs the rolecall backend; below is the playbook built into the app.</Text>
        </Alert>
        <PlaybookOverview now={now} />
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <PlaybookOverview playbook={state.playbook} now={now} editable />
      <Divider />
      <PlaybookEditor current={state.current} onChanged={load} now={now} />
    </Flex>
  );
}

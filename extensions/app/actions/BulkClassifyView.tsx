import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  Flex,
  ProgressBar,
  Select,
  Text,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import { type BulkMode, type BulkSummary, classifyInBatches } from './bulkClient.ts';

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'finished'; summary: BulkSummary; total: number };

const MODES: { label: string; value: BulkMode }[] = [
  { label: 'Only fill empty rolecall fields', value: 'fill_empty' },
  { label: "Update rolecall's earlier values", value: 'overwrite' },
];

/** The bulk action panel: choose how to save, run in batches with progress, then show what happened. */
export function BulkClassifyView() {
  const context = useExtensionContext<'crm.bulkActions'>();
  const actions = useExtensionActions<'crm.bulkActions'>();
  const ids = context.crm?.objectIds ?? [];
  const [mode, setMode] = useState<BulkMode>('fill_empty');
  const [state, setState] = useState<RunState>({ kind: 'idle' });

  if (ids.length === 0) {
    return (
      <Text testId="empty">Select one or more contacts on the index page, then run this action again.</Text>
    );
  }

  const start = async () => {
    setState({ kind: 'running', done: 0, total: ids.length });
    const summary = await classifyInBatches(ids, mode, (p) => setState({ kind: 'running', ...p }));
    setState({ kind: 'finished', summary, total: ids.length });
    actions.addAlert({
      type: summary.failed > 0 ? 'warning' : 'success',
      message: `Rolecall classified ${ids.length - summary.failed} of ${ids.length} contacts.`,
    });
  };

  if (state.kind === 'running') {
    return (
      <ProgressBar
        testId="progress"
        title={`Classifying ${state.total} contacts`}
        value={state.done}
        maxValue={state.total}
        showPercentage
      />
    );
  }

  if (state.kind === 'finished') {
    const s = state.summary;
    return (
      <Flex direction="column" gap="sm">
        {s.failed > 0 ? (
          <Alert testId="failures" title="Some contacts were not saved" variant="warning">
            {s.failed} contacts could not be saved. Run the action again on them; nothing else changes.
          </Alert>
        ) : null}
        <DescriptionList testId="summary" direction="row">
          <DescriptionListItem testId="saved" label="Saved">
            {String(s.written)}
          </DescriptionListItem>
          <DescriptionListItem testId="unchanged" label="Already up to date">
            {String(s.unchanged)}
          </DescriptionListItem>
          <DescriptionListItem testId="kept" label="Kept (set by a person)">
            {String(s.skipped)}
          </DescriptionListItem>
          <DescriptionListItem testId="not-found" label="Not found">
            {String(s.not_found)}
          </DescriptionListItem>
          <DescriptionListItem testId="failed" label="Failed">
            {String(s.failed)}
          </DescriptionListItem>
        </DescriptionList>
        <Button testId="close" onClick={() => actions.reloadPage()}>
          Done
        </Button>
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="sm">
      <Text testId="intro">
        Classify {ids.length} selected contacts into persona and buying role. Values a person set by hand are
        never changed.
      </Text>
      <Select
        testId="mode"
        name="mode"
        label="Saving"
        options={MODES}
        value={mode}
        onChange={(value) => setMode(value === 'overwrite' ? 'overwrite' : 'fill_empty')}
      />
      <Button testId="start" variant="primary" onClick={() => void start()}>
        Classify and save
      </Button>
    </Flex>
  );
}

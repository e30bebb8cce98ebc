import { Button, Flex, LoadingButton } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import type { PersonaCardModel } from './personaModel.ts';

export interface ActionBarProps {
  model: PersonaCardModel;
  contactId: number;
  busy: boolean;
  onSave: () => void;
  onReclassify: () => void;
}

/** Save the suggestion, re-classify, enroll in a workflow. */
export function ActionBar({ model, contactId, busy, onSave, onReclassify }: ActionBarProps) {
  const canSave = model.kind !== 'empty' && (model.status === 'suggested' || model.status === 'outdated');
  return (
    <Flex direction="row" gap="sm" wrap="wrap">
      {canSave ? (
        <LoadingButton
          testId="save"
          variant="primary"
          loading={busy}
          disabled={busy}
          onClick={() => onSave()}
        >
          {model.status === 'outdated' ? 'Save the new suggestion' : 'Save suggestion'}
        </LoadingButton>
      ) : null}
      <Button testId="reclassify" variant="secondary" disabled={busy} onClick={() => onReclassify()}>
        Re-classify
      </Button>
      <CrmActionButton
        testId="enroll"
        actionType="OPEN_WORKFLOW_ENROLLMENT_MODAL"
        actionContext={{ objectTypeId: '0-1', objectId: contactId }}
        variant="secondary"
      >
        Enroll in a workflow
      </CrmActionButton>
    </Flex>
  );
}

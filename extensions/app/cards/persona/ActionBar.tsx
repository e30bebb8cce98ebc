import { Button, Flex, LoadingButton } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import type { PersonaCardModel } from '@rolecall/core';

export interface ActionBarProps {
  model: PersonaCardModel;
  contactId: number;
  busy: boolean;
  onSave: () => void;
  onReclassify: () => void;
  /** Leave out the primary action (the view shows it elsewhere). */
  secondaryOnly?: boolean;
}

/** Save the suggestion (only when it names a persona), re-classify, enroll in a workflow. */
export function ActionBar({ model, contactId, busy, onSave, onReclassify, secondaryOnly }: ActionBarProps) {
  const action = model.primaryAction;
  const canSave = !secondaryOnly && (action?.kind === 'save' || action?.kind === 'save-new');
  return (
    <Flex direction="row" gap="sm" wrap="wrap">
      {canSave && action ? <SaveButton label={action.label} busy={busy} onSave={onSave} /> : null}
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

export function SaveButton({ label, busy, onSave }: { label: string; busy: boolean; onSave: () => void }) {
  return (
    <LoadingButton testId="save" variant="primary" loading={busy} disabled={busy} onClick={() => onSave()}>
      {label}
    </LoadingButton>
  );
}

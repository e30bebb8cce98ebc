import { Accordion, Alert, Divider, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { defaultPlaybook, type Playbook } from '@rolecall/core';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { humanize, personaName, roleLabel } from '../shared/labels.ts';
import { ActionBar } from './ActionBar.tsx';
import { CompanyGaps } from './CompanyGaps.tsx';
import { DetailSection } from './DetailSection.tsx';
import { GlanceSection } from './GlanceSection.tsx';
import { MissingInput } from './MissingInput.tsx';
import { NegativeNotice } from './NegativeNotice.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { UnconfirmedNotice } from './UnconfirmedNotice.tsx';
import { usePersonaCard } from './usePersonaCard.ts';

export interface PersonaCardViewProps {
  /** The shipped playbook unless a configured one is given. */
  playbook?: Playbook;
  /** The clock, for the persona's review age. */
  now?: () => Date;
}

/** The persona card on the contact record: glance layer, actions, then the detail layer. */
export function PersonaCardView({
  playbook = defaultPlaybook,
  now = () => new Date(),
}: PersonaCardViewProps) {
  const card = usePersonaCard(playbook);
  const { data } = card;
  if (data.status === 'loading') return <LoadingSpinner testId="loading" label="Reading this contact…" />;
  if (data.status === 'error') {
    return <ErrorNotice title="Could not read this contact" error={data.error} onRetry={card.reclassify} />;
  }
  const { model } = data;
  const busy = card.save.status === 'running';
  const override = (
    <OverrideForm
      key={`${model.personaId}:${model.roleId}`}
      playbook={playbook}
      initialPersona={model.personaId}
      initialRole={model.roleId}
      busy={busy}
      onSubmit={card.override}
    />
  );
  const persona = playbook.personas.find((p) => p.id === model.personaId);
  const negative = playbook.negativePersonas.find((p) => p.id === model.personaId);
  const s = model.suggestion;
  return (
    <Flex direction="column" gap="sm">
      {model.kind === 'empty' ? (
        <MissingInput missing={model.missing} />
      ) : (
        <GlanceSection model={model} playbook={playbook} />
      )}
      {negative ? <NegativeNotice persona={negative} /> : null}
      {model.kind === 'unknown' && s ? (
        <UnconfirmedNotice
          title={model.title}
          bestGuess={`${roleLabel(playbook, s.buyingRole)} · ${humanize(s.seniority)} · ${humanize(s.function)}`}
        />
      ) : null}
      {model.status === 'outdated' && model.saved ? (
        <Alert testId="outdated" variant="warning" title="The saved value no longer matches this contact">
          <Text>
            {`The record says ${personaName(playbook, model.saved.persona)}, ${roleLabel(playbook, model.saved.role).toLowerCase()}; the current title and playbook say otherwise. Save the new suggestion to update it.`}
          </Text>
        </Alert>
      ) : null}
      {model.kind !== 'empty' && model.missing.includes('associated company') && !data.companyError ? (
        <Text testId="no-company" variant="microcopy">
          No company is associated with this contact, so company size and industry were not used.
        </Text>
      ) : null}
      {data.companyError ? (
        <Alert testId="company-error" variant="warning" title="Company not read">
          <Text>
            The associated company could not be read, so company size was not used. Press Re-classify to try
            again.
          </Text>
        </Alert>
      ) : null}
      {data.companyId !== null && model.kind !== 'empty' ? (
        <CompanyGaps
          companyId={data.companyId}
          company={data.company}
          contactId={card.contactId}
          ownRole={model.roleId}
          playbook={playbook}
        />
      ) : null}
      <ActionBar
        model={model}
        contactId={card.contactId}
        busy={busy}
        onSave={() => void card.saveSuggestion(model)}
        onReclassify={card.reclassify}
      />
      <SaveFeedback state={card.save} onRetry={card.retrySave} />
      {model.kind === 'empty' ? (
        override
      ) : (
        <Accordion testId="override" title="Correct the persona or role" size="sm">
          {override}
        </Accordion>
      )}
      {persona ? (
        <>
          <Divider />
          <DetailSection persona={persona} roleId={model.roleId} playbook={playbook} today={now()} />
        </>
      ) : null}
    </Flex>
  );
}

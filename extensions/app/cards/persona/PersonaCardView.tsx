import { Accordion, Divider, Flex, LoadingSpinner } from '@hubspot/ui-extensions';
import { defaultPlaybook, isDetailNotice, type Playbook } from '@rolecall/core';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { OpenDealsSection } from '../shared/OpenDealsSection.tsx';
import { ActionBar } from './ActionBar.tsx';
import { CompanyGaps } from './CompanyGaps.tsx';
import { DetailSection } from './DetailSection.tsx';
import { GlanceSection } from './GlanceSection.tsx';
import { Notices } from './Notices.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { usePersonaCard } from './usePersonaCard.ts';

export interface PersonaCardViewProps {
  /** The shipped playbook unless a configured one is given. */
  playbook?: Playbook;
  /** The clock, for the persona's review age. */
  now?: () => Date;
  /** Show the contact's role on each open deal (read through the open_deals function or the backend). */
  openDeals?: boolean;
}

/** The persona card on the contact record: glance layer, actions, then the detail layer. */
export function PersonaCardView({
  playbook = defaultPlaybook,
  now,
  openDeals = false,
}: PersonaCardViewProps) {
  const card = usePersonaCard(playbook, now);
  const { data } = card;
  if (data.status === 'loading') return <LoadingSpinner testId="loading" label="Reading this contact…" />;
  if (data.status === 'error') {
    return <ErrorNotice title="Could not read this contact" error={data.error} onRetry={card.reclassify} />;
  }
  const { model } = data;
  const busy = card.save.status === 'running';
  // With no persona to save, choosing one is the primary action: the form is open, not behind a click.
  const choosing = model.primaryAction?.kind === 'choose';
  const override = (
    <OverrideForm
      key={`${model.personaId}:${model.roleId}`}
      playbook={playbook}
      initialPersona={model.personaId}
      initialRole={model.roleId}
      busy={busy}
      primary={choosing}
      onSubmit={card.override}
    />
  );
  const stale = model.notices.filter(isDetailNotice);
  return (
    <Flex direction="column" gap="sm">
      {model.kind === 'empty' ? null : <GlanceSection model={model} />}
      <Notices notices={model.notices.filter((n) => !isDetailNotice(n))} />
      {data.companyId !== null && model.inBuyingGroup ? (
        <CompanyGaps
          companyId={data.companyId}
          company={data.company}
          contactId={card.contactId}
          ownRole={model.roleId}
          playbook={playbook}
        />
      ) : null}
      {openDeals ? <OpenDealsSection of={{ contactId: card.contactId }} /> : null}
      {choosing ? override : null}
      <ActionBar
        model={model}
        contactId={card.contactId}
        busy={busy}
        onSave={() => void card.saveSuggestion(model)}
        onReclassify={card.reclassify}
      />
      <SaveFeedback state={card.save} onRetry={card.retrySave} />
      {choosing ? null : (
        <Accordion testId="override" title="Correct the persona or role" size="sm">
          {override}
        </Accordion>
      )}
      {model.guidance ? (
        <>
          <Divider />
          <DetailSection guidance={model.guidance} stale={stale} />
        </>
      ) : null}
    </Flex>
  );
}

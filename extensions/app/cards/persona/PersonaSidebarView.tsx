import { Accordion, Button, Flex, List, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { defaultPlaybook, isDetailNotice, type Playbook } from '@rolecall/core';
import { useState } from 'react';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ActionBar, SaveButton } from './ActionBar.tsx';
import { CompanyGaps } from './CompanyGaps.tsx';
import { GlanceSection } from './GlanceSection.tsx';
import { Notices } from './Notices.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { usePersonaCard } from './usePersonaCard.ts';

export interface PersonaSidebarViewProps {
  playbook?: Playbook;
}

/**
 * The compact sidebar variant: the glance and one action; talking points, the top objection, a question, the
 * next move and the other actions are one click away. Only standard components and CrmActionButton/Link
 * render in the sidebar, so no other Crm* components here.
 */
export function PersonaSidebarView({ playbook = defaultPlaybook }: PersonaSidebarViewProps) {
  const card = usePersonaCard(playbook);
  const [choosing, setChoosing] = useState(false);
  const { data } = card;
  if (data.status === 'loading') return <LoadingSpinner testId="loading" label="Reading this contact…" />;
  if (data.status === 'error') {
    return <ErrorNotice title="Could not read this contact" error={data.error} onRetry={card.reclassify} />;
  }
  const { model } = data;
  const busy = card.save.status === 'running';
  const g = model.guidance;
  const action = model.primaryAction;
  const headline = model.notices.find((n) => n.tone !== 'quiet' && !isDetailNotice(n));
  return (
    <Flex direction="column" gap="sm">
      {model.kind === 'empty' ? null : <GlanceSection model={model} compact />}
      {headline ? (
        <Text testId="sidebar-notice" format={{ fontWeight: 'bold' }}>
          {headline.title}
        </Text>
      ) : null}
      {action?.kind === 'choose' ? (
        choosing ? (
          <OverrideForm
            playbook={playbook}
            initialPersona={model.personaId}
            initialRole={model.roleId}
            busy={busy}
            primary
            onSubmit={card.override}
          />
        ) : (
          <Button testId="choose" variant="primary" onClick={() => setChoosing(true)}>
            {action.label}
          </Button>
        )
      ) : action ? (
        <SaveButton label={action.label} busy={busy} onSave={() => void card.saveSuggestion(model)} />
      ) : null}
      <SaveFeedback state={card.save} onRetry={card.retrySave} />
      <Accordion testId="sidebar-more" title={g ? 'What to say' : 'Details'} size="sm" defaultOpen={false}>
        <Flex direction="column" gap="sm">
          {model.why ? <Text testId="why">{model.why}</Text> : null}
          <Notices notices={model.notices} />
          {g && g.talkingPoints.length > 0 ? (
            <List testId="sidebar-points">
              {g.talkingPoints.slice(0, 2).map((point) => (
                <Text key={point}>{point}</Text>
              ))}
            </List>
          ) : null}
          {g?.objections[0] ? (
            <Text testId="sidebar-objection">{`If they say “${g.objections[0].objection}”: ${g.objections[0].response}`}</Text>
          ) : null}
          {g?.questions[0] ? <Text testId="sidebar-question">{`Ask: ${g.questions[0]}`}</Text> : null}
          {data.companyId !== null && model.inBuyingGroup ? (
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
            secondaryOnly
            onSave={() => void card.saveSuggestion(model)}
            onReclassify={card.reclassify}
          />
          <Text variant="microcopy">
            The "Buying role & persona" tab has the full playbook and lets you correct the values.
          </Text>
        </Flex>
      </Accordion>
    </Flex>
  );
}

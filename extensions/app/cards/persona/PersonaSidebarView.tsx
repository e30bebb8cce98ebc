import { Flex, List, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { defaultPlaybook, type Playbook, talkingPointsFor } from '@rolecall/core';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ActionBar } from './ActionBar.tsx';
import { CompanyGaps } from './CompanyGaps.tsx';
import { GlanceSection } from './GlanceSection.tsx';
import { MissingInput } from './MissingInput.tsx';
import { NegativeNotice } from './NegativeNotice.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { usePersonaCard } from './usePersonaCard.ts';

export interface PersonaSidebarViewProps {
  playbook?: Playbook;
}

/**
 * The compact sidebar variant: the glance layer plus two talking points, the top objection and one question.
 * Only standard components and CrmActionButton/Link render in the sidebar, so no other Crm* components here.
 */
export function PersonaSidebarView({ playbook = defaultPlaybook }: PersonaSidebarViewProps) {
  const card = usePersonaCard(playbook);
  const { data } = card;
  if (data.status === 'loading') return <LoadingSpinner testId="loading" label="Reading this contact…" />;
  if (data.status === 'error') {
    return <ErrorNotice title="Could not read this contact" error={data.error} onRetry={card.reclassify} />;
  }
  const { model } = data;
  const persona = playbook.personas.find((p) => p.id === model.personaId);
  const negative = playbook.negativePersonas.find((p) => p.id === model.personaId);
  const points = talkingPointsFor(persona, model.roleId);
  const objection = persona?.objections[0];
  const question = persona?.discoveryQuestions[0];
  return (
    <Flex direction="column" gap="sm">
      {model.kind === 'empty' ? (
        <MissingInput missing={model.missing} chooseWhere="tab" />
      ) : (
        <GlanceSection model={model} playbook={playbook} />
      )}
      {negative ? <NegativeNotice persona={negative} /> : null}
      {points.length > 0 ? (
        <List testId="sidebar-points">
          {points.slice(0, 2).map((point) => (
            <Text key={point}>{point}</Text>
          ))}
        </List>
      ) : null}
      {objection ? (
        <Text testId="sidebar-objection">{`If they say “${objection.objection}”: ${objection.response}`}</Text>
      ) : null}
      {question ? <Text testId="sidebar-question">{`Ask: ${question}`}</Text> : null}
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
        busy={card.save.status === 'running'}
        onSave={() => void card.saveSuggestion(model)}
        onReclassify={card.reclassify}
      />
      <SaveFeedback state={card.save} onRetry={card.retrySave} />
      <Text variant="microcopy">
        Open the "Buying role & persona" tab for the full playbook and to correct the values.
      </Text>
    </Flex>
  );
}

import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import type { Playbook } from '@rolecall/core';
import { confidenceVariant, confidenceWord, humanize, personaName, roleLabel } from '../shared/labels.ts';
import type { PersonaCardModel, ValueStatus } from './personaModel.ts';

export interface GlanceSectionProps {
  model: PersonaCardModel;
  playbook: Playbook;
}

const STATUS_LABEL: Record<ValueStatus, string> = {
  manual: 'Set by a person',
  saved: 'Saved by rolecall',
  outdated: 'Saved value is outdated',
  suggested: 'Suggested, not saved',
};

const STATUS_VARIANT = {
  manual: 'info',
  saved: 'success',
  outdated: 'warning',
  suggested: 'default',
} as const;

/** The five-second view: persona, role, seniority and function, confidence, who set it, and why. */
export function GlanceSection({ model, playbook }: GlanceSectionProps) {
  const s = model.suggestion;
  const confidence = s ? Math.min(s.confidence, s.personaConfidence) : 0;
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" wrap="wrap">
        <Heading testId="persona-name">{personaName(playbook, model.personaId)}</Heading>
        <Tag testId="role" variant="info">
          {roleLabel(playbook, model.roleId)}
        </Tag>
        <Tag testId="status" variant={STATUS_VARIANT[model.status]}>
          {STATUS_LABEL[model.status]}
        </Tag>
        {model.status !== 'manual' && s ? (
          <Tag testId="confidence" variant={confidenceVariant(confidence)}>
            {confidenceWord(confidence)}
          </Tag>
        ) : null}
      </Flex>
      {s ? (
        <Text testId="seniority-function" variant="microcopy">
          {`${humanize(s.seniority)} · ${humanize(s.function)}`}
        </Text>
      ) : null}
      <Text testId="why">{model.why}</Text>
    </Flex>
  );
}

import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import { confidenceVariant, type PersonaCardModel, shownConfidence, type ValueStatus } from '@rolecall/core';

export interface GlanceSectionProps {
  model: PersonaCardModel;
  /** The sidebar leaves out the one-line why (it sits one click away). */
  compact?: boolean;
}

const STATUS_VARIANT: Record<ValueStatus, 'info' | 'success' | 'warning' | 'default'> = {
  manual: 'info',
  saved: 'success',
  outdated: 'warning',
  suggested: 'default',
};

/** The five-second view: persona, role, seniority and function, confidence, who set it, and why. */
export function GlanceSection({ model, compact = false }: GlanceSectionProps) {
  const word = shownConfidence(model);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" wrap="wrap">
        <Heading testId="persona-name">{model.heading}</Heading>
        {model.role ? (
          <Tag testId="role" variant="info">
            {model.role}
          </Tag>
        ) : null}
        <Tag testId="status" variant={STATUS_VARIANT[model.status]}>
          {model.statusLabel}
        </Tag>
        {word && model.confidence !== null ? (
          <Tag testId="confidence" variant={confidenceVariant(model.confidence)}>
            {word}
          </Tag>
        ) : null}
      </Flex>
      {model.profile ? (
        <Text testId="seniority-function" variant="microcopy">
          {model.profile}
        </Text>
      ) : null}
      {compact ? null : <Text testId="why">{model.why}</Text>}
    </Flex>
  );
}

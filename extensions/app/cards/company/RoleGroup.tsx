import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { confidenceVariant, confidenceWord, type Playbook, personaName, roleLabel } from '@rolecall/core';
import type { GroupMember } from './buyingGroupModel.ts';

export interface RoleGroupProps {
  role: string;
  members: GroupMember[];
  playbook: Playbook;
}

const SOURCE_LABEL = { manual: 'set by a person', saved: 'saved', suggested: 'suggested' } as const;

/** One buying role at the company and the contacts who hold it, each linked to their record. */
export function RoleGroup({ role, members, playbook }: RoleGroupProps) {
  return (
    <Flex direction="column" gap="xs" testId={`role-${role}`}>
      <Heading>{`${roleLabel(playbook, role)} (${members.length})`}</Heading>
      {members.map((m) => (
        <Flex
          key={m.contactId}
          direction="row"
          gap="sm"
          align="center"
          wrap="wrap"
          testId={`member-${m.contactId}`}
        >
          <CrmActionLink
            testId={`link-${m.contactId}`}
            actionType="RECORD_APP_LINK"
            actionContext={{ objectTypeId: '0-1', objectId: m.contactId }}
          >
            {m.name}
          </CrmActionLink>
          <Text variant="microcopy">{m.title || 'no job title'}</Text>
          <Tag variant="info">{personaName(playbook, m.persona)}</Tag>
          {m.confidence !== null && m.source !== 'manual' ? (
            <Tag variant={confidenceVariant(m.confidence)}>{confidenceWord(m.confidence)}</Tag>
          ) : null}
          <Text variant="microcopy">{SOURCE_LABEL[m.source]}</Text>
        </Flex>
      ))}
    </Flex>
  );
}

import { Flex, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import type { DealCardPerson } from '@rolecall/core';

/** One contact on the deal: linked name, title, where the role comes from and the last activity. */
export function PersonLine({ person, showRole = false }: { person: DealCardPerson; showRole?: boolean }) {
  return (
    <Flex direction="row" gap="sm" align="center" wrap="wrap" testId={`person-${person.id}`}>
      <CrmActionLink
        actionType="RECORD_APP_LINK"
        actionContext={{ objectTypeId: '0-1', objectId: Number(person.id) }}
      >
        {person.name}
      </CrmActionLink>
      {showRole ? <Tag variant="default">{person.roleLabel}</Tag> : null}
      <Text variant="microcopy">{person.title || 'no job title'}</Text>
      <Tag testId={`source-${person.id}`} variant={person.source === 'rolecall' ? 'info' : 'success'}>
        {person.source === 'rolecall' ? 'rolecall' : 'label'}
      </Tag>
      <Text variant="microcopy">{`${person.why}; ${person.activityText}`}</Text>
    </Flex>
  );
}

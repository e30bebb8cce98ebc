import { Text, useCrmSearch } from '@hubspot/ui-extensions';
import { buyingGroupCoverage, type CompanyFacts, nextMoveLine, type Playbook } from '@rolecall/core';
import { buyingGroup, MEMBER_PROPERTIES } from '../company/buyingGroupModel.ts';
import { errorMessages } from '../shared/errors.ts';

export interface CompanyGapsProps {
  companyId: number;
  company: CompanyFacts;
  contactId: number;
  /** The role the card shows for this contact (saved, set by hand, or suggested). */
  ownRole: string;
  playbook: Playbook;
}

/** The "next move": which roles the playbook requires that nobody at this contact's company holds yet. */
export function CompanyGaps({ companyId, company, contactId, ownRole, playbook }: CompanyGapsProps) {
  const search = useCrmSearch({
    objectType: '0-1',
    properties: [...MEMBER_PROPERTIES],
    filterGroups: [
      { filters: [{ propertyName: 'associations.company', operator: 'EQ', value: String(companyId) }] },
    ],
    pageLength: 100,
  });
  const at = company.name ? ` at ${company.name}` : '';
  if (search.isLoading) return <Text variant="microcopy">{`Checking the buying group${at}…`}</Text>;
  if (search.error) {
    return (
      <Text
        testId="gaps"
        variant="microcopy"
      >{`Could not check the buying group${at}: ${errorMessages(search.error).join(' ')}`}</Text>
    );
  }
  const others = search.results
    .filter((r) => r.objectId !== contactId)
    .map((r) => ({ toObjectId: r.objectId, properties: r.properties }));
  const roles = [...buyingGroup(others, company, playbook).members.map((m) => m.role), ownRole];
  const { missing } = buyingGroupCoverage(
    roles.map((buyingRole) => ({ buyingRole })),
    playbook,
  );
  return <Text testId="gaps">{nextMoveLine(missing, company.name ?? null, playbook)}</Text>;
}

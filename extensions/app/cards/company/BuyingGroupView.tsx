import { Alert, Divider, EmptyState, Flex, LoadingSpinner, ProgressBar, Text } from '@hubspot/ui-extensions';
import { useAssociations, useCrmProperties } from '@hubspot/ui-extensions/crm';
import { defaultPlaybook, type Playbook } from '@rolecall/core';
import { COMPANY_CARD_PROPERTIES, companyFacts } from '../persona/personaModel.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { roleLabel } from '../shared/labels.ts';
import { buyingGroup, MEMBER_PROPERTIES } from './buyingGroupModel.ts';
import { RoleGroup } from './RoleGroup.tsx';

export interface BuyingGroupViewProps {
  playbook?: Playbook;
}

/** Contacts per page; HubSpot's association hook pages beyond this. */
export const MEMBER_PAGE = 100;

/** The company card: who holds which buying role, which required roles are missing, and the coverage. */
export function BuyingGroupView({ playbook = defaultPlaybook }: BuyingGroupViewProps) {
  const company = useCrmProperties([...COMPANY_CARD_PROPERTIES]);
  const contacts = useAssociations({
    toObjectType: '0-1',
    properties: [...MEMBER_PROPERTIES],
    pageLength: MEMBER_PAGE,
  });
  const retry = () => {
    void company.refetch();
    void contacts.refetch();
  };
  if (company.isLoading || contacts.isLoading) {
    return <LoadingSpinner testId="loading" label="Reading this company's contacts…" />;
  }
  const error = contacts.error ?? company.error;
  if (error)
    return <ErrorNotice title="Could not read this company's contacts" error={error} onRetry={retry} />;
  if (contacts.results.length === 0) {
    return (
      <EmptyState testId="empty" title="No contacts at this company yet" imageName="contacts" flush>
        <Text>
          Associate the people you talk to with this company; rolecall then shows their buying roles here.
        </Text>
      </EmptyState>
    );
  }
  const group = buyingGroup(contacts.results, companyFacts(company.properties), playbook);
  const { coverage } = group;
  const filled = coverage.required.length - coverage.missing.length;
  return (
    <Flex direction="column" gap="sm">
      <ProgressBar
        testId="coverage"
        title="Buying-group coverage"
        value={filled}
        maxValue={coverage.required.length}
        valueDescription={`${filled} of ${coverage.required.length} required roles (score ${coverage.score.toFixed(2)})`}
        variant={coverage.missing.length === 0 ? 'success' : 'warning'}
      />
      {coverage.missing.length > 0 ? (
        <Alert testId="missing" variant="warning" title="Roles still missing">
          <Text>{`No ${coverage.missing.map((r) => roleLabel(playbook, r).toLowerCase()).join(', no ')} yet. Find them and multi-thread the deal.`}</Text>
        </Alert>
      ) : (
        <Text testId="missing">Every role the playbook requires is present.</Text>
      )}
      {contacts.pagination.hasNextPage ? (
        <Text testId="more" variant="microcopy">{`Showing the first ${MEMBER_PAGE} contacts.`}</Text>
      ) : null}
      <Divider />
      {group.byRole.map(({ role, members }) => (
        <RoleGroup key={role} role={role} members={members} playbook={playbook} />
      ))}
    </Flex>
  );
}

import { Divider, EmptyState, Flex, LoadingSpinner, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { useAssociations, useCrmProperties } from '@hubspot/ui-extensions/crm';
import { COMPANY_CARD_PROPERTIES, companyFacts, defaultPlaybook, type Playbook } from '@rolecall/core';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { fetchGroupSummary } from '../shared/groupClient.ts';
import { OpenDealsSection } from '../shared/OpenDealsSection.tsx';
import { useRemote } from '../shared/useRemote.ts';
import { buyingGroup, MEMBER_PROPERTIES } from './buyingGroupModel.ts';
import { CoverageSummary } from './CoverageSummary.tsx';
import { RoleGroup } from './RoleGroup.tsx';

export interface BuyingGroupViewProps {
  playbook?: Playbook;
  /** Show each open deal's coverage (read through the open_deals function or the backend). */
  openDeals?: boolean;
}

/** Contacts per page; HubSpot's association hook pages beyond this. */
export const MEMBER_PAGE = 100;

/** The company card: who holds which buying role, which required roles are missing, and the coverage. */
export function BuyingGroupView({ playbook = defaultPlaybook, openDeals = false }: BuyingGroupViewProps) {
  const company = useCrmProperties([...COMPANY_CARD_PROPERTIES]);
  const contacts = useAssociations({
    toObjectType: '0-1',
    properties: [...MEMBER_PROPERTIES],
    pageLength: MEMBER_PAGE,
  });
  const companyId = Number(useExtensionContext<'crm.record.tab'>().crm.objectId);
  const more = contacts.pagination?.hasNextPage === true;
  // Past one page the card cannot see everyone: the app function counts the whole group server-side.
  const full = useRemote(more ? () => fetchGroupSummary(companyId) : null, `${companyId}:${more}`);
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
  const page = group.coverage;
  return (
    <Flex direction="column" gap="sm">
      {more && full.state.status === 'success' ? (
        <CoverageSummary
          {...full.state.value}
          scope={`${full.state.value.partial ? 'the first ' : 'all '}${full.state.value.members} contacts`}
          playbook={playbook}
        />
      ) : (
        <CoverageSummary
          {...page}
          scope={more ? `the first ${MEMBER_PAGE} contacts` : 'all contacts'}
          playbook={playbook}
        />
      )}
      {more && full.state.status === 'loading' ? (
        <Text
          testId="more"
          variant="microcopy"
        >{`Counting every contact beyond the first ${MEMBER_PAGE}…`}</Text>
      ) : null}
      {more && full.state.status === 'error' ? (
        <ErrorNotice
          testId="full-error"
          title="Could not count the whole buying group"
          error={full.state.error}
          onRetry={full.retry}
        />
      ) : null}
      {more ? <Text variant="microcopy">{`The list shows the first ${MEMBER_PAGE} contacts.`}</Text> : null}
      {openDeals ? <OpenDealsSection of={{ companyId }} /> : null}
      <Divider />
      {group.byRole.map(({ role, members }) => (
        <RoleGroup key={role} role={role} members={members} playbook={playbook} />
      ))}
    </Flex>
  );
}

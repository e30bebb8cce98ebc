import { Button, Flex, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { errorMessages } from './errors.ts';
import { fetchOpenDeals } from './openDealsClient.ts';
import { useRemote } from './useRemote.ts';

export interface OpenDealsSectionProps {
  /** Whose open deals: a contact's (its role on each) or a company's (each deal's coverage). */
  of: { contactId: number } | { companyId: number };
}

/** "On open deals: <deal> — <role>" on the contact card; per open deal coverage on the company card. */
export function OpenDealsSection({ of }: OpenDealsSectionProps) {
  const contact = 'contactId' in of;
  const remote = useRemote(() => fetchOpenDeals(of), JSON.stringify(of));
  const state = remote.state;
  const title = contact ? 'On open deals' : 'Open deals';
  if (state.status === 'loading' || state.status === 'idle') {
    return (
      <Text testId="open-deals-loading" variant="microcopy">
        Reading open deals…
      </Text>
    );
  }
  if (state.status === 'error') {
    return (
      <Flex direction="row" gap="xs" align="center" wrap="wrap" testId="open-deals-error">
        <Text variant="microcopy">{`Open deals could not be read: ${errorMessages(state.error).join(' ')}`}</Text>
        <Button testId="open-deals-retry" size="xs" variant="transparent" onClick={() => remote.retry()}>
          Try again
        </Button>
      </Flex>
    );
  }
  const { deals, more } = state.value;
  if (deals.length === 0) {
    return (
      <Text testId="open-deals-none" variant="microcopy">
        {contact ? 'Not on any open deal.' : 'No open deals at this company.'}
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="xs" testId="open-deals">
      <Text format={{ fontWeight: 'bold' }}>{title}</Text>
      {deals.map((deal) => (
        <Flex key={deal.dealId} direction="row" gap="xs" wrap="wrap" testId={`open-deal-${deal.dealId}`}>
          <CrmActionLink
            actionType="RECORD_APP_LINK"
            actionContext={{ objectTypeId: '0-3', objectId: Number(deal.dealId) }}
          >
            {deal.name}
          </CrmActionLink>
          <Text>{deal.text.slice(deal.name.length).replace(/^:\s*/, '— ').trim()}</Text>
        </Flex>
      ))}
      {more ? <Text variant="microcopy">{`The newest ${deals.length} open deals are shown.`}</Text> : null}
    </Flex>
  );
}

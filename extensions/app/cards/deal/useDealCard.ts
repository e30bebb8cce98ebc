import { useExtensionContext } from '@hubspot/ui-extensions';
import { useCallback } from 'react';
import { addContactToDeal } from '../shared/addToDealClient.ts';
import { fetchDealCard } from '../shared/dealClient.ts';
import { useGuardedAction } from '../shared/useGuardedAction.ts';
import { useRemote } from '../shared/useRemote.ts';

/** The deal card's data and its one action, shared by the tab and the sidebar variant. */
export function useDealCard() {
  const dealId = Number(useExtensionContext<'crm.record.tab'>().crm.objectId);
  const remote = useRemote(() => fetchDealCard(dealId), String(dealId));
  const { retry } = remote;
  const addTask = useCallback(
    async (request: { contactId: string; role: string }) => {
      const message = await addContactToDeal({ dealId, ...request });
      retry(); // the role is filled now: read the group again
      return message;
    },
    [dealId, retry],
  );
  const add = useGuardedAction(addTask);
  return { dealId, remote, add };
}

export type DealCardState = ReturnType<typeof useDealCard>;

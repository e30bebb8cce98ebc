import { hubspot } from '@hubspot/ui-extensions';
import type { OpenDealLine } from '@rolecall/core';
import { answerOf } from './functionAnswer.ts';

/** The uid of the app function in `functions/open-deals-hsmeta.json`. */
export const OPEN_DEALS_FUNCTION_UID = 'open_deals';

export interface OpenDeals {
  deals: OpenDealLine[];
  /** More open deals than the card lists. */
  more: boolean;
}

/** A contact's role on each open deal, or a company's open deals with their coverage. */
export async function fetchOpenDeals(of: { contactId: number } | { companyId: number }): Promise<OpenDeals> {
  const parameters = { ...of } as Record<string, number>;
  const result: unknown = await hubspot.serverless(OPEN_DEALS_FUNCTION_UID, { parameters });
  const body = answerOf<OpenDeals>(result, (b) => Array.isArray(b.deals), 'The open deals');
  return { deals: body.deals, more: body.more === true };
}

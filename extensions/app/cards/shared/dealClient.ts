import { hubspot } from '@hubspot/ui-extensions';
import type { DealCardModel } from '@rolecall/core';
import { answerOf } from './functionAnswer.ts';

/** The uid of the app function in `functions/deal-buying-group-hsmeta.json`. */
export const DEAL_FUNCTION_UID = 'deal_buying_group';

/** The deal card's model, built server-side; rejects with a CardFailure. */
export async function fetchDealCard(dealId: number): Promise<DealCardModel> {
  const result: unknown = await hubspot.serverless(DEAL_FUNCTION_UID, { parameters: { dealId } });
  const body = answerOf<{ card: DealCardModel }>(
    result,
    (b) => typeof b.card === 'object' && b.card !== null,
    "The deal's buying group",
  );
  return body.card;
}

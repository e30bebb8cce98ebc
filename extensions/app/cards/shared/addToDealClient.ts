import { hubspot } from '@hubspot/ui-extensions';
import { answerOf } from './functionAnswer.ts';

/** The uid of the app function in `functions/add-to-deal-hsmeta.json`. */
export const ADD_FUNCTION_UID = 'add_to_deal';

export interface AddToDealRequest {
  dealId: number;
  contactId: string;
  role: string;
}

/** Associates the contact with the deal under the role's label; resolves with the sentence to show. */
export async function addContactToDeal(request: AddToDealRequest): Promise<string> {
  const parameters = { ...request } as Record<string, string | number>;
  const result: unknown = await hubspot.serverless(ADD_FUNCTION_UID, { parameters });
  return answerOf<{ message: string }>(result, (b) => typeof b.message === 'string', 'Adding to the deal')
    .message;
}

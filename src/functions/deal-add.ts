import { z } from 'zod';
import { roleLabel } from '../playbook/helpers.ts';
import { loadDealContext } from '../tag/deals/deal-scan.ts';
import { BUYING_ROLES } from '../taxonomy.ts';
import { type DealEnv, malformed, RecordId } from './deal-group.ts';
import { type FunctionResult, fail, hubspotFailure } from './result.ts';

const AddParameters = z.strictObject({
  dealId: RecordId,
  contactId: RecordId,
  role: z.enum(BUYING_ROLES).exclude(['other']),
});

export type AddToDealResult = FunctionResult<{ dealId: string; contactId: string; role: string }>;

/**
 * App function `add_to_deal` (and POST /api/cards/add-to-deal): associates a contact with a deal under the
 * contact→deal label of a role, as a rep's one click on the deal card. Adds a label, never removes one, so
 * a label a person set stays. A rep chose it, so it is not recorded as rolecall's own label.
 */
export async function addToDeal(rawParameters: unknown, env: DealEnv): Promise<AddToDealResult> {
  const parsed = AddParameters.safeParse(rawParameters);
  if (!parsed.success) return malformed(parsed.error);
  const { dealId, contactId, role } = parsed.data;
  const context = await loadDealContext(env.gateway, env.playbook);
  if (!context.ok) return hubspotFailure(context.error);
  const label = roleLabel(env.playbook, role);
  const typeId = context.value.labelIds.get(role);
  if (typeId === undefined) {
    return {
      ...fail(
        `This HubSpot account has no "${label}" label for contacts on deals; run "rolecall setup" (it creates rolecall's deal labels), then try again.`,
      ),
      code: 'unconfigured',
    };
  }
  const written = await env.gateway.createAssociations('contacts', 'deals', [
    { fromId: contactId, toId: dealId, types: [{ category: 'USER_DEFINED', typeId }] },
  ]);
  if (!written.ok) return hubspotFailure(written.error);
  const failure = written.value.failed[0];
  if (failure) return fail(`HubSpot did not add the contact to the deal: ${failure.message}`);
  return { ok: true, message: `Added to the deal as ${label.toLowerCase()}.`, dealId, contactId, role };
}

import { ENGAGEMENT_OBJECT_TYPES } from './deals-api.ts';
import type { HubSpotError, HubSpotResult } from './errors.ts';
import type { Gateway } from './gateway.ts';

/** deal id → contact id → the times (ms) of the calls, meetings and emails on that deal that involved that contact. */
export type DealEngagements = Map<string, Map<string, number[]>>;

/**
 * The one reading of "activity with this contact on this deal", used by the deal buying groups (engaged
 * roles) and by the closed-deal insights (engaged before the close): each call, meeting and email
 * associated with the deal, dated by `hs_timestamp`, counted for every contact associated with it.
 * A failure names the engagement type that could not be read (a missing scope, usually).
 */
export async function readDealEngagements(
  gateway: Gateway,
  dealIds: readonly string[],
): Promise<HubSpotResult<DealEngagements> | { ok: false; error: HubSpotError; type: string }> {
  const engagements: DealEngagements = new Map(dealIds.map((id) => [id, new Map()]));
  for (const type of ENGAGEMENT_OBJECT_TYPES) {
    const onDeals = await gateway.readAssociations('deals', type, dealIds);
    if (!onDeals.ok) return { ...onDeals, type };
    const ids = [...new Set([...onDeals.value.values()].flat().map((e) => e.toId))];
    if (ids.length === 0) continue;
    const [when, people] = await Promise.all([
      gateway.readEngagements(type, ids),
      gateway.readAssociations(type, 'contacts', ids),
    ]);
    if (!when.ok) return { ...when, type };
    if (!people.ok) return { ...people, type };
    for (const [dealId, list] of onDeals.value) {
      const byContact = engagements.get(dealId) ?? new Map<string, number[]>();
      for (const engagement of list) {
        const at = when.value.get(engagement.toId);
        if (at === undefined) continue;
        for (const contact of people.value.get(engagement.toId) ?? []) {
          const times = byContact.get(contact.toId);
          if (times) times.push(at);
          else byContact.set(contact.toId, [at]);
        }
      }
      engagements.set(dealId, byContact);
    }
  }
  return { ok: true, value: engagements };
}

/** The newest engagement time of a contact on a deal, or null. */
export function lastEngagement(
  engagements: DealEngagements,
  dealId: string,
  contactId: string,
): number | null {
  const times = engagements.get(dealId)?.get(contactId);
  return times?.length ? Math.max(...times) : null;
}

import { z } from 'zod';
import { DEAL_PROPERTIES } from '../deals/label-plan.ts';
import { PLAN_WRITE_PROPERTIES } from '../tag/plan.ts';
import type { JobKind, QueuedEvent } from './store/queue.ts';

const RecordId = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,18}$/)]);

/** One webhook event, loosely: HubSpot adds fields over time and `object.*` payloads are not fully documented. */
export const WebhookEvent = z.looseObject({
  eventId: z.union([z.number(), z.string().min(1)]),
  subscriptionType: z.string(),
  // Record ids are positive integers; anything else would poison a whole batch read. Association
  // changes carry none: they name both records in fromObjectId / toObjectId.
  objectId: RecordId.optional(),
  // HubSpot sends the portal (hub) id with every event; it decides whose queue and token serve it.
  portalId: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,18}$/)]).optional(),
  objectType: z.string().optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
  // associationChange (webhooks guide): legacy `associationType` "DEAL_TO_CONTACT"; the object.* shape
  // also names the object type ids and the association type id and category.
  fromObjectId: RecordId.optional(),
  toObjectId: RecordId.optional(),
  associationType: z.string().optional(),
  fromObjectTypeId: z.string().optional(),
  toObjectTypeId: z.string().optional(),
  associationRemoved: z.boolean().optional(),
});
/** A delivery is an array; each event is checked on its own so one odd event cannot sink the rest. */
export const WebhookBody = z.array(z.unknown()).max(1000);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export type { QueuedEvent };

export type EventDecision =
  | { action: 'queue'; event: QueuedEvent }
  | { action: 'ignore'; reason: 'own_write' | 'not_subscribed' };

const CONTACT = new Set(['contact', 'contacts', '0-1']);
const COMPANY = new Set(['company', 'companies', '0-2']);
const DEAL = new Set(['deal', 'deals', '0-3']);
const OWN_PROPERTIES = new Set<string>([...PLAN_WRITE_PROPERTIES, ...Object.values(DEAL_PROPERTIES)]);
/**
 * Contact properties whose change re-classifies the contact: the job title, and the lifecycle stage (a lead
 * who becomes a customer moves to the customer personas). webhooks-hsmeta.json subscribes to exactly these.
 */
export const CONTACT_TRIGGER_PROPERTIES: readonly string[] = ['jobtitle', 'lifecyclestage'];
const CONTACT_TRIGGERS = new Set(CONTACT_TRIGGER_PROPERTIES);
/** Deal facts the buying group depends on: what the deal requires changes with them. */
export const DEAL_TRIGGER_PROPERTIES: readonly string[] = ['dealstage', 'amount', 'pipeline', 'dealtype'];
const DEAL_TRIGGERS = new Set(DEAL_TRIGGER_PROPERTIES);

function kindOf(type: string): JobKind | null {
  const t = type.toLowerCase();
  if (CONTACT.has(t)) return 'contact';
  if (COMPANY.has(t)) return 'company';
  if (DEAL.has(t)) return 'deal';
  return null;
}

/** contact / company / deal from either the 2026.09 `object.*` shape or the legacy `contact.*` one. */
function objectKind(event: WebhookEvent): JobKind | null {
  const [prefix] = event.subscriptionType.split('.');
  return kindOf(prefix === 'object' ? (event.objectType ?? event.objectTypeId ?? '') : (prefix ?? ''));
}

/** The deal of a deal↔contact or deal↔company association change, whichever side the event is from. */
function dealOfAssociation(event: WebhookEvent): string | null {
  const [fromName, toName] = (event.associationType ?? '').split('_TO_');
  const from = kindOf(event.fromObjectTypeId ?? fromName ?? '') ?? objectKind(event);
  const to = kindOf(event.toObjectTypeId ?? toName ?? '');
  if (event.fromObjectId === undefined || event.toObjectId === undefined) return null;
  if (from === 'deal' && (to === 'contact' || to === 'company')) return String(event.fromObjectId);
  if (to === 'deal' && (from === 'contact' || from === 'company')) return String(event.toObjectId);
  return null;
}

/**
 * Decides what one event means: contact created, contact job title or lifecycle stage changed, company
 * size changed; a deal created, its stage/amount/pipeline/type changed, or a contact or company associated
 * with it or removed from it (labels included). Changes to the properties rolecall writes, or made by our
 * own app (its label writes), are ignored so our writes never loop.
 */
export function decideEvent(event: WebhookEvent, ownAppId?: string): EventDecision {
  const kind = objectKind(event);
  const action = event.subscriptionType.split('.')[1] ?? '';
  const queued = (k: JobKind, id = event.objectId): EventDecision =>
    id === undefined
      ? { action: 'ignore', reason: 'not_subscribed' }
      : { action: 'queue', event: { eventId: String(event.eventId), kind: k, objectId: String(id) } };
  if (event.propertyName && OWN_PROPERTIES.has(event.propertyName))
    return { action: 'ignore', reason: 'own_write' };
  // Only a property change can echo one of our writes; a creation is always worth classifying.
  if (
    ownAppId &&
    action !== 'creation' &&
    event.sourceId === ownAppId &&
    event.changeSource === 'INTEGRATION'
  ) {
    return { action: 'ignore', reason: 'own_write' };
  }
  if (kind === 'contact' && action === 'creation') return queued('contact');
  if (kind === 'contact' && action === 'propertyChange' && CONTACT_TRIGGERS.has(event.propertyName ?? '')) {
    return queued('contact');
  }
  if (kind === 'company' && action === 'propertyChange' && event.propertyName === 'numberofemployees') {
    return queued('company');
  }
  if (kind === 'deal' && action === 'creation') return queued('deal');
  if (kind === 'deal' && action === 'propertyChange' && DEAL_TRIGGERS.has(event.propertyName ?? ''))
    return queued('deal');
  if (action === 'associationChange') {
    const dealId = dealOfAssociation(event);
    if (dealId) return queued('deal', dealId);
  }
  return { action: 'ignore', reason: 'not_subscribed' };
}

import { z } from 'zod';
import { PLAN_WRITE_PROPERTIES } from '../tag/plan.ts';
import type { JobKind, QueuedEvent } from './store/queue.ts';

/** One webhook event, loosely: HubSpot adds fields over time and `object.*` payloads are not fully documented. */
export const WebhookEvent = z.looseObject({
  eventId: z.union([z.number(), z.string().min(1)]),
  subscriptionType: z.string(),
  // Record ids are positive integers; anything else would poison a whole batch read.
  objectId: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,18}$/)]),
  // HubSpot sends the portal (hub) id with every event; it decides whose queue and token serve it.
  portalId: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,18}$/)]).optional(),
  objectType: z.string().optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
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
const OWN_PROPERTIES = new Set(PLAN_WRITE_PROPERTIES);
/**
 * Contact properties whose change re-classifies the contact: the job title, and the lifecycle stage (a lead
 * who becomes a customer moves to the customer personas). webhooks-hsmeta.json subscribes to exactly these.
 */
export const CONTACT_TRIGGER_PROPERTIES: readonly string[] = ['jobtitle', 'lifecyclestage'];
const CONTACT_TRIGGERS = new Set(CONTACT_TRIGGER_PROPERTIES);

/** contact / company from either the 2026.09 `object.*` shape or the legacy `contact.*` one. */
function objectKind(event: WebhookEvent): JobKind | null {
  const [prefix] = event.subscriptionType.split('.');
  const type = (
    prefix === 'object' ? (event.objectType ?? event.objectTypeId ?? '') : (prefix ?? '')
  ).toLowerCase();
  if (CONTACT.has(type)) return 'contact';
  if (COMPANY.has(type)) return 'company';
  return null;
}

/**
 * Decides what one event means: contact created, contact job title or lifecycle stage changed, company
 * size changed. Changes
 * to the properties rolecall writes, or made by our own app, are ignored so our writes never loop.
 */
export function decideEvent(event: WebhookEvent, ownAppId?: string): EventDecision {
  const kind = objectKind(event);
  const action = event.subscriptionType.split('.')[1] ?? '';
  const queued = (k: JobKind): EventDecision => ({
    action: 'queue',
    event: { eventId: String(event.eventId), kind: k, objectId: String(event.objectId) },
  });
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
  return { action: 'ignore', reason: 'not_subscribed' };
}

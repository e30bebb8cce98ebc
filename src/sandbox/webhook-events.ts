import { createHmac } from 'node:crypto';
import { OBJECT_TYPE_IDS } from './property-types.ts';
import type { StoreChange } from './store.ts';

/** Webhook subscriptions and the event JSON HubSpot sends for them (hubspot-api.md §9). */
export interface WebhookSubscription {
  /** `object.creation|propertyChange|deletion` (objectType below) or legacy `contact.*` / `company.*`. */
  subscriptionType: string;
  /** `object.associationChange` (or legacy `deal.associationChange`): every association of that object type. */
  objectType?: 'contact' | 'company' | 'deal';
  propertyName?: string;
  active?: boolean;
}

export const DEFAULT_SUBSCRIPTIONS: WebhookSubscription[] = [
  { subscriptionType: 'object.creation', objectType: 'contact' },
  { subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'jobtitle' },
  { subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'lifecyclestage' },
  { subscriptionType: 'object.creation', objectType: 'deal' },
  ...['dealstage', 'amount', 'pipeline', 'dealtype'].map((propertyName) => ({
    subscriptionType: 'object.propertyChange',
    objectType: 'deal' as const,
    propertyName,
  })),
  { subscriptionType: 'object.associationChange', objectType: 'deal' },
];

const SINGULAR = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  calls: 'call',
  meetings: 'meeting',
  emails: 'email',
} as const;
const TYPE_ID = OBJECT_TYPE_IDS;

/** The v3 signature HubSpot puts on requests: base64 HMAC-SHA256 of method + uri + body + timestamp. */
export function signV3(secret: string, method: string, uri: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`, 'utf8').digest('base64');
}

const UPPER = (type: keyof typeof SINGULAR) => SINGULAR[type].toUpperCase();

/**
 * The association fields of an `associationChange` event (HubSpot's webhooks guide): `associationType`
 * (`DEAL_TO_CONTACT`), `fromObjectId`, `toObjectId`, `associationRemoved`, `isPrimaryAssociation`; the
 * `object.*` shape adds `fromObjectTypeId`, `toObjectTypeId`, `associationTypeId`, `associationCategory`.
 * These events carry no `objectId`. One event per association type (label) added or removed.
 */
function associationFields(
  sub: WebhookSubscription,
  change: StoreChange,
  typeId: number | undefined,
  category: string,
): Record<string, unknown> {
  const to = change.toType ?? change.type;
  const fields: Record<string, unknown> = {
    associationType: `${UPPER(change.type)}_TO_${UPPER(to)}`,
    fromObjectId: change.id,
    toObjectId: change.toId,
    associationRemoved: change.removed === true,
    isPrimaryAssociation: typeId === 5 || typeId === 6 || typeId === 1 || typeId === 2,
  };
  if (sub.subscriptionType.startsWith('object.')) {
    Object.assign(fields, {
      fromObjectTypeId: TYPE_ID[change.type],
      toObjectTypeId: TYPE_ID[to],
      ...(typeId === undefined ? {} : { associationTypeId: typeId }),
      associationCategory: category,
    });
  }
  return fields;
}

/** The events one change makes: one, or for an association change one per type id. */
export function buildEvents(
  sub: WebhookSubscription,
  index: number,
  change: StoreChange,
  ids: { portalId: number; appId: number; nextEventId: () => number },
  categoryOf: (typeId: number) => string,
): Record<string, unknown>[] {
  const one = (eventId: number) => buildEvent(sub, index, change, { ...ids, eventId });
  if (change.kind !== 'associationChange') return [one(ids.nextEventId())];
  const types = change.typeIds?.length ? change.typeIds : [undefined];
  return types.map((typeId) => {
    const { objectId: _none, ...event } = one(ids.nextEventId());
    const category = typeId === undefined ? 'HUBSPOT_DEFINED' : categoryOf(typeId);
    return { ...event, ...associationFields(sub, change, typeId, category) };
  });
}

/** One event of a delivery's JSON array; API writes are INTEGRATION with the app id, people CRM_UI. */
export function buildEvent(
  sub: WebhookSubscription,
  index: number,
  change: StoreChange,
  ids: { portalId: number; appId: number; eventId: number },
): Record<string, unknown> {
  const event: Record<string, unknown> = {
    eventId: ids.eventId,
    subscriptionId: 686_000 + index,
    portalId: ids.portalId,
    appId: ids.appId,
    occurredAt: change.at,
    subscriptionType: sub.subscriptionType,
    attemptNumber: 0,
    objectId: change.id,
  };
  if (sub.subscriptionType.startsWith('object.')) event.objectTypeId = TYPE_ID[change.type];
  if (change.kind === 'propertyChange')
    Object.assign(event, { propertyName: change.property, propertyValue: change.value });
  if (change.kind === 'creation') event.changeFlag = 'NEW';
  event.changeSource = change.source.sourceType === 'CRM_UI' ? 'CRM_UI' : 'INTEGRATION';
  if (change.source.sourceId) event.sourceId = change.source.sourceId;
  return event;
}

export function matches(sub: WebhookSubscription, change: StoreChange): boolean {
  const [scope, action] = sub.subscriptionType.split('.');
  const objectType = scope === 'object' ? sub.objectType : scope;
  if (objectType !== SINGULAR[change.type] || action !== change.kind) return false;
  return change.kind !== 'propertyChange' || !sub.propertyName || sub.propertyName === change.property;
}

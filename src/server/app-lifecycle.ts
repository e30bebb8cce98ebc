import { z } from 'zod';

/**
 * HubSpot's app lifecycle event, as delivered to the app's webhook URL when an admin uninstalls the app
 * from their account: subscription type `APP_LIFECYCLE_EVENT` with the action `APP_UNINSTALL` (the
 * webhooks journal's words). Read loosely: `action`, `eventType` or a `app.uninstall`-style subscription
 * type all name it, so a field spelled another way on a live account still disconnects the portal.
 */
export const AppLifecycleEvent = z.looseObject({
  subscriptionType: z.string(),
  portalId: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,17}$/)]),
  appId: z.union([z.number(), z.string()]).optional(),
  action: z.string().optional(),
  eventType: z.string().optional(),
});
export type AppLifecycleEvent = z.infer<typeof AppLifecycleEvent>;

const LIFECYCLE = /^(app_lifecycle_event|app_lifecycle|app)$/i;
const UNINSTALL = /^(app_)?uninstall(ed)?$/i;

/**
 * The portal an event says the app was uninstalled from, or null when it is another kind of event (or an
 * uninstall of another app, when this server knows its app id).
 */
export function uninstalledPortal(raw: unknown, ownAppId?: string): number | null {
  const parsed = AppLifecycleEvent.safeParse(raw);
  if (!parsed.success) return null;
  const event = parsed.data;
  const [scope, verb] = event.subscriptionType.split('.');
  if (!LIFECYCLE.test(scope ?? '')) return null;
  const action = event.action ?? event.eventType ?? verb ?? '';
  if (!UNINSTALL.test(action)) return null;
  if (ownAppId && event.appId !== undefined && String(event.appId) !== ownAppId) return null;
  return Number(event.portalId);
}

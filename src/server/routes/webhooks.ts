import type { FastifyInstance } from 'fastify';
import { uninstalledPortal } from '../app-lifecycle.ts';
import type { Counters } from '../metrics.ts';
import type { PortalPorts } from '../portal-ports.ts';
import type { QueuedEvent, Store } from '../store/index.ts';
import { UNINSTALLED } from '../store/portals.ts';
import { parseJson, type VerifyContext, verifyOrReject } from '../verify-request.ts';
import { decideEvent, WebhookBody, WebhookEvent } from '../webhook-events.ts';

export interface WebhookRouteOptions {
  verify: VerifyContext;
  store: Store;
  ports: PortalPorts;
  counters: Counters;
  appId?: string;
  /** Called after events were queued, to start the worker early. */
  onQueued: () => void;
}

/** A private app lives in one portal; events without a portal id belong to it. */
export const PRIVATE_PORTAL = 0;

/** `POST /hubspot/webhooks`: verify, de-duplicate and queue per portal in one transaction, answer at once. */
export function registerWebhookRoute(app: FastifyInstance, options: WebhookRouteOptions): void {
  app.post('/hubspot/webhooks', async (request, reply) => {
    if (!verifyOrReject(request, reply, options.verify, ['v3'])) return reply;
    const json = parseJson(request.body);
    const parsed = json.ok ? WebhookBody.safeParse(json.value) : null;
    if (!parsed?.success) {
      return reply.code(400).send({
        status: 'error',
        message: 'Expected a JSON array of HubSpot webhook events (eventId, subscriptionType, objectId).',
      });
    }
    const { counters, store } = options;
    counters.webhookDeliveries += 1;
    counters.webhookEvents += parsed.data.length;
    const byPortal = new Map<number, QueuedEvent[]>();
    const uninstalls = new Set<number>();
    let ignored = 0;
    for (const raw of parsed.data) {
      const uninstalled = uninstalledPortal(raw, options.appId);
      if (uninstalled !== null) {
        uninstalls.add(uninstalled);
        continue;
      }
      const event = WebhookEvent.safeParse(raw);
      const decision = event.success ? decideEvent(event.data, options.appId) : null;
      if (!decision)
        request.log.warn('ignored a webhook event without eventId, subscriptionType or objectId');
      if (decision?.action !== 'queue' || !event.success) {
        ignored += 1;
        continue;
      }
      const portalId = Number(event.data.portalId ?? PRIVATE_PORTAL);
      const list = byPortal.get(portalId) ?? [];
      list.push(decision.event);
      byPortal.set(portalId, list);
    }
    let fresh = 0;
    let queuedTotal = 0;
    for (const [portalId, events] of byPortal) {
      if (options.ports.mode === 'static') await store.portals.ensureStatic(portalId);
      else {
        // Only installed portals have work: an event for any other portal is dropped, never queued.
        const portal = await store.portals.get(portalId);
        const uninstalled = portal?.status === 'disconnected' && portal.statusReason === UNINSTALLED;
        if (portal?.auth !== 'oauth' || uninstalled || uninstalls.has(portalId)) {
          ignored += events.length;
          continue;
        }
      }
      queuedTotal += events.length;
      fresh += await store.queue.accept(portalId, events);
    }
    // App uninstalled: the portal is disconnected, its tokens erased and its queued work dropped (README).
    let dropped = 0;
    for (const portalId of uninstalls) {
      const jobs = options.ports.mode === 'oauth' ? await store.portals.uninstall(portalId) : null;
      if (jobs === null) {
        ignored += 1;
        continue;
      }
      dropped += jobs;
      request.log.info({ portalId, droppedJobs: jobs }, 'app uninstalled: portal disconnected');
    }
    counters.webhookIgnored += ignored;
    counters.webhookDuplicates += queuedTotal - fresh;
    if (fresh > 0) options.onQueued();
    return reply.code(200).send({
      received: parsed.data.length,
      queued: fresh,
      duplicates: queuedTotal - fresh,
      ignored,
      ...(uninstalls.size > 0 ? { uninstalled: [...uninstalls], dropped } : {}),
    });
  });
}

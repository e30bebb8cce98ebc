import type { FastifyInstance } from 'fastify';
import type { Counters } from '../metrics.ts';
import type { JobQueue } from '../queue.ts';
import { parseJson, type VerifyContext, verifyOrReject } from '../verify-request.ts';
import { decideEvent, type QueuedEvent, WebhookBody, WebhookEvent } from '../webhook-events.ts';

export interface WebhookRouteOptions {
  verify: VerifyContext;
  queue: JobQueue;
  counters: Counters;
  appId?: string;
  /** Called after events were queued, to start the worker early. */
  onQueued: () => void;
}

/** `POST /hubspot/webhooks`: verify, de-duplicate and queue in one transaction, answer at once. */
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
    const { counters } = options;
    counters.webhookDeliveries += 1;
    counters.webhookEvents += parsed.data.length;
    const toQueue: QueuedEvent[] = [];
    for (const raw of parsed.data) {
      const event = WebhookEvent.safeParse(raw);
      const decision = event.success ? decideEvent(event.data, options.appId) : null;
      if (!decision)
        request.log.warn('ignored a webhook event without eventId, subscriptionType or objectId');
      if (decision?.action === 'queue') toQueue.push(decision.event);
      else counters.webhookIgnored += 1;
    }
    const fresh = options.queue.accept(toQueue);
    counters.webhookDuplicates += toQueue.length - fresh;
    if (fresh > 0) options.onQueued();
    return reply.code(200).send({
      received: parsed.data.length,
      queued: fresh,
      duplicates: toQueue.length - fresh,
      ignored: parsed.data.length - toQueue.length,
    });
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { tagContacts } from '../tagger.ts';
import { parseJson, signedCaller, verifyOrReject } from '../verify-request.ts';
import type { ClassifyRouteOptions } from './route-options.ts';
import { PRIVATE_PORTAL } from './webhooks.ts';

/** One batch from the bulk action panel (it sends at most 100 ids per call). */
export const BulkRequest = z.strictObject({
  objectIds: z
    .array(z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,18}$/)]))
    .min(1)
    .max(100),
  mode: z.enum(['overwrite', 'fill_empty']).default('fill_empty'),
});

export type BulkStatus = 'written' | 'unchanged' | 'skipped' | 'not_found' | 'failed';

export interface BulkResponse {
  results: { id: string; status: BulkStatus; persona?: string; buyingRole?: string; message?: string }[];
  summary: Record<BulkStatus, number>;
}

export type BulkRouteOptions = ClassifyRouteOptions;

/** `POST /hubspot/bulk-classify`: classify and save one batch for the bulk action, through `hubspot.fetch`. */
export function registerBulkClassifyRoute(app: FastifyInstance, options: BulkRouteOptions): void {
  app.post('/hubspot/bulk-classify', async (request, reply) => {
    if (!verifyOrReject(request, reply, options.verify, ['v3'])) return reply;
    const json = parseJson(request.body);
    const parsed = json.ok ? BulkRequest.safeParse(json.value) : null;
    if (!parsed?.success) {
      return reply.code(400).send({
        status: 'error',
        message: 'Expected {"objectIds": [1..100 contact ids], "mode": "overwrite" | "fill_empty"}.',
      });
    }
    const caller = signedCaller(request.query);
    if (options.ports.mode === 'oauth' && caller.portalId === null) {
      return reply
        .code(400)
        .send({ status: 'error', message: 'Expected the portalId HubSpot adds to hubspot.fetch requests.' });
    }
    const portalId = caller.portalId ?? PRIVATE_PORTAL;
    const port = await options.ports.portFor(portalId);
    if (!port) {
      return reply.code(403).send({
        status: 'error',
        category: 'PORTAL_NOT_CONNECTED',
        message: 'Rolecall is not connected to this HubSpot account; install the app again.',
      });
    }
    const ids = parsed.data.objectIds.map(String);
    options.counters.bulkContacts += ids.length;
    const startedAt = options.now().getTime();
    const outcomes = await tagContacts(ids, {
      port,
      classify: await options.classifyFor(portalId),
      mode: parsed.data.mode,
      now: options.now,
    });
    const changes = outcomes.flatMap((o) =>
      o.status === 'written'
        ? o.plan.changes.map((c) => ({
            contactId: o.id,
            property: c.property,
            before: c.before ?? null,
            after: c.after,
          }))
        : [],
    );
    await options.store.audit.record({
      portalId,
      source: 'bulk_action',
      startedAt,
      contacts: ids.length,
      failed: outcomes.filter((o) => o.status === 'failed').length,
      userId: caller.userId,
      changes,
    });
    const summary: BulkResponse['summary'] = {
      written: 0,
      unchanged: 0,
      skipped: 0,
      not_found: 0,
      failed: 0,
    };
    const results = outcomes.map((o): BulkResponse['results'][number] => {
      summary[o.status] += 1;
      if (o.status === 'failed') return { id: o.id, status: o.status, message: o.error.message };
      if (o.status === 'not_found') return { id: o.id, status: o.status };
      return {
        id: o.id,
        status: o.status,
        persona: o.classification.persona,
        buyingRole: o.classification.hubspotBuyingRole,
      };
    });
    const body: BulkResponse = { results, summary };
    return reply.send(body);
  });
}

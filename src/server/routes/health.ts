import type { FastifyInstance } from 'fastify';
import type { CrmPort } from '../crm-port.ts';
import { type Counters, type MetricsSnapshot, toPrometheus } from '../metrics.ts';
import type { JobQueue } from '../queue.ts';

/** `GET /healthz` (the database answers) and `GET /metrics` (JSON, or Prometheus text on request). */
export function registerHealthRoutes(
  app: FastifyInstance,
  options: { queue: JobQueue; counters: Counters; port: CrmPort },
): void {
  const snapshot = (): MetricsSnapshot => ({
    queue: options.queue.counts(),
    counters: { ...options.counters },
    rateLimitWaits: options.port.rateLimitWaits?.() ?? 0,
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      const queue = options.queue.counts();
      return reply.send({ status: 'ok', queue });
    } catch (error) {
      return reply.code(503).send({ status: 'error', message: `database unavailable: ${String(error)}` });
    }
  });

  app.get('/metrics', async (request, reply) => {
    const query = request.query as { format?: string };
    const wantsText = query.format === 'prometheus' || /text\/plain/.test(request.headers.accept ?? '');
    if (wantsText) return reply.type('text/plain; version=0.0.4').send(toPrometheus(snapshot()));
    return reply.send(snapshot());
  });
}

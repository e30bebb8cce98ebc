import type { FastifyInstance } from 'fastify';
import { type Counters, type MetricsSnapshot, toPrometheus } from '../metrics.ts';
import type { PortalPorts } from '../portal-ports.ts';
import type { Store } from '../store/index.ts';

/** `GET /healthz` (the database answers) and `GET /metrics` (JSON, or Prometheus text on request). */
export function registerHealthRoutes(
  app: FastifyInstance,
  options: { store: Store; counters: Counters; ports: PortalPorts },
): void {
  const snapshot = async (): Promise<MetricsSnapshot> => ({
    queue: await options.store.queue.counts(),
    counters: { ...options.counters },
    rateLimitWaits: options.ports.rateLimitWaits(),
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      const queue = await options.store.queue.counts();
      return reply.send({ status: 'ok', database: options.store.db.dialect.engine, queue });
    } catch (error) {
      return reply.code(503).send({ status: 'error', message: `database unavailable: ${String(error)}` });
    }
  });

  app.get('/metrics', async (request, reply) => {
    const query = request.query as { format?: string };
    const wantsText = query.format === 'prometheus' || /text\/plain/.test(request.headers.accept ?? '');
    if (wantsText) return reply.type('text/plain; version=0.0.4').send(toPrometheus(await snapshot()));
    return reply.send(await snapshot());
  });
}

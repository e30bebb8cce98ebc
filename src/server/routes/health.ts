import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Counters, type MetricsSnapshot, toPrometheus } from '../metrics.ts';
import type { PortalPorts } from '../portal-ports.ts';
import type { Store } from '../store/index.ts';

export interface HealthRouteOptions {
  store: Store;
  counters: Counters;
  ports: PortalPorts;
  /** ROLECALL_METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** When this process started counting (the in-process counters restart from zero with it). */
  startedAt: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison of the request's bearer token with the configured one. */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return Boolean(match?.[1]) && timingSafeEqual(digest(match?.[1]?.trim() ?? ''), digest(token));
}

/**
 * `GET /healthz`: only whether the service and its database answer (nothing about the queue; it is open to
 * the world). `GET /metrics`: queue depth (read from the database, so it survives restarts), the counters of
 * this process since `countersSince` (they restart from zero with the process), JSON or Prometheus text;
 * behind a bearer token when ROLECALL_METRICS_TOKEN is set.
 */
export function registerHealthRoutes(app: FastifyInstance, options: HealthRouteOptions): void {
  const snapshot = async (): Promise<MetricsSnapshot> => ({
    queue: await options.store.queue.counts(),
    answeredWorkflowRequests: await options.store.requests.count(),
    counters: { ...options.counters },
    countersSince: options.startedAt,
    rateLimitWaits: options.ports.rateLimitWaits(),
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await options.store.db.query('SELECT 1');
      return reply.send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'error', message: 'database unavailable' });
    }
  });

  app.get('/metrics', async (request, reply) => {
    if (options.metricsToken && !bearerMatches(request, options.metricsToken)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="rolecall metrics"')
        .send({ status: 'error', message: 'Send Authorization: Bearer <ROLECALL_METRICS_TOKEN>.' });
    }
    const query = request.query as { format?: string };
    const wantsText = query.format === 'prometheus' || /text\/plain/.test(request.headers.accept ?? '');
    if (wantsText) return reply.type('text/plain; version=0.0.4').send(toPrometheus(await snapshot()));
    return reply.send(await snapshot());
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteContext } from './context.ts';
import type { WriteSource } from './record.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';
import { SEED_USER_ID } from './seed/generate.ts';

/**
 * What lets a test outside the process drive the sandbox over HTTP: the `X-Sandbox-Source` header on a write,
 * and the sandbox-only routes, all under one prefix HubSpot never uses.
 */
export const SANDBOX_PREFIX = '/_sandbox/';
export const SOURCE_HEADER = 'x-sandbox-source';
export const SOURCES = ['CRM_UI', 'IMPORT', 'INTEGRATION'] as const;

/** The history source of a write: the header's (a person in the UI, an import) or the app's own. */
export function sourceOf(
  header: string | string[] | undefined,
  apiSource: WriteSource,
): WriteSource | string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toUpperCase();
  if (value === undefined || value === '' || value === 'INTEGRATION') return apiSource;
  if (value === 'CRM_UI') {
    return { sourceType: 'CRM_UI', sourceId: `userId:${SEED_USER_ID}`, updatedByUserId: SEED_USER_ID };
  }
  if (value === 'IMPORT') return { sourceType: 'IMPORT', sourceId: 'import' };
  return `X-Sandbox-Source must be one of ${SOURCES.join(', ')}; got "${value}".`;
}

/** The route context of one request: its write source, and the ids it writes noted in its log entry. */
export function contextFor(
  ctx: RouteContext,
  source: WriteSource,
  entry: RequestLogEntry | undefined,
): RouteContext {
  return {
    ...ctx,
    apiSource: source,
    onWrite: (type, id, before) => {
      if (entry) {
        entry.ids ??= [];
        entry.ids.push(String(id));
      }
      ctx.onWrite(type, id, before);
    },
  };
}

/** `GET /_sandbox/requests?since=<seq>`: the request log after `since`, oldest first, at most `limit`. */
export function registerSandboxRoutes(app: FastifyInstance, log: RequestLog): void {
  app.get(`${SANDBOX_PREFIX}requests`, async (request: FastifyRequest) => {
    const query = request.query as { since?: string; limit?: string };
    const since = Number(query.since ?? 0) || 0;
    const limit = Math.min(Math.max(Number(query.limit ?? 10_000) || 10_000, 1), 100_000);
    const results = log.entries.filter((entry) => entry.seq > since).slice(0, limit);
    const last = results.at(-1)?.seq ?? since;
    return {
      results: results.map(({ seq, method, path, status, at, ids, portalId }) => ({
        seq,
        method,
        path,
        status,
        at,
        ids: ids ?? [],
        ...(portalId === undefined ? {} : { portalId }),
      })),
      next: last,
      total: log.total,
    };
  });
}

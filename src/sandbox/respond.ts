import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from './errors.ts';
import { jsonErrorOffset, lineAndColumn } from './json-position.ts';
import type { PortalRuntime } from './oauth.ts';
import type { RequestLogEntry } from './request-log.ts';

/** How the sandbox answers: HubSpot's content type and correlation ids on every response. */
const JSON_TYPE = 'application/json;charset=utf-8';

declare module 'fastify' {
  interface FastifyRequest {
    logEntry?: RequestLogEntry;
    rateHeaders?: Record<string, string>;
    /** The portal an OAuth token belongs to (unset: the sandbox's first portal). */
    portal?: PortalRuntime;
  }
}

/** Sends a HubSpot-shaped response: JSON with charset, correlation id, no body for 204. */
export function send(
  reply: FastifyReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FastifyReply {
  const correlation =
    body && typeof body === 'object' && 'correlationId' in body ? String(body.correlationId) : randomUUID();
  reply.header('X-HubSpot-Correlation-Id', correlation);
  for (const [k, v] of Object.entries({ ...reply.request.rateHeaders, ...headers })) reply.header(k, v);
  if (status === 204 || body === undefined) return reply.code(status).send();
  return reply.code(status).header('Content-Type', JSON_TYPE).send(JSON.stringify(body));
}

export const sendError = (reply: FastifyReply, error: ApiError) =>
  send(reply, error.statusCode, error.body, error.headers);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a JSON.parse failure happened, as HubSpot words it ("line 1, column 11: …"). */
export function jsonErrorDetail(text: string, error: Error): string {
  const offset = text.length > 1_000_000 ? 0 : jsonErrorOffset(text);
  return `${lineAndColumn(text, Math.max(offset, 0))}: ${error.message}`;
}

export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

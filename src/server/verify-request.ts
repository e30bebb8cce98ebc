import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Counters } from './metrics.ts';
import { type SignatureVersion, verifyHubSpotSignature } from './signature.ts';

export interface VerifyContext {
  clientSecret: string;
  /** The public base URL HubSpot calls; the signed URI is built from it, never from Host headers. */
  publicUrl: string;
  counters: Counters;
  now?: () => number;
}

const REASONS: Record<string, string> = {
  missing: 'No HubSpot signature header. Only HubSpot may call this endpoint.',
  stale: 'The X-HubSpot-Request-Timestamp is missing or more than 5 minutes away; check the server clock.',
  mismatch:
    'The HubSpot signature does not match. Check HUBSPOT_CLIENT_SECRET and that ROLECALL_PUBLIC_URL is the URL HubSpot calls.',
  unsupported: 'This endpoint does not accept that signature version.',
};

/**
 * Verifies the request's signature over its raw body and the configured public URL. Replies 401 and
 * returns false when it fails, so a handler writes nothing for an unsigned request.
 */
export function verifyOrReject(
  request: FastifyRequest,
  reply: FastifyReply,
  context: VerifyContext,
  allowed: readonly SignatureVersion[],
): boolean {
  const rawBody = typeof request.body === 'string' ? request.body : '';
  const check = verifyHubSpotSignature(
    { method: request.method, uri: `${context.publicUrl}${request.url}`, rawBody, headers: request.headers },
    context.clientSecret,
    { now: context.now?.() ?? Date.now(), allowed },
  );
  if (check.ok) return true;
  context.counters.signatureRejected += 1;
  request.log.warn({ reason: check.reason }, 'rejected a request with a bad HubSpot signature');
  void reply
    .code(401)
    .send({ status: 'error', category: 'INVALID_SIGNATURE', message: REASONS[check.reason] });
  return false;
}

/** Parses the raw body as JSON without throwing. */
export function parseJson(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof raw !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * Who a `hubspot.fetch` request comes from: HubSpot adds `portalId` and `userId` (and `userEmail`, `appId`)
 * to the query of the URL it signs, so once the signature is verified these cannot be forged.
 */
export function signedCaller(query: unknown): { portalId: number | null; userId: string | null } {
  const q = (query ?? {}) as Record<string, unknown>;
  const portal = typeof q.portalId === 'string' && /^\d{1,18}$/.test(q.portalId) ? Number(q.portalId) : null;
  const user = typeof q.userId === 'string' && /^\d{1,18}$/.test(q.userId) ? q.userId : null;
  return { portalId: portal, userId: user };
}

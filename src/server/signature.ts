import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects v3 requests older than this; so do we (hubspot-platform.md §7). */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

export interface SignedRequest {
  method: string;
  /** The full public URL HubSpot called, query included. */
  uri: string;
  /** The body bytes exactly as received, before any JSON parsing. */
  rawBody: string;
  /** Header names in lower case, as Node gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type SignatureVersion = 'v1' | 'v2' | 'v3';
export type SignatureCheck =
  | { ok: true; version: SignatureVersion }
  | { ok: false; reason: 'missing' | 'stale' | 'mismatch' | 'unsupported' };

// HubSpot decodes these percent-escapes in the URI before signing v3 requests.
const V3_DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

function v3Uri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => V3_DECODED[m.toUpperCase()] ?? m);
}

const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Constant-time string comparison; unequal lengths compare false without leaking where they differ. */
function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The v3 signature: base64 HMAC-SHA256 of method + uri + body + timestamp, keyed with the client secret. */
export function signV3(
  secret: string,
  method: string,
  uri: string,
  rawBody: string,
  timestamp: number,
): string {
  return createHmac('sha256', secret)
    .update(`${method}${v3Uri(uri)}${rawBody}${timestamp}`, 'utf8')
    .digest('base64');
}

/** The v2 signature: hex SHA-256 of secret + method + uri + body (custom workflow actions). */
export function signV2(secret: string, method: string, uri: string, rawBody: string): string {
  return createHash('sha256').update(`${secret}${method}${uri}${rawBody}`, 'utf8').digest('hex');
}

/** The v1 signature: hex SHA-256 of secret + body (legacy webhooks). */
export function signV1(secret: string, rawBody: string): string {
  return createHash('sha256').update(`${secret}${rawBody}`, 'utf8').digest('hex');
}

/**
 * Checks a HubSpot request signature (v3, else v2/v1 by `X-HubSpot-Signature-Version`). Returns why it
 * failed instead of throwing; `allowed` limits the versions an endpoint accepts.
 */
export function verifyHubSpotSignature(
  request: SignedRequest,
  secret: string,
  options: { now?: number; allowed?: readonly SignatureVersion[] } = {},
): SignatureCheck {
  const allowed = options.allowed ?? ['v3', 'v2', 'v1'];
  const v3 = header(request.headers, 'x-hubspot-signature-v3');
  if (v3) {
    if (!allowed.includes('v3')) return { ok: false, reason: 'unsupported' };
    const rawTimestamp = header(request.headers, 'x-hubspot-request-timestamp') ?? '';
    const timestamp = /^\d{1,16}$/.test(rawTimestamp) ? Number(rawTimestamp) : Number.NaN;
    const now = options.now ?? Date.now();
    if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > MAX_SIGNATURE_AGE_MS) {
      return { ok: false, reason: 'stale' };
    }
    const expected = signV3(secret, request.method, request.uri, request.rawBody, timestamp);
    return same(expected, v3) ? { ok: true, version: 'v3' } : { ok: false, reason: 'mismatch' };
  }
  const signature = header(request.headers, 'x-hubspot-signature');
  if (!signature) return { ok: false, reason: 'missing' };
  const version = header(request.headers, 'x-hubspot-signature-version') ?? 'v1';
  if (version !== 'v1' && version !== 'v2') return { ok: false, reason: 'unsupported' };
  if (!allowed.includes(version)) return { ok: false, reason: 'unsupported' };
  const expected =
    version === 'v2'
      ? signV2(secret, request.method, request.uri, request.rawBody)
      : signV1(secret, request.rawBody);
  return same(expected, signature.toLowerCase()) ? { ok: true, version } : { ok: false, reason: 'mismatch' };
}

import { describe, expect, it } from 'vitest';
import { signV1, signV2, signV3, verifyHubSpotSignature } from '../../src/server/signature.ts';

// Frozen vectors, computed once with @hubspot/api-client 14's Signature.getSignature (an independent implementation).
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const BODY = '[{"eventId":1,"subscriptionType":"contact.creation","objectId":101}]';
const URI = 'https://rolecall.example.com/hubspot/webhooks';
const TS = 1764000000000;
const V1 = '5def782d6e77b0014f81c0d5c1480639a7e72a7ad41ad348d2e48ab3ac876c78';
const V2 = '36946ffbf01dc9148ca01d74c5b4adbc905b5bb87a411ebf87b85f7616b8ab99';
const V3 = '2B29EXf6EBy1NH1K8WSUjWwmqGp2chGzKQ/S+1DPW6c=';

const v3Request = (overrides: { body?: string; uri?: string; signature?: string; ts?: string } = {}) => ({
  method: 'POST',
  uri: overrides.uri ?? URI,
  rawBody: overrides.body ?? BODY,
  headers: {
    'x-hubspot-signature-v3': overrides.signature ?? V3,
    'x-hubspot-request-timestamp': overrides.ts ?? String(TS),
  },
});

describe('HubSpot signatures', () => {
  it('computes the frozen vectors', () => {
    expect(signV1(SECRET, BODY)).toBe(V1);
    expect(signV2(SECRET, 'POST', URI, BODY)).toBe(V2);
    expect(signV3(SECRET, 'POST', URI, BODY, TS)).toBe(V3);
  });

  it('accepts a correct v3 signature inside the 5-minute window', () => {
    expect(verifyHubSpotSignature(v3Request(), SECRET, { now: TS + 299_000 })).toEqual({
      ok: true,
      version: 'v3',
    });
  });

  it('rejects a stale, a future, a missing or a malformed timestamp', () => {
    expect(verifyHubSpotSignature(v3Request(), SECRET, { now: TS + 301_000 })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyHubSpotSignature(v3Request(), SECRET, { now: TS - 301_000 })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyHubSpotSignature(v3Request({ ts: '' }), SECRET, { now: TS }).ok).toBe(false);
    expect(verifyHubSpotSignature(v3Request({ ts: '1e12' }), SECRET, { now: TS }).ok).toBe(false);
  });

  it('rejects a wrong secret, a tampered body, another URL and a garbage signature', () => {
    const now = { now: TS };
    expect(verifyHubSpotSignature(v3Request(), 'wrong-secret-123', now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyHubSpotSignature(v3Request({ body: BODY.replace('101', '102') }), SECRET, now).ok).toBe(
      false,
    );
    expect(verifyHubSpotSignature(v3Request({ uri: `${URI}?x=1` }), SECRET, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3Request({ signature: 'short' }), SECRET, now).ok).toBe(false);
    expect(verifyHubSpotSignature(v3Request({ signature: '🙂'.repeat(44) }), SECRET, now).ok).toBe(false);
  });

  it('checks v2 (workflow actions) and v1 (legacy) by the version header', () => {
    const base = { method: 'POST', uri: URI, rawBody: BODY };
    const v2 = { ...base, headers: { 'x-hubspot-signature': V2, 'x-hubspot-signature-version': 'v2' } };
    const v1 = { ...base, headers: { 'x-hubspot-signature': V1, 'x-hubspot-signature-version': 'v1' } };
    expect(verifyHubSpotSignature(v2, SECRET)).toEqual({ ok: true, version: 'v2' });
    expect(verifyHubSpotSignature(v1, SECRET)).toEqual({ ok: true, version: 'v1' });
    expect(verifyHubSpotSignature({ ...v2, rawBody: `${BODY} ` }, SECRET).ok).toBe(false);
    expect(verifyHubSpotSignature(v1, SECRET, { allowed: ['v3'] })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('says "missing" when no signature header is present', () => {
    expect(verifyHubSpotSignature({ method: 'POST', uri: URI, rawBody: BODY, headers: {} }, SECRET)).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('signs the v3 URI with the reserved characters HubSpot decodes', () => {
    const encoded = `${URI}?userEmail=a%40b.com`;
    const signature = signV3(SECRET, 'POST', `${URI}?userEmail=a@b.com`, BODY, TS);
    expect(verifyHubSpotSignature(v3Request({ uri: encoded, signature }), SECRET, { now: TS }).ok).toBe(true);
  });
});

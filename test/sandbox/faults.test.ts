import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/sandbox/faults.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { type Harness, harness, raw, sdkError } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 20 });
});
afterAll(async () => h.sandbox.close());

const reset = () => Object.assign(h.sandbox.faults, NO_FAULTS);

describe('fault injection', () => {
  it('adds latency to every response', async () => {
    h.sandbox.faults.latencyMs = 120;
    const started = performance.now();
    await h.client.crm.contacts.basicApi.getPage(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    reset();
  });

  it('answers a share of requests with 5xx that the SDK surfaces as ApiException', async () => {
    h.sandbox.faults.errorRate = 1;
    const error = await sdkError(h.client.crm.contacts.basicApi.getPage(1));
    expect([500, 502, 503, 504]).toContain(error.code);
    expect(error.body).toMatchObject({ status: 'error', message: 'internal error' });
    reset();
  });

  it('draws 5xx faults from the seed, so runs repeat exactly', async () => {
    const statuses = async () => {
      const sandbox = await startSandbox({ seed: 7, rateLimit: false, faults: { errorRate: 0.3 } });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await raw(sandbox, 'GET', '/crm/v3/objects/contacts')).status);
      await sandbox.close();
      return out;
    };
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    const failures = first.filter((s) => s >= 500).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
  });

  it('destroys connections without a response, then recovers', async () => {
    h.sandbox.faults.resetRate = 1;
    await expect(fetch(`${h.sandbox.baseUrl}/crm/v3/objects/contacts`)).rejects.toThrow();
    reset();
    expect((await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    expect(h.sandbox.requestLog.some((e) => e.status === 0)).toBe(true);
  });

  it('answers the next N requests with 429 and Retry-After', async () => {
    h.sandbox.faults.burst429 = 2;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts');
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(response.json.policyName).toBe('TEN_SECONDLY_ROLLING');
      }
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('counts and logs requests', async () => {
    const before = h.sandbox.requestCount();
    const body = { inputs: [{ id: '1001' }] };
    await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', body);
    expect(h.sandbox.requestCount()).toBe(before + 1);
    expect(h.sandbox.requestLog.at(-1)).toMatchObject({
      method: 'POST',
      path: '/crm/v3/objects/contacts/batch/read',
      status: 200,
      bodyBytes: JSON.stringify(body).length,
    });
  });
});

describe('malformed requests', () => {
  it('answers bad JSON with the documented "Invalid input JSON" 400', async () => {
    const response = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', '{"inputs": [}');
    expect(response.status).toBe(400);
    expect(response.json.category).toBe('VALIDATION_ERROR');
    expect(String(response.json.message)).toMatch(/^Invalid input JSON on line 1, column 13: /);
  });

  it('never crashes, always answers JSON', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/crm/v3/objects/contacts/batch/read', '[]'],
      ['POST', '/crm/v3/objects/contacts/batch/update', { inputs: [null, 5, 'x'] }],
      ['POST', '/crm/v3/objects/contacts/batch/update', { inputs: [{ id: '1001', properties: 'nope' }] }],
      ['POST', '/crm/v3/objects/contacts/batch/create', { inputs: [{ properties: { email: { a: 1 } } }] }],
      ['POST', '/crm/v3/objects/contacts', 'null'],
      ['PATCH', '/crm/v3/objects/contacts/1001', '"text"'],
      ['POST', '/crm/v3/objects/contacts/search', { filterGroups: 'x', sorts: [42], after: 'abc' }],
      ['POST', '/crm/v3/objects/contacts/search', { filterGroups: [{ filters: [null] }] }],
      ['GET', '/crm/v3/objects/contacts?limit=abc&after=-1', undefined],
      ['GET', '/crm/v3/objects/contacts/%F0%9F%9A%80', undefined],
      ['GET', '/crm/v3/objects/tickets', undefined],
      ['POST', '/crm/v4/associations/contacts/companies/batch/read', { inputs: 'all' }],
      ['PUT', '/crm/v4/objects/contacts/1001/associations/companies/1', '{'],
      ['POST', '/crm/v3/properties/contacts', { name: 5, options: 'x' }],
      ['DELETE', '/crm/v3/properties/contacts/email', undefined],
      ['GET', '/%', undefined],
    ];
    for (const [method, path, body] of cases) {
      const response = await raw(h.sandbox, method, path, body);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(response.json.status).toBe('error');
    }
    expect((await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
  });
});

describe('HubSpot-edge faults', () => {
  it('answers 423 Locked on writes only, with Retry-After', async () => {
    h.sandbox.faults.lockedRate = 1;
    expect((await raw(h.sandbox, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    const write = await raw(h.sandbox, 'POST', '/crm/v3/objects/contacts/batch/update', { inputs: [] });
    expect(write.status).toBe(423);
    expect(write.headers.get('retry-after')).toBe('2');
    reset();
  });

  it('sends DAILY 429s that the SDK does not retry', async () => {
    h.sandbox.faults.burstDaily = 1;
    const error = await sdkError(h.client.crm.contacts.basicApi.getPage(1));
    expect(error.code).toBe(429);
    expect(error.body.policyName).toBe('DAILY');
    reset();
  });

  it('can answer without a Content-Type, which the SDK cannot parse', async () => {
    h.sandbox.faults.noContentTypeRate = 1;
    const response = await fetch(`${h.sandbox.baseUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${h.sandbox.token}` },
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBeNull();
    await expect(h.client.crm.contacts.basicApi.getPage(1)).rejects.toThrow(/No Content-Type defined/);
    reset();
  });
});

describe('lifecycle', () => {
  it('closes idempotently and frees the port', async () => {
    const sandbox = await startSandbox({ contacts: 1 });
    await Promise.all([sandbox.close(), sandbox.close()]);
    await expect(fetch(`${sandbox.baseUrl}/crm/v3/objects/contacts`)).rejects.toThrow();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { RollingWindow } from '../../src/sandbox/rate-limit.ts';
import { raw } from './helpers.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('rolling 10-second window', () => {
  it('counts exactly the requests of the last 10,000 ms', () => {
    const window = new RollingWindow(3, 10_000);
    expect([0, 1000, 2000].map((t) => window.tryTake(t))).toEqual([true, true, true]);
    expect(window.tryTake(9_999)).toBe(false);
    expect(window.msUntilFree(9_999)).toBe(1);
    expect(window.tryTake(10_000)).toBe(true); // the request at 0 has left the window
    expect(window.used(10_000)).toBe(3);
    expect(window.tryTake(10_500)).toBe(false);
  });
});

describe('rate limits over HTTP', () => {
  it('sends the X-HubSpot-RateLimit headers, then 429 TEN_SECONDLY_ROLLING with Retry-After', async () => {
    sandbox = await startSandbox({ contacts: 5, rateLimit: { perTenSeconds: 3, daily: 1000 } });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const ok = await raw(sandbox, 'GET', '/crm/v3/objects/contacts?limit=1');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('3');
      expect(ok.headers.get('x-hubspot-ratelimit-daily')).toBe('1000');
      remaining.push(ok.headers.get('x-hubspot-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await raw(sandbox, 'GET', '/crm/v3/objects/contacts?limit=1');
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(limited.json.category).toBeUndefined();
    expect(String(limited.json.groupName)).toMatch(/^publicapi:hapikey-api-calls-ten-secondly:/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
  });

  it('keeps one window per token', async () => {
    sandbox = await startSandbox({
      rateLimit: { perTenSeconds: 1 },
      tokens: [
        { token: 'a', scopes: ['crm.objects.contacts.read'] },
        { token: 'b', scopes: ['crm.objects.contacts.read'] },
      ],
    });
    expect((await raw(sandbox, 'GET', '/crm/v3/objects/contacts', undefined, 'a')).status).toBe(200);
    expect((await raw(sandbox, 'GET', '/crm/v3/objects/contacts', undefined, 'a')).status).toBe(429);
    expect((await raw(sandbox, 'GET', '/crm/v3/objects/contacts', undefined, 'b')).status).toBe(200);
  });

  it('stops at the daily cap with policy DAILY', async () => {
    sandbox = await startSandbox({ rateLimit: { perTenSeconds: 100, daily: 2 } });
    await raw(sandbox, 'GET', '/crm/v3/objects/contacts');
    const second = await raw(sandbox, 'GET', '/crm/v3/objects/contacts');
    expect(second.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    const third = await raw(sandbox, 'GET', '/crm/v3/objects/contacts');
    expect(third.status).toBe(429);
    expect(third.json).toMatchObject({ policyName: 'DAILY', message: 'You have reached your daily limit.' });
    expect(third.json.requestId).toBeDefined();
  });

  it('limits search to 5 per second with the SECONDLY body and no rate headers', async () => {
    sandbox = await startSandbox({ contacts: 5, rateLimit: { perTenSeconds: 100 } });
    const box = sandbox;
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => raw(box, 'POST', '/crm/v3/objects/contacts/search', { limit: 1 })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.json).toMatchObject({
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
    });
    for (const r of responses) expect(r.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    // Search does not use the 10-second budget.
    const normal = await raw(box, 'GET', '/crm/v3/objects/contacts');
    expect(normal.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
  });

  it('turns limits off with rateLimit: false', async () => {
    sandbox = await startSandbox({ rateLimit: false });
    const box = sandbox;
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => raw(box, 'GET', '/crm/v3/objects/contacts')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses[0]?.headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });
});

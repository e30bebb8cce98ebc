import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('throttling to the token ceiling', () => {
  it('learns a tight ceiling from the headers and never draws a 429', async () => {
    // 20 requests per 10 s: setup and the run together need a second window.
    portal = await startPortal({ contacts: 300, rateLimit: { perTenSeconds: 20, daily: 100_000 } });
    const summary = await tagAll(portal);
    expect(summary.status).toBe('done');
    expect(summary.processed).toBe(300);
    const log = portal.sandbox.requestLog;
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    expect(portal.gateway.transport.limiter.ceiling).toEqual({ max: 20, intervalMs: 10_000 });
    // And it used the window: some ten-second span held (almost) the full 20 requests.
    const busiest = Math.max(
      ...log.map(
        (entry) => log.filter((other) => other.at >= entry.at && other.at < entry.at + 10_000).length,
      ),
    );
    expect(busiest).toBeGreaterThanOrEqual(19);
  }, 60_000);

  it('stops with work remaining when the daily limit is used up, and says when to resume', async () => {
    portal = await startPortal({ contacts: 600, rateLimit: { perTenSeconds: 1000, daily: 60 } }); // setup takes ~30 of them
    const summary = await tagAll(portal);
    expect(summary.status).toBe('stopped');
    expect(summary.error?.kind).toBe('daily_limit');
    expect(summary.error?.message).toContain('--resume');
    expect(summary.processed).toBeLessThan(600);
    expect(portal.db.pendingWrites(summary.runId)).toHaveLength(0);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/hubspot/rate-limiter.ts';

afterEach(() => vi.useRealTimers());

/** Starts `count` requests that each take `latencyMs`; returns their start times. */
async function run(
  limiter: RateLimiter,
  count: number,
  latencyMs: number,
  totalMs: number,
): Promise<number[]> {
  const starts: number[] = [];
  const jobs = Array.from({ length: count }, async () => {
    const release = await limiter.acquire();
    starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    release();
  });
  await vi.advanceTimersByTimeAsync(totalMs);
  await Promise.all(jobs);
  return starts;
}

describe('RateLimiter', () => {
  it('never starts more than max requests in any rolling window', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ max: 5, intervalMs: 1000, concurrency: 10 });
    const starts = await run(limiter, 23, 30, 10_000);
    expect(starts).toHaveLength(23);
    for (const start of starts) {
      const inWindow = starts.filter((other) => other >= start && other < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    // Close to the ceiling: 23 requests at 5 per (1 s + latency) need about 4 windows, not more.
    expect(Math.max(...starts)).toBeLessThan(4 * 1030 + 100);
    expect(limiter.stats.waits).toBeGreaterThan(0);
  });

  it('bounds concurrency', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ max: 100, intervalMs: 1000, concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    const jobs = Array.from({ length: 8 }, async () => {
      const release = await limiter.acquire();
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      release();
    });
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(jobs);
    expect(peak).toBe(2);
  });

  it('holds every request during a pause and learns a new ceiling from headers', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ max: 100, intervalMs: 10_000, concurrency: 4 });
    limiter.observe(2, 500);
    expect(limiter.ceiling).toEqual({ max: 2, intervalMs: 500 });
    limiter.pause(2000);
    const starts = await run(limiter, 4, 1, 5000);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(2000);
    expect(starts.filter((start) => start < 2500)).toHaveLength(2);
  });

  it('resumes right after a short pause when the window still has room', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ max: 100, intervalMs: 10_000, concurrency: 4 });
    await run(limiter, 3, 5, 50);
    limiter.pause(1000);
    const starts = await run(limiter, 2, 5, 3000);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...starts)).toBeLessThan(1100);
  });

  it('keeps the window on the real clock too (no fake timers, no injected clock)', async () => {
    const limiter = new RateLimiter({ max: 3, intervalMs: 150, concurrency: 10 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 9 }, async () => {
        const release = await limiter.acquire();
        starts.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
        release();
      }),
    );
    // The limiter counts a request until its answer plus one interval: 9 requests need three windows.
    for (const start of starts)
      expect(starts.filter((other) => other >= start && other < start + 150).length).toBeLessThanOrEqual(3);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(2 * 150);
  });
});

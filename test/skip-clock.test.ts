import { describe, expect, it } from 'vitest';
import { sleep, systemClock } from '../src/clock.ts';
import { RateLimiter } from '../src/hubspot/rate-limiter.ts';
import { SkipClock } from './skip-clock.ts';

describe('SkipClock (tests wait on it instead of the wall clock)', () => {
  it('fires timers in time order, at their time, without waiting for it', async () => {
    const clock = new SkipClock();
    const started = performance.now();
    const t0 = clock.now();
    const fired: Array<[string, number]> = [];
    await Promise.all([
      sleep(clock, 10_000).then(() => fired.push(['ten', clock.now() - t0])),
      sleep(clock, 3_000).then(() => fired.push(['three', clock.now() - t0])),
    ]);
    expect(fired.map(([name]) => name)).toEqual(['three', 'ten']);
    expect(fired[0]?.[1]).toBeGreaterThanOrEqual(3_000);
    expect(fired[1]?.[1]).toBeGreaterThanOrEqual(10_000);
    expect(clock.skippedMs).toBeGreaterThanOrEqual(9_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never fires a cancelled timer', async () => {
    const clock = new SkipClock();
    let fired = false;
    const cancel = clock.setTimer(() => {
      fired = true;
    }, 5_000);
    cancel();
    await sleep(clock, 10_000);
    expect(fired).toBe(false);
  });

  it('drives the rate limiter through ten-second windows in milliseconds', async () => {
    const clock = new SkipClock();
    const limiter = new RateLimiter({ max: 5, intervalMs: 10_000, concurrency: 10, clock });
    const starts: number[] = [];
    const began = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, async () => {
        const release = await limiter.acquire();
        starts.push(clock.now());
        release();
      }),
    );
    for (const start of starts)
      expect(starts.filter((other) => other >= start && other < start + 10_000).length).toBeLessThanOrEqual(
        5,
      );
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(20_000);
    expect(performance.now() - began).toBeLessThan(2_000);
  });

  it('the system clock sleeps for real', async () => {
    const began = performance.now();
    await sleep(systemClock, 30);
    expect(performance.now() - began).toBeGreaterThanOrEqual(25);
  });
});

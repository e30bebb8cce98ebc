import { type Clock, systemClock } from '../clock.ts';

/** Client-side throttle: a rolling window plus a concurrency bound, learning the ceiling from HubSpot. */
export interface RateLimiterOptions {
  /** Requests allowed per window (HubSpot's `X-HubSpot-RateLimit-Max`). */
  max: number;
  intervalMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests kept in reserve below the ceiling, for other tools using the same app. */
  headroom?: number;
  /** Default: the system clock. */
  clock?: Clock;
}

export interface RateLimiterStats {
  /** Times a request had to wait for the window or a pause. */
  waits: number;
  waitedMs: number;
}

/**
 * A request counts against the window from the moment it is sent until its response arrived plus one
 * interval. HubSpot stamps it somewhere in between, so this can never overshoot the server's rolling count.
 */
export class RateLimiter {
  #max: number;
  #intervalMs: number;
  readonly #concurrency: number;
  readonly #headroom: number;
  readonly #clock: Clock;
  #inFlight = 0;
  /** Completion times of finished requests, oldest first. */
  #done: number[] = [];
  #doneHead = 0;
  #pausedUntil = 0;
  #queue: Array<{ resolve: () => void; since: number }> = [];
  #cancelTimer: (() => void) | undefined;
  readonly stats: RateLimiterStats = { waits: 0, waitedMs: 0 };

  constructor(options: RateLimiterOptions) {
    this.#max = options.max;
    this.#intervalMs = options.intervalMs;
    this.#concurrency = Math.max(1, options.concurrency);
    this.#headroom = options.headroom ?? 0;
    this.#clock = options.clock ?? systemClock;
  }

  get ceiling(): { max: number; intervalMs: number } {
    return { max: this.#max, intervalMs: this.#intervalMs };
  }

  /** Waits for a slot; call the returned function once the response has arrived. */
  async acquire(): Promise<() => void> {
    if (this.#queue.length === 0 && this.#canStart()) {
      this.#inFlight += 1;
    } else {
      this.stats.waits += 1;
      const since = this.#clock.now();
      await new Promise<void>((resolve) => {
        this.#queue.push({ resolve, since });
        this.#pump();
      });
      this.stats.waitedMs += this.#clock.now() - since;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight -= 1;
      this.#done.push(this.#clock.now());
      this.#pump();
    };
  }

  /** Learns the token's real ceiling from response headers (they differ per tier). */
  observe(max: number | undefined, intervalMs: number | undefined): void {
    if (max && Number.isFinite(max) && max > 0) this.#max = max;
    if (intervalMs && Number.isFinite(intervalMs) && intervalMs > 0) this.#intervalMs = intervalMs;
  }

  /** Stops every request until `ms` from now (429 with Retry-After, or a full window). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
    this.#pump();
  }

  #inWindow(now: number): number {
    while (this.#doneHead < this.#done.length && this.#done[this.#doneHead]! + this.#intervalMs <= now) {
      this.#doneHead += 1;
    }
    if (this.#doneHead > 1024) {
      this.#done = this.#done.slice(this.#doneHead);
      this.#doneHead = 0;
    }
    return this.#done.length - this.#doneHead + this.#inFlight;
  }

  #canStart(): boolean {
    const now = this.#clock.now();
    if (now < this.#pausedUntil || this.#inFlight >= this.#concurrency) return false;
    return this.#inWindow(now) < Math.max(1, this.#max - this.#headroom);
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#canStart()) {
      this.#inFlight += 1;
      this.#queue.shift()!.resolve();
    }
    if (this.#queue.length === 0 || this.#cancelTimer) return;
    const now = this.#clock.now();
    // Wake when the oldest counted request leaves the window, or the pause ends; completions also pump.
    const oldest = this.#done[this.#doneHead];
    const windowFull = this.#inWindow(now) >= Math.max(1, this.#max - this.#headroom);
    const windowFree = oldest === undefined || !windowFull ? now : oldest + this.#intervalMs;
    const wakeAt = Math.max(this.#pausedUntil, windowFree, now + 1);
    const completionWillPump = this.#inFlight >= this.#concurrency || (windowFull && oldest === undefined);
    if (completionWillPump && now >= this.#pausedUntil) return;
    this.#cancelTimer = this.#clock.setTimer(() => {
      this.#cancelTimer = undefined;
      this.#pump();
    }, wakeAt - now);
  }
}

/** HubSpot-style rate limits: an exact rolling window per token, a daily cap per account, search per second. */

export const RATE_PRESETS = {
  free: { perTenSeconds: 100, daily: 250_000 },
  starter: { perTenSeconds: 100, daily: 250_000 },
  pro: { perTenSeconds: 190, daily: 625_000 },
  enterprise: { perTenSeconds: 190, daily: 1_000_000 },
  increase: { perTenSeconds: 250, daily: 2_000_000 },
} as const;
export type RatePreset = keyof typeof RATE_PRESETS;

export interface RateLimitSettings {
  perTenSeconds: number;
  daily?: number;
}

/** Timestamps of accepted requests inside a window; a growable ring so 1M requests cost no garbage. */
export class RollingWindow {
  private times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {
    this.times = new Float64Array(Math.max(1, max));
  }

  private evict(now: number): void {
    while (this.size > 0 && (this.times[this.head] as number) <= now - this.windowMs) {
      this.head = (this.head + 1) % this.times.length;
      this.size -= 1;
    }
  }

  /** Records a request if the window has room; returns false (and records nothing) if not. */
  tryTake(now: number): boolean {
    this.evict(now);
    if (this.size >= this.max) return false;
    this.times[(this.head + this.size) % this.times.length] = now;
    this.size += 1;
    return true;
  }

  used(now: number): number {
    this.evict(now);
    return this.size;
  }

  /** Milliseconds until one slot frees up (0 when one is free). */
  msUntilFree(now: number): number {
    this.evict(now);
    if (this.size < this.max) return 0;
    return (this.times[this.head] as number) + this.windowMs - now;
  }
}

export interface RateDecision {
  ok: boolean;
  policy?: 'TEN_SECONDLY_ROLLING' | 'DAILY';
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

/** Limits for one account: one window per token and one daily counter. */
export class RateLimiter {
  private windows = new Map<string, RollingWindow>();
  private dayKey = '';
  private dayCount = 0;
  private searchWindow: RollingWindow;
  private searchUnlimited: boolean;

  constructor(
    private readonly settings: RateLimitSettings | false,
    searchPerSecond: number,
  ) {
    // 0 or Infinity turns the search limit off (benchmarks at scale).
    this.searchWindow = new RollingWindow(
      searchPerSecond > 0 && Number.isFinite(searchPerSecond) ? searchPerSecond : 0,
      1000,
    );
    this.searchUnlimited = !(searchPerSecond > 0 && Number.isFinite(searchPerSecond));
  }

  private window(token: string): RollingWindow {
    let w = this.windows.get(token);
    if (!w && this.settings) {
      w = new RollingWindow(this.settings.perTenSeconds, 10_000);
      this.windows.set(token, w);
    }
    return w as RollingWindow;
  }

  private countDay(now: number): void {
    const key = new Date(now).toISOString().slice(0, 10); // the account's time zone is UTC here
    if (key !== this.dayKey) {
      this.dayKey = key;
      this.dayCount = 0;
    }
  }

  /** A normal CRM call: takes one slot or says which limit stopped it. */
  take(token: string, now: number): RateDecision {
    if (!this.settings) return { ok: true, retryAfterSeconds: 0, headers: {} };
    const daily = this.settings.daily ?? Number.POSITIVE_INFINITY;
    this.countDay(now);
    const w = this.window(token);
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
        'X-HubSpot-RateLimit-Max': String(w.max),
        'X-HubSpot-RateLimit-Remaining': String(Math.max(0, w.max - w.used(now))),
      };
      if (Number.isFinite(daily)) {
        h['X-HubSpot-RateLimit-Daily'] = String(daily);
        h['X-HubSpot-RateLimit-Daily-Remaining'] = String(Math.max(0, daily - this.dayCount));
      }
      return h;
    };
    if (this.dayCount >= daily) {
      const midnight = Date.parse(`${this.dayKey}T00:00:00.000Z`) + 86_400_000;
      return {
        ok: false,
        policy: 'DAILY',
        retryAfterSeconds: Math.ceil((midnight - now) / 1000),
        headers: headers(),
      };
    }
    if (!w.tryTake(now)) {
      const wait = Math.max(1, Math.ceil(w.msUntilFree(now) / 1000));
      return { ok: false, policy: 'TEN_SECONDLY_ROLLING', retryAfterSeconds: wait, headers: headers() };
    }
    this.dayCount += 1;
    return { ok: true, retryAfterSeconds: 0, headers: headers() };
  }

  /** A search call: 5/s per account, no headers; counts toward the daily total (unconfirmed at HubSpot). */
  takeSearch(now: number): { ok: boolean; retryAfterSeconds: number } {
    if (!this.searchUnlimited && !this.searchWindow.tryTake(now)) return { ok: false, retryAfterSeconds: 1 };
    if (this.settings) {
      this.countDay(now);
      this.dayCount += 1;
    }
    return { ok: true, retryAfterSeconds: 0 };
  }
}
